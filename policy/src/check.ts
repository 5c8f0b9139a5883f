// `npm run check -- <plan.json> [--config <file>]`: evaluates the pack over an offline plan file, prints the
// violations grouped by policy, and exits 1 when a mandatory one fails. Without --config it uses
// config/<stack>.json when the plan's stack has one.
import * as fs from "fs";
import * as path from "path";
import { evaluate, PackConfig, PlanResource, Violation } from "./evaluate";
import { policies } from "./pack";
import { stackOf } from "./util";

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

export async function main(argv: string[]): Promise<number> {
    const configIndex = argv.indexOf("--config");
    const configFile = configIndex >= 0 ? argv[configIndex + 1] : undefined;
    const argument = argv.find((a, i) => !a.startsWith("--") && (configIndex < 0 || i !== configIndex + 1));
    const planFile = argument === "-" ? await readStdin() : argument;
    if (!planFile) {
        console.error("usage: npm run check -- <plan.json | - (its path on standard input)> [--config <policy-config.json>]");
        return 2;
    }
    const plan = JSON.parse(fs.readFileSync(planFile, "utf8"));
    const resources: PlanResource[] = plan?.deployment?.resources ?? [];
    const stack = resources.length > 0 ? stackOf(resources[0].urn) : "";
    const defaultConfig = path.join(__dirname, "..", "..", "config", `${stack}.json`);
    const chosen = configFile ?? (fs.existsSync(defaultConfig) ? defaultConfig : undefined);
    const config: PackConfig = chosen ? JSON.parse(fs.readFileSync(chosen, "utf8")) : {};
    console.log(`Policy check of ${planFile}: stack ${stack}, ${resources.filter(r => r.custom).length} cloud resources, `
        + `config ${chosen ? path.relative(process.cwd(), chosen) : "(pack defaults)"}`);
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
