// Runs a package's tests with Node's own test runner on every Node.js from 18 on: lists the test files
// (`*.test.js`, `*.test.mjs`) under the folders given and passes them to `node --test` by name. (From Node 21,
// `node --test <dir>` takes its arguments as glob patterns and no longer searches a folder.)
//   node ../tools/node-test.mjs bin/test
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const folders = process.argv.slice(2);
if (folders.length === 0) {
    console.error("usage: node node-test.mjs <folder>...");
    process.exit(2);
}
const files = [];
const walk = dir => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const child = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            walk(child);
        } else if (/\.test\.m?js$/.test(entry.name)) {
            files.push(child);
        }
    }
};
folders.forEach(walk);
if (files.length === 0) {
    console.error(`no test files (*.test.js, *.test.mjs) under ${folders.join(", ")}`);
    process.exit(1);
}
console.log(`node ${process.version}: ${files.length} test files under ${folders.join(", ")}`);
const run = spawnSync(process.execPath, ["--test", ...files], { stdio: "inherit" });
process.exit(run.status ?? 1);
