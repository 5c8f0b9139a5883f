package io.containerplatform.components.args;

import com.pulumi.core.annotations.Import;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclaredArgsTest {

    static final class SampleArgs extends DeclaredArgs {
        @Import(name = "name", required = true)
        @InputSpec("A name")
        private String name;

        @Import(name = "size")
        @InputSpec(value = "A size", min = 1, max = 10)
        private Integer size = 2;

        @Import(name = "mode")
        @InputSpec(value = "A mode", oneOf = {"fast", "safe"})
        private String mode = "safe";

        @Import(name = "tags")
        @InputSpec(value = "Tags", oneOf = {"a", "b"}, defaultText = "no tags")
        private List<String> tags = List.of();

        @Override
        protected List<InputProblem> rules() {
            return size != null && size > 5 && "fast".equals(mode) ? List.of(problem("size", size + " is too big to be fast")) : List.of();
        }
    }

    static final class OuterArgs extends DeclaredArgs {
        @Import(name = "one")
        @InputSpec("One nested input type")
        private SampleArgs one;

        @Import(name = "many")
        @InputSpec("A list of them")
        private List<SampleArgs> many = List.of();
    }

    abstract static class BaseArgs extends DeclaredArgs {
        @Import(name = "shared")
        @InputSpec(value = "An input every kind has", min = 1)
        private Integer shared = 1;
    }

    static final class KindArgs extends BaseArgs {
        @Import(name = "own")
        @InputSpec("An input of this kind")
        private String own = "x";
    }

    static final class StaticFieldArgs extends DeclaredArgs {
        private static final String CONSTANT = "x";
    }

    static final class UndeclaredFieldArgs extends DeclaredArgs {
        @Import(name = "name")
        private String name;
    }

    @Test
    void theDeclarationsGiveNamesDefaultsAndWhatIsAllowed() {
        var inputs = Inputs.of(SampleArgs.class);
        assertThat(inputs).extracting(Inputs.Input::name).containsExactly("name", "size", "mode", "tags");
        assertThat(inputs).extracting(Inputs.Input::defaultText).containsExactly("required", "2", "safe", "no tags");
        assertThat(inputs).extracting(Inputs.Input::allowed).containsExactly("", "1 to 10", "one of fast, safe", "one of a, b");
        assertThat(Inputs.named(SampleArgs.class, "size").description()).isEqualTo("A size");
    }

    @Test
    void everyProblemIsListedAtOnceWithWhatIsAllowed() {
        var args = new SampleArgs();
        args.size = 11;
        args.mode = "fast";
        args.tags = List.of("a", "c");
        assertThatThrownBy(args::validated).hasMessage("SampleArgs.name: missing | SampleArgs.size: 11 is out of range;"
                + " allowed: 1 to 10 | SampleArgs.tags: \"c\" is not allowed; allowed: one of a, b | SampleArgs.size: 11 is too big to be fast;"
                + " allowed: 1 to 10");
    }

    @Test
    void validatedArgsAreAnUnmodifiableCopy() {
        var args = new SampleArgs();
        args.name = "x";
        args.tags = new ArrayList<>(List.of("a"));
        SampleArgs copy = args.validated();
        args.name = "y";
        args.tags.add("b");
        assertThat(copy.name).isEqualTo("x");
        assertThat(copy.tags).containsExactly("a");
        assertThatThrownBy(() -> copy.tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theProblemsOfNestedInputTypesAreNamedWhereTheyAreAndTheirCopiesAreFrozenToo() {
        var bad = new SampleArgs();
        bad.size = 11;
        var good = new SampleArgs();
        good.name = "g";
        good.tags = new ArrayList<>(List.of("a"));
        var outer = new OuterArgs();
        outer.one = bad;
        outer.many = List.of(good, bad);
        assertThatThrownBy(outer::validated).hasMessage("OuterArgs.one.name: missing | OuterArgs.one.size: 11 is out of range; allowed: 1 to 10"
                + " | OuterArgs.many[1].name: missing | OuterArgs.many[1].size: 11 is out of range; allowed: 1 to 10");
        outer.one = good;
        outer.many = List.of(good);
        OuterArgs copy = outer.validated();
        good.tags.add("b");
        assertThat(copy.one.tags).containsExactly("a");
        assertThat(copy.many.get(0)).isNotSameAs(good).isEqualTo(copy.one).hasSameHashCodeAs(copy.one);
        assertThat(copy.one).isNotEqualTo(good).hasToString("SampleArgs{name=g, size=2, mode=safe, tags=[a]}");
        assertThatThrownBy(() -> copy.one.tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void inheritedInputsAreDeclaredOnceCheckedAndCopiedWithTheOwnOnesAfterThem() {
        assertThat(Inputs.of(KindArgs.class)).extracting(Inputs.Input::name).containsExactly("shared", "own");
        var args = new KindArgs();
        ((BaseArgs) args).shared = 0;
        assertThatThrownBy(args::validated).hasMessage("KindArgs.shared: 0 is out of range; allowed: at least 1");
        ((BaseArgs) args).shared = 3;
        KindArgs copy = args.validated();
        assertThat(copy).hasToString("KindArgs{shared=3, own=x}").isEqualTo(args);
        ((BaseArgs) args).shared = 4;
        assertThat(copy).isNotEqualTo(args);
    }

    @Test
    void argsHoldOnlyDeclaredInputs() {
        assertThatThrownBy(() -> Inputs.of(StaticFieldArgs.class)).hasMessageContaining("StaticFieldArgs.CONSTANT is static");
        assertThatThrownBy(() -> Inputs.of(UndeclaredFieldArgs.class)).hasMessageContaining("UndeclaredFieldArgs.name needs @Import(name = ...) and @InputSpec");
    }
}
