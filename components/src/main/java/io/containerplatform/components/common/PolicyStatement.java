package io.containerplatform.components.common;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One statement of an IAM policy. Its inputs have IAM's own names ({@code Effect}, {@code Action}, {@code Resource}) so
 * a statement reads as in a policy document; its setters and getters are those names in lower case. A declared input
 * type: each field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class PolicyStatement extends DeclaredArgs {

    @Import(name = "Effect")
    @InputSpec(value = "Whether the statement allows or denies its actions", oneOf = {"Allow", "Deny"})
    private String effect = "Allow";

    @Import(name = "Action", required = true)
    @InputSpec(value = "The actions the statement is about", format = Format.IAM_ACTION,
            allowed = "IAM actions such as s3:GetObject or sqs:*, at least one")
    private List<String> action;

    @Import(name = "Resource", required = true)
    @InputSpec(value = "The resources the actions apply to", allowed = "resource ARNs, or *, at least one")
    private List<String> resource;

    public String effect() { return effect; }
    public List<String> action() { return action; }
    public List<String> resource() { return resource; }

    /** The statement as a policy document holds it ({@link IamPolicy#document}). */
    public Map<String, Object> toJson() {
        return IamPolicy.statement(effect, action, resource);
    }

    @Override
    protected List<InputProblem> rules() {
        var problems = new ArrayList<InputProblem>();
        if (action != null && action.isEmpty()) {
            problems.add(problem("Action", "empty"));
        }
        if (resource != null && resource.isEmpty()) {
            problems.add(problem("Resource", "empty"));
        }
        return problems;
    }

    public static Builder builder() { return new Builder(new PolicyStatement()); }
    public static Builder builder(PolicyStatement from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of a {@link PolicyStatement}. */
    public static final class Builder {
        private final PolicyStatement $;

        private Builder(PolicyStatement start) { $ = start; }

        /**
         * Whether the statement allows or denies its actions. Allowed: one of Allow, Deny. Default: Allow.
         */
        public Builder effect(String v) { $.effect = v; return this; }

        /**
         * The actions the statement is about. Allowed: IAM actions such as s3:GetObject or sqs:*, at least one.
         */
        public Builder action(List<String> v) { $.action = v; return this; }

        /**
         * The resources the actions apply to. Allowed: resource ARNs, or *, at least one.
         */
        public Builder resource(List<String> v) { $.resource = v; return this; }

        /** The statement as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public PolicyStatement build() { return $.validated(); }
    }
}
