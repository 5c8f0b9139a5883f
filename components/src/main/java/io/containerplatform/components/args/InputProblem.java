package io.containerplatform.components.args;

/**
 * What is wrong with one input's value, in words the Args' exceptions and the stack config's errors share.
 *
 * @param input   the input's name (as declared by {@code @Import}), or a path under it such as {@code secrets.DB}
 * @param problem what is wrong: the bad value and why
 * @param allowed what would be accepted
 */
public record InputProblem(String input, String problem, String allowed) {
}
