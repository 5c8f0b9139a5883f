import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPinned, read, yamlFile } from "./repo.mjs";

const compose = yamlFile("docker/docker-compose.yml");
const services = compose.services;
const published = service => (services[service].ports ?? []).map(p => String(p));

describe("docker/docker-compose.yml", () => {
    it("has the master, a scalable worker and Jupyter", () => {
        assert.deepEqual(Object.keys(services).sort(), ["jupyter", "spark-master", "spark-worker"]);
        assert.equal(services["spark-worker"].container_name, undefined, "a fixed container name prevents scaling");
    });

    it("publishes master 7077 and UI 8080, worker UIs from 8081, Jupyter 8888", () => {
        assert.deepEqual(published("spark-master"), ["7077:7077", "8080:8080"]);
        assert.deepEqual(published("spark-worker"), ["8081-8089:8081"]);
        assert.deepEqual(published("jupyter"), ["8888:8888"]);
    });

    it("checks the health of every service and starts in dependency order", () => {
        for (const [name, service] of Object.entries(services)) {
            assert.ok(service.healthcheck?.test, `${name} has no healthcheck`);
        }
        assert.deepEqual(services["spark-worker"].depends_on, { "spark-master": { condition: "service_healthy" } });
        assert.equal(services.jupyter.depends_on["spark-master"].condition, "service_healthy");
        assert.equal(services["spark-worker"].environment.SPARK_MASTER_URL, "spark://spark-master:7077");
    });

    it("pins every pulled image; built images carry a local tag", () => {
        for (const [name, service] of Object.entries(services)) {
            if (service.build) {
                continue;
            }
            assert.ok(isPinned(service.image), `${name} uses ${service.image}`);
        }
        assert.ok(!/:latest\b/.test(read("docker/docker-compose.yml")));
    });

    it("documents every variable it reads in .env.example", () => {
        const example = read("docker/.env.example");
        const variables = [...read("docker/docker-compose.yml").matchAll(/\$\{([A-Z_]+)/g)].map(m => m[1]);
        assert.ok(variables.length > 0);
        for (const variable of new Set(variables)) {
            assert.match(example, new RegExp(`^${variable}=`, "m"), `${variable} is missing from .env.example`);
        }
    });
});

describe("docker/pipeline-compose.yml", () => {
    const pipeline = yamlFile("docker/pipeline-compose.yml");
    const all = pipeline.services;

    it("runs RabbitMQ, MongoDB, the processor, the API and the producer", () => {
        assert.deepEqual(Object.keys(all).sort(), ["api", "mongodb", "processor", "producer", "rabbitmq"]);
    });

    it("builds each workload from its Dockerfile, from the repository root", () => {
        for (const app of ["processor", "api", "producer"]) {
            assert.deepEqual(all[app].build, { context: "..", dockerfile: `docker/${app}/Dockerfile` });
        }
    });

    it("gives the apps the environment their run contract names", () => {
        for (const key of ["RABBITMQ_HOST", "RABBITMQ_PORT", "RABBITMQ_USERNAME", "RABBITMQ_PASSWORD", "RABBITMQ_QUEUE", "MONGODB_URI"]) {
            assert.ok(all.processor.environment[key], `processor ${key}`);
        }
        assert.ok(all.api.environment.MONGODB_URI && all.api.environment.PORT);
        assert.match(all.processor.environment.MONGODB_URI, /replicaSet=rs0/);
        assert.deepEqual(all.mongodb.command, ["--replSet", "rs0", "--bind_ip_all"]);
    });

    it("checks every service's health and starts the apps after the stores", () => {
        for (const [name, service] of Object.entries(all)) {
            assert.ok(service.healthcheck?.test, `${name} has no healthcheck`);
        }
        assert.deepEqual(all.processor.depends_on, { rabbitmq: { condition: "service_healthy" }, mongodb: { condition: "service_healthy" } });
        assert.deepEqual(all.api.depends_on, { mongodb: { condition: "service_healthy" } });
    });

    it("pins the pulled images and documents its variables in .env.example", () => {
        for (const [name, service] of Object.entries(all)) {
            if (!service.build) {
                assert.ok(isPinned(service.image), `${name} uses ${service.image}`);
            }
        }
        const example = read("docker/.env.example");
        for (const variable of new Set([...read("docker/pipeline-compose.yml").matchAll(/\$\{([A-Z_]+)/g)].map(m => m[1]))) {
            assert.match(example, new RegExp(`^${variable}=`, "m"), `${variable} is missing from .env.example`);
        }
    });
});
