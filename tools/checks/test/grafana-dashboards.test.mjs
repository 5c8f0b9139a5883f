// The Grafana dashboards the program ships (ConfigMaps labelled grafana_dashboard: "1" in the offline plans),
// checked against Grafana's own dashboard schema: @grafana/schema's `Dashboard` type, compiled with TypeScript
// (strict, excess properties rejected), plus what the schema cannot say: unique panel ids, panels on the
// 24-column grid, every query with a refId, an expression and the chart's Prometheus data source.
// Run after the offline plans (.ci/run does): ./mvnw -q compile exec:java@plan -Dstack=<stack>
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { ROOT } from "./repo.mjs";

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** TypeScript's complaints about `dashboards` as Grafana dashboards (string enums taken as their values, as in JSON). */
function schemaErrors(dashboards) {
    const dir = path.join(PACKAGE, "node_modules", ".cache", "grafana-dashboards");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "dashboards.ts");
    const declarations = dashboards.map((d, i) => `export const dashboard${i}: Json<Dashboard> = ${JSON.stringify(d, null, 2)};`);
    fs.writeFileSync(file, [
        `import type { Dashboard } from "@grafana/schema";`,
        "type Json<T> = T extends string ? `${T}` : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;",
        ...declarations,
    ].join("\n"));
    const program = ts.createProgram([file], {
        strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16,
    });
    return ts.getPreEmitDiagnostics(program).map(d => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** What the schema cannot say. */
function layoutErrors(dashboard) {
    const errors = [];
    const ids = dashboard.panels.map(p => p.id);
    if (new Set(ids).size !== ids.length) {
        errors.push(`duplicate panel ids ${ids}`);
    }
    for (const panel of dashboard.panels) {
        const { x, w } = panel.gridPos;
        if (x < 0 || w < 1 || x + w > 24) {
            errors.push(`panel ${panel.title} is off the 24-column grid`);
        }
        for (const target of panel.targets ?? []) {
            if (!target.refId || !target.expr || target.datasource?.uid !== "prometheus") {
                errors.push(`panel ${panel.title}: a query without refId, expression or the Prometheus data source`);
            }
        }
    }
    return errors;
}

for (const stack of ["dev", "prod"]) {
    describe(`Grafana dashboards of the ${stack} plan`, () => {
        const file = path.join(ROOT, "target", "plan", `${stack}.json`);
        it("exists (run the offline plan first)", () => assert.ok(fs.existsSync(file), `${file} is missing`));
        if (!fs.existsSync(file)) {
            return;
        }
        const dashboards = JSON.parse(fs.readFileSync(file, "utf8")).deployment.resources
            .filter(r => r.type.startsWith("kubernetes:") && r.inputs.kind === "ConfigMap" && r.inputs.metadata?.labels?.grafana_dashboard === "1")
            .flatMap(r => Object.values(r.inputs.data).map(text => JSON.parse(text)));

        it("are the pipeline's and the cluster's", () => {
            assert.deepEqual(dashboards.map(d => d.uid).sort(), ["data-pipeline", "eks-cluster"]);
        });
        it("match Grafana's dashboard schema", () => assert.deepEqual(schemaErrors(dashboards), []));
        for (const dashboard of dashboards) {
            it(`${dashboard.uid}: panels are laid out and query Prometheus`, () => assert.deepEqual(layoutErrors(dashboard), []));
        }
    });
}

describe("the dashboard checks", () => {
    it("reject a dashboard the schema does not allow (they can fail)", () => {
        const errors = schemaErrors([
            { schemaVersion: 39, panels: [{ type: "timeseries", gridPos: { h: "8", w: 12, x: 0, y: 0 } }] },
            { schemaVersion: 39, titel: "typo" },
            { title: "no schemaVersion" },
        ]);
        assert.equal(errors.length, 3, errors.join("\n"));
    });
    it("accept a string enum written as its value, as dashboards' JSON does", () => {
        assert.deepEqual(schemaErrors([{ schemaVersion: 39, panels: [{ type: "stat", fieldConfig: {
            defaults: { thresholds: { mode: "absolute", steps: [{ value: null, color: "green" }] } }, overrides: [] } }] }]), []);
    });
    it("reject overlapping ids and queries without a data source", () => {
        const panel = { id: 1, title: "p", gridPos: { h: 8, w: 20, x: 12, y: 0 }, targets: [{ refId: "A", expr: "up" }] };
        assert.equal(layoutErrors({ panels: [panel, { ...panel }] }).length, 5);
    });
});
