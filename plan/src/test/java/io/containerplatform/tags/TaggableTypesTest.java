package io.containerplatform.tags;

import com.google.gson.JsonParser;
import io.containerplatform.plan.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy pack's list of taggable AWS types is derived from the provider and covers the program. */
class TaggableTypesTest {

    @Test
    void committedListMatchesTheProviderOnTheClasspath() throws Exception {
        var committed = Files.readString(Path.of(TaggableTypes.FILE));
        assertThat(committed)
                .describedAs("%s is stale: run ./mvnw -q compile exec:java@taggable-types", TaggableTypes.FILE)
                .isEqualTo(TaggableTypes.toJson(TaggableTypes.derive()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void listsEveryAwsTypeTheProgramRegisters(String stack) throws Exception {
        var doc = JsonParser.parseString(Files.readString(Path.of(TaggableTypes.FILE))).getAsJsonObject();
        var taggable = new HashSet<String>();
        doc.getAsJsonArray("taggable").forEach(e -> taggable.add(e.getAsString()));
        var notTaggable = new HashSet<String>();
        doc.getAsJsonArray("notTaggable").forEach(e -> notTaggable.add(e.getAsString()));
        for (var r : StackPlans.of(stack).customResources()) {
            if (!r.type().startsWith("aws:")) {
                continue;
            }
            assertThat(taggable.contains(r.type()) || notTaggable.contains(r.type())).describedAs("%s listed", r.type()).isTrue();
            assertThat(taggable.contains(r.type())).describedAs("%s taggable per list and per its Args", r.type())
                    .isEqualTo(Tagging.awsArgsClass(r.type()).flatMap(Tagging::tagsField).isPresent());
        }
    }
}
