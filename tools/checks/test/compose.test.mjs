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
