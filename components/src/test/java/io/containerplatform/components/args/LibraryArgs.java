package io.containerplatform.components.args;

import io.containerplatform.components.asg.AsgServiceArgs;
import io.containerplatform.components.database.MysqlDatabaseArgs;
import io.containerplatform.components.eks.EksPlatformArgs;
import io.containerplatform.components.fargate.FargateClusterArgs;
import io.containerplatform.components.fargate.FargateServiceArgs;
import io.containerplatform.components.images.ImageRepositoriesArgs;
import io.containerplatform.components.loadbalancing.WebLoadBalancerArgs;
import io.containerplatform.components.monitoring.AlertDestination;
import io.containerplatform.components.network.NetworkArgs;
import io.containerplatform.components.pipeline.PipelineArgs;
import io.containerplatform.components.spark.SparkEcsArgs;

import java.util.List;
import java.util.stream.Stream;

/** The library's component Args, and with them every declared input type they hold: what the pattern tests walk. */
final class LibraryArgs {

    /** The Args of the library's components. */
    static final List<Class<? extends DeclaredArgs>> COMPONENTS = List.of(NetworkArgs.class, FargateServiceArgs.class,
            AsgServiceArgs.class, FargateClusterArgs.class, MysqlDatabaseArgs.class, WebLoadBalancerArgs.class, ImageRepositoriesArgs.class,
            SparkEcsArgs.class, EksPlatformArgs.class, PipelineArgs.class);

    /**
     * The components' Args and the declared types the program binds from config beside them (a stack's
     * {@code alerts}): what the reference documents and the pattern tests walk.
     */
    static final List<Class<? extends DeclaredArgs>> DOCUMENTED = Stream.concat(COMPONENTS.stream(),
            Stream.<Class<? extends DeclaredArgs>>of(AlertDestination.class)).toList();

    private LibraryArgs() {
    }

    /** The documented Args and the declared input types they hold. */
    static Stream<Class<?>> all() {
        return InputReference.withTheirTypes(DOCUMENTED).stream();
    }
}
