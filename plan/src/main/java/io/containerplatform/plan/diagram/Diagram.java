package io.containerplatform.plan.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An architecture diagram: boxes ({@link Node}) inside nested groups ({@link Group}), joined by traffic flows
 * ({@link Flow}). Built from a plan by {@link ArchitectureDiagram}, written by {@link Mermaid} and {@link Dot}.
 */
public final class Diagram {

    /** What a box stands for; writers draw each kind with its own shape. */
    public enum Kind { EXTERNAL, NETWORK, LOAD_BALANCER, COMPUTE, DATA_STORE, QUEUE, ADD_ON }

    /** A box. {@code group} is the id of the innermost group it is drawn in, null at the top. */
    public record Node(String id, String label, Kind kind, String group) {
    }

    /** A frame around boxes and other groups. {@code parent} is null at the top. */
    public record Group(String id, String label, String parent) {
    }

    /** Traffic from one box to another, labelled with what flows (ports, "scales"). */
    public record Flow(String from, String to, String label, boolean control) {
    }

    private final String title;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();

    public Diagram(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    void group(String id, String label, String parent) {
        groups.putIfAbsent(id, new Group(id, label, parent));
    }

    void node(String id, String label, Kind kind, String group) {
        nodes.putIfAbsent(id, new Node(id, label, kind, group));
    }

    /** Adds a flow; a second flow between the same boxes adds its label to the first one's. */
    void flow(String from, String to, String label, boolean control) {
        if (from.equals(to) || !nodes.containsKey(from) || !nodes.containsKey(to)) {
            return;
        }
        flows.merge(from + "->" + to, new Flow(from, to, label, control), (a, b) -> a.label().contains(b.label()) ? a
                : new Flow(a.from(), a.to(), a.label().isEmpty() ? b.label() : a.label() + ", " + b.label(), a.control() && b.control()));
    }

    public List<Group> groups() {
        return List.copyOf(groups.values());
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<Flow> flows() {
        return List.copyOf(flows.values());
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The groups directly inside {@code parent} (null: the top). */
    List<Group> groupsIn(String parent) {
        var result = new ArrayList<Group>();
        groups.values().forEach(g -> {
            if (java.util.Objects.equals(g.parent(), parent)) {
                result.add(g);
            }
        });
        return result;
    }

    /** The boxes directly inside {@code group} (null: the top). */
    List<Node> nodesIn(String group) {
        return nodes.values().stream().filter(n -> java.util.Objects.equals(n.group(), group)).toList();
    }
}
