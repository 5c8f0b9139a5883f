package io.containerplatform.plan.diagram;

/** Writes a {@link Diagram} in Graphviz's DOT language, which {@code tools/diagram} renders to SVG. */
public final class Dot {

    private Dot() {
    }

    public static String graph(Diagram diagram) {
        var out = new StringBuilder("digraph \"").append(text(diagram.title())).append("\" {\n")
                .append("  rankdir=LR; compound=true; fontname=\"Helvetica\"; labeljust=l;\n")
                .append("  label=\"").append(text(diagram.title())).append("\"; labelloc=t;\n")
                .append("  node [fontname=\"Helvetica\", fontsize=11, style=\"rounded,filled\", shape=box, fillcolor=\"#eef3fb\"];\n")
                .append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        writeGroup(diagram, null, out, "  ");
        for (var flow : diagram.flows()) {
            out.append("  ").append(quote(flow.from())).append(" -> ").append(quote(flow.to())).append(" [label=\"")
                    .append(text(flow.label())).append('"').append(flow.control() ? ", style=dashed" : "").append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static void writeGroup(Diagram diagram, String group, StringBuilder out, String indent) {
        for (var node : diagram.nodesIn(group)) {
            out.append(indent).append(quote(node.id())).append(" [label=\"").append(text(node.label())).append("\"")
                    .append(style(node.kind())).append("];\n");
        }
        for (var child : diagram.groupsIn(group)) {
            out.append(indent).append("subgraph ").append(quote("cluster_" + child.id())).append(" {\n")
                    .append(indent).append("  label=\"").append(text(child.label())).append("\"; style=\"rounded\"; color=\"#7a8699\";\n");
            writeGroup(diagram, child.id(), out, indent + "  ");
            out.append(indent).append("}\n");
        }
    }

    private static String style(Diagram.Kind kind) {
        return switch (kind) {
            case EXTERNAL -> ", shape=ellipse, fillcolor=\"#ffffff\"";
            case DATA_STORE -> ", shape=cylinder, fillcolor=\"#fdf0d5\"";
            case QUEUE -> ", fillcolor=\"#fde2e4\"";
            case LOAD_BALANCER -> ", shape=hexagon, fillcolor=\"#e2f0cb\"";
            case NETWORK -> ", fillcolor=\"#f1f1f1\"";
            case ADD_ON -> ", fillcolor=\"#ececff\"";
            case COMPUTE -> "";
        };
    }

    private static String quote(String id) {
        return "\"" + text(id) + "\"";
    }

    private static String text(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
