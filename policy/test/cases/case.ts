import { PackConfig, PlanResource } from "../../src/evaluate";

/** One fixture: a resource (or a whole stack) and what a policy must say of it. */
export interface Case {
    policy: string;
    name: string;
    /** A single resource: its type and inputs. */
    type?: string;
    props?: Record<string, any>;
    /** Or several resources, for stack policies. */
    resources?: PlanResource[];
    stack?: string;
    /** The `environment` of the policy's config (as config/<environment>.json sets it). */
    environment?: string;
    config?: PackConfig;
    /** Expected violation messages (each a substring), in order; empty means the fixture passes. */
    expect: string[];
}

export function urn(stack: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::container-platform::${type}::${name}`;
}

export const TAGS = { Project: "p", Environment: "dev", Owner: "o", CostCenter: "c", ManagedBy: "pulumi" };
