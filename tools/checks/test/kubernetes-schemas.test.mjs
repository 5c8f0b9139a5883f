// Every Kubernetes object of the offline plans, validated against the official schemas: Kubernetes' OpenAPI
// (kubernetes-models), KEDA's, the Prometheus operator's and cert-manager's CRDs (@kubernetes-models/keda,
// /prometheus-operator, /cert-manager).
// Run after the offline plans (.ci/run does): ./mvnw -q compile exec:java@plan -Dstack=<stack>
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./repo.mjs";

/** The package holding the models of an API group. */
function modelModule(apiVersion) {
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    if (group === "keda.sh") {
        return `@kubernetes-models/keda/keda.sh/${version}`;
    }
    if (group === "cert-manager.io") {
        return `@kubernetes-models/cert-manager/cert-manager.io/${version}`;
    }
    if (group === "monitoring.coreos.com") {
        return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}`;
    }
    return group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
}

/** The manifest a Kubernetes resource of the plan stands for; secret values (opaque here) keep their shape. */
function manifestOf(inputs) {
    const manifest = { ...inputs };
    for (const field of ["stringData", "data"]) {
        if (manifest[field] === "[secret]") {
            manifest[field] = { redacted: "secret" };
        }
    }
    return manifest;
}

for (const stack of ["dev", "prod"]) {
    describe(`Kubernetes objects of the ${stack} plan`, async () => {
        const file = path.join(ROOT, "target", "plan", `${stack}.json`);
        it("exists (run the offline plan first)", () => assert.ok(fs.existsSync(file), `${file} is missing`));
        if (!fs.existsSync(file)) {
            return;
        }
        const resources = JSON.parse(fs.readFileSync(file, "utf8")).deployment.resources
            .filter(r => r.custom && r.type.startsWith("kubernetes:") && !r.type.startsWith("kubernetes:helm.sh/"));

        it("include the pipeline's workloads and custom resources", () => {
            const kinds = new Set(resources.map(r => r.inputs.kind));
            for (const kind of ["StatefulSet", "Deployment", "ScaledObject", "TriggerAuthentication", "ServiceMonitor", "PrometheusRule",
                "NetworkPolicy", "PodDisruptionBudget", "ResourceQuota", "LimitRange", "Ingress", "Job", "Issuer", "Certificate"]) {
                assert.ok(kinds.has(kind), `no ${kind}`);
            }
        });

        for (const resource of resources) {
            const { apiVersion, kind } = resource.inputs;
            it(`${kind} ${resource.urn.split("::").pop()} is valid`, async () => {
                assert.ok(apiVersion && kind, "apiVersion and kind are set");
                const models = await import(modelModule(apiVersion));
                const Model = models[kind];
                assert.ok(Model, `no model for ${apiVersion} ${kind}`);
                new Model(manifestOf(resource.inputs)).validate();
            });
        }
    });
}

describe("the validator", () => {
    it("rejects an invalid object (it can fail)", async () => {
        const { Deployment } = await import("kubernetes-models/apps/v1");
        assert.throws(() => new Deployment({ metadata: { name: "x" }, spec: { replicas: "two", selector: {}, template: {} } }).validate());
        const { ScaledObject } = await import("@kubernetes-models/keda/keda.sh/v1alpha1");
        assert.throws(() => new ScaledObject({ metadata: { name: "x" }, spec: { triggers: "rabbitmq" } }).validate());
    });
});
