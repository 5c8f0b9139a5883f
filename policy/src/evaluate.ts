// Evaluates the pack's policies the way the CrossGuard runtime does (validation args, per-policy config
// with schema defaults, enforcement levels, unknown-checking proxy, notApplicable), over plain resources:
// the offline plan file and the tests' fixtures.
import {
    EnforcementLevel, Policies, PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy,
    unknownCheckingProxy, UnknownValueError,
} from "@pulumi/policy";

/** One resource of a plan file (the shape of `pulumi stack export`). */
export interface PlanResource {
    urn: string;
    type: string;
    custom: boolean;
    parent?: string;
    inputs: Record<string, any>;
    dependencies?: string[];
    protect?: boolean;
    /** `<provider urn>::<id>` when the resource was registered with an explicit provider. */
    provider?: string;
}

/** The URN of a provider reference (`<urn>::<id>`). */
export function providerUrn(reference: string): string {
    return reference.substring(0, reference.lastIndexOf("::"));
}

export interface Violation {
    policy: string;
    level: EnforcementLevel;
    urn?: string;
    message: string;
}

/** Policy-pack config as `--policy-pack-config` takes it: `all`, and per policy a level or an object. */
export type PackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

class NotApplicable extends Error {
}

function isStackPolicy(p: ResourceValidationPolicy | StackValidationPolicy): p is StackValidationPolicy {
    return (p as StackValidationPolicy).validateStack !== undefined;
}

/** The level a policy runs at under `config`: its own entry, else `all`, else the policy's default. */
export function levelOf(policy: { name: string; enforcementLevel?: EnforcementLevel }, config: PackConfig): EnforcementLevel {
    const own = config[policy.name];
    if (typeof own === "string") {
        return own;
    }
    if (own?.enforcementLevel) {
        return own.enforcementLevel;
    }
    const all = config["all"];
    if (typeof all === "string") {
        return all;
    }
    return all?.enforcementLevel ?? policy.enforcementLevel ?? "advisory";
}

/** A policy's config: its schema's defaults overridden by `config[policy.name]`. */
export function configOf(policy: ResourceValidationPolicy | StackValidationPolicy, config: PackConfig): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if ((schema as { default?: unknown }).default !== undefined) {
            result[key] = (schema as { default?: unknown }).default;
        }
    }
    const own = config[policy.name];
    if (typeof own === "object") {
        for (const [key, value] of Object.entries(own)) {
            if (key !== "enforcementLevel") {
                result[key] = value;
            }
        }
    }
    return result;
}

/** The type of a URN (`urn:pulumi:<stack>::<project>::<parent types $ type>::<name>`). */
export function typeOfUrn(urn: string): string {
    const types = urn.split("::")[2] ?? "";
    return types.substring(types.lastIndexOf("$") + 1);
}

export function nameOf(urn: string): string {
    return urn.substring(urn.lastIndexOf("::") + 2);
}

/** Validation args as the runtime builds them for `resource` under `policy`. */
export function resourceArgs(resource: PlanResource, policyConfig: Record<string, unknown>): ResourceValidationArgs {
    const props = unknownCheckingProxy(resource.inputs ?? {});
    return {
        type: resource.type,
        props,
        urn: resource.urn,
        name: nameOf(resource.urn),
        opts: {
            protect: resource.protect ?? false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, parent: resource.parent,
        },
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => policyConfig as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
}

function policyResources(resources: PlanResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    for (const r of resources) {
        const provider = r.provider === undefined ? undefined : providerUrn(r.provider);
        byUrn.set(r.urn, {
            type: r.type, props: unknownCheckingProxy(r.inputs ?? {}), urn: r.urn, name: nameOf(r.urn),
            opts: resourceArgs(r, {}).opts, dependencies: [], propertyDependencies: {},
            provider: provider === undefined ? undefined : { type: typeOfUrn(provider), props: {}, urn: provider, name: nameOf(provider) },
            isType: () => false, asType: () => undefined,
        });
    }
    for (const r of resources) {
        const pr = byUrn.get(r.urn)!;
        pr.parent = r.parent ? byUrn.get(r.parent) : undefined;
        pr.dependencies = (r.dependencies ?? []).map(d => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
    }
    return [...byUrn.values()];
}

/** Runs every resource policy on each custom resource and every stack policy on the whole set. */
export async function evaluate(policies: Policies, resources: PlanResource[], config: PackConfig = {}): Promise<Violation[]> {
    const violations: Violation[] = [];
    const custom = resources.filter(r => r.custom);
    for (const policy of policies) {
        const level = levelOf(policy, config);
        if (level === "disabled") {
            continue;
        }
        const policyConfig = configOf(policy, config);
        const run = async (urn: string | undefined, body: (report: (message: string, urn?: string) => void) => unknown) => {
            const report = (message: string, reportedUrn?: string) =>
                violations.push({ policy: policy.name, level: level === "remediate" ? "mandatory" : level, urn: reportedUrn ?? urn, message });
            try {
                await body(report);
            } catch (e) {
                if (e instanceof UnknownValueError) {
                    violations.push({ policy: policy.name, level: "advisory", urn, message: `can't decide with unknown values: ${(e as Error).message}` });
                } else if (!(e instanceof NotApplicable)) {
                    throw e;
                }
            }
        };
        if (isStackPolicy(policy)) {
            const all = policyResources(custom);
            await run(undefined, report => policy.validateStack({ resources: all, stackTags: new Map(), getConfig: <T extends object>() => policyConfig as T } as any, report));
            continue;
        }
        const validations = policy.validateResource === undefined ? []
            : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
        for (const resource of custom) {
            for (const validate of validations) {
                await run(resource.urn, report => validate(resourceArgs(resource, policyConfig), report));
            }
        }
    }
    return violations;
}
