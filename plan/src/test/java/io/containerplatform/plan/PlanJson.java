package io.containerplatform.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Test helper run in a child JVM: writes the plan file of each stack named after the output folder, with a fixed
 * time, and prints the JVM's hash order ({@link #hashOrder()}).
 */
public final class PlanJson {

    private PlanJson() {
    }

    public static void main(String[] args) throws IOException {
        var out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            var plan = PlanRunner.run(args[i], StackFile.read(Path.of(""), args[i]));
            Files.writeString(out.resolve(args[i] + ".json"), PlanFile.toJson(plan, Instant.EPOCH));
        }
        System.out.println(hashOrder());
        System.exit(0);
    }

    /** How this JVM orders a {@code Map.copyOf}: its hash salt, which the JDK draws anew in each JVM. */
    static String hashOrder() {
        var keys = new java.util.LinkedHashMap<String, String>();
        for (var key : java.util.List.of("a", "b", "c", "d", "e", "f")) {
            keys.put(key, key);
        }
        return "hash order " + java.util.Map.copyOf(keys).keySet();
    }
}
