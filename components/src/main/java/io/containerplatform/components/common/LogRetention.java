package io.containerplatform.components.common;

import java.util.List;

/** The retention periods CloudWatch Logs accepts for a log group ({@code retentionInDays}). */
public final class LogRetention {

    /** Every value {@code PutRetentionPolicy} accepts, in days. */
    public static final List<Integer> ALLOWED_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogRetention() {
    }

    /** True when CloudWatch Logs accepts {@code days} as a retention. */
    public static boolean isAllowed(int days) {
        return ALLOWED_DAYS.contains(days);
    }
}
