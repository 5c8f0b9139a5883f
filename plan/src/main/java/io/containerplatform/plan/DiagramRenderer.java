package io.containerplatform.plan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders the plan's architecture diagram to SVG with Graphviz ({@code tools/diagram}, Graphviz compiled to
 * WebAssembly): {@link #start} installs the package when needed and starts the renderer, which loads Graphviz while
 * the program runs; {@link #finish} hands it the DOT file.
 */
final class DiagramRenderer {

    private final NodePackage tool;
    private final Timings timings;
    private Process renderer;
    private String failure;

    private DiagramRenderer(NodePackage tool, Timings timings) {
        this.tool = tool;
        this.timings = timings;
    }

    static DiagramRenderer start(Path projectDir, Timings timings) {
        var renderer = new DiagramRenderer(new NodePackage(projectDir.resolve("tools/diagram"), "the diagram renderer"), timings);
        if (!renderer.tool.exists()) {
            return renderer;
        }
        try {
            int installed = renderer.tool.install(timings);
            if (installed != 0) {
                renderer.failure = renderer.tool.installFailed(installed);
            } else {
                renderer.renderer = renderer.tool.start("render.mjs");
            }
        } catch (IOException e) {
            renderer.failure = "the renderer " + NodePackage.needsNode(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            renderer.failure = "interrupted";
        }
        return renderer;
    }

    /** Renders {@code dot} to {@code svg}; returns 0 when written, non-zero (with the reason printed) otherwise. */
    int finish(Path dot, Path svg) {
        if (failure != null) {
            System.err.println("The diagram was not rendered to SVG: " + failure);
            return NodePackage.NOT_RUN;
        }
        if (renderer == null) {
            System.out.println("No diagram renderer at " + tool.dir() + ": " + svg + " not written.");
            return 0;
        }
        return NodePackage.feed(renderer, dot.toAbsolutePath() + "\t" + svg.toAbsolutePath(), "The diagram renderer", timings, "diagram: svg");
    }

    /** Stops the renderer when there is nothing to render. */
    void cancel() {
        if (renderer != null) {
            renderer.destroy();
        }
    }
}
