package io.containerplatform.plan.diagram;

/** Writes a {@link Diagram} as a Mermaid flowchart in a Markdown document (GitHub renders it). */
public final class Mermaid {

    private Mermaid() {
    }

    /** The Markdown document: a heading and the flowchart in a {@code mermaid} code block. */
    public static String markdown(Diagram diagram) {
        return "# " + diagram.title() + "\n\n```mermaid\n" + flowchart(diagram) + "```\n";
    }

    /** The flowchart alone. */
    public static String flowchart(Diagram diagram) {
        var out = new StringBuilder("flowchart LR\n");
        writeGroup(diagram, null, out, "  ");
        for (var flow : diagram.flows()) {
            var arrow = flow.control() ? "-.->" : "-->";
            out.append("  ").append(id(flow.from())).append(' ').append(arrow);
            if (!flow.label().isEmpty()) {
                out.append("|\"").append(text(flow.label())).append("\"|");
            }
            out.append(' ').append(id(flow.to())).append('\n');
        }
        return out.toString();
    }

    private static void writeGroup(Diagram diagram, String group, StringBuilder out, String indent) {
        for (var node : diagram.nodesIn(group)) {
            out.append(indent).append(id(node.id())).append(shape(node)).append('\n');
        }
        for (var child : diagram.groupsIn(group)) {
            out.append(indent).append("subgraph ").append(id(child.id())).append("[\"").append(text(child.label())).append("\"]\n");
            writeGroup(diagram, child.id(), out, indent + "  ");
            out.append(indent).append("end\n");
        }
    }

    private static String shape(Diagram.Node node) {
        var label = "\"" + text(node.label()) + "\"";
        return switch (node.kind()) {
            case EXTERNAL -> "((" + label + "))";
            case DATA_STORE -> "[(" + label + ")]";
            case QUEUE -> "[[" + label + "]]";
            case LOAD_BALANCER -> "{{" + label + "}}";
            case NETWORK, ADD_ON -> "(" + label + ")";
            case COMPUTE -> "[" + label + "]";
        };
    }

    /** A Mermaid identifier: letters, digits and underscores. */
    static String id(String id) {
        return id.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String text(String label) {
        return label.replace("\"", "#quot;").replace("\n", "<br/>");
    }
}
