// `./mvnw verify` runs the Node.js packages' tests through this: for each package folder given, installs its
// locked dependencies (`npm ci`) when they are missing or older than its lock file, then runs `npm test`.
// Stops at the first failure with that package's exit code.
//   node tools/npm-test.mjs policy tools/checks
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const npm = (dir, ...args) => {
    const run = spawnSync("npm", args, { cwd: dir, stdio: "inherit", shell: process.platform === "win32" });
    if (run.error) {
        console.error(`cannot run npm in ${dir} (Node.js 18+ with npm is needed): ${run.error.message}`);
        process.exit(3);
    }
    return run.status ?? 1;
};

for (const dir of process.argv.slice(2)) {
    const installed = path.join(dir, "node_modules", ".package-lock.json");
    const lock = path.join(dir, "package-lock.json");
    if (!fs.existsSync(installed) || fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs) {
        console.log(`== ${dir}: npm ci`);
        const status = npm(dir, "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (status !== 0) {
            process.exit(status);
        }
    }
    console.log(`== ${dir}: npm test`);
    const status = npm(dir, "test");
    if (status !== 0) {
        console.error(`${dir}: tests failed (exit ${status})`);
        process.exit(status);
    }
}
