package io.containerplatform.plan.lifecycle;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.database.MysqlSettings;
import io.containerplatform.components.eks.ChartVersions;
import io.containerplatform.components.eks.EksPlatformComponent;
import io.containerplatform.plan.Plan;
import io.containerplatform.plan.PlanFixture;
import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SupportCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static Plan cluster(String version) {
        var fixture = new PlanFixture("dev");
        fixture.add("aws:eks/cluster:Cluster", "dev-eks", Map.of("version", version));
        return fixture.plan();
    }

    private static Plan database(String engineVersion) {
        var fixture = new PlanFixture("prod");
        fixture.add("aws:rds/instance:Instance", "prod-db", Map.of("engine", "mysql", "engineVersion", engineVersion));
        return fixture.plan();
    }

    @Test
    void theRealStacksPinVersionsInStandardSupport() {
        for (var stack : new String[] {"dev", "prod"}) {
            assertThat(SupportCheck.of(StackPlans.of(stack), TODAY)).describedAs(stack).isEqualTo(new SupportCheck(java.util.List.of(), java.util.List.of()));
        }
    }

    @Test
    void theDefaultsAreInStandardSupportAndEveryAllowedVersionHasARow() {
        assertThat(SupportCalendar.of(SupportCalendar.EKS, EksPlatformComponent.DEFAULT_VERSION).orElseThrow().phaseOn(TODAY))
                .isEqualTo(SupportWindow.Phase.STANDARD);
        var mysql = Inputs.defaults(MysqlSettings.class).engineVersion();
        assertThat(SupportCalendar.of(SupportCalendar.RDS_MYSQL, mysql).orElseThrow().phaseOn(TODAY)).isEqualTo(SupportWindow.Phase.STANDARD);
        ChartVersions.supportedVersions().forEach(v -> assertThat(SupportCalendar.of(SupportCalendar.EKS, v)).describedAs("EKS " + v).isPresent());
        for (var major : new String[] {"8.0", "8.4"}) {
            assertThat(SupportCalendar.of(SupportCalendar.RDS_MYSQL, major)).describedAs("MySQL " + major).isPresent();
        }
        assertThat(SupportCalendar.rows()).allSatisfy(w -> assertThat(w.release()).isBefore(w.endOfStandardSupport())
                .isBefore(w.endOfExtendedSupport()));
    }

    @Test
    void aWarningFromNinetyDaysBeforeTheEndOfStandardSupport() {
        assertThat(SupportCheck.of(cluster("1.35"), LocalDate.of(2026, 12, 26)).warnings()).isEmpty();
        assertThat(SupportCheck.of(cluster("1.35"), LocalDate.of(2026, 12, 27)).warnings()).containsExactly(
                "dev-eks pins EKS Kubernetes 1.35, which leaves standard support on 2027-03-27, in 90 days (extended support is paid)");
    }

    @Test
    void aWarningInExtendedSupportNamingTheVersionToUpgradeTo() {
        var check = SupportCheck.of(cluster("1.34"), TODAY);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).containsExactly("dev-eks pins EKS Kubernetes 1.34, which is in paid extended support since 2026-12-02 (until"
                + " 2027-12-02); upgrade to 1.35 (in standard support until 2027-03-27)");
        assertThat(SupportCheck.of(database("8.0.39"), TODAY).warnings()).containsExactly("prod-db pins RDS for MySQL 8.0, which is in paid extended"
                + " support since 2026-07-31 (until 2029-07-31); upgrade to 8.4 (in standard support until 2029-07-31)");
    }

    @Test
    void aVersionTheProgramCannotDeployYetIsNeverTheOneToUpgradeTo() {
        var eks136 = SupportCalendar.of(SupportCalendar.EKS, "1.36").orElseThrow();
        assertThat(eks136.release()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(eks136.endOfStandardSupport()).isEqualTo(LocalDate.of(2027, 8, 2));
        assertThat(eks136.endOfExtendedSupport()).isEqualTo(LocalDate.of(2028, 8, 2));
        assertThat(ChartVersions.forCluster("1.36")).isEmpty();
        assertThat(SupportCalendar.newestInStandardSupport(SupportCalendar.EKS, TODAY).orElseThrow().version()).isEqualTo("1.35");
        assertThat(SupportCheck.of(cluster("1.35"), LocalDate.of(2027, 3, 1)).warnings()).containsExactly(
                "dev-eks pins EKS Kubernetes 1.35, which leaves standard support on 2027-03-27, in 26 days (extended support is paid)");
    }

    @Test
    void anErrorOnceExtendedSupportHasEnded() {
        assertThat(SupportCheck.of(cluster("1.33"), LocalDate.of(2027, 7, 28)).errors()).isEmpty();
        assertThat(SupportCheck.of(cluster("1.33"), LocalDate.of(2027, 7, 29)).errors()).containsExactly(
                "dev-eks pins EKS Kubernetes 1.33: its extended support ended on 2027-07-29, AWS upgrades it on its own");
        assertThat(SupportCheck.of(database("8.0"), LocalDate.of(2029, 7, 31)).errors()).containsExactly(
                "prod-db pins RDS for MySQL 8.0: its extended support ended on 2029-07-31, AWS upgrades it on its own");
    }

    @Test
    void aVersionTheCalendarDoesNotKnowIsAWarning() {
        assertThat(SupportCheck.of(cluster("1.99"), TODAY).warnings()).singleElement().asString()
                .startsWith("dev-eks pins EKS Kubernetes 1.99, which has no row in the support calendar");
    }
}
