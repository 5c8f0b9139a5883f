package io.containerplatform.components.common;

import java.util.Arrays;
import java.util.List;

/** The retention periods CloudWatch Logs accepts for a log group ({@code retentionInDays}). */
public final class LogRetention {

    /** What is allowed, in the words of every log retention input's declaration. */
    public static final String ALLOWED = "a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,"
            + " 1096, 1827, 2192, 2557, 2922, 3288, 3653";

    /** Every value {@code PutRetentionPolicy} accepts, in days. */
    private static final List<Integer> ALLOWED_DAYS = Arrays.stream(ALLOWED.substring(ALLOWED.indexOf(':') + 1).split(","))
            .map(s -> Integer.valueOf(s.trim())).toList();

    private LogRetention() {
    }

    /** True when CloudWatch Logs accepts {@code days} as a retention. */
    public static boolean isAllowed(int days) {
        return ALLOWED_DAYS.contains(days);
    }
}
