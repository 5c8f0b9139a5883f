// The MongoDB reconcile Job's script (components/.../pipeline/mongodb-reconcile.js) cannot meet a real mongod here
// (MongoDB cannot be installed). It runs instead in mongosh's place against a replica set simulated at the level of
// the commands it sends: initiation, one-member reconfigurations (what MongoDB allows), a primary only while a
// majority of the configured members is up, sign-in as __system with the keyfile's key, users.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const SCRIPT = fs.readFileSync(path.join(ROOT, "components/src/main/resources/io/containerplatform/components/pipeline/mongodb-reconcile.js"), "utf8");
const host = i => `mongodb-${i}.mongodb-headless.data-processing.svc.cluster.local:27017`;
const hosts = n => Array.from({ length: n }, (_, i) => host(i));
const KEY = "k3yfile+/=";

function serverError(codeName, message) {
    return Object.assign(new Error(message ?? codeName), { codeName });
}

/** A replica set: which members run, its configuration (null before initiation), its users, what was sent. */
class ReplicaSet {
    constructor({ up, config = null, users = {} }) {
        this.up = new Set(up);
        this.config = config;
        this.users = users;
        this.roles = {};
        this.commands = [];
    }

    static initiated(n, up = n) {
        return new ReplicaSet({ up: hosts(up), config: { _id: "rs0", version: 1, members: hosts(n).map((h, i) => ({ _id: i, host: h })) } });
    }

    hasPrimary() {
        return this.config !== null && 2 * this.config.members.filter(m => this.up.has(m.host)).length > this.config.members.length;
    }

    command(sent, direct) {
        const cmd = JSON.parse(JSON.stringify(sent)); // out of the script's realm
        const name = Object.keys(cmd)[0];
        this.commands.push(name);
        if (!direct && !this.hasPrimary()) {
            throw new Error("Server selection timed out: no primary");
        }
        switch (name) {
            case "replSetGetConfig":
                if (this.config === null) throw serverError("NotYetInitialized", "no replset config has been received");
                return { ok: 1, config: structuredClone(this.config) };
            case "replSetInitiate":
                if (this.config !== null) throw serverError("AlreadyInitialized");
                this.config = { _id: cmd.replSetInitiate._id, version: 1, members: cmd.replSetInitiate.members };
                return { ok: 1 };
            case "hello":
                return { isWritablePrimary: this.hasPrimary() };
            case "replSetReconfig": {
                const next = cmd.replSetReconfig;
                const before = new Set(this.config.members.map(m => m.host));
                const after = new Set(next.members.map(m => m.host));
                const changed = [...before].filter(h => !after.has(h)).length + [...after].filter(h => !before.has(h)).length;
                if (changed > 1) throw serverError("NewReplicaSetConfigurationIncompatible", "only one voting member may change");
                if (next.version !== this.config.version + 1) throw serverError("NewReplicaSetConfigurationIncompatible", "version");
                if (new Set(next.members.map(m => m._id)).size !== next.members.length) throw serverError("InvalidReplicaSetConfig", "duplicate _id");
                this.config = next;
                return { ok: 1 };
            }
            case "rolesInfo":
                return { ok: 1, roles: this.roles[cmd.rolesInfo] ? [{ role: cmd.rolesInfo }] : [] };
            case "createRole":
            case "updateRole": {
                const role = cmd[name];
                if ((name === "createRole") === Boolean(this.roles[role])) throw serverError(name === "createRole" ? "Location51002" : "RoleNotFound");
                assert.deepEqual(cmd.writeConcern, { w: "majority" });
                this.roles[role] = { privileges: cmd.privileges, roles: cmd.roles };
                return { ok: 1 };
            }
            case "usersInfo":
                return { ok: 1, users: this.users[cmd.usersInfo] ? [{ user: cmd.usersInfo }] : [] };
            case "createUser":
            case "updateUser": {
                const user = cmd[name];
                if ((name === "createUser") === Boolean(this.users[user])) throw serverError(name === "createUser" ? "Location51003" : "UserNotFound");
                assert.deepEqual(cmd.writeConcern, { w: "majority" });
                this.users[user] = { pwd: cmd.pwd, roles: cmd.roles };
                return { ok: 1 };
            }
            default:
                throw serverError("CommandNotFound", name);
        }
    }
}

const ROLES = [{ role: "pipelineApi", privileges: [{ resource: { db: "pipeline", collection: "" }, actions: ["createIndex"] }],
    roles: [{ role: "read", db: "pipeline" }] }];
const USERS = [{ user: "processor", roles: [{ role: "readWrite", db: "pipeline" }], passwordEnv: "PROCESSOR_PASSWORD" },
    { user: "api", roles: [{ role: "pipelineApi", db: "admin" }], passwordEnv: "API_PASSWORD" }];

/** Runs the script as mongosh would, against {@code rs}; returns what it printed, or throws what it threw. */
function run(rs, { members = 3, key = KEY, rootPassword = "root-pw" } = {}) {
    const printed = [];
    let sleeps = 0;
    class Mongo {
        constructor(url) {
            // every connection over TLS, trusting the pipeline's CA (MongoDB requires TLS)
            const m = /^mongodb:\/\/__system:([^@]+)@([^/]+)\/admin\?authSource=local&tls=true&tlsCAFile=%2Fetc%2Fpipeline-tls%2Fca\.crt&(.*)$/.exec(url);
            assert.ok(m, "unexpected connection string " + url);
            if (decodeURIComponent(m[1]) !== KEY) throw serverError("AuthenticationFailed", "Authentication failed.");
            const direct = m[3] === "directConnection=true";
            if (direct && !rs.up.has(m[2])) throw new Error("connect ECONNREFUSED " + m[2]);
            if (!direct) assert.equal(m[3], "replicaSet=rs0");
            this.db = { adminCommand: cmd => rs.command(cmd, direct), runCommand: cmd => rs.command(cmd, direct) };
        }

        getDB(name) {
            assert.equal(name, "admin");
            return this.db;
        }
    }
    const env = { MEMBERS: hosts(members).join(","), REPLICA_SET: "rs0", KEY: key, ROOT_USER: "root", ROOT_PASSWORD: rootPassword,
        TLS_CA_FILE: "/etc/pipeline-tls/ca.crt",
        ROLES: JSON.stringify(ROLES), USERS: JSON.stringify(USERS), PROCESSOR_PASSWORD: "p-" + rootPassword, API_PASSWORD: "a-" + rootPassword };
    vm.runInNewContext(SCRIPT, { process: { env }, Mongo, print: s => printed.push(s), sleep: () => sleeps++, encodeURIComponent });
    return { printed, sleeps };
}

const memberHosts = rs => rs.config.members.map(m => m.host);

describe("mongodb-reconcile.js", () => {
    it("initiates a new replica set with every member and creates root and the applications' users", () => {
        const rs = new ReplicaSet({ up: hosts(3) });
        run(rs);
        assert.deepEqual(rs.config.members, hosts(3).map((h, i) => ({ _id: i, host: h })));
        assert.deepEqual(rs.users, {
            root: { pwd: "root-pw", roles: [{ role: "root", db: "admin" }] },
            processor: { pwd: "p-root-pw", roles: USERS[0].roles },
            api: { pwd: "a-root-pw", roles: USERS[1].roles },
        });
        assert.deepEqual(rs.roles, { pipelineApi: { privileges: ROLES[0].privileges, roles: ROLES[0].roles } });
    });

    it("changes nothing in the configuration on a second run, and brings rotated passwords up to date", () => {
        const rs = new ReplicaSet({ up: hosts(3) });
        run(rs);
        rs.commands = [];
        run(rs, { rootPassword: "rotated" });
        assert.equal(rs.config.version, 1);
        assert.ok(!rs.commands.includes("replSetInitiate") && !rs.commands.includes("replSetReconfig"), rs.commands.join(" "));
        assert.equal(rs.users.root.pwd, "rotated");
        assert.equal(rs.users.processor.pwd, "p-rotated");
        assert.ok(rs.commands.includes("updateRole") && !rs.commands.includes("createRole"), rs.commands.join(" "));
    });

    it("adds the members of a raised mongodbReplicas, one reconfiguration each", () => {
        const rs = ReplicaSet.initiated(3, 5);
        const { printed } = run(rs, { members: 5 });
        assert.deepEqual(memberHosts(rs), hosts(5));
        assert.deepEqual(rs.config.members.map(m => m._id), [0, 1, 2, 3, 4]);
        assert.equal(rs.config.version, 3);
        assert.deepEqual(printed.filter(p => p.startsWith("adding")), [`adding ${host(3)}`, `adding ${host(4)}`]);
    });

    it("removes the members a lowered mongodbReplicas stopped while the others hold a majority", () => {
        const rs = ReplicaSet.initiated(5, 3);
        run(rs, { members: 3 });
        assert.deepEqual(memberHosts(rs), hosts(3));
        assert.equal(rs.config.version, 3);
    });

    it("refuses, at once and changing nothing, a removal that leaves no majority (3 to 1)", () => {
        const rs = ReplicaSet.initiated(3, 1);
        assert.throws(() => run(rs, { members: 1 }), e => {
            assert.match(e.message, new RegExp(`^refusing to remove ${host(1)}, ${host(2)}: the 1 members left are not a majority of the replica set's 3`));
            assert.match(e.message, /Set pipeline\.mongodbReplicas back to 3/);
            return true;
        });
        assert.equal(rs.config.version, 1);
        assert.ok(!rs.commands.includes("replSetReconfig"));
    });

    it("waits for the first member, then gives up naming what failed", () => {
        const rs = new ReplicaSet({ up: [] });
        assert.throws(() => run(rs), /^Error: reaching mongodb-0\.[^ ]+ failed 60 times: connect ECONNREFUSED/);
    });

    it("signs in only with the keyfile's key", () => {
        assert.throws(() => run(new ReplicaSet({ up: hosts(3) }), { key: "another" }), /failed 60 times: Authentication failed/);
    });
});
