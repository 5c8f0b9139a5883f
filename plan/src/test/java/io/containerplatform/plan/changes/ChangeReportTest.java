package io.containerplatform.plan.changes;

import io.containerplatform.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit code and the file of {@code -Dbase}: data loss fails unless allowed, a missing base fails. */
class ChangeReportTest {

    @TempDir
    Path dir;

    private static String plan(String... resources) {
        return "{\"version\":3,\"deployment\":{\"resources\":[" + String.join(",", resources) + "]}}";
    }

    private static final String DATABASE = "{\"urn\":\"urn:pulumi:dev::p::aws:rds/instance:Instance::db\",\"type\":\"aws:rds/instance:Instance\","
            + "\"custom\":true,\"inputs\":{\"engine\":\"mysql\"},\"protect\":false}";

    private int run(String base, String head, boolean allowDataLoss) throws Exception {
        var baseDir = Files.createDirectories(dir.resolve("base"));
        Files.writeString(baseDir.resolve("dev.json"), base);
        var planFile = Files.createDirectories(dir.resolve("plan")).resolve("dev.json");
        Files.writeString(planFile, head);
        return ChangeReport.run(new Plan("dev", "p", List.of(), Map.of()), planFile, baseDir, BasePlan.read(baseDir, "dev"), allowDataLoss);
    }

    @Test
    void deletingADatabaseFailsUnlessAllowedAndWritesTheChangesFile() throws Exception {
        assertThat(run(plan(DATABASE), plan(), false)).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("plan/dev.changes.json"))).contains("\"op\": \"delete\"").contains("\"losesData\": true");
        assertThat(run(plan(DATABASE), plan(), true)).isZero();
    }

    @Test
    void noChangePasses() throws Exception {
        assertThat(run(plan(DATABASE), plan(DATABASE), false)).isZero();
        assertThat(Files.readString(dir.resolve("plan/dev.changes.json"))).contains("\"changes\": []");
    }

    @Test
    void aBaseFolderWithoutThePlanFails() throws Exception {
        var planFile = Files.createDirectories(dir.resolve("plan")).resolve("dev.json");
        Files.writeString(planFile, plan());
        assertThat(BasePlan.read(dir.resolve("nowhere"), "dev")).isEmpty();
        assertThat(ChangeReport.run(new Plan("dev", "p", List.of(), Map.of()), planFile, dir.resolve("nowhere"), Optional.empty(), true))
                .isEqualTo(1);
    }
}
