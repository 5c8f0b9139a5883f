// Paths and readers shared by the checks.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, parseDocument } from "yaml";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export function read(relative) {
    return fs.readFileSync(path.join(ROOT, relative), "utf8");
}

export function exists(relative) {
    return fs.existsSync(path.join(ROOT, relative));
}

/** A YAML file parsed strictly: any YAML error fails the check. */
export function yamlFile(relative) {
    const doc = parseDocument(read(relative), { prettyErrors: true, strict: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new Error(`${relative}: ${doc.errors.map(e => e.message).join("; ")}`);
    }
    return doc.toJS();
}

/** Every file under `dir` (relative to the repository) named `name`. */
export function findFiles(dir, name) {
    const found = [];
    const walk = relative => {
        for (const entry of fs.readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
            const child = path.join(relative, entry.name);
            if (entry.isDirectory() && entry.name !== "node_modules") {
                walk(child);
            } else if (entry.name === name) {
                found.push(child);
            }
        }
    };
    walk(dir);
    return found;
}

/** Whether an image reference is pinned: a tag other than latest, or a digest. */
export function isPinned(image) {
    if (image.includes("@sha256:")) {
        return true;
    }
    const last = image.substring(image.lastIndexOf("/") + 1);
    const colon = last.lastIndexOf(":");
    return colon > 0 && colon < last.length - 1 && last.substring(colon + 1) !== "latest";
}

export { parse };
