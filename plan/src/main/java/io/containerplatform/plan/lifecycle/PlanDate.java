package io.containerplatform.plan.lifecycle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The day the plan prices and checks versions for: {@code -DplanDate=YYYY-MM-DD}, or today (UTC). Tests set it (the
 * surefire configuration gives every test the same day), so that none depends on the day it runs.
 */
public final class PlanDate {

    /** The system property naming the plan date. */
    public static final String PROPERTY = "planDate";

    private PlanDate() {
    }

    /** The plan date; an {@link IllegalArgumentException} naming the property when it is not a date. */
    public static LocalDate current() {
        var given = System.getProperty(PROPERTY, "");
        if (given.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + given + " is not a date; allowed: YYYY-MM-DD, such as 2026-12-04");
        }
    }
}
