// The drills (tools/drills) and the blue/green deploy (tools/deploy) cannot run here: they need a deployed stack.
// What can be checked is checked: they pass shellcheck, answer --help, refuse bad arguments, and in --dry-run print
// the commands they would run.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./repo.mjs";

const DIR = path.join(ROOT, "tools", "drills");
const scripts = fs.readdirSync(DIR).filter(f => f.endsWith(".sh") && f !== "drill-lib.sh").sort();

function drill(script, ...args) {
    return spawnSync("bash", [path.join(DIR, script), ...args], { encoding: "utf8", env: { ...process.env, PATH: "/usr/bin:/bin" } });
}

describe("drills", () => {
    it("are the four the seeds ask for", () => {
        assert.deepEqual(scripts, ["load-test.sh", "pipeline-burst.sh", "rds-failover.sh", "replace-instance.sh"]);
    });

    it("pass shellcheck", () => {
        const check = spawnSync("shellcheck", ["-x", ...fs.readdirSync(DIR).filter(f => f.endsWith(".sh"))], { cwd: DIR, encoding: "utf8" });
        assert.ok(!check.error, "shellcheck is needed for this check: apt-get install shellcheck (" + check.error?.message + ")");
        assert.equal(check.status, 0, check.stdout + check.stderr);
    });

    for (const script of scripts) {
        it(`${script}: --help says how to use it, an unknown option is refused with exit 2`, () => {
            const help = drill(script, "--help");
            assert.equal(help.status, 0, help.stderr);
            assert.match(help.stdout, new RegExp(`^Usage: tools/drills/${script.replace(".", "\\.")} `));
            assert.match(help.stdout, /--dry-run +print the commands, run none/);
            const bad = drill(script, "--frobnicate");
            assert.equal(bad.status, 2);
            assert.match(bad.stderr, /error: unknown option --frobnicate/);
            const missing = drill(script, "--dry-run");
            assert.equal(missing.status, 2);
            assert.match(missing.stderr, /error: --\w+ (and --\w+ )?(is|are) required/);
        });
    }

    it("replace-instance.sh --dry-run terminates one instance of the service's group and polls it", () => {
        const run = drill("replace-instance.sh", "--stack", "prod", "--service", "app", "--dry-run");
        assert.equal(run.status, 0, run.stderr);
        const all = run.stdout + run.stderr;
        assert.match(all, /\+ pulumi stack output services --json --stack prod \| jq -r \.app\.autoScalingGroup/);
        assert.match(all, /\+ aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names <app\.autoScalingGroup>/);
        assert.match(all, /\+ aws ec2 terminate-instances --instance-ids \S+/);
        assert.match(all, /instance replaced in +observed: .* expected: about 180 s \(seed 003\)/);
    });

    it("rds-failover.sh --dry-run forces a failover of the service's database", () => {
        const run = drill("rds-failover.sh", "--stack", "prod", "--service", "app", "--dry-run");
        assert.equal(run.status, 0, run.stderr);
        const all = run.stdout + run.stderr;
        assert.match(all, /\+ aws rds describe-db-instances --db-instance-identifier <app --query DBInstances\[0\]\.MultiAZ/);
        assert.match(all, /\+ aws rds reboot-db-instance --db-instance-identifier <app --force-failover/);
        assert.match(all, /failover done in +observed: .* expected: 60 to 120 s \(seed 003\)/);
    });

    it("load-test.sh --dry-run loads the service's URL and watches its ECS service or Auto Scaling group", () => {
        const fargate = drill("load-test.sh", "--stack", "dev", "--service", "web", "--path", "/", "--duration", "60", "--dry-run");
        assert.equal(fargate.status, 0, fargate.stderr);
        assert.match(fargate.stdout + fargate.stderr, /\+ aws ecs describe-services --cluster <cluster> --services <web\.ecsService>/);
        assert.match(fargate.stderr, /\+ aws application-autoscaling describe-scalable-targets --service-namespace ecs --resource-ids service\/<cluster>\/<web\.ecsService> --query ScalableTargets\[0\]\.MaxCapacity/);
        assert.match(fargate.stdout, /\+ seq 50 \| xargs -P 50 -I\{\} curl -s -o \/dev\/null --max-time 10 <web\.url>\/ \(repeated for 60 s\)/);
        const ec2 = drill("load-test.sh", "--stack", "prod", "--service", "app", "--kind", "ec2", "--path", "/students", "--dry-run");
        assert.equal(ec2.status, 0, ec2.stderr);
        assert.match(ec2.stdout + ec2.stderr, /\+ aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names <app\.autoScalingGroup>/);
        assert.match(ec2.stderr, /\+ aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names <app\.autoScalingGroup> --query AutoScalingGroups\[0\]\.MaxSize/);
        assert.match(ec2.stdout, /first scale-out after +observed: none s +expected: within about 180 s of sustained load/);
    });

    // pulumi, aws and curl replaced by scripts answering like them for a fargate service running 2 tasks whose scalable
    // target's maximum is `maximum` ("None": no scalable target, as dev's web); sleep returns at once
    function loadTestWithFakes(maximum) {
        const bin = fs.mkdtempSync(path.join(os.tmpdir(), "load-test-"));
        const fake = (name, body) => fs.writeFileSync(path.join(bin, name), "#!/bin/bash\n" + body, { mode: 0o755 });
        fake("pulumi", `case "$*" in\n  *services*) echo '{"web":{"kind":"fargate","url":"http://lb.example","ecsService":"dev-web-service-1a2b3c4"}}' ;;\n`
            + `  *clusterName*) echo dev-cluster-5d6e7f8 ;;\nesac\n`);
        fake("aws", `echo "aws $*" >> "${bin}/calls"\ncase "$*" in\n  *describe-scalable-targets*) echo ${maximum} ;;\n  *) printf '2\\t2\\n' ;;\nesac\n`);
        fake("curl", `echo "curl $*" >> "${bin}/calls"\n`);
        fake("sleep", "exit 0\n");
        const run = spawnSync("bash", [path.join(DIR, "load-test.sh"), "--stack", "dev", "--service", "web", "--duration", "1", "--concurrency", "1"],
            { encoding: "utf8", env: { ...process.env, PATH: `${bin}:/usr/bin:/bin` } });
        const calls = fs.existsSync(path.join(bin, "calls")) ? fs.readFileSync(path.join(bin, "calls"), "utf8") : "";
        fs.rmSync(bin, { recursive: true });
        return { ...run, calls };
    }

    it("load-test.sh reads the service's scaling first and refuses, before any load, a service that cannot scale out", () => {
        const fixed = loadTestWithFakes("None");
        assert.equal(fixed.status, 2, fixed.stdout + fixed.stderr);
        assert.match(fixed.calls, /aws application-autoscaling describe-scalable-targets --service-namespace ecs --resource-ids service\/dev-cluster-5d6e7f8\/dev-web-service-1a2b3c4 /);
        assert.match(fixed.stderr, /error: service web of stack dev cannot scale out: its ECS service has no autoscaling \(no scalable target: services\.web sets no minCount and maxCount\); a load test can show no scale-out here/);
        assert.doesNotMatch(fixed.calls, /curl/);
        const atMaximum = loadTestWithFakes("2");
        assert.equal(atMaximum.status, 2, atMaximum.stdout + atMaximum.stderr);
        assert.match(atMaximum.stderr, /cannot scale out: it runs 2, its maximum is 2;/);
        assert.doesNotMatch(atMaximum.calls, /curl/);
        const scalable = loadTestWithFakes("10");
        assert.equal(scalable.status, 0, scalable.stdout + scalable.stderr);
        assert.match(scalable.stdout, /scaling: 2 now, up to 10\nloading http:\/\/lb\.example\/ with 1 workers for 1 s/);
        assert.match(scalable.calls, /curl -s -o \/dev\/null --max-time 10 http:\/\/lb\.example\//);
        assert.match(scalable.stdout, /first scale-out after +observed: none s +expected: within about 180 s of sustained load/);
    });

    it("pipeline-burst.sh --dry-run runs the producer as a publisher Job the namespace's policies admit", () => {
        const run = drill("pipeline-burst.sh", "--image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/dev/producer:1.0.0", "--count", "1000", "--dry-run");
        assert.equal(run.status, 0, run.stderr);
        const all = run.stdout + run.stderr;
        assert.match(all, /\+ kubectl apply -f - <<EOF\napiVersion: batch\/v1\nkind: Job/);
        assert.match(all, /pipeline\.containerplatform\.io\/publisher: "true"/);
        assert.match(all, /args: \["--count", "1000", "--rate", "0"\]/);
        // to the publishers' exchange, bound to the queue alone (the publisher user may not write to the default exchange)
        assert.match(all, /\{name: RABBITMQ_QUEUE, value: data-stream\}\n +- \{name: RABBITMQ_EXCHANGE, value: data-stream\.in\}/);
        const other = drill("pipeline-burst.sh", "--image", "i", "--queue", "orders", "--dry-run");
        assert.match(other.stdout + other.stderr, /\{name: RABBITMQ_EXCHANGE, value: orders\.in\}/);
        // AMQP over TLS (the broker has no plain listener), trusting the pipeline's CA: its certificate only, never its key
        assert.match(all, /\{name: RABBITMQ_PORT, value: "5671"\}\n +- \{name: TLS_CA_FILE, value: \/etc\/pipeline-tls\/ca\.crt\}/);
        assert.match(all, /secret: \{secretName: pipeline-ca, defaultMode: 0444, items: \[\{key: ca\.crt, path: ca\.crt\}\]\}/);
        assert.match(all, /\+ kubectl -n data-processing exec rabbitmq-0 -- rabbitmqctl list_queues/);
        assert.match(all, /\+ kubectl -n data-processing get deployment spark-processor -o jsonpath=\{\.status\.replicas\}/);
        assert.match(all, /\+ kubectl -n data-processing delete job producer-burst-\d+ --wait=false/);
    });
});

/** A service's AppSpec (stack output services.NAME.appSpec) moving it to `taskDefinition`. */
function appSpec(taskDefinition) {
    return JSON.stringify({ version: "0.0", Resources: [{ TargetService: { Type: "AWS::ECS::Service", Properties: { TaskDefinition: taskDefinition } } }] });
}

describe("tools/deploy/blue-green-all.sh", () => {
    const SCRIPT = path.join(ROOT, "tools", "deploy", "blue-green-all.sh");

    // pulumi and aws replaced by scripts answering like them: a stack with two blue/green services and a rolling one,
    // both blue/green services running an older task definition, where CodeDeploy's deployment of "admin" fails;
    // sleep returns at once
    function withFakes(...args) {
        const bin = fs.mkdtempSync(path.join(os.tmpdir(), "blue-green-"));
        const fake = (name, body) => fs.writeFileSync(path.join(bin, name), "#!/bin/bash\n" + body, { mode: 0o755 });
        const service = name => `"rollout":"blueGreen","deploymentApplication":"app-${name}","deploymentGroup":"dg-${name}","ecsService":"${name}-svc",`
            + `"appSpec":${JSON.stringify(appSpec(`arn:aws:ecs:us-east-1:210987654321:task-definition/${name}:2`))}`;
        fake("pulumi", `case "$*" in\n  *clusterName*) echo dev-cluster ;;\n`
            + `  *) echo '{"api":{${service("api")}},"web":{"rollout":"rolling"},"admin":{${service("admin")}}}' ;;\nesac\n`);
        fake("aws", `echo "aws $*" >> "${bin}/calls"\ncase "$*" in\n  *describe-services*) echo arn:aws:ecs:us-east-1:210987654321:task-definition/old:1 ;;\n`
            + `  *create-deployment*app-admin*) echo d-admin ;;\n`
            + `  *create-deployment*) echo d-api ;;\n  *d-admin*) echo Failed ;;\n  *) echo Succeeded ;;\nesac\n`);
        fake("sleep", "exit 0\n");
        const run = spawnSync("bash", [SCRIPT, ...args], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:/usr/bin:/bin` } });
        const calls = fs.existsSync(path.join(bin, "calls")) ? fs.readFileSync(path.join(bin, "calls"), "utf8") : "";
        fs.rmSync(bin, { recursive: true });
        return { ...run, calls };
    }

    it("passes shellcheck, answers --help and refuses bad arguments", () => {
        const check = spawnSync("shellcheck", ["-x", "blue-green-all.sh"], { cwd: path.dirname(SCRIPT), encoding: "utf8" });
        assert.ok(!check.error, "shellcheck is needed for this check: apt-get install shellcheck (" + check.error?.message + ")");
        assert.equal(check.status, 0, check.stdout + check.stderr);
        const help = spawnSync("bash", [SCRIPT, "--help"], { encoding: "utf8" });
        assert.equal(help.status, 0, help.stderr);
        assert.match(help.stdout, /^Usage: tools\/deploy\/blue-green-all\.sh --stack STACK/);
        const missing = spawnSync("bash", [SCRIPT, "--dry-run"], { encoding: "utf8" });
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /error: --stack is required/);
    });

    it("deploys exactly the blue/green services, all of them, and fails naming the one CodeDeploy rolled back", () => {
        const run = withFakes("--stack", "org/dev");
        assert.equal(run.status, 2, run.stdout + run.stderr);
        assert.match(run.calls, /aws deploy create-deployment --application-name app-api --deployment-group-name dg-api /);
        assert.match(run.calls, /aws deploy create-deployment --application-name app-admin --deployment-group-name dg-admin /);
        assert.doesNotMatch(run.calls, /web/);
        assert.match(run.stdout, /== api\n[\s\S]*deployment succeeded in/);
        assert.match(run.stderr, /error: blue\/green deployment of admin did not succeed \(rolled back\)/);
    });
});

describe("tools/deploy/blue-green.sh", () => {
    const SCRIPT = path.join(ROOT, "tools", "deploy", "blue-green.sh");
    const deploy = (...args) => spawnSync("bash", [SCRIPT, ...args], { encoding: "utf8", env: { ...process.env, PATH: "/usr/bin:/bin" } });

    it("passes shellcheck, answers --help and refuses bad arguments", () => {
        const check = spawnSync("shellcheck", ["-x", "blue-green.sh"], { cwd: path.dirname(SCRIPT), encoding: "utf8" });
        assert.ok(!check.error, "shellcheck is needed for this check: apt-get install shellcheck (" + check.error?.message + ")");
        assert.equal(check.status, 0, check.stdout + check.stderr);
        const help = deploy("--help");
        assert.equal(help.status, 0, help.stderr);
        assert.match(help.stdout, /^Usage: tools\/deploy\/blue-green\.sh --stack STACK --service NAME/);
        assert.match(help.stdout, /aws deploy stop-deployment --deployment-id ID --auto-rollback-enabled/);
        assert.equal(deploy("--stack", "dev", "--dry-run").status, 2);
    });

    it("--dry-run starts a CodeDeploy deployment with the service's AppSpec and polls it", () => {
        const run = deploy("--stack", "dev", "--service", "api", "--dry-run");
        assert.equal(run.status, 0, run.stderr);
        const all = run.stdout + run.stderr;
        for (const key of ["rollout", "deploymentApplication", "deploymentGroup", "appSpec"]) {
            assert.match(all, new RegExp(`\\+ pulumi stack output services --json --stack dev \\| jq -r \\.api\\.${key}\n`));
        }
        assert.match(all, /\+ aws deploy create-deployment --application-name <api\.deploymentApplication> --deployment-group-name <api\.deploymentGroup> --revision \{"revisionType":"AppSpecContent","appSpecContent":\{"content":"<api\.appSpec>"\}\}/);
        assert.match(all, /\+ aws deploy get-deployment --deployment-id <deployment-id> --query deploymentInfo\.status/);
        const reads = all.indexOf("+ aws ecs describe-services --cluster <cluster> --services <api.ecsService> --query "
            + "services[0].taskSets[?status=='PRIMARY'].taskDefinition | [0] || services[0].taskDefinition");
        assert.ok(reads >= 0 && reads < all.indexOf("+ aws deploy create-deployment"), "what the service runs is read first");
    });

    // pulumi and aws replaced by scripts answering like them for a service whose AppSpec moves it to revision 7 and whose
    // primary task set runs `serving`; the deployment succeeds at once
    function withFakes(serving) {
        const bin = fs.mkdtempSync(path.join(os.tmpdir(), "blue-green-"));
        const fake = (name, body) => fs.writeFileSync(path.join(bin, name), "#!/bin/bash\n" + body, { mode: 0o755 });
        const services = { api: { rollout: "blueGreen", deploymentApplication: "app-api", deploymentGroup: "dg-api", ecsService: "dev-api-svc",
            appSpec: appSpec("arn:aws:ecs:us-east-1:210987654321:task-definition/dev-api:7") } };
        fake("pulumi", `case "$*" in\n  *clusterName*) echo dev-cluster ;;\n  *) echo '${JSON.stringify(services)}' ;;\nesac\n`);
        fake("aws", `echo "aws $*" >> "${bin}/calls"\ncase "$*" in\n  *describe-services*) echo '${serving}' ;;\n`
            + `  *create-deployment*) echo d-1 ;;\n  *) echo Succeeded ;;\nesac\n`);
        fake("sleep", "exit 0\n");
        const run = spawnSync("bash", [SCRIPT, "--stack", "dev", "--service", "api"], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:/usr/bin:/bin` } });
        const calls = fs.readFileSync(path.join(bin, "calls"), "utf8");
        fs.rmSync(bin, { recursive: true });
        return { ...run, calls };
    }

    it("deploys nothing, saying so, when the service already runs the AppSpec's task definition", () => {
        const unchanged = withFakes("arn:aws:ecs:us-east-1:210987654321:task-definition/dev-api:7");
        assert.equal(unchanged.status, 0, unchanged.stderr);
        assert.match(unchanged.calls, /aws ecs describe-services --cluster dev-cluster --services dev-api-svc /);
        assert.match(unchanged.stdout, /^api already runs arn:aws:ecs:us-east-1:210987654321:task-definition\/dev-api:7: nothing to deploy$/m);
        assert.doesNotMatch(unchanged.calls, /create-deployment/);
        const changed = withFakes("arn:aws:ecs:us-east-1:210987654321:task-definition/dev-api:6");
        assert.equal(changed.status, 0, changed.stderr);
        assert.match(changed.calls, /aws deploy create-deployment --application-name app-api --deployment-group-name dg-api /);
        assert.match(changed.stdout, /deployment d-1 of api started[\s\S]*deployment succeeded in/);
    });
});
