package io.containerplatform.config;

import io.containerplatform.components.args.Inputs;
import io.containerplatform.components.eks.EksPlatformArgs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code eks.version} written unquoted: YAML reads it as a number, which Pulumi hands over as a JSON number. */
class UnquotedVersionTest {

    private static final List<String> VERSIONS = List.of(Inputs.named(EksPlatformArgs.class, "version").spec().oneOf());

    private static StackConfig withEks(String eks) {
        var values = StackConfigTest.valid();
        values.put("eks", eks);
        return StackConfig.load(ConfigSource.of(values));
    }

    @Test
    void aNumberWhoseTextIsAnAllowedVersionIsThatVersion() {
        var version = VERSIONS.get(VERSIONS.size() - 1);
        assertThat(withEks("{\"version\":" + version + "}").eks().settings().version()).isEqualTo(version);
    }

    @Test
    void aNumberThatLostItsTrailingZeroSaysToQuoteIt() {
        var error = catchThrowableOfType(() -> withEks("{\"version\":1.3}"), ConfigException.class);
        assertThat(error.errors()).containsExactly("eks.version: 1.3 is a number, not text: write it quoted, \"1.3\" (quoted as you wrote it:"
                + " unquoted, 1.30 is read as 1.3); allowed: one of " + String.join(", ", VERSIONS));
    }

    @Test
    void aNumberWhereTextIsWantedWithoutChoicesStillSaysToQuoteIt() {
        var values = StackConfigTest.valid();
        values.put("tags", "{\"Team\":5}");
        var error = catchThrowableOfType(() -> StackConfig.load(ConfigSource.of(values)), ConfigException.class);
        assertThat(error.errors()).singleElement().asString().startsWith("tags.Team: 5 is a number, not text: write it quoted, \"5\"; ");
    }
}
