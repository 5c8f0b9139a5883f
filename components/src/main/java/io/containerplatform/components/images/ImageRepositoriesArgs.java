package io.containerplatform.components.images;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.InputProblem;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.ArrayList;
import java.util.List;

/**
 * Arguments of {@link ImageRepositories}: each field is one declared input ({@link InputSpec}). Build with
 * {@link #builder()}; {@code build()} returns an unmodifiable copy, checked, or fails naming every problem.
 */
public final class ImageRepositoriesArgs extends DeclaredArgs {

    @Import(name = "prefix", required = true)
    @InputSpec(value = "The first part of every repository name, <prefix>/<image>: usually the stack, so that the stacks of one"
            + " account keep their images apart", allowed = "lower-case letters, digits and . _ -")
    private String prefix;

    @Import(name = "images", required = true)
    @InputSpec(value = "The images, each the name of a folder of docker/ with a Dockerfile that images.yml builds",
            allowed = "at least one; lower-case letters, digits and . _ -, each once")
    private List<String> images = List.of();

    @Import(name = "keepImages")
    @InputSpec(value = "How many images each repository keeps", min = 1, max = 1000)
    private Integer keepImages = 30;

    @Import(name = "production")
    @InputSpec("Production repositories: protected and kept, with their images, on pulumi destroy (elsewhere destroy deletes them,"
            + " images included)")
    private Boolean production = false;

    public String prefix() { return prefix; }
    public List<String> images() { return images; }
    public int keepImages() { return keepImages; }
    public boolean production() { return production; }

    @Override
    protected List<InputProblem> rules() {
        var name = "[a-z0-9]+([._-][a-z0-9]+)*";
        var problems = new ArrayList<InputProblem>();
        if (prefix != null && !prefix.matches(name)) {
            problems.add(problem("prefix", "\"" + prefix + "\" is not a repository name part"));
        }
        if (images.isEmpty()) {
            problems.add(problem("images", "is empty"));
        }
        images.stream().filter(i -> !i.matches(name)).forEach(i -> problems.add(problem("images", "\"" + i + "\" is not a repository name part")));
        if (images.stream().distinct().count() != images.size()) {
            problems.add(problem("images", images + " names an image twice"));
        }
        return problems;
    }

    public static Builder builder() {
        return new Builder(new ImageRepositoriesArgs());
    }

    /** A builder starting from {@code defaults}' inputs. */
    public static Builder builder(ImageRepositoriesArgs defaults) {
        return new Builder(Inputs.copyOf(defaults));
    }

    /** Builder of {@link ImageRepositoriesArgs}: one setter per input, named like it. */
    public static final class Builder {
        private final ImageRepositoriesArgs $;

        private Builder(ImageRepositoriesArgs start) {
            $ = start;
        }

        /**
         * The first part of every repository name, &lt;prefix&gt;/&lt;image&gt;: usually the stack, so that the stacks
         * of one account keep their images apart. Allowed: lower-case letters, digits and . _ -.
         */
        public Builder prefix(String v) { $.prefix = v; return this; }

        /**
         * The images, each the name of a folder of docker/ with a Dockerfile that images.yml builds. Allowed: at least
         * one; lower-case letters, digits and . _ -, each once.
         */
        public Builder images(List<String> v) { $.images = v; return this; }

        /**
         * How many images each repository keeps. Allowed: 1 to 1000. Default: 30.
         */
        public Builder keepImages(int v) { $.keepImages = v; return this; }

        /**
         * Production repositories: protected and kept, with their images, on pulumi destroy (elsewhere destroy deletes
         * them, images included). Default: false.
         */
        public Builder production(boolean v) { $.production = v; return this; }

        /** The Args as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public ImageRepositoriesArgs build() {
            return $.validated();
        }
    }
}
