/**
 * Where the type checker's startup snapshot lives and whether it fits this Node and checkout
 * (meta.json beside it says which Node binary, checkout and TypeScript made it). Kept apart from
 * the builder (checker-snapshot.ts) so that the kernel decides without loading TypeScript.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface SnapshotFiles {
  blob: string;
  meta: string;
}

interface SnapshotMeta {
  node: string;
  execPath: string;
  repoRoot: string;
  typescript: string;
}

/** What the snapshot's own code was built from: dist/kernel/runtime module -> hash of its text. */
export type ModuleHashes = Record<string, string>;

export function runtimeDir(repoRoot: string): string {
  return path.join(repoRoot, "dist", "kernel", "runtime");
}

export function moduleHash(repoRoot: string, name: string): string {
  try {
    return createHash("sha1").update(readFileSync(path.join(runtimeDir(repoRoot), name))).digest("hex");
  } catch {
    return "missing";
  }
}

/** Whether the snapshot was made, or failed to be made, for this Node and checkout. */
export function snapshotState(repoRoot: string): "usable" | "failed" | "missing" {
  const { blob, meta } = snapshotFiles(repoRoot);
  if (!existsSync(meta)) return "missing";
  try {
    const want = currentMeta(repoRoot);
    const have = JSON.parse(readFileSync(meta, "utf8")) as SnapshotMeta & { failed?: boolean; modules?: ModuleHashes };
    if (!(Object.keys(want) as (keyof SnapshotMeta)[]).every((k) => have[k] === want[k])) return "missing";
    // The checker's code changed since (a rebuild): the snapshot would run the old code.
    if (!have.modules || Object.entries(have.modules).some(([name, hash]) => moduleHash(repoRoot, name) !== hash)) return "missing";
    if (have.failed) return "failed";
    return existsSync(blob) ? "usable" : "missing";
  } catch {
    return "missing";
  }
}

export function snapshotFiles(repoRoot: string): SnapshotFiles {
  const dir = path.join(repoRoot, "dist", "kernel");
  return { blob: path.join(dir, "checker.blob"), meta: path.join(dir, "checker.blob.json") };
}

export function currentMeta(repoRoot: string): SnapshotMeta {
  const tsPackage = createRequire(path.join(repoRoot, "package.json")).resolve("typescript/package.json");
  const typescript = (JSON.parse(readFileSync(tsPackage, "utf8")) as { version: string }).version;
  return { node: process.version, execPath: process.execPath, repoRoot, typescript };
}

/** The snapshot to start the checker from, or null when there is none for this Node and checkout. */
export function usableSnapshot(repoRoot: string): string | null {
  return snapshotState(repoRoot) === "usable" ? snapshotFiles(repoRoot).blob : null;
}
