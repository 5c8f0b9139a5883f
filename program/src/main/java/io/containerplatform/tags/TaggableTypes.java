package io.containerplatform.tags;

import com.google.gson.GsonBuilder;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * Which pulumi-aws resource types are taggable, derived from the provider's generated SDK: every
 * {@link CustomResource} class with a {@link ResourceType} token whose Args declare the {@code tags}
 * input. The policy pack reads the result ({@value #FILE}); {@code TaggableTypesTest} fails when the
 * committed file no longer matches the provider on the classpath. Regenerate with
 * {@code ./mvnw -q compile exec:java@taggable-types}.
 */
public final class TaggableTypes {

    /** Where the policy pack reads the list, relative to the project root. */
    public static final String FILE = "policy/src/data/aws-taggable-types.json";

    private TaggableTypes() {
    }

    /** Every resource type token of the aws provider, mapped to whether it is taggable. */
    public static Map<String, Boolean> derive() throws IOException {
        var result = new TreeMap<String, Boolean>();
        try (var file = new JarFile(providerJar().toFile())) {
            Set<String> entries = new TreeSet<>();
            file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.contains("$")).forEach(entries::add);
            for (var entry : entries) {
                var base = entry.substring(0, entry.length() - ".class".length());
                if (base.endsWith("Args") || !entries.contains(base + "Args.class")) {
                    continue;
                }
                var type = resourceType(base.replace('/', '.'));
                if (type != null) {
                    result.put(type, Tagging.awsArgsClass(type).flatMap(Tagging::tagsField).isPresent());
                }
            }
        }
        return result;
    }

    /** The pulumi-aws jar on the classpath. */
    static Path providerJar() throws IOException {
        try {
            return Path.of(VpcArgs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static String resourceType(String className) {
        try {
            var c = Class.forName(className, false, TaggableTypes.class.getClassLoader());
            var token = c.getAnnotation(ResourceType.class);
            return token != null && CustomResource.class.isAssignableFrom(c) ? token.type() : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The JSON document the policy pack reads. */
    public static String toJson(Map<String, Boolean> types) throws IOException {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("source", "derived from " + providerJar().getFileName() + " by io.containerplatform.tags.TaggableTypes: a type is taggable when its Args declare `tags`");
        doc.put("taggable", types.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
        doc.put("notTaggable", types.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc) + "\n";
    }

    /** Regenerates {@value #FILE}. */
    public static void main(String[] args) throws IOException {
        var out = Path.of(FILE);
        Files.createDirectories(out.getParent());
        var types = derive();
        Files.writeString(out, toJson(types));
        System.out.println("Wrote " + out + ": " + types.values().stream().filter(t -> t).count() + " taggable of " + types.size() + " types");
    }
}
