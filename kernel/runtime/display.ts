/**
 * Turns a cell value into a MIME bundle: values implementing `Symbol.for("Jupyter.display")`
 * (DataFrames, charts) provide their own; everything else is shown like Node's REPL shows it.
 * The display method receives the kernel's comms (`host`), so a value can be a widget (df.grid()
 * opens its `jupyter.widget` comm there); values that ignore the argument are unaffected.
 */
import { inspect } from "node:util";

const DISPLAY = Symbol.for("Jupyter.display");

export type MimeBundle = Record<string, unknown>;

function hasDisplay(v: unknown): v is { [DISPLAY](host?: unknown): MimeBundle | Promise<MimeBundle> } {
  return (typeof v === "object" || typeof v === "function") && v !== null && typeof (v as any)[DISPLAY] === "function";
}

/** The bundle for a value, or null for `undefined` (nothing to show). */
export async function toBundle(value: unknown, host?: unknown): Promise<MimeBundle | null> {
  if (value === undefined) return null;
  if (hasDisplay(value)) {
    const b = await value[DISPLAY](host);
    if (b && typeof b === "object") return b;
  }
  return { "text/plain": inspect(value, { depth: 4, colors: false, maxArrayLength: 100, breakLength: 100 }) };
}
