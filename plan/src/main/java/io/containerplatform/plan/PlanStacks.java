package io.containerplatform.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The offline plan, with its policy check, of every stack that has a {@code Pulumi.<stack>.yaml} in the project
 * directory, in name order. {@code ./mvnw verify} runs it after the unit tests (the static checks read the plans
 * it writes); it fails, naming the stacks, when any plan does.
 */
public final class PlanStacks {

    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([A-Za-z0-9_.-]+)\\.yaml");

    private PlanStacks() {
    }

    public static void main(String[] args) throws IOException {
        var failed = new ArrayList<String>();
        for (var stack : stacks(Path.of(""))) {
            System.out.println("\n== offline plan of stack " + stack);
            int exit = OfflinePlan.run(stack, Path.of(""));
            if (exit != 0) {
                failed.add(stack + " (exit " + exit + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the offline plan failed for " + String.join(", ", failed));
        }
    }

    /** The stacks of {@code projectDir}, from its {@code Pulumi.<stack>.yaml} files. */
    static List<String> stacks(Path projectDir) throws IOException {
        try (Stream<Path> files = Files.list(projectDir)) {
            return files.map(f -> STACK_FILE.matcher(f.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> m.group(1))
                    .sorted()
                    .toList();
        }
    }
}
