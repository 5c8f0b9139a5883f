import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { DockerfileParser } from "dockerfile-ast";
import { exists, findFiles, isPinned, read, yamlFile } from "./repo.mjs";

const dockerfiles = findFiles("docker", "Dockerfile");
/** The build context of each image, as images.yml gives it. */
const contexts = Object.fromEntries(yamlFile(".github/workflows/images.yml").jobs.build.strategy.matrix.include
    .map(i => [i.image, i.context]));

describe("Dockerfiles under docker/", () => {
    it("exist (the Spark image at least)", () => {
        assert.ok(dockerfiles.includes(path.join("docker", "spark", "Dockerfile")), JSON.stringify(dockerfiles));
    });

    for (const file of dockerfiles) {
        const dockerfile = DockerfileParser.parse(read(file));
        const instructions = dockerfile.getInstructions();
        const dir = contexts[path.basename(path.dirname(file))] ?? path.dirname(file);

        it(`${file}: every base image is pinned`, () => {
            const froms = dockerfile.getFROMs();
            assert.ok(froms.length > 0);
            for (const from of froms) {
                const image = `${from.getImageName()}:${from.getImageTag() ?? ""}`;
                assert.ok(from.getImageTag() && isPinned(image), `FROM ${image} is not pinned to a version`);
            }
        });

        it(`${file}: runs as a non-root user`, () => {
            const users = instructions.filter(i => i.getKeyword() === "USER");
            assert.ok(users.length > 0, "no USER instruction: the image would run as root");
            const last = users[users.length - 1].getArgumentsContent().trim().split(":")[0];
            assert.ok(!["root", "0"].includes(last), `the last USER is ${last}`);
        });

        it(`${file}: declares a HEALTHCHECK`, () => {
            const checks = dockerfile.getHEALTHCHECKs();
            assert.equal(checks.length, 1);
            assert.ok(!/\bNONE\b/.test(checks[0].getArgumentsContent()), "HEALTHCHECK NONE");
        });

        it(`${file}: copies only files that exist in its build context (${dir}), which has a .dockerignore`, () => {
            assert.ok(exists(path.join(dir, ".dockerignore")), `${dir}/.dockerignore is missing`);
            for (const copy of instructions.filter(i => (i.getKeyword() === "COPY" || i.getKeyword() === "ADD")
                && !(i.getFromFlag && i.getFromFlag()))) {
                const args = copy.getArguments().map(a => a.getValue()).filter(a => !a.startsWith("--"));
                for (const source of args.slice(0, -1)) {
                    assert.ok(exists(path.join(dir, source)), `${copy.getKeyword()} source ${source} does not exist`);
                }
            }
        });
    }
});

describe("the workload images", () => {
    for (const app of ["processor", "api", "producer"]) {
        it(`docker/${app} builds workloads/${app} with the wrapper and runs ${app}.jar`, () => {
            const text = read(`docker/${app}/Dockerfile`);
            assert.match(text, new RegExp(`\\./mvnw -B -ntp -f workloads/pom\\.xml -pl ${app} -am package -DskipTests`));
            assert.match(text, new RegExp(`COPY --from=build /src/workloads/${app}/target/${app}\\.jar /app/`));
            assert.equal(DockerfileParser.parse(text).getFROMs().length, 2, "multi-stage");
            assert.ok(exists(`workloads/${app}/pom.xml`));
        });
    }
});

describe("the Spark image", () => {
    const file = path.join("docker", "spark", "Dockerfile");
    const dockerfile = DockerfileParser.parse(read(file));

    it("is based on the official Spark image", () => {
        assert.equal(dockerfile.getFROMs()[0].getImageName(), "spark");
    });

    it("adds S3A jars matching the image's Hadoop (3.3.4) and checks their SHA-1", () => {
        const args = Object.fromEntries(dockerfile.getARGs().map(a => [a.getProperty().getName(), a.getProperty().getValue()]));
        assert.equal(args.HADOOP_AWS_VERSION, "3.3.4");
        assert.equal(args.AWS_SDK_BUNDLE_VERSION, "1.12.262");
        assert.match(read(file), /sha1sum -c -/);
    });

    it("has an entrypoint with the four roles and the config files", () => {
        const entrypoint = read("docker/spark/entrypoint.sh");
        for (const role of ["master)", "worker)", "history)", "submit)"]) {
            assert.ok(entrypoint.includes(role), role);
        }
        assert.ok(exists("docker/spark/conf/spark-defaults.conf"));
        assert.ok(exists("docker/spark/conf/spark-env.sh"));
        assert.match(read("docker/spark/conf/spark-defaults.conf"), /fs\.s3a\.impl\s+org\.apache\.hadoop\.fs\.s3a\.S3AFileSystem/);
    });
});
