package io.containerplatform.plan.lifecycle;

import io.containerplatform.plan.Plan;
import io.containerplatform.plan.PlanResource;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the plan says of the versions a stack pins, on the plan date: a warning from {@value #NOTICE_DAYS} days before
 * a version leaves standard support and while it is in (paid) extended support, an error once its extended support
 * has ended (AWS upgrades it on its own: EKS the control plane only, RDS the major). A version the calendar has no row
 * for is a warning: the calendar must be extended before anything can be said.
 *
 * @param warnings printed as {@code warning:}
 * @param errors   printed as {@code error:}; the plan exits 1
 */
public record SupportCheck(List<String> warnings, List<String> errors) {

    /** How many days before the end of standard support the plan starts warning. */
    public static final int NOTICE_DAYS = 90;

    /** The findings for the versions {@code plan} pins, on {@code date}. */
    public static SupportCheck of(Plan plan, LocalDate date) {
        var warnings = new ArrayList<String>();
        var errors = new ArrayList<String>();
        for (var r : plan.customResources()) {
            SupportCalendar.pinnedBy(r).ifPresent(pinned -> {
                var what = describe(r, pinned);
                if (pinned.window().isEmpty()) {
                    warnings.add(what + ", which has no row in the support calendar (plan/src/main/resources/io/containerplatform/plan/lifecycle/"
                            + "support-calendar.csv): add its dates from " + source(pinned.product()));
                    return;
                }
                var w = pinned.window().get();
                var upgrade = SupportCalendar.newestInStandardSupport(w.product(), date)
                        .filter(newest -> !newest.version().equals(w.version()))
                        .map(newest -> "; upgrade to " + newest.version() + " (in standard support until " + newest.endOfStandardSupport() + ")")
                        .orElse("");
                switch (w.phaseOn(date)) {
                    case ENDED -> errors.add(what + ": its extended support ended on " + w.endOfExtendedSupport()
                            + ", AWS upgrades it on its own" + upgrade);
                    case EXTENDED -> warnings.add(what + ", which is in paid extended support since " + w.endOfStandardSupport() + " (until "
                            + w.endOfExtendedSupport() + ")" + upgrade);
                    case STANDARD -> {
                        long days = ChronoUnit.DAYS.between(date, w.endOfStandardSupport());
                        if (days <= NOTICE_DAYS) {
                            warnings.add(what + ", which leaves standard support on " + w.endOfStandardSupport() + ", in " + days
                                    + " days (extended support is paid)" + upgrade);
                        }
                    }
                }
            });
        }
        return new SupportCheck(List.copyOf(warnings), List.copyOf(errors));
    }

    private static String describe(PlanResource r, SupportCalendar.Pinned pinned) {
        return r.name() + " pins " + SupportCalendar.productName(pinned.product()) + " " + pinned.version();
    }

    private static String source(String product) {
        return SupportCalendar.rows().stream().filter(w -> w.product().equals(product)).reduce((a, b) -> b)
                .map(SupportWindow::source).orElse("AWS's release calendar");
    }
}
