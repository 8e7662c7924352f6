/**
 * Reader/writer options: case-insensitive names as Spark, typed getters, and a check of the
 * names against the options the format knows.
 *
 * Deviation from Spark (on purpose): Spark silently ignores unknown option names, so a typo
 * such as `inferschema=True` spelled `inferSchemma` quietly reads every column as string. Pijar
 * raises INVALID_OPTION naming the option and the nearest valid name instead.
 */
import { PijarError, orderBySimilarity } from "../errors/pijar-error.js";
import { describeWithOptions, redactOptions } from "./redact.js";

export type OptionValue = string | number | boolean | null | undefined;

export class Options {
  // A private field, so a password option never shows in util.inspect / JSON.stringify.
  readonly #map = new Map<string, string>();
  private get map(): Map<string, string> {
    return this.#map;
  }

  toString(): string {
    return describeWithOptions("Options", {}, this.#map);
  }

  toJSON(): Record<string, string> {
    return redactOptions(this.#map);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  constructor(entries: Record<string, OptionValue> | Map<string, OptionValue> = {}) {
    const it = entries instanceof Map ? entries.entries() : Object.entries(entries);
    for (const [k, v] of it) if (v !== undefined && v !== null) this.map.set(k.toLowerCase(), String(v));
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase());
  }

  /** The first of several aliases that is set (e.g. sep / delimiter). */
  getAny(...names: string[]): string | undefined {
    for (const n of names) {
      const v = this.get(n);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  string(name: string, dflt: string): string {
    return this.get(name) ?? dflt;
  }

  bool(name: string, dflt: boolean): boolean {
    const v = this.get(name);
    if (v === undefined) return dflt;
    const t = v.trim().toLowerCase();
    if (t === "true") return true;
    if (t === "false") return false;
    throw invalidValue(name, v, "true or false");
  }

  number(name: string, dflt: number): number {
    const v = this.get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n)) throw invalidValue(name, v, "a number");
    return n;
  }

  entries(): [string, string][] {
    return [...this.map.entries()];
  }

  /** Raises INVALID_OPTION for a name the format does not know (see the file comment). */
  checkKnown(format: string, known: readonly string[]): void {
    const lower = new Set(known.map((k) => k.toLowerCase()));
    for (const k of this.map.keys()) {
      if (lower.has(k)) continue;
      const nearest = orderBySimilarity(k, known, 1)[0];
      throw new PijarError("INVALID_OPTION", { message: "" }, {
        message: `Unknown ${format} option '${k}'. Did you mean '${nearest}'? ` +
          "(Spark would silently ignore it; Pijar stops so a typo does not go unnoticed.)",
      });
    }
  }
}

/**
 * Raises for Spark options Pijar knows but does not implement yet, when they are set to
 * anything but Spark's default: silently ignoring them would give different results.
 */
export function checkUnsupported(opts: Options, format: string, defaults: Record<string, string>): void {
  for (const [name, dflt] of Object.entries(defaults)) {
    const v = opts.get(name);
    if (v === undefined || v.toLowerCase() === dflt.toLowerCase()) continue;
    throw new PijarError("UNSUPPORTED_FEATURE", { feature: `${format} option ${name}` }, {
      message: `The feature is not supported: the ${format} option '${name}' (set to '${v}') is not implemented in Pijar yet. Remove it, or pre-process the data another way.`,
    });
  }
}

/** An option with a value the format cannot use. */
export function invalidValue(name: string, value: string, expected: string): PijarError {
  return new PijarError("INVALID_OPTION", { message: "" }, {
    message: `Invalid value '${value}' for option '${name}': expected ${expected}.`,
  });
}

/** A single-character option (sep, quote, escape, comment); "" means "disabled" for some. */
export function charOption(opts: Options, names: string[], dflt: string, allowEmpty: boolean): string {
  let v = opts.getAny(...names);
  if (v === undefined) return dflt;
  if (v === "\\t") v = "\t";
  if (v === "") {
    if (allowEmpty) return "\u0000";
    throw invalidValue(names[0]!, v, "one character");
  }
  if (v.length === 2 && v[0] === "\\") {
    const esc: Record<string, string> = { t: "\t", n: "\n", r: "\r", "0": "\u0000", "\\": "\\", '"': '"', "'": "'", b: "\b", f: "\f" };
    if (esc[v[1]!] !== undefined) return esc[v[1]!]!;
  }
  if (v.length !== 1) throw invalidValue(names[0]!, v, "exactly one character");
  return v;
}

/** Parse modes of the text readers. */
export type ParseMode = "PERMISSIVE" | "DROPMALFORMED" | "FAILFAST";

/**
 * Spark falls back to PERMISSIVE (with a log warning) for an unknown mode; a learner would
 * never see that warning, so Pijar raises instead.
 */
export function parseModeOption(opts: Options): ParseMode {
  const v = opts.get("mode");
  if (v === undefined) return "PERMISSIVE";
  const u = v.toUpperCase();
  if (u === "PERMISSIVE" || u === "DROPMALFORMED" || u === "FAILFAST") return u;
  throw invalidValue("mode", v, "PERMISSIVE, DROPMALFORMED or FAILFAST");
}
