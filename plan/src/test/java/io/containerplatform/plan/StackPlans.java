package io.containerplatform.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The plans of the real stack files, computed once per test run. */
public final class StackPlans {

    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    private StackPlans() {
    }

    /** The plan of {@code Pulumi.<stack>.yaml} at the project root. */
    public static synchronized Plan of(String stack) {
        return PLANS.computeIfAbsent(stack, s -> {
            try {
                return PlanRunner.run(s, StackFile.read(Path.of(""), s));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
