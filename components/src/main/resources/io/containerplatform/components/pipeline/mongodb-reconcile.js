// Brings the MongoDB replica set in line with the StatefulSet and the pipeline's Secret. The Job
// mongodb-reconcile-<hash> runs it (mongosh --nodb --quiet --file) after every change of the members, the keyfile
// key, the root password or this script, and it is safe to run again:
//  1. initiates the replica set once, with every member;
//  2. adds the members it lacks (mongodbReplicas raised) and removes those the StatefulSet no longer runs
//     (lowered), one reconfiguration at a time; it refuses a removal that leaves fewer than a majority of the
//     current members (they would have no primary): raise mongodbReplicas back (the volumes were kept);
//  3. creates or updates the applications' roles, then sets the passwords and roles of root and of the
//     applications' users to the Secret's (a rotation of mongodbPassword).
// It signs in as the members' internal user __system with the keyfile's key, so it needs no earlier password.
// Environment: MEMBERS (host:port by ordinal, comma-separated), REPLICA_SET, KEY, ROOT_USER, ROOT_PASSWORD,
// ROLES (JSON [{role, privileges, roles}], created in admin), USERS (JSON [{user, roles, passwordEnv}]) and each
// user's password variable.

const env = process.env;
const members = env.MEMBERS.split(',');
const ATTEMPTS = 60;
const PAUSE_MS = 5000;

function connect(hosts, options) {
    return new Mongo('mongodb://__system:' + encodeURIComponent(env.KEY) + '@' + hosts
        + '/admin?authSource=local&tls=true&tlsCAFile=' + encodeURIComponent(env.TLS_CA_FILE) + '&' + options).getDB('admin');
}

function retry(what, action) {
    for (let attempt = 1; ; attempt++) {
        try {
            return action();
        } catch (e) {
            if (e.refusal || attempt >= ATTEMPTS) {
                throw e.refusal ? e : new Error(what + ' failed ' + attempt + ' times: ' + e.message);
            }
            print(what + ' (attempt ' + attempt + '): ' + e.message);
            sleep(PAUSE_MS);
        }
    }
}

function refuse(message) {
    const e = new Error(message);
    e.refusal = true;
    return e;
}

// 1. The configuration as the first member sees it (a secondary answers too), initiated when there is none.
const first = retry('reaching ' + members[0], () => connect(members[0], 'directConnection=true'));
let config = retry('reading the configuration', () => {
    try {
        return first.adminCommand({replSetGetConfig: 1}).config;
    } catch (e) {
        if (e.codeName === 'NotYetInitialized') {
            return null;
        }
        throw e;
    }
});
if (config === null) {
    print('initiating ' + env.REPLICA_SET + ' with ' + members.join(', '));
    first.adminCommand({replSetInitiate: {_id: env.REPLICA_SET, members: members.map((host, i) => ({_id: i, host}))}});
    config = {members: members.map((host, i) => ({_id: i, host}))};
}

// 2. Members: the removed ones are already stopped; those left must hold a majority of the current configuration.
const current = config.members.map(m => m.host);
const extra = current.filter(host => !members.includes(host));
const missing = members.filter(host => !current.includes(host));
if (extra.length > 0 && 2 * (current.length - extra.length) <= current.length) {
    throw refuse('refusing to remove ' + extra.join(', ') + ': the ' + (current.length - extra.length) + ' members left are not a'
        + ' majority of the replica set\'s ' + current.length + ', so there is no primary to reconfigure it. Set'
        + ' pipeline.mongodbReplicas back to ' + current.length + ' (the volumes were kept) and lower it by fewer than half at'
        + ' a time; to go down to one member, remove the others with rs.remove() first (README, "MongoDB members").');
}
const primary = retry('finding the primary', () => {
    const db = connect(members.join(','), 'replicaSet=' + env.REPLICA_SET);
    if (!db.adminCommand({hello: 1}).isWritablePrimary) {
        throw new Error('no primary yet');
    }
    return db;
});

// One member in or out per reconfiguration (what MongoDB allows); a retry waits for the previous one to commit.
function reconfigure(what, change) {
    retry(what, () => {
        const now = primary.adminCommand({replSetGetConfig: 1}).config;
        const next = change(now);
        if (next !== null) {
            next.version = now.version + 1;
            delete next.term; // the primary sets it
            primary.adminCommand({replSetReconfig: next});
            print(what);
        }
    });
}
for (const host of extra) {
    reconfigure('removing ' + host, c => c.members.some(m => m.host === host)
        ? Object.assign({}, c, {members: c.members.filter(m => m.host !== host)}) : null);
}
for (const host of missing) {
    reconfigure('adding ' + host, c => c.members.some(m => m.host === host) ? null
        : Object.assign({}, c, {members: c.members.concat([{_id: Math.max(...c.members.map(m => m._id)) + 1, host}])}));
}

// 3. Roles, then users, created or brought up to date, acknowledged by a majority. kind: 'User' or 'Role'.
function upsert(kind, name, fields) {
    const plural = kind.toLowerCase() + 's';
    const exists = primary.runCommand({[plural + 'Info']: name})[plural].length > 0;
    primary.runCommand(Object.assign({[(exists ? 'update' : 'create') + kind]: name}, fields, {writeConcern: {w: 'majority'}}));
    print((exists ? 'updated ' : 'created ') + kind.toLowerCase() + ' ' + name);
}
retry('setting the users', () => {
    for (const r of JSON.parse(env.ROLES)) {
        upsert('Role', r.role, {privileges: r.privileges, roles: r.roles});
    }
    upsert('User', env.ROOT_USER, {pwd: env.ROOT_PASSWORD, roles: [{role: 'root', db: 'admin'}]});
    for (const u of JSON.parse(env.USERS)) {
        upsert('User', u.user, {pwd: env[u.passwordEnv], roles: u.roles});
    }
});
