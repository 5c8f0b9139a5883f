package io.containerplatform;

import com.pulumi.Pulumi;
import io.containerplatform.config.ConfigSource;
import io.containerplatform.program.PlatformProgram;

/** Entry point of {@code pulumi up}/{@code preview}: Pulumi's Java host runs {@code mvn compile exec:java}. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(PlatformProgram.stack(ConfigSource.fromEnvironment(System.getenv("PULUMI_CONFIG"))));
    }
}
