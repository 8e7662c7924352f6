/**
 * Globals preloaded into every notebook: spark, F, Window, T (from the pijar package), display,
 * clearOutput, input/prompt, comms (Jupyter comms, for widgets). Pijar is loaded from this repository's build; if it is missing
 * (not built yet) the globals explain how to fix it instead of failing the kernel.
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { pijarEntry } from "./module-loader.js";
import type { Output } from "./output.js";
import type { CommManager } from "./comms.js";

/** Defines a global that explains why it is unavailable when read (assigning replaces it). */
function missing(name: string, why: string): void {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: false,
    get() {
      throw new Error(`\`${name}\` is not available: ${why}`);
    },
    set(v: unknown) {
      Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true, enumerable: true });
    },
  });
}

/** Loads pijar and defines the globals. Returns the loaded module (or null). */
export async function installGlobals(output: Output, input: (p?: string, pw?: boolean) => string, comms?: CommManager): Promise<any> {
  const g = globalThis as any;
  if (comms) g.comms = comms;
  g.display = (value: unknown, opts?: { displayId?: string; update?: boolean; grid?: boolean }) => output.display(value, opts);
  g.clearOutput = (wait = false) => output.clearOutput(wait);
  g.input = input;
  g.prompt = input;
  const entry = pijarEntry();
  if (!existsSync(entry)) {
    const why = `the pijar build ${entry} does not exist. Run \`npm run build\` in the repository, then restart the kernel.`;
    for (const n of ["spark", "F", "Window", "T"]) missing(n, why);
    return null;
  }
  try {
    const mod = await import(pathToFileURL(entry).href);
    g.F = mod.functions ?? mod.F;
    g.Window = mod.Window;
    g.T = mod.types ?? mod.T;
    const session = await mod.SparkSession?.builder?.getOrCreate?.();
    if (session) g.spark = session;
    else missing("spark", "this pijar build does not export SparkSession.builder yet; rebuild with `npm run build`.");
    for (const n of ["F", "Window", "T"]) if (g[n] === undefined) missing(n, `this pijar build does not export ${n} yet.`);
    return mod;
  } catch (e) {
    const why = `loading pijar failed: ${(e as Error)?.message ?? e}`;
    output.rawStderr(`pijar kernel: ${why}\n`);
    for (const n of ["spark", "F", "Window", "T"]) missing(n, why);
    return null;
  }
}
