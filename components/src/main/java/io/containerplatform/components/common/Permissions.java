package io.containerplatform.components.common;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.List;
import java.util.Map;

/**
 * What a role may do besides what its component grants it: managed policies and inline statements. A declared input
 * type: each field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class Permissions extends DeclaredArgs {

    @Import(name = "managedPolicyArns")
    @InputSpec(value = "Managed policies attached to the role", format = Format.POLICY_ARN, allowed = "IAM managed policy ARNs")
    private List<String> managedPolicyArns = List.of();

    @Import(name = "statements")
    @InputSpec("Statements of the role's inline policy (none: no inline policy)")
    private List<PolicyStatement> statements = List.of();

    public List<String> managedPolicyArns() { return managedPolicyArns; }
    public List<PolicyStatement> statements() { return statements; }

    /** {@link #statements()} as a policy document holds them ({@link IamPolicy#document}). */
    public List<Map<String, Object>> statementsJson() {
        return statements.stream().map(PolicyStatement::toJson).toList();
    }

    public static Builder builder() { return new Builder(new Permissions()); }
    public static Builder builder(Permissions from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link Permissions}. */
    public static final class Builder {
        private final Permissions $;

        private Builder(Permissions start) { $ = start; }

        /**
         * Managed policies attached to the role. Allowed: IAM managed policy ARNs. Default: [].
         */
        public Builder managedPolicyArns(List<String> v) { $.managedPolicyArns = v; return this; }

        /**
         * Statements of the role's inline policy (none: no inline policy). Default: [].
         */
        public Builder statements(List<PolicyStatement> v) { $.statements = v; return this; }

        /** The permissions as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public Permissions build() { return $.validated(); }
    }
}
