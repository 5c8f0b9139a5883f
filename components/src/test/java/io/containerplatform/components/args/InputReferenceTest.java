package io.containerplatform.components.args;

import io.containerplatform.components.asg.AsgServiceArgs;
import io.containerplatform.components.database.MysqlDatabaseArgs;
import io.containerplatform.components.eks.EksPlatformArgs;
import io.containerplatform.components.fargate.FargateServiceArgs;
import io.containerplatform.components.images.ImageRepositoriesArgs;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;
import io.containerplatform.components.network.NetworkArgs;
import io.containerplatform.components.pipeline.PipelineArgs;
import io.containerplatform.components.spark.SparkEcsArgs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docs/component-inputs.md} is what the declarations say, word for word (tests run at the repository root). */
class InputReferenceTest {

    private static final Path REFERENCE = Path.of("docs/component-inputs.md");

    @Test
    void theLibrarysInputReferenceIsWrittenFromTheDeclarations() throws IOException {
        var current = InputReference.markdown(List.of(NetworkArgs.class, FargateServiceArgs.class, AsgServiceArgs.class,
                MysqlDatabaseArgs.class, WebLoadBalancerArgs.class, ImageRepositoriesArgs.class, SparkEcsArgs.class,
                EksPlatformArgs.class, PipelineArgs.class));
        var written = Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "";
        if (!written.equals(current)) {
            Files.createDirectories(Path.of("components/target"));
            Files.writeString(Path.of("components/target/component-inputs.md"), current);
        }
        assertThat(written).describedAs("docs/component-inputs.md is out of date: copy components/target/component-inputs.md over it")
                .isEqualTo(current);
        assertThat(current).contains("## `Route`", "## `Taint`", "| `routes` | list of [Route](#route) |");
    }

    @Test
    void eachInputIsARowOfItsDeclaration() {
        assertThat(InputReference.markdown(List.of(DeclaredArgsTest.SampleArgs.class)))
                .contains("## `SampleArgs`", "| `name` | string | required |  | A name |", "| `size` | integer | 2 | 1 to 10 | A size |",
                        "| `tags` | list of string | no tags | one of a, b | Tags |");
    }
}
