package io.containerplatform.plugin;

import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.args.DeclaredArgs;

/**
 * Checks a plugin component's Args before the component registers itself (Java runs nothing before {@code super(...)});
 * the component then hands the Args, checked, to the library component as they are.
 */
final class Checked {

    private Checked() {
    }

    /** {@code options}, once {@code args} are valid; else the exception naming every problem, and nothing registered. */
    static ComponentResourceOptions options(DeclaredArgs args, ComponentResourceOptions options) {
        args.validated();
        return options;
    }
}
