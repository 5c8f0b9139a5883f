package io.containerplatform.plan.lifecycle;

import java.time.LocalDate;

/**
 * One row of the vendored support calendar ({@code support-calendar.csv}): when a version of a product is supported.
 *
 * @param product              {@code eks} (a Kubernetes minor version of Amazon EKS) or {@code rds-mysql} (a MySQL major of RDS)
 * @param version              the version, {@code 1.35} or {@code 8.4}
 * @param release              its release on AWS
 * @param endOfStandardSupport the first day of extended support (billed at the extended price)
 * @param endOfExtendedSupport the day extended support ends: AWS upgrades what still runs it
 * @param source               where the dates were read
 * @param readOn               when they were read
 */
public record SupportWindow(String product, String version, LocalDate release, LocalDate endOfStandardSupport,
                            LocalDate endOfExtendedSupport, String source, LocalDate readOn) {

    /** Where a version stands on a day. */
    public enum Phase { STANDARD, EXTENDED, ENDED }

    /** The phase of this version on {@code date}. */
    public Phase phaseOn(LocalDate date) {
        if (date.isBefore(endOfStandardSupport)) {
            return Phase.STANDARD;
        }
        return date.isBefore(endOfExtendedSupport) ? Phase.EXTENDED : Phase.ENDED;
    }

    /** Whole years of extended support begun by {@code date}: 1 in its first year, 3 in its third. */
    public int extendedSupportYear(LocalDate date) {
        int year = 1;
        while (!date.isBefore(endOfStandardSupport.plusYears(year))) {
            year++;
        }
        return year;
    }

    /** The product's name in messages. */
    public String productName() {
        return SupportCalendar.productName(product);
    }
}
