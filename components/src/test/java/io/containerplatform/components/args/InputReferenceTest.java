package io.containerplatform.components.args;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/component-inputs.md} and the javadoc of every builder setter are what the declarations say, word for word
 * (tests run at the repository root).
 */
class InputReferenceTest {

    private static final Path REFERENCE = Path.of("docs/component-inputs.md");

    @Test
    void theLibrarysInputReferenceIsWrittenFromTheDeclarations() throws IOException {
        var current = InputReference.markdown(LibraryArgs.DOCUMENTED);
        var written = Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "";
        if (!written.equals(current)) {
            Files.createDirectories(Path.of("components/target"));
            Files.writeString(Path.of("components/target/component-inputs.md"), current);
        }
        assertThat(written).describedAs("docs/component-inputs.md is out of date: copy components/target/component-inputs.md over it")
                .isEqualTo(current);
        assertThat(current).contains("## `Route`", "## `Taint`", "| `routes` | list of [Route](#route) |");
    }

    @Test
    void eachInputIsARowOfItsDeclaration() {
        assertThat(InputReference.markdown(List.of(DeclaredArgsTest.SampleArgs.class)))
                .contains("## `SampleArgs`", "| `name` | string | required |  | A name |", "| `size` | integer | 2 | 1 to 10 | A size |",
                        "| `tags` | list of string | no tags | one of a, b | Tags |");
    }

    @Test
    void everyBuilderSettersJavadocIsItsInputsDeclaration() throws IOException {
        var stale = new ArrayList<String>();
        var fixes = Path.of("components/target/javadoc");
        if (Files.exists(fixes)) {
            try (var old = Files.walk(fixes)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        var sources = new LinkedHashMap<String, Class<?>>();
        LibraryArgs.all().forEach(type -> {
            for (Class<?> c = type; c != DeclaredArgs.class; c = c.getSuperclass()) {
                sources.putIfAbsent(c.getName().replace('.', '/') + ".java", type);
            }
        });
        for (var entry : sources.entrySet()) {
            var path = entry.getKey();
            var source = Files.readString(Path.of("components/src/main/java", path));
            var current = InputReference.withSetterJavadoc(source, entry.getValue());
            if (!current.equals(source)) {
                var fixed = fixes.resolve(path);
                Files.createDirectories(fixed.getParent());
                Files.writeString(fixed, current);
                stale.add(path);
            }
        }
        assertThat(stale).describedAs("setter javadoc differs from the declarations: copy components/target/javadoc/<path> over"
                + " components/src/main/java/<path>").isEmpty();
    }

    @Test
    void aSettersJavadocIsWrittenOrReplacedFromItsDeclarationAndEscaped() {
        var source = String.join("\n",
                "    public static final class Builder {",
                "        private Builder() { }",
                "        public Builder name(String v) { return this; }",
                "        /** Stale words. */",
                "        public Builder size(int v) { return this; }",
                "        public Builder other(int v) { return this; }",
                "    }");
        assertThat(InputReference.withSetterJavadoc(source, DeclaredArgsTest.SampleArgs.class)).isEqualTo(String.join("\n",
                "    public static final class Builder {",
                "        private Builder() { }",
                "",
                "        /**",
                "         * A name.",
                "         */",
                "        public Builder name(String v) { return this; }",
                "",
                "        /**",
                "         * A size. Allowed: 1 to 10. Default: 2.",
                "         */",
                "        public Builder size(int v) { return this; }",
                "        public Builder other(int v) { return this; }",
                "    }"));
        assertThat(Inputs.named(DeclaredArgsTest.SampleArgs.class, "tags").sentences()).isEqualTo("Tags. Allowed: one of a, b. Default: no tags.");
    }
}
