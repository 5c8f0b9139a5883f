package io.containerplatform.components.fargate;

import io.containerplatform.components.args.InputProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The cpu/memory pairs Fargate accepts for a task (Linux), in CPU units and MiB. */
public final class FargateSizes {

    /** Valid memory values per cpu value. */
    public static final Map<Integer, List<Integer>> MEMORY_BY_CPU;

    static {
        var table = new LinkedHashMap<Integer, List<Integer>>();
        table.put(256, List.of(512, 1024, 2048));
        table.put(512, steps(1024, 4096, 1024));
        table.put(1024, steps(2048, 8192, 1024));
        table.put(2048, steps(4096, 16384, 1024));
        table.put(4096, steps(8192, 30720, 1024));
        table.put(8192, steps(16384, 61440, 4096));
        table.put(16384, steps(32768, 122880, 8192));
        MEMORY_BY_CPU = java.util.Collections.unmodifiableMap(table);
    }

    private FargateSizes() {
    }

    private static List<Integer> steps(int from, int to, int step) {
        var values = new ArrayList<Integer>();
        for (int m = from; m <= to; m += step) {
            values.add(m);
        }
        return List.copyOf(values);
    }

    /** Why {@code cpu}/{@code memory} is not a Fargate size, or empty when it is. */
    public static Optional<InputProblem> check(int cpu, int memory) {
        var allowed = MEMORY_BY_CPU.get(cpu);
        if (allowed == null) {
            return Optional.of(new InputProblem("cpu", cpu + " is not a Fargate cpu size", "one of " + join(MEMORY_BY_CPU.keySet().stream().toList())));
        }
        if (!allowed.contains(memory)) {
            return Optional.of(new InputProblem("memory", memory + " is not valid with cpu " + cpu, "for cpu " + cpu + " one of " + join(allowed)));
        }
        return Optional.empty();
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
