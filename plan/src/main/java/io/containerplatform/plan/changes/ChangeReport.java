package io.containerplatform.plan.changes;

import com.google.gson.JsonParser;
import io.containerplatform.plan.Plan;
import io.containerplatform.plan.PlanResource;
import io.containerplatform.plan.lifecycle.EksUpgradePath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The offline plan's {@code -Dbase=<folder>}: compares the plan just written with {@code <folder>/<stack>.json},
 * prints the {@link ChangePreview}, writes {@code <stack>.changes.json} beside the plan, and fails on a change the
 * cloud would refuse (an EKS version change EKS refuses included: {@link EksUpgradePath}), or on one that loses data
 * unless {@code -DallowDataLoss} says it is intended.
 */
public final class ChangeReport {

    private ChangeReport() {
    }

    /**
     * Returns the exit code: 0, or 1 when {@code baseDir} holds no plan of the stack ({@code base} empty), or the preview
     * has errors or loses data that {@code allowDataLoss} does not allow.
     */
    public static int run(Plan plan, Path planFile, Path baseDir, Optional<BasePlan> base, boolean allowDataLoss) throws IOException {
        var stack = plan.stack();
        if (base.isEmpty()) {
            System.err.println("error: -Dbase=" + baseDir + " has no plan of stack '" + stack + "' (" + BasePlan.fileIn(baseDir, stack) + ")");
            return 1;
        }
        var ignored = plan.resources().stream().filter(r -> !r.ignoreChanges().isEmpty())
                .collect(Collectors.toMap(PlanResource::urn, PlanResource::ignoreChanges));
        var preview = ChangePreview.of(stack, base.get().file().toString(), base.get().json(),
                JsonParser.parseString(Files.readString(planFile)).getAsJsonObject(), ignored, ReplacementTables.pinned())
                .withErrors(EksUpgradePath.errors(EksUpgradePath.versionsIn(base.get().json()), plan));
        System.out.print(preview.report());
        var out = planFile.resolveSibling(stack + ".changes.json");
        Files.writeString(out, preview.toJson());
        System.out.println("Wrote " + out);
        preview.errors().forEach(e -> System.err.println("error: " + e));
        if (preview.losesData()) {
            System.err.println((allowDataLoss ? "warning: " : "error: ") + "this change loses data (the LOSES DATA lines above)"
                    + (allowDataLoss ? "; -DallowDataLoss says it is intended" : "; if that is intended, run again with -DallowDataLoss"));
        }
        return !preview.errors().isEmpty() || (preview.losesData() && !allowDataLoss) ? 1 : 0;
    }
}
