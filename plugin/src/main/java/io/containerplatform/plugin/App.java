package io.containerplatform.plugin;

import com.pulumi.provider.internal.ComponentProviderHost;

import java.io.IOException;

/**
 * The plugin's entry point: serves every component of this package as the Pulumi package {@value #PACKAGE}, whose
 * types are {@code containerplatform:index:<Component>}. Pulumi starts it (PulumiPlugin.yaml); nothing else should.
 */
public final class App {

    /** The package name programs add ({@code pulumi package add}) and the first part of every type token. */
    public static final String PACKAGE = "containerplatform";

    private App() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        new ComponentProviderHost(PACKAGE, App.class.getPackage()).start(args);
    }
}
