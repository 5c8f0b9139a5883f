package io.containerplatform.plan;

import io.containerplatform.config.ConfigException;
import io.containerplatform.config.StackConfig;
import io.containerplatform.plan.lifecycle.PlanDate;
import io.containerplatform.plan.lifecycle.SupportCheck;
import io.containerplatform.plan.changes.BasePlan;
import io.containerplatform.plan.changes.ChangeReport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Optional;

/**
 * {@code ./mvnw -q compile exec:java@plan -Dstack=<name>}: runs the real program with
 * {@code Pulumi.<name>.yaml} against the mock engine, prints the resource tree, writes
 * {@code target/plan/<name>.json}, then the monthly cost, the time a first deploy takes and the architecture diagram
 * ({@link PlanReport}), then evaluates the policy pack over it. Exits 1, with the validation
 * messages only, on invalid config, and non-zero when a mandatory policy fails, the stack could not be destroyed
 * ({@link DestroyReadiness}) or pins a version past its extended support ({@link SupportCheck}). Versions are checked
 * and priced on {@code -DplanDate=YYYY-MM-DD} (default today, UTC). With {@code -Dbase=<folder>} it then previews the
 * changes from the base plan {@code <folder>/<name>.json} ({@link ChangeReport}), where an EKS version change EKS refuses
 * is an error. With {@code -Dtimings} it also prints how long each phase took. With
 * {@code -Dstrict} (what deploy.yml runs before {@code pulumi up}) it exits 1 on any placeholder left in the stack
 * file, naming each key ({@link Placeholders}); without, it warns once.
 */
public final class OfflinePlan {

    private OfflinePlan() {
    }

    public static void main(String[] args) {
        System.exit(run(args.length == 0 ? "dev" : args[0], Path.of(""), Boolean.getBoolean("strict")));
    }

    /** Runs the plan of {@code stack} for the project in {@code projectDir}; returns the exit code. */
    static int run(String stack, Path projectDir) {
        return run(stack, projectDir, false);
    }

    /** Runs the plan of {@code stack}, refusing placeholders when {@code strict}; returns the exit code. */
    static int run(String stack, Path projectDir, boolean strict) {
        var timings = new Timings();
        try {
            int code = plan(stack, projectDir, strict, timings);
            if (Boolean.getBoolean("timings")) {
                System.out.print(timings.report());
            }
            return code;
        } catch (IOException e) {
            System.err.println("The plan of stack '" + stack + "' failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int plan(String stack, Path projectDir, boolean strict, Timings timings) throws IOException, InterruptedException {
        StackFile file;
        StackConfig config;
        LocalDate date;
        try {
            date = PlanDate.current();
        } catch (IllegalArgumentException notADate) {
            System.err.println(notADate.getMessage());
            return 1;
        }
        try {
            file = timings.time("read and validate config", () -> StackFile.read(projectDir, stack));
            config = timings.time("read and validate config", () -> StackConfig.load(file.programConfig()));
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ConfigException invalid) {
                System.err.println(invalid.report(stack));
            } else {
                System.err.println("Cannot read the config of stack '" + stack + "': " + unreadable.getMessage());
            }
            return 1;
        }
        var placeholders = Placeholders.in(projectDir, stack);
        if (strict && !placeholders.isEmpty()) {
            System.err.print(Placeholders.report(stack, placeholders));
            return 1;
        }
        if (!placeholders.isEmpty()) {
            System.err.println("warning: " + Placeholders.warning(stack, placeholders));
        }
        var policyCheck = PolicyCheck.start(projectDir, config.environment().configValue(), timings);
        var diagramRenderer = DiagramRenderer.start(projectDir, timings);
        Progress.say("running the program of stack '" + stack + "' on Pulumi's mock engine");
        Plan plan;
        try {
            plan = timings.time("program on the mock engine", () -> PlanRunner.run(stack, file, config));
        } catch (PlanRunner.ProgramFailed failed) {
            policyCheck.cancel();
            diagramRenderer.cancel();
            System.err.println(failed.getMessage());
            return 1;
        }
        var out = projectDir.resolve("target/plan/" + stack + ".json");
        timings.time("tree and plan file", () -> {
            System.out.print(PlanTree.render(plan));
            PlanFile.write(plan, out);
            return null;
        });
        System.out.println("\nWrote " + out);
        var report = timings.time("cost, deploy time, diagram", () -> PlanReport.write(plan, file, config, out.getParent(), date));
        DeployReadiness.warnings(plan, System.getenv()).forEach(w -> System.err.println("warning: " + w));
        var support = SupportCheck.of(plan, date);
        support.warnings().forEach(w -> System.err.println("warning: " + w));
        var baseDir = System.getProperty("base");
        var base = baseDir == null || baseDir.isBlank() ? Optional.<BasePlan>empty() : BasePlan.read(Path.of(baseDir), stack);
        var errors = new ArrayList<>(support.errors());
        errors.addAll(DestroyReadiness.errors(plan, config.environment().isProd()));
        errors.forEach(e -> System.err.println("error: " + e));
        int svgCode = diagramRenderer.finish(out.resolveSibling(stack + ".dot"), out.resolveSibling(stack + ".svg"));
        int policyCode = policyCheck.finish(out);
        int changesCode = baseDir == null ? 0 : ChangeReport.run(plan, out, Path.of(baseDir), base, Boolean.getBoolean("allowDataLoss"));
        return policyCode != 0 ? policyCode : report.exitCode() != 0 ? report.exitCode() : !errors.isEmpty() ? 1 : svgCode != 0 ? svgCode
                : changesCode;
    }
}
