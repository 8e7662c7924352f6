/**
 * Resolves `import` specifiers written in cells.
 *
 * - "pijar" (and "pijar/...") -> this repository's built package, so notebooks use the same
 *   engine instance as the kernel's preloaded `spark`.
 * - relative/absolute paths -> resolved against the notebook's working directory; `.ts` files
 *   are loaded through tsx (TypeScript on the fly).
 * - bare package names -> first as the kernel would import them (this repo's node_modules), then
 *   from the notebook directory's node_modules.
 */
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
/** Repository root: dist/kernel/runtime -> ../../.. ; kernel/runtime (tsx) -> ../.. */
export const REPO_ROOT = findRepoRoot(here);

function findRepoRoot(start: string): string {
  let dir = start;
  while (dir !== path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "kernel"))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(start, "../..");
}

/** The built entry of the pijar package. */
export function pijarEntry(): string {
  return path.join(REPO_ROOT, "dist", "bundle", "pijar.js");
}

const TS_EXT = /\.(ts|mts|cts|tsx)$/;

async function importTs(file: string): Promise<unknown> {
  const api = (await import("tsx/esm/api")) as { tsImport(spec: string, parent: string): Promise<unknown> };
  return api.tsImport(pathToFileURL(file).href, pathToFileURL(path.join(process.cwd(), "notebook.ts")).href);
}

function resolveLocal(spec: string): string {
  const abs = path.resolve(process.cwd(), spec);
  if (existsSync(abs) && !abs.endsWith("/")) return abs;
  const stripped = abs.replace(/\.(js|mjs)$/, "");
  for (const ext of [".ts", ".mts", ".tsx", ".js", ".mjs"]) if (existsSync(stripped + ext)) return stripped + ext;
  throw new Error(`Cannot find module "${spec}" (looked for ${abs} with .ts/.js extensions). Check the path relative to ${process.cwd()}.`);
}

/** Imports a module for a cell. */
export async function importForCell(spec: string): Promise<unknown> {
  if (spec === "pijar") return import(pathToFileURL(pijarEntry()).href);
  if (spec.startsWith("pijar/")) {
    return import(pathToFileURL(path.join(REPO_ROOT, "dist", spec.slice(6).replace(/\.ts$/, ".js"))).href);
  }
  if (spec.startsWith(".") || path.isAbsolute(spec)) {
    const file = resolveLocal(spec);
    return TS_EXT.test(file) ? importTs(file) : import(pathToFileURL(file).href);
  }
  if (spec.startsWith("node:")) return import(spec);
  try {
    return await import(spec);
  } catch (first) {
    try {
      const req = createRequire(path.join(process.cwd(), "notebook.js"));
      return await import(pathToFileURL(req.resolve(spec)).href);
    } catch {
      throw first;
    }
  }
}
