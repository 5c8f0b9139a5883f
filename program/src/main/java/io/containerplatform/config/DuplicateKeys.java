package io.containerplatform.config;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The keys a JSON text gives twice in one object. A JSON parser keeps the last of them without a word, so a
 * service's {@code cpu} written twice would silently be the second; the config refuses it instead.
 */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Each key given twice, as its path under {@code root} ({@code services.web.cpu}); empty for text that is not JSON. */
    static List<String> in(String root, String json) {
        var found = new ArrayList<String>();
        try (var reader = new JsonReader(new StringReader(json))) {
            reader.setLenient(true);
            value(reader, root, found);
        } catch (IOException | IllegalStateException notJson) {
            // the parser that reads the value reports what is wrong with it
        }
        return found;
    }

    private static void value(JsonReader reader, String path, List<String> found) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                reader.beginObject();
                var seen = new HashSet<String>();
                while (reader.hasNext()) {
                    var name = reader.nextName();
                    var child = path + "." + name;
                    if (!seen.add(name)) {
                        found.add(child);
                    }
                    value(reader, child, found);
                }
                reader.endObject();
            }
            case BEGIN_ARRAY -> {
                reader.beginArray();
                for (int i = 0; reader.hasNext(); i++) {
                    value(reader, path + "[" + i + "]", found);
                }
                reader.endArray();
            }
            case END_DOCUMENT -> { }
            default -> reader.skipValue();
        }
    }
}
