package io.containerplatform.plan.lifecycle;

import io.containerplatform.components.eks.ChartVersions;
import io.containerplatform.plan.PlanResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendored support calendar ({@code support-calendar.csv} next to this class): for each version the stacks can
 * pin (an EKS cluster's Kubernetes version, an RDS for MySQL major), its release, the end of its standard support and
 * the end of its extended support, with where and when they were read.
 */
public final class SupportCalendar {

    /** The EKS product: a Kubernetes minor version. */
    public static final String EKS = "eks";
    /** The RDS for MySQL product: a major version. */
    public static final String RDS_MYSQL = "rds-mysql";

    private static final Map<String, String> NAMES = Map.of(EKS, "EKS Kubernetes", RDS_MYSQL, "RDS for MySQL");
    private static final List<SupportWindow> ROWS = load();

    private SupportCalendar() {
    }

    /** Every row, in file order. */
    public static List<SupportWindow> rows() {
        return ROWS;
    }

    /** The row of {@code version} of {@code product}, if the calendar has one. */
    public static Optional<SupportWindow> of(String product, String version) {
        return ROWS.stream().filter(w -> w.product().equals(product) && w.version().equals(version)).findFirst();
    }

    /**
     * The product and version a plan resource pins, looked up in the calendar: an EKS cluster's {@code version}, an RDS
     * MySQL instance's major ({@code 8.4} of {@code 8.4.3}). Empty for other resources.
     */
    public static Optional<Pinned> pinnedBy(PlanResource r) {
        var in = r.inputs();
        if (r.type().equals("aws:eks/cluster:Cluster") && in.get("version") instanceof String version) {
            return Optional.of(new Pinned(EKS, version, of(EKS, version)));
        }
        if (r.type().equals("aws:rds/instance:Instance") && "mysql".equals(in.get("engine")) && in.get("engineVersion") instanceof String v) {
            var parts = v.split("\\.");
            var major = parts.length >= 2 ? parts[0] + "." + parts[1] : v;
            return Optional.of(new Pinned(RDS_MYSQL, major, of(RDS_MYSQL, major)));
        }
        return Optional.empty();
    }

    /**
     * A version a resource pins.
     *
     * @param product its product
     * @param version the version
     * @param window  its row; empty when the calendar has none
     */
    public record Pinned(String product, String version, Optional<SupportWindow> window) {
    }

    /**
     * The newest version of {@code product} in standard support on {@code date} that a stack can pin: an EKS version
     * needs a {@link ChartVersions} row (the calendar may know a version the program cannot deploy yet, such as 1.36).
     */
    public static Optional<SupportWindow> newestInStandardSupport(String product, LocalDate date) {
        return ROWS.stream().filter(w -> w.product().equals(product) && w.phaseOn(date) == SupportWindow.Phase.STANDARD)
                .filter(w -> !w.product().equals(EKS) || ChartVersions.forCluster(w.version()).isPresent())
                .max(Comparator.comparing(SupportWindow::release));
    }

    static String productName(String product) {
        return NAMES.getOrDefault(product, product);
    }

    private static List<SupportWindow> load() {
        try (var in = SupportCalendar.class.getResourceAsStream("support-calendar.csv")) {
            if (in == null) {
                throw new IllegalStateException("support-calendar.csv is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",", 7))
                    .map(f -> new SupportWindow(f[0], f[1], LocalDate.parse(f[2]), LocalDate.parse(f[3]), LocalDate.parse(f[4]), f[5],
                            LocalDate.parse(f[6])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
