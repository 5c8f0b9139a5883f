// `npm run check -- <plan.json> [--environment <environment> | --config <file>]`: evaluates the pack over an offline
// plan file, prints the violations grouped by policy, and exits 1 when a mandatory one fails. The policy config is
// config/<environment>.json, the environment being --environment or else the Environment tag of the plan's resources
// (never the stack's name); a plan whose environment or config cannot be told is an error (exit 2).
import * as fs from "fs";
import * as path from "path";
import { evaluate, PackConfig, PlanResource, Violation } from "./evaluate";
import { policies } from "./pack";
import { ENVIRONMENT_TAG, ENVIRONMENTS, stackOf, tagsOf } from "./util";

export function report(violations: Violation[]): string {
    const lines: string[] = [];
    const byPolicy = new Map<string, Violation[]>();
    for (const v of violations) {
        byPolicy.set(v.policy, [...(byPolicy.get(v.policy) ?? []), v]);
    }
    for (const [policy, list] of byPolicy) {
        const description = policies.find(p => p.name === policy)?.description ?? "";
        lines.push(`[${list[0].level}] ${policy}: ${description}`);
        for (const v of list) {
            lines.push(`    ${v.urn ?? "(stack)"}`);
            lines.push(`        ${v.message}`);
        }
    }
    const mandatory = violations.filter(v => v.level === "mandatory").length;
    lines.push(`${mandatory} mandatory and ${violations.length - mandatory} advisory violation(s); ${policies.length} policies evaluated.`);
    return lines.join("\n");
}

/** Standard input, whole: the offline plan starts the checker early (loading the pack takes most of its time) and sends the plan's path when written. */
function readStdin(): Promise<string> {
    return new Promise((resolve, reject) => {
        let data = "";
        process.stdin.setEncoding("utf8");
        process.stdin.on("data", chunk => data += chunk);
        process.stdin.on("end", () => resolve(data.trim()));
        process.stdin.on("error", reject);
    });
}

/** The distinct `Environment` tags of the plan's resources (the program tags every taggable AWS resource with the stack's `environment`). */
export function environmentsOf(resources: PlanResource[]): string[] {
    const tags = resources.map(r => tagsOf(r.inputs ?? {})?.[ENVIRONMENT_TAG]).filter((e): e is string => typeof e === "string");
    return [...new Set(tags)].sort();
}

/** The policy config file of the plan: `config/<environment>.json`; throws, naming what is allowed, when it cannot be told. */
export function configFileOf(resources: PlanResource[], environment?: string): string {
    if (environment === undefined) {
        const tagged = environmentsOf(resources);
        if (tagged.length !== 1) {
            throw new Error(`cannot tell the plan's environment from its resources' ${ENVIRONMENT_TAG} tags (${tagged.length === 0 ? "none"
                : tagged.join(", ")}); allowed: --environment <${ENVIRONMENTS.join(" | ")}> or --config <policy-config.json>`);
        }
        environment = tagged[0];
    }
    const file = path.join(__dirname, "..", "..", "config", `${environment}.json`);
    if (!ENVIRONMENTS.includes(environment) || !fs.existsSync(file)) {
        throw new Error(`no policy config for environment "${environment}"; allowed: ${ENVIRONMENTS.join(", ")}`
            + ` (policy/config/<environment>.json)`);
    }
    return file;
}

export async function main(argv: string[]): Promise<number> {
    const option = (name: string) => argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined;
    const values = ["--config", "--environment"].filter(o => argv.includes(o)).map(o => argv.indexOf(o) + 1);
    const argument = argv.find((a, i) => !a.startsWith("--") && !values.includes(i));
    const planFile = argument === "-" ? await readStdin() : argument;
    if (!planFile) {
        console.error("usage: npm run check -- <plan.json | - (its path on standard input)> [--environment <environment> | --config <policy-config.json>]");
        return 2;
    }
    const plan = JSON.parse(fs.readFileSync(planFile, "utf8"));
    const resources: PlanResource[] = plan?.deployment?.resources ?? [];
    const stack = resources.length > 0 ? stackOf(resources[0].urn) : "";
    let chosen: string;
    try {
        chosen = option("--config") ?? configFileOf(resources, option("--environment"));
    } catch (e) {
        console.error(`Policy check of ${planFile}: ${(e as Error).message}`);
        return 2;
    }
    const config: PackConfig = JSON.parse(fs.readFileSync(chosen, "utf8"));
    console.log(`Policy check of ${planFile}: stack ${stack}, ${resources.filter(r => r.custom).length} cloud resources, `
        + `config ${path.relative(process.cwd(), chosen)}`);
    const violations = await evaluate(policies, resources, config);
    console.log(report(violations));
    return violations.some(v => v.level === "mandatory") ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(code => process.exit(code), e => {
        console.error(e instanceof Error ? e.message : e);
        process.exit(2);
    });
}
