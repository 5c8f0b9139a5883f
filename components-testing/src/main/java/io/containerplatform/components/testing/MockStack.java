package io.containerplatform.components.testing;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a small program on {@link PlatformMocks} and hands back what it registered: the test fixture for programs
 * that use the components (add {@code container-platform-components-testing} with test scope).
 */
public final class MockStack {

    private MockStack() {
    }

    /** Runs {@code program}; fails the test if the program threw or logged an error. */
    public static PlatformMocks run(Consumer<Context> program) {
        var mocks = new PlatformMocks();
        try {
            var result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder().projectName("test").stackName("test").preview(false).build())
                    .runTest(program);
            if (!result.exceptions().isEmpty()) {
                throw new AssertionError("the program threw: " + result.exceptions(), result.exceptions().get(0));
            }
            if (!result.errors().isEmpty()) {
                throw new AssertionError("the program logged errors: " + result.errors());
            }
            return mocks;
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * Runs {@code program}, which is meant to fail, on {@code mocks} with a {@link #silentLogger()} (the engine would log
     * the expected exception as SEVERE with its stack trace, and a green run prints none): returns what it threw, or an
     * error naming what it logged; fails the test if it did neither. A program that must succeed runs with {@link #run},
     * whose failures are printed and fail the test.
     */
    public static Throwable failure(PlatformMocks mocks, Consumer<Context> program) {
        try {
            var result = PulumiTestInternal.builder().mocks(mocks).standardLogger(silentLogger())
                    .options(TestOptions.builder().projectName("test").stackName("test").preview(false).build()).build()
                    .runTest(program);
            if (!result.exceptions().isEmpty()) {
                return result.exceptions().get(0);
            }
            if (!result.errors().isEmpty()) {
                return new AssertionError("the program logged errors: " + result.errors());
            }
            throw new AssertionError("the program was meant to fail, and it succeeded");
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** {@link #failure(PlatformMocks, Consumer)} on the default mocks. */
    public static Throwable failure(Consumer<Context> program) {
        return failure(new PlatformMocks(), program);
    }

    /**
     * A logger that prints nothing, for tests whose program is meant to fail: they assert the errors and
     * exceptions from the test result, and a green run prints no stack traces.
     */
    public static java.util.logging.Logger silentLogger() {
        var logger = java.util.logging.Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    /** A numeric input as an int (the mock engine hands numbers over as doubles). */
    public static int intInput(com.pulumi.test.Mocks.ResourceArgs resource, String key) {
        return ((Number) resource.inputs.get(key)).intValue();
    }

    /** A nested map input. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mapInput(com.pulumi.test.Mocks.ResourceArgs resource, String key) {
        return (Map<String, Object>) resource.inputs.get(key);
    }
}
