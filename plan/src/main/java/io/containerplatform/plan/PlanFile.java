package io.containerplatform.plan;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Writes a {@link Plan} in the plan-file contract of DESIGN.md: the shape of {@code pulumi stack export},
 * version 3. Other tools (the policy pack's offline check) read it: keep it stable.
 */
public final class PlanFile {

    private PlanFile() {
    }

    /** The plan as the contract's JSON document. */
    public static String toJson(Plan plan, Instant time) {
        var resources = new ArrayList<Map<String, Object>>();
        for (var r : plan.resources()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("urn", r.urn());
            entry.put("type", r.type());
            entry.put("custom", r.custom());
            if (r.parent() != null) {
                entry.put("parent", r.parent());
            }
            entry.put("inputs", r.inputs());
            entry.put("dependencies", r.dependencies().stream().sorted().toList());
            entry.put("protect", r.protect());
            if (r.provider() != null) {
                entry.put("provider", r.provider());
            }
            if (!r.aliases().isEmpty()) {
                entry.put("aliases", r.aliases());
            }
            resources.add(entry);
        }
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("time", time.toString());
        manifest.put("magic", "");
        manifest.put("version", programVersion());
        var deployment = new LinkedHashMap<String, Object>();
        deployment.put("manifest", manifest);
        deployment.put("resources", resources);
        var doc = new LinkedHashMap<String, Object>();
        doc.put("version", 3);
        doc.put("deployment", deployment);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(doc) + "\n";
    }

    /** Writes the plan to {@code file}, creating its directory. */
    public static void write(Plan plan, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toJson(plan, Instant.now()));
    }

    /** The program's version, from the build. */
    static String programVersion() {
        try (InputStream in = PlanFile.class.getResourceAsStream("/container-platform.properties")) {
            var props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
