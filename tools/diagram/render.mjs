// Renders Graphviz DOT files to SVG with Graphviz itself (compiled to WebAssembly, @viz-js/viz). The offline plan
// starts it early, so Graphviz loads while the program runs, then writes one line per diagram on its stdin:
//   <dot file><TAB><svg file>
// Exits 1 when a diagram does not render, naming the file and Graphviz's errors.
import { instance } from "@viz-js/viz";
import fs from "node:fs";
import readline from "node:readline";

const viz = await instance();
let failed = false;
for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) {
        continue;
    }
    const [dot, svg] = line.split("\t");
    const result = viz.render(fs.readFileSync(dot, "utf8"), { format: "svg" });
    if (result.status !== "success") {
        console.error(`${dot}: Graphviz could not render it: ${result.errors.map((e) => e.message).join("; ")}`);
        failed = true;
        continue;
    }
    fs.writeFileSync(svg, result.output);
    console.log(`Wrote ${svg}`);
}
process.exit(failed ? 1 : 0);
