package io.containerplatform.components.args;

import com.pulumi.resources.ResourceArgs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The base of every component's Args, in the shape of Pulumi's own Java Args: a {@code ResourceArgs} whose fields
 * are its inputs ({@code @Import} plus {@link InputSpec}), filled by a builder or, for a component used from another
 * language, by Pulumi from the inputs it was given. {@link #validated()} is what a builder's {@code build()} returns
 * and what a component checks its Args with: an unmodifiable copy, or an exception naming every problem. The
 * library's reference of every input, {@code docs/component-inputs.md}, and the javadoc of each builder setter are
 * written from these declarations ({@link InputReference}).
 */
public abstract class DeclaredArgs extends ResourceArgs {

    /**
     * Problems the declarations cannot see alone: rules across inputs (min <= desired <= max), formats (an image
     * reference, an ARN). Default none. Inputs may be null here (a missing required one is reported already).
     */
    protected List<InputProblem> rules() {
        return List.of();
    }

    /** The names {@code names} holds more than once, each once, in order: for "named twice" rules. */
    protected static List<String> namedTwice(List<String> names) {
        return names.stream().filter(n -> Collections.frequency(names, n) > 1).distinct().toList();
    }

    /** A problem of {@code input}, with what its declaration allows. */
    protected final InputProblem problem(String input, String problem) {
        return new InputProblem(input, problem, Inputs.named(getClass(), input).allowed());
    }

    /** The problems {@link #rules()} finds: what the declarations alone cannot see. */
    public final List<InputProblem> ruleProblems() {
        return rules();
    }

    /** Every problem of these Args: each input against its declaration, then {@link #rules()}. */
    public final List<InputProblem> problems() {
        var result = new ArrayList<>(Inputs.problems(this));
        result.addAll(rules());
        return result;
    }

    /** Args are equal when they are of one class and their inputs are equal. */
    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Inputs.values(this).equals(Inputs.values(other));
    }

    @Override
    public final int hashCode() {
        return Inputs.values(this).hashCode();
    }

    /** The class and its inputs, e.g. {@code Route{name=api, port=9000, ...}}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + Inputs.values(this);
    }

    /**
     * An unmodifiable copy of these Args (setting a builder again leaves it alone), or an
     * {@link IllegalArgumentException} listing every problem as {@code <Args>.<input>: <problem>; allowed: <allowed>}.
     */
    @SuppressWarnings("unchecked")
    public final <T extends DeclaredArgs> T validated() {
        var problems = problems();
        if (!problems.isEmpty()) {
            var name = getClass().getSimpleName();
            throw new IllegalArgumentException(problems.stream()
                    .map(p -> name + "." + p.input() + ": " + p.problem() + (p.allowed().isEmpty() ? "" : "; allowed: " + p.allowed()))
                    .collect(Collectors.joining(" | ")));
        }
        return (T) Inputs.copyOf(this);
    }
}
