package io.containerplatform.plugin;

import com.pulumi.provider.internal.ResourceProviderService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plugin's entry point: serves every component of this package as the Pulumi package {@value #PACKAGE}, whose
 * types are {@code containerplatform:index:<Component>}. Pulumi starts it (PulumiPlugin.yaml); nothing else should.
 * It does what the SDK's {@code ComponentProviderHost} does, with {@link DescribedComponentProvider} as the provider
 * (the host's own provider would serve a schema without descriptions).
 */
public final class App {

    /** The package name programs add ({@code pulumi package add}) and the first part of every type token. */
    public static final String PACKAGE = "containerplatform";

    private App() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        var engine = engineAddress(List.of(args));
        if (engine.isEmpty()) {
            System.err.println("Expected one argument, the engine's address (Pulumi starts this plugin); got " + List.of(args));
            System.exit(1);
        }
        new ResourceProviderService(engine.get(), new DescribedComponentProvider()).startAndBlockUntilShutdown();
    }

    /**
     * The engine's address among the arguments Pulumi starts a plugin with: what is left once the logging and tracing
     * flags are dropped ({@code --logtostderr}, {@code -v=<n>}, {@code --tracing <endpoint>}, {@code --logflow}); empty
     * unless exactly one argument is left.
     */
    static Optional<String> engineAddress(List<String> args) {
        var rest = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (arg.equals("--tracing")) {
                i++;
            } else if (!arg.equals("--logtostderr") && !arg.equals("--logflow") && !arg.startsWith("-v=")) {
                rest.add(arg);
            }
        }
        return rest.size() == 1 ? Optional.of(rest.get(0)) : Optional.empty();
    }
}
