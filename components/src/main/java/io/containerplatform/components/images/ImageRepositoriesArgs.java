package io.containerplatform.components.images;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Arguments of {@link ImageRepositories}. Immutable; build with {@link #builder()}. */
public final class ImageRepositoriesArgs {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    private final String prefix;
    private final List<String> images;
    private final int keepImages;

    private ImageRepositoriesArgs(Builder b) {
        this.prefix = b.prefix;
        this.images = List.copyOf(b.images);
        this.keepImages = b.keepImages;
    }

    /**
     * The first part of every repository name, {@code <prefix>/<image>}: usually the stack, so that the stacks of
     * one account keep their images apart. Required. Allowed: lower-case letters, digits and {@code . _ -}.
     */
    public String prefix() { return prefix; }

    /**
     * The images, each the name of a folder of {@code docker/} with a Dockerfile that {@code images.yml} builds.
     * Required, at least one. Allowed: lower-case letters, digits and {@code . _ -}, each once.
     */
    public List<String> images() { return images; }

    /** How many images each repository keeps. Default 30; 1 to 1000. */
    public int keepImages() { return keepImages; }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ImageRepositoriesArgs}; {@link #build()} validates every field at once. */
    public static final class Builder {
        private String prefix;
        private List<String> images = List.of();
        private int keepImages = 30;

        public Builder prefix(String v) { this.prefix = v; return this; }
        public Builder images(List<String> v) { this.images = List.copyOf(v); return this; }
        public Builder keepImages(int v) { this.keepImages = v; return this; }

        public ImageRepositoriesArgs build() {
            var errors = new ArrayList<String>();
            if (prefix == null || !NAME.matcher(prefix).matches()) {
                errors.add("ImageRepositoriesArgs.prefix: \"" + prefix + "\" is not a repository name part (a-z, 0-9, . _ -)");
            }
            if (images.isEmpty()) {
                errors.add("ImageRepositoriesArgs.images is empty");
            }
            images.stream().filter(i -> !NAME.matcher(i).matches())
                    .forEach(i -> errors.add("ImageRepositoriesArgs.images: \"" + i + "\" is not a repository name part (a-z, 0-9, . _ -)"));
            if (images.stream().distinct().count() != images.size()) {
                errors.add("ImageRepositoriesArgs.images: " + images + " names an image twice");
            }
            if (keepImages < 1 || keepImages > 1000) {
                errors.add("ImageRepositoriesArgs.keepImages: " + keepImages + " is outside 1 to 1000");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new ImageRepositoriesArgs(this);
        }
    }
}
