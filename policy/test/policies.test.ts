import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as fs from "fs";
import * as path from "path";
import { configOf, evaluate, levelOf, PackConfig, PlanResource } from "../src/evaluate";
import { ENVIRONMENTS } from "../src/util";
import { policies } from "../src/pack";
import { awsResourceCases } from "./cases/aws-resources";
import { Case, urn } from "./cases/case";
import { exposureCases } from "./cases/exposure";
import { kubernetesCases } from "./cases/kubernetes";
import { kubernetesStackCases } from "./cases/kubernetes-stack";
import { pipelineTlsCases } from "./cases/pipeline-tls";
import { securityGroupCases } from "./cases/security-groups";
import { taggingCases } from "./cases/tagging";

const cases: Case[] = [...securityGroupCases, ...taggingCases, ...awsResourceCases, ...kubernetesCases, ...kubernetesStackCases, ...pipelineTlsCases, ...exposureCases];

function resourcesOf(c: Case): PlanResource[] {
    if (c.resources) {
        return c.resources;
    }
    return [{ urn: urn(c.stack ?? "dev", c.type!, "subject"), type: c.type!, custom: true, inputs: c.props ?? {} }];
}

for (const c of cases) {
    describe(c.policy, () => {
        it(`${c.expect.length === 0 ? "passes" : "fails"}: ${c.name}`, async () => {
            const policy = policies.find(p => p.name === c.policy);
            assert.ok(policy, `no policy named ${c.policy}`);
            const config = c.environment ? { [c.policy]: { environment: c.environment }, ...c.config } : c.config ?? {};
            const violations = await evaluate([policy], resourcesOf(c), config);
            assert.equal(violations.length, c.expect.length, JSON.stringify(violations, null, 2));
            c.expect.forEach((expected, i) => assert.ok(violations[i].message.includes(expected),
                `violation ${i}: "${violations[i].message}" does not contain "${expected}"`));
        });
    });
}

describe("the environments' pack configs", () => {
    const config = (environment: string): PackConfig => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "config", `${environment}.json`), "utf8"));
    it("are one per environment, each setting its environment for every policy that takes one", () => {
        const files = fs.readdirSync(path.join(__dirname, "..", "..", "config")).sort();
        assert.deepEqual(files, ENVIRONMENTS.map(e => `${e}.json`).sort());
        const sensitive = policies.filter(p => p.configSchema?.properties?.environment);
        assert.equal(sensitive.length, 4);
        for (const environment of ENVIRONMENTS) {
            for (const p of sensitive) {
                assert.deepEqual(configOf(p, config(environment)), { environment }, `${environment}.json: ${p.name}`);
            }
        }
    });

    it("hold prod to alarm topics with a subscriber and only advise dev", () => {
        const policy = policies.find(p => p.name === "aws-sns-topic-alarm-topics-require-subscription")!;
        assert.equal(levelOf(policy, config("prod")), "mandatory");
        assert.equal(levelOf(policy, config("dev")), "advisory");
        assert.equal(levelOf(policy, {}), "mandatory");
    });
});

describe("the pack", () => {
    it("has a passing and a failing fixture for every policy", () => {
        for (const p of policies) {
            const own = cases.filter(c => c.policy === p.name);
            assert.ok(own.some(c => c.expect.length === 0), `${p.name} has no passing fixture`);
            assert.ok(own.some(c => c.expect.length > 0), `${p.name} has no failing fixture`);
        }
    });

    it("names policies in kebab case, uniquely, each with a description and a level", () => {
        const names = policies.map(p => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const p of policies) {
            assert.match(p.name, /^[a-z0-9]+(-[a-z0-9]+)+$/);
            assert.ok(p.description.length > 10, p.name);
            assert.ok(p.enforcementLevel, p.name);
        }
    });
});
