import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { main, report } from "../src/check";
import { configOf, evaluate, levelOf } from "../src/evaluate";
import { urn } from "./cases/case";

const strict: ResourceValidationPolicy = {
    name: "test-strict", description: "needs flag", enforcementLevel: "mandatory",
    configSchema: { properties: { flag: { type: "string", default: "on" } } },
    validateResource: (args, reportViolation) => {
        if (args.props.flag !== args.getConfig<{ flag: string }>().flag) {
            reportViolation("flag differs");
        }
    },
};
const resource = (inputs: Record<string, any>) => ({ urn: urn("dev", "aws:x/y:Z", "z"), type: "aws:x/y:Z", custom: true, inputs });

describe("evaluate", () => {
    it("uses the policy's own level, then `all`, then the default", () => {
        assert.equal(levelOf(strict, {}), "mandatory");
        assert.equal(levelOf(strict, { all: "advisory" }), "advisory");
        assert.equal(levelOf(strict, { all: "advisory", "test-strict": { enforcementLevel: "disabled" } }), "disabled");
        assert.equal(levelOf(strict, { "test-strict": "advisory" }), "advisory");
    });

    it("merges schema defaults with the policy's config", () => {
        assert.deepEqual(configOf(strict, {}), { flag: "on" });
        assert.deepEqual(configOf(strict, { "test-strict": { enforcementLevel: "advisory", flag: "off" } }), { flag: "off" });
    });

    it("reports at the configured level and skips disabled policies", async () => {
        assert.deepEqual(await evaluate([strict], [resource({ flag: "off" })], { "test-strict": "advisory" }),
            [{ policy: "test-strict", level: "advisory", urn: resource({}).urn, message: "flag differs" }]);
        assert.deepEqual(await evaluate([strict], [resource({ flag: "off" })], { "test-strict": "disabled" }), []);
        assert.deepEqual(await evaluate([strict], [resource({ flag: "on" })]), []);
    });

    it("only evaluates custom resources", async () => {
        assert.deepEqual(await evaluate([strict], [{ ...resource({ flag: "off" }), custom: false }]), []);
    });

    it("downgrades a policy that meets an unknown value to advisory, as in preview", async () => {
        const unknownAware: ResourceValidationPolicy = {
            name: "test-unknown", description: "reads a nested value", enforcementLevel: "mandatory",
            validateResource: (args, reportViolation) => {
                if (args.props.nested.value === "bad") {
                    reportViolation("bad");
                }
            },
        };
        // an unknown computed value, as the engine hands it over during preview
        const { unknownStringValue } = require("@pulumi/policy/proxy");
        const violations = await evaluate([unknownAware], [resource({ nested: unknownStringValue })]);
        assert.equal(violations.length, 1);
        assert.equal(violations[0].level, "advisory");
        assert.match(violations[0].message, /can't decide with unknown values/);
    });

    it("treats notApplicable as no violation", async () => {
        const skipping: ResourceValidationPolicy = {
            name: "test-na", description: "never applies", enforcementLevel: "mandatory",
            validateResource: args => args.notApplicable("not for this type"),
        };
        assert.deepEqual(await evaluate([skipping], [resource({})]), []);
    });
});

describe("check", () => {
    const planWith = (inputs: Record<string, any>, stack = "ci") => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
        const file = path.join(dir, `${stack}.json`);
        fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { manifest: {}, resources: [
            { urn: `urn:pulumi:${stack}::container-platform::pulumi:pulumi:Stack::container-platform-${stack}`, type: "pulumi:pulumi:Stack", custom: false, inputs: {} },
            { urn: `urn:pulumi:${stack}::container-platform::aws:cloudwatch/logGroup:LogGroup::logs`, type: "aws:cloudwatch/logGroup:LogGroup", custom: true, inputs },
        ] } }));
        return file;
    };
    /** Runs the checker capturing what it prints on `stream` (standard output, or standard error). */
    const quietly = async (argv: string[], stream: "log" | "error" = "log") => {
        const original = console[stream];
        const lines: string[] = [];
        console[stream] = (...a: unknown[]) => lines.push(a.join(" "));
        try {
            return { code: await main(argv), out: lines.join("\n") };
        } finally {
            console[stream] = original;
        }
    };
    const failing = (argv: string[]) => quietly(argv, "error");
    const tags = { Project: "p", Environment: "dev", Owner: "o", CostCenter: "c", ManagedBy: "pulumi" };

    it("exits 0 on a clean plan", async () => {
        const { code, out } = await quietly([planWith({ retentionInDays: 7, tags })]);
        assert.equal(code, 0);
        assert.match(out, /0 mandatory and 0 advisory violation\(s\)/);
    });

    it("exits 1 on a mandatory violation and groups it under its policy with the URN", async () => {
        const { code, out } = await quietly([planWith({ tags })]);
        assert.equal(code, 1);
        assert.match(out, /\[mandatory\] aws-cloudwatch-loggroup-require-retention: CloudWatch log groups have a retention period/);
        assert.match(out, /urn:pulumi:ci::container-platform::aws:cloudwatch\/logGroup:LogGroup::logs\n\s+retentionInDays is not set/);
    });

    it("exits 0 when config makes the violation advisory", async () => {
        const configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cfg-")), "c.json");
        fs.writeFileSync(configFile, JSON.stringify({ "aws-cloudwatch-loggroup-require-retention": "advisory" }));
        const { code, out } = await quietly([planWith({ tags }), "--config", configFile]);
        assert.equal(code, 0);
        assert.match(out, /0 mandatory and 1 advisory violation\(s\)/);
    });

    it("takes the policy config of the resources' Environment tag, whatever the stack's name", async () => {
        const prod = await quietly([planWith({ retentionInDays: 7, tags: { ...tags, Environment: "prod" } }, "prod-eu")]);
        assert.match(prod.out, /stack prod-eu, 1 cloud resources, config \S*config[\\/]prod\.json/);
        const dev = await quietly([planWith({ retentionInDays: 7, tags }, "prod")]);
        assert.match(dev.out, /stack prod, 1 cloud resources, config \S*config[\\/]dev\.json/);
        const given = await quietly([planWith({ retentionInDays: 7, tags }, "prod"), "--environment", "staging"]);
        assert.match(given.out, /config \S*config[\\/]staging\.json/);
    });

    it("refuses a plan whose environment it cannot tell, or that has no config, rather than take defaults", async () => {
        const untagged = await failing([planWith({ retentionInDays: 7 }, "prod")]);
        assert.equal(untagged.code, 2);
        assert.match(untagged.out, /cannot tell the plan's environment from its resources' Environment tags \(none\); allowed: --environment <dev \| staging \| prod> or --config/);
        const unknown = await failing([planWith({ retentionInDays: 7, tags: { ...tags, Environment: "ci" } })]);
        assert.equal(unknown.code, 2);
        assert.match(unknown.out, /no policy config for environment "ci"; allowed: dev, staging, prod \(policy\/config\/<environment>\.json\)/);
    });

    it("prints usage without a plan", async () => {
        assert.equal((await failing([])).code, 2);
    });

    it("summarises an empty result", () => {
        assert.match(report([]), /^0 mandatory and 0 advisory violation\(s\); \d+ policies evaluated\.$/);
    });
});
