package io.containerplatform.plan;

import io.containerplatform.config.ConfigException;
import io.containerplatform.config.StackConfig;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code ./mvnw -q compile exec:java@plan -Dstack=<name>}: runs the real program with
 * {@code Pulumi.<name>.yaml} against the mock engine, prints the resource tree, writes
 * {@code target/plan/<name>.json}, then evaluates the policy pack over it. Exits 1, with the validation
 * messages only, on invalid config, and non-zero when a mandatory policy fails.
 */
public final class OfflinePlan {

    private OfflinePlan() {
    }

    public static void main(String[] args) {
        System.exit(run(args.length == 0 ? "dev" : args[0], Path.of("")));
    }

    /** Runs the plan of {@code stack} for the project in {@code projectDir}; returns the exit code. */
    static int run(String stack, Path projectDir) {
        StackFile file;
        try {
            file = StackFile.read(projectDir, stack);
        } catch (IOException | RuntimeException unreadable) {
            System.err.println("Cannot read the config of stack '" + stack + "': " + unreadable.getMessage());
            return 1;
        }
        try {
            StackConfig.load(file.programConfig());
        } catch (ConfigException invalid) {
            System.err.println(invalid.report(stack));
            return 1;
        }
        var plan = PlanRunner.run(stack, file);
        System.out.print(PlanTree.render(plan));
        var out = projectDir.resolve("target/plan/" + stack + ".json");
        try {
            PlanFile.write(plan, out);
        } catch (IOException e) {
            System.err.println("Cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        System.out.println("\nWrote " + out);
        return PolicyCheck.run(projectDir, out);
    }
}
