/**
 * Installs the "pijar" kernelspec (kernel.json + logos) like `jupyter kernelspec install`:
 * --user (default): the user's Jupyter data dir; --sys-prefix: sys.prefix of the active Python
 * env ($VIRTUAL_ENV or $CONDA_PREFIX); --prefix PATH: PATH/share/jupyter/kernels/pijar.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { logoPng, logoSvg } from "./logo.js";

export interface InstallOptions {
  user?: boolean;
  sysPrefix?: boolean;
  prefix?: string;
  /** Kernel name (directory name); default "pijar". */
  name?: string;
  /** "message" (default) or "signal". */
  interruptMode?: "message" | "signal";
}

/** The user's Jupyter data dir, as jupyter_core computes it. */
function userDataDir(): string {
  if (process.env["JUPYTER_DATA_DIR"]) return process.env["JUPYTER_DATA_DIR"];
  if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Jupyter");
  if (process.platform === "win32") return path.join(process.env["APPDATA"] ?? os.homedir(), "jupyter");
  return path.join(process.env["XDG_DATA_HOME"] ?? path.join(os.homedir(), ".local", "share"), "jupyter");
}

export function kernelDir(opts: InstallOptions): string {
  const name = opts.name ?? "pijar";
  if (opts.prefix) return path.join(path.resolve(opts.prefix), "share", "jupyter", "kernels", name);
  if (opts.sysPrefix) {
    const env = process.env["VIRTUAL_ENV"] ?? process.env["CONDA_PREFIX"];
    if (!env) throw new Error("--sys-prefix needs an active Python environment (VIRTUAL_ENV or CONDA_PREFIX is unset); activate it or use --prefix PATH.");
    return path.join(env, "share", "jupyter", "kernels", name);
  }
  return path.join(userDataDir(), "kernels", name);
}

/** The kernel.json content. */
export function kernelSpec(opts: InstallOptions = {}): Record<string, unknown> {
  const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "main.js");
  return {
    argv: [process.execPath, main, "{connection_file}"],
    display_name: "TypeScript (Pijar)",
    language: "typescript",
    // "message": interrupts arrive as interrupt_request on control, which also stops code
    // spinning in microtasks (see kernel/wire/worker.ts). "signal" works for sync loops and queries.
    interrupt_mode: opts.interruptMode ?? "message",
    env: {},
    metadata: { debugger: false },
  };
}

/** Writes the kernelspec; returns its directory. */
export function install(opts: InstallOptions = {}): string {
  const dir = kernelDir(opts);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(kernelSpec(opts), null, 2) + "\n");
  writeFileSync(path.join(dir, "logo-32x32.png"), logoPng(32));
  writeFileSync(path.join(dir, "logo-64x64.png"), logoPng(64));
  writeFileSync(path.join(dir, "logo-svg.svg"), logoSvg());
  return dir;
}
