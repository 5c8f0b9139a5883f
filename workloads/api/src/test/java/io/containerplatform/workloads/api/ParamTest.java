package io.containerplatform.workloads.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamTest {

    static String query(String text) {
        return Param.decode(text, "query", "source", "its value");
    }

    @Test
    void decodesPercentEscapesAsUtf8AndPlusAsASpaceOnlyInTheQuery() {
        assertThat(query("a+b%20c%2Bd")).isEqualTo("a b c+d");
        assertThat(Param.decode("a+b", "path", "id", "its value")).isEqualTo("a+b");
        assertThat(query("caf%C3%A9")).isEqualTo("café");
        assertThat(query("café-\uD83D\uDE00")).isEqualTo("café-\uD83D\uDE00");
    }

    @Test
    void aBadEscapeOrBytesThatAreNotUtf8AreABadRequestNamingTheParameter() {
        for (var bad : new String[] {"%", "%2", "%zz", "a%g1"}) {
            assertThatThrownBy(() -> query(bad)).isInstanceOf(Param.BadRequest.class)
                    .hasMessage("source has a bad %-escape in its value \"" + bad + "\"");
        }
        for (var bad : new String[] {"%e9", "%C3", "%FF%FE"}) {
            assertThatThrownBy(() -> query(bad)).isInstanceOf(Param.BadRequest.class)
                    .hasMessage("source is not UTF-8 once %-decoded in its value \"" + bad + "\"");
        }
    }
}
