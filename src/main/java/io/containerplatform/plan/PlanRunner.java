package io.containerplatform.plan;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import io.containerplatform.components.testing.PlatformMocks;
import io.containerplatform.program.PlatformProgram;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the real program ({@link PlatformProgram#stack}) with a stack's real config against the SDK's mock
 * engine and {@link PlatformMocks}, recording every registration. No cloud account, CLI or plugin is used.
 */
public final class PlanRunner {

    private PlanRunner() {
    }

    /** Runs the program for {@code stack} configured by {@code file}; the config must already be valid. */
    public static Plan run(String stack, StackFile file) {
        var mocks = new PlatformMocks();
        var logger = Logger.getLogger(PlanRunner.class.getName());
        logger.setLevel(Level.WARNING);
        var monitor = new RecordingMonitor[1];
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(file.project()).stackName(stack).preview(false).build())
                .mocks(mocks)
                .standardLogger(logger)
                .config(file.values(), file.secretKeys())
                .monitorDecorator(ignored -> monitor[0] = new RecordingMonitor(mocks, PulumiTestInternal.mockLog(logger)))
                .build();
        try {
            var result = test.runTest(PlatformProgram.stack(file.programConfig().keys()));
            if (!result.exceptions().isEmpty()) {
                var first = result.exceptions().get(0);
                throw new IllegalStateException("the program failed under the mock engine: " + first.getMessage(), first);
            }
            if (!result.errors().isEmpty()) {
                throw new IllegalStateException("the program logged errors: " + String.join("; ", result.errors()));
            }
            var outputs = new TreeMap<String, Object>();
            result.outputs().forEach((key, output) -> {
                var data = PulumiTestInternal.extractOutputData(output);
                outputs.put(key, data.isSecret() ? "[secret]" : data.getValueNullable());
            });
            return new Plan(stack, file.project(), Plan.ordered(monitor[0].recorded()), java.util.Collections.unmodifiableMap(outputs));
        } finally {
            PulumiTest.cleanup();
        }
    }
}
