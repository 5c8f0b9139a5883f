package io.containerplatform.tags;

import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceTransformation;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the stack's tags to every taggable AWS resource, in one place: a resource transformation given
 * to each top-level component (transformations reach every descendant). A resource is taggable when its
 * Args declare the {@code tags} input: a map of strings on most types, a list of
 * {@code {key, value, propagateAtLaunch}} on Auto Scaling groups. Tags a resource sets itself win over
 * the stack's. Resources whose Args have no {@code tags} are left alone.
 */
public final class Tagging implements ResourceTransformation {

    private final Map<String, String> stackTags;

    /** @param stackTags the stack's tags, applied in the order given (so that plans and diffs are stable) */
    public Tagging(Map<String, String> stackTags) {
        this.stackTags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stackTags));
    }

    /** Options for a top-level component so that it and all its descendants are tagged. */
    public ComponentResourceOptions componentOptions() {
        return ComponentResourceOptions.builder().resourceTransformations(this).build();
    }

    @Override
    public Optional<Result> apply(Args args) {
        var field = tagsField(args.args().getClass());
        if (field.isEmpty()) {
            return Optional.empty();
        }
        try {
            var f = field.get();
            f.setAccessible(true);
            f.set(args.args(), isGroupTagList(f) ? mergeGroupTags(f.get(args.args())) : mergeMap(f.get(args.args())));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot tag " + args.resource().pulumiResourceName(), e);
        }
        return Optional.of(new Result(args.args(), args.options()));
    }

    /** The {@code tags} input of an Args class, if it declares one. */
    public static Optional<Field> tagsField(Class<?> argsClass) {
        return inputField(argsClass, "tags").filter(field -> field.getType() == Output.class);
    }

    /** The field an Args class (or a superclass below {@link ResourceArgs}) declares for the input {@code name}. */
    public static Optional<Field> inputField(Class<?> argsClass, String name) {
        for (Class<?> c = argsClass; c != null && c != ResourceArgs.class; c = c.getSuperclass()) {
            for (var field : c.getDeclaredFields()) {
                var input = field.getAnnotation(Import.class);
                if (input != null && name.equals(input.name())) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The Java Args class of a pulumi-aws type token, by the SDK's naming scheme
     * ({@code aws:ec2/vpc:Vpc} is {@code com.pulumi.aws.ec2.VpcArgs}); empty for other providers.
     */
    public static Optional<Class<?>> awsArgsClass(String type) {
        var parts = type.split(":");
        if (parts.length != 3 || !parts[0].equals("aws")) {
            return Optional.empty();
        }
        var module = parts[1].split("/")[0];
        var pkg = module.equals("index") ? "com.pulumi.aws" : "com.pulumi.aws." + module.toLowerCase();
        try {
            return Optional.of(Class.forName(pkg + "." + parts[2] + "Args"));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean isGroupTagList(Field field) {
        return field.getGenericType() instanceof ParameterizedType output
                && output.getActualTypeArguments()[0] instanceof ParameterizedType inner
                && inner.getRawType() == List.class;
    }

    @SuppressWarnings("unchecked")
    private Output<Map<String, String>> mergeMap(Object current) {
        Output<Map<String, String>> own = current == null ? Output.of(Map.of()) : (Output<Map<String, String>>) current;
        return own.applyValue(tags -> {
            var merged = new LinkedHashMap<>(stackTags);
            if (tags != null) {
                merged.putAll(tags);
            }
            return merged;
        });
    }

    @SuppressWarnings("unchecked")
    private Output<List<GroupTagArgs>> mergeGroupTags(Object current) {
        Output<List<GroupTagArgs>> own = current == null ? Output.of(List.of()) : (Output<List<GroupTagArgs>>) current;
        return own.apply(tags -> {
            List<GroupTagArgs> list = tags == null ? List.of() : tags;
            return Output.all(list.stream().map(GroupTagArgs::key).toList()).applyValue(ownKeys -> {
                var result = new ArrayList<>(list);
                stackTags.forEach((key, value) -> {
                    if (!ownKeys.contains(key)) {
                        result.add(GroupTagArgs.builder().key(key).value(value).propagateAtLaunch(true).build());
                    }
                });
                return result;
            });
        });
    }
}
