package io.containerplatform.plan;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import io.containerplatform.components.testing.PlatformMocks;
import io.containerplatform.program.PlatformProgram;

import com.pulumi.Context;
import io.containerplatform.config.StackConfig;

import java.util.function.Consumer;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs the real program ({@link PlatformProgram#stack}) with a stack's real config against the SDK's mock
 * engine and {@link PlatformMocks}, recording every registration. No cloud account, CLI or plugin is used.
 */
public final class PlanRunner {

    private PlanRunner() {
    }

    /** The program failed under the mock engine: it threw, or logged errors (a config error found at run time). */
    public static final class ProgramFailed extends RuntimeException {
        ProgramFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Runs the program for {@code stack} configured by {@code file}, reading and validating its config. */
    public static Plan run(String stack, StackFile file) {
        return run(stack, file, PlatformProgram.stack(file.values()));
    }

    /** Runs the program for {@code stack} with {@code config}, already read from {@code file} and valid. */
    public static Plan run(String stack, StackFile file, StackConfig config) {
        return run(stack, file, PlatformProgram.stack(config));
    }

    /**
     * The engine's log as the CLI shows it: warnings the program logs as {@code warning: <message>} lines on
     * standard error; errors are not printed here (they come back in the test result and are reported once,
     * without the logging framework's decoration or a stack trace).
     */
    private static Logger engineLog() {
        var logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.WARNING);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    System.err.println("warning: " + record.getMessage());
                }
            }

            @Override
            public void flush() {
                System.err.flush();
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }

    private static Plan run(String stack, StackFile file, Consumer<Context> program) {
        var mocks = new PlatformMocks(file.region());
        var logger = engineLog();
        var monitor = new RecordingMonitor[1];
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(file.project()).stackName(stack).preview(false).build())
                .mocks(mocks)
                .standardLogger(logger)
                .config(file.values(), file.secretKeys())
                .monitorDecorator(ignored -> monitor[0] = new RecordingMonitor(mocks, PulumiTestInternal.mockLog(logger)))
                .build();
        try {
            var result = test.runTest(program);
            if (!result.exceptions().isEmpty()) {
                var first = result.exceptions().get(0);
                throw new ProgramFailed("The program of stack '" + stack + "' failed under the mock engine: " + first.getMessage(), first);
            }
            if (!result.errors().isEmpty()) {
                throw new ProgramFailed("Invalid config for stack '" + stack + "':\n  - " + String.join("\n  - ", result.errors()), null);
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
