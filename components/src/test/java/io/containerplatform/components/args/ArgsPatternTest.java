package io.containerplatform.components.args;

import io.containerplatform.components.asg.AsgServiceArgs;
import io.containerplatform.components.common.Permissions;
import io.containerplatform.components.common.PolicyStatement;
import io.containerplatform.components.database.MysqlDatabaseArgs;
import io.containerplatform.components.database.MysqlSettings;
import io.containerplatform.components.eks.EksPlatformArgs;
import io.containerplatform.components.fargate.FargateServiceArgs;
import io.containerplatform.components.images.ImageRepositoriesArgs;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;
import io.containerplatform.components.network.NetworkArgs;
import io.containerplatform.components.pipeline.PipelineArgs;
import io.containerplatform.components.spark.SparkEcsArgs;
import io.containerplatform.components.eks.Backup;
import io.containerplatform.components.eks.NodeGroupSpec;
import io.containerplatform.components.eks.Taint;
import io.containerplatform.components.fargate.BlueGreenRollout;
import io.containerplatform.components.loadbalancing.Route;
import io.containerplatform.components.network.Placement;
import io.containerplatform.components.scaling.ScheduledCapacity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Args (and the declared input types they hold) keep to the declared pattern: every field a declared input with a description, a builder
 * setter and a getter named like each input, a builder starting from other Args.
 */
class ArgsPatternTest {

    @ParameterizedTest
    @ValueSource(classes = {FargateServiceArgs.class, AsgServiceArgs.class, MysqlDatabaseArgs.class, NetworkArgs.class,
            WebLoadBalancerArgs.class, ImageRepositoriesArgs.class, SparkEcsArgs.class, EksPlatformArgs.class,
            PipelineArgs.class, Route.class, NodeGroupSpec.class, Taint.class, Backup.class, ScheduledCapacity.class,
            BlueGreenRollout.class, Placement.class, Permissions.class, PolicyStatement.class, MysqlSettings.class})
    void everyInputIsDeclaredDescribedAndHasASetterAndAGetterOfItsName(Class<?> args) throws Exception {
        assertThat(DeclaredArgs.class).isAssignableFrom(args);
        var builder = Class.forName(args.getName() + "$Builder");
        var setters = Arrays.stream(builder.getMethods()).map(java.lang.reflect.Method::getName).toList();
        var getters = Arrays.stream(args.getMethods()).filter(m -> m.getParameterCount() == 0).map(java.lang.reflect.Method::getName).toList();
        assertThat(Inputs.of(args)).isNotEmpty().allSatisfy(input -> {
            assertThat(input.description()).describedAs(input.name()).isNotBlank();
            var method = Character.toLowerCase(input.name().charAt(0)) + input.name().substring(1);
            assertThat(setters).describedAs("%s.Builder", args.getSimpleName()).contains(method);
            assertThat(getters).describedAs(args.getSimpleName()).contains(method);
        });
        assertThat(args.getMethod("builder", args).getReturnType()).isEqualTo(builder);
    }
}
