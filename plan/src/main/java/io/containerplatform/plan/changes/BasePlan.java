package io.containerplatform.plan.changes;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The base plan of {@code -Dbase=<folder>}: {@code <folder>/<stack>.json}, a plan file of the same stack (e.g. the main
 * branch's), read once and shared by the change preview ({@link ChangeReport}) and the EKS upgrade path.
 *
 * @param file the file it was read from
 * @param json its content
 */
public record BasePlan(Path file, JsonObject json) {

    /** The file a base plan of {@code stack} has in {@code folder}. */
    public static Path fileIn(Path folder, String stack) {
        return folder.resolve(stack + ".json");
    }

    /** The base plan of {@code stack} in {@code folder}, or empty when the folder holds none. */
    public static Optional<BasePlan> read(Path folder, String stack) throws IOException {
        var file = fileIn(folder, stack);
        return Files.exists(file) ? Optional.of(new BasePlan(file, JsonParser.parseString(Files.readString(file)).getAsJsonObject()))
                : Optional.empty();
    }
}
