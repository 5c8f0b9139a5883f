package io.containerplatform.config;


import io.containerplatform.components.common.Formats;
import java.util.Optional;

/** Reads of the keys several config objects share, so that each rule and message exists once. */
final class CommonKeys {

    static final String PATH_ALLOWED = "an HTTP path starting with /";

    private CommonKeys() {
    }

    /** An image reference, required when {@code required}, pinned to a tag other than latest or to a digest. */
    static String image(ConfigObject c, String key, boolean required, String allowed) {
        var image = required ? c.requiredString(key, allowed) : c.string(key, "", allowed);
        if (!image.isEmpty()) {
            Formats.imageProblem(image).ifPresent(problem -> c.error(key, problem, allowed));
        }
        return image;
    }

    /** An EC2 instance type, {@code fallback} when absent. */
    static String instanceType(ConfigObject c, String fallback) {
        var allowed = "an EC2 instance type such as " + fallback;
        var type = c.string("instanceType", fallback, allowed);
        if (!Formats.isInstanceType(type)) {
            c.error("instanceType", "\"" + type + "\" is not an instance type", allowed);
        }
        return type;
    }

    /** An HTTP path, {@code fallback} when absent. */
    static String httpPath(ConfigObject c, String key, String fallback) {
        var path = c.string(key, fallback, PATH_ALLOWED);
        if (!path.startsWith("/")) {
            c.error(key, "\"" + path + "\" does not start with /", PATH_ALLOWED);
        }
        return path;
    }

    /** Records the error of a {@code min <= desired <= max} triple, naming the keys involved. */
    static void orderedSizes(ConfigObject c, String minKey, int min, String desiredKey, int desired, String maxKey, int max) {
        var allowed = minKey + " <= " + desiredKey + " <= " + maxKey;
        if (min > max) {
            c.error(minKey, min + " is greater than " + maxKey + " " + max, allowed);
        } else if (desired < min || desired > max) {
            c.error(desiredKey, desired + " is outside " + minKey + ".." + maxKey + " (" + min + ".." + max + ")", allowed);
        }
    }
}
