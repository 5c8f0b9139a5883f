package io.containerplatform.plan.lifecycle;

import io.containerplatform.plan.PlanFile;
import io.containerplatform.plan.PlanFixture;
import io.containerplatform.plan.changes.BasePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EksUpgradePathTest {

    private static PlanFixture cluster(String version) {
        var fixture = new PlanFixture("prod");
        fixture.add("aws:eks/cluster:Cluster", "prod-eks", Map.of("version", version));
        return fixture;
    }

    @Test
    void oneMinorAtATimeAndNeverBack(@TempDir Path dir) throws Exception {
        PlanFile.write(cluster("1.33").plan(), dir.resolve("prod.json"));
        var deployed = EksUpgradePath.versionsIn(BasePlan.read(dir, "prod").orElseThrow().json());
        assertThat(deployed).containsExactly(Map.entry(cluster("1.33").urn("aws:eks/cluster:Cluster", "prod-eks"), "1.33"));
        assertThat(EksUpgradePath.errors(deployed, cluster("1.33").plan())).isEmpty();
        assertThat(EksUpgradePath.errors(deployed, cluster("1.34").plan())).isEmpty();
        assertThat(EksUpgradePath.errors(deployed, cluster("1.35").plan())).containsExactly("prod-eks: EKS updates a cluster one minor"
                + " version at a time, and 1.33 to 1.35 skips 1.34: deploy eks.version \"1.34\" first, then each next version (docs/upgrades.md)");
        assertThat(EksUpgradePath.errors(Map.of(cluster("1.32").urn("aws:eks/cluster:Cluster", "prod-eks"), "1.32"), cluster("1.35").plan()))
                .containsExactly("prod-eks: EKS updates a cluster one minor version at a time, and 1.32 to 1.35 skips 1.33 to 1.34: deploy"
                        + " eks.version \"1.33\" first, then each next version (docs/upgrades.md)");
        assertThat(EksUpgradePath.errors(Map.of(cluster("1.34").urn("aws:eks/cluster:Cluster", "prod-eks"), "1.34"), cluster("1.33").plan()))
                .containsExactly("prod-eks: EKS cannot take a cluster from Kubernetes 1.34 back to 1.33");
    }

    @Test
    void aNewClusterHasNoPath() {
        assertThat(EksUpgradePath.errors(Map.of(), cluster("1.35").plan())).isEmpty();
    }
}
