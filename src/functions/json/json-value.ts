/**
 * A small JSON reader that keeps number text (so 2.0 stays a double and 10000000000000000001
 * is not rounded before the target type decides), plus Spark's JSON path subset used by
 * get_json_object: `$`, `.name`, `['name']`, `[n]`, `[*]`.
 */

/** A JSON number, kept as its source text. */
export class JsonNumber {
  constructor(readonly text: string) {}
  get isIntegral(): boolean {
    return /^-?\d+$/.test(this.text);
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | Map<string, JsonValue>;

/** The JSON reader options Spark's JSON sources share that change what is valid input. */
export interface JsonReadOptions {
  /** allowNumericLeadingZeros: `01` reads as the number 1 (Jackson's ALLOW_LEADING_ZEROS_FOR_NUMBERS). */
  readonly allowNumericLeadingZeros?: boolean;
}

/** Parses JSON text; returns undefined when it is not valid JSON. */
export function parseJson(text: string, opts: JsonReadOptions = {}): JsonValue | undefined {
  const numberRe = opts.allowNumericLeadingZeros ? /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/ : /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i]!)) i++; };
  const fail = (): never => { throw new SyntaxError("bad json"); };
  function value(): JsonValue {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const m = new Map<string, JsonValue>();
      ws();
      if (text[i] === "}") { i++; return m; }
      for (;;) {
        ws();
        if (text[i] !== "\"") fail();
        const k = str();
        ws();
        if (text[i++] !== ":") fail();
        m.set(k, value());
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") { i++; return m; }
        fail();
      }
    }
    if (c === "[") {
      i++;
      const a: JsonValue[] = [];
      ws();
      if (text[i] === "]") { i++; return a; }
      for (;;) {
        a.push(value());
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "]") { i++; return a; }
        fail();
      }
    }
    if (c === "\"") return str();
    if (text.startsWith("true", i)) { i += 4; return true; }
    if (text.startsWith("false", i)) { i += 5; return false; }
    if (text.startsWith("null", i)) { i += 4; return null; }
    const m = numberRe.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
    return new JsonNumber(m![0]);
  }
  function str(): string {
    const start = i;
    i++;
    while (i < text.length && text[i] !== "\"") i += text[i] === "\\" ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  }
  try {
    const v = value();
    ws();
    return i === text.length ? v : undefined;
  } catch {
    return undefined;
  }
}

type Step = { kind: "key"; name: string } | { kind: "index"; index: number } | { kind: "wild" };

/** Parses a JSON path; null when Spark would reject it (then the result is null). */
export function parseJsonPath(path: string): Step[] | null {
  if (!path.startsWith("$")) return null;
  const steps: Step[] = [];
  let i = 1;
  while (i < path.length) {
    if (path[i] === ".") {
      const m = /^\.([^.[\]]+)/.exec(path.slice(i));
      if (!m) return null;
      steps.push(m[1] === "*" ? { kind: "wild" } : { kind: "key", name: m[1]! });
      i += m[0].length;
    } else if (path[i] === "[") {
      const rest = path.slice(i);
      const m = /^\[(\d+)\]/.exec(rest) ?? /^\[(\*)\]/.exec(rest) ?? /^\['([^']*)'\]/.exec(rest);
      if (!m) return null;
      if (m[1] === "*") steps.push({ kind: "wild" });
      else if (/^\[\d/.test(m[0])) steps.push({ kind: "index", index: Number(m[1]) });
      else steps.push({ kind: "key", name: m[1]! });
      i += m[0].length;
    } else return null;
  }
  return steps;
}

/** Follows a path; a wildcard collects matches into an array (unwrapped when there is one). */
export function evalJsonPath(v: JsonValue, steps: readonly Step[]): JsonValue | undefined {
  let cur: JsonValue | undefined = v;
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    if (cur === undefined || cur === null) return undefined;
    if (step.kind === "key") cur = cur instanceof Map ? cur.get(step.name) : undefined;
    else if (step.kind === "index") cur = Array.isArray(cur) ? cur[step.index] : undefined;
    else {
      if (!Array.isArray(cur)) return undefined;
      const rest = steps.slice(s + 1);
      const hits = cur.map((e) => evalJsonPath(e, rest)).filter((e): e is JsonValue => e !== undefined);
      if (hits.length === 0) return undefined;
      return hits.length === 1 ? hits[0]! : hits;
    }
  }
  return cur;
}

/** Compact JSON text, numbers as Jackson writes them (doubles in Java's form). */
export function writeJson(v: JsonValue, javaDouble: (x: number) => string): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof JsonNumber) return v.isIntegral ? v.text : javaDouble(Number(v.text));
  if (Array.isArray(v)) return "[" + v.map((e) => writeJson(e, javaDouble)).join(",") + "]";
  return "{" + [...v].map(([k, e]) => JSON.stringify(k) + ":" + writeJson(e, javaDouble)).join(",") + "}";
}
