/**
 * Runs one golden case's TS snippet with Pijar and performs its checks, producing results in
 * the same shape as oracle.py writes to expected/<area>.json.
 *
 * A snippet is TypeScript: it is transpiled (types stripped, no type check) and wrapped in an
 * async function whose parameters are the fixtures, so it may `await` and must define `df`
 * (and `value` for the `value` check).
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import type { Case, Check } from "./caseformat.js";
import { normalizeRow, normalizeUntyped, sortKey, type TypeLike } from "./normalize.js";

export type Results = Record<string, unknown>;
type Fixtures = Record<string, unknown>;
// The API under test is typed loosely here on purpose: the harness must keep running while
// the lead changes signatures, and a missing method should fail one case, not the file.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

interface FixtureSpec { file: string; format: "csv" | "json"; schema: string }

/** Builds the shared fixtures (same as oracle.py's load_fixtures) plus helpers. */
export function makeFixtures(pijar: Any, spark: Any, dataDir: string): Fixtures {
  const spec = JSON.parse(readFileSync(join(dataDir, "fixtures.json"), "utf8")) as Record<string, FixtureSpec>;
  const fx: Fixtures = {
    pijar,
    spark,
    F: pijar.functions,
    Window: pijar.Window,
    T: pijar.types,
    Row: pijar.Row,
    DATA: dataDir,
    TMP: mkdtempSync(join(tmpdir(), "pijar-golden-ts-")), // scratch folder for write cases
    text_lines: textLines,
    // Same names as the Python globals so snippets read alike: date(2024, 1, 31) is UTC midnight.
    date: (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)),
    datetime: (y: number, m: number, d: number, h = 0, mi = 0, s = 0, us = 0) =>
      new Date(Date.UTC(y, m - 1, d, h, mi, s, Math.floor(us / 1000))),
    Decimal: pijar.Decimal,
  };
  for (const [name, f] of Object.entries(spec)) {
    // Lazily, so one fixture the reader cannot handle yet fails only the cases that use it.
    let cached: unknown;
    Object.defineProperty(fx, name, {
      enumerable: true,
      get() {
        if (cached === undefined) {
          const reader = spark.read.schema(f.schema);
          const path = join(dataDir, f.file);
          cached = f.format === "csv" ? reader.csv(path, { header: true }) : reader.json(path);
        }
        return cached;
      },
    });
  }
  return fx;
}

/**
 * Every line of the data files under a written folder, sorted; twin of oracle.py's
 * text_lines (the harness reads the files itself, so write cases test the writer's output).
 */
export function textLines(path: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith(".") || e.name.startsWith("_")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else lines.push(...readFileSync(p, "utf8").split(/\r\n|\r|\n/).filter((l, i, a) => i < a.length - 1 || l !== ""));
    }
  };
  walk(path);
  // Same order as Python's sorted(): by code point, not UTF-16 unit (identical for BMP text).
  return lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const compiled = new Map<string, (fx: Fixtures) => Promise<{ df: Any; value: unknown }>>();

/** Transpiles the snippet into `async (fixtures) => ({ df, value })`. */
export function compileSnippet(c: Case, names: string[]) {
  const hit = compiled.get(c.id);
  if (hit) return hit;
  const src =
    `(async function golden_${c.id.replace(/\W/g, "_")}(__fx) {\n` +
    `const { ${names.join(", ")} } = __fx;\n${c.ts}\n;` +
    `return { df: typeof df === "undefined" ? undefined : df, value: typeof value === "undefined" ? undefined : value };\n})`;
  const out = ts.transpileModule(src, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    fileName: `${c.id}.ts`,
  });
  const fn = (0, eval)(out.outputText) as (fx: Fixtures) => Promise<{ df: Any; value: unknown }>;
  compiled.set(c.id, fn);
  return fn;
}

/** Runs fn while capturing what it writes to process.stdout (show(), printSchema()). */
export async function captureStdout(fn: () => unknown): Promise<string> {
  const original = process.stdout.write;
  let text = "";
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    await fn();
  } finally {
    process.stdout.write = original;
  }
  return text;
}

function schemaOf(df: Any): { fields: { name: string; dataType: TypeLike }[] } {
  const s = df.schema;
  return typeof s === "function" ? s.call(df) : s;
}

async function runCheck(check: Check, df: Any, value: unknown): Promise<unknown> {
  switch (check.name) {
    case "rows":
      return (await df.collect()).map((r: unknown) => normalizeRow(r, schemaOf(df)));
    case "rows_unordered": {
      const rows = (await df.collect()).map((r: unknown) => normalizeRow(r, schemaOf(df)));
      return rows.sort((a: unknown, b: unknown) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    }
    case "schema":
      return captureStdout(() => df.printSchema());
    case "dtypes":
      return (df.dtypes as [string, string][]).map(([n, t]) => [n, t]);
    case "columns":
      return [...df.columns];
    case "count":
      return normalizeUntyped(await df.count());
    case "show": {
      const { args, kwargs } = check;
      const call = Object.keys(kwargs).length ? [...args, kwargs] : args;
      return captureStdout(() => df.show(...call));
    }
    case "value":
      return normalizeUntyped(value);
    default:
      throw new Error(`unknown check ${check.name}`);
  }
}

export interface ErrorInfo { errorClass: string | null; exceptionType: string; message?: string }

function errorInfo(e: unknown): ErrorInfo {
  const err = e as { errorClass?: string; exceptionType?: string; name?: string; message?: string };
  return {
    errorClass: err?.errorClass ?? null,
    exceptionType: err?.exceptionType ?? err?.name ?? typeof e,
    message: String(err?.message ?? e).split("\n")[0],
  };
}

/**
 * Runs a case. Non-error checks return their results; an unexpected throw propagates.
 * For an `error` case, returns { error: info } when Pijar threw (at build or action time)
 * and { error: null } when it did not.
 */
export async function runCase(c: Case, fx: Fixtures): Promise<Results> {
  // Only the fixtures the snippet names: each is built lazily, and a reader gap in one
  // fixture must not fail cases that never touch it.
  const names = Object.keys(fx).filter((n) => new RegExp(`\\b${n}\\b`).test(c.ts));
  const fn = compileSnippet(c, names);
  if (c.checks.some((k) => k.name === "error")) {
    try {
      const { df } = await fn(fx);
      if (df !== undefined && df !== null) await df.collect();
    } catch (e) {
      return { error: errorInfo(e) };
    }
    return { error: null };
  }
  const { df, value } = await fn(fx);
  const out: Results = {};
  for (const check of c.checks) out[check.key] = await runCheck(check, df, value);
  return out;
}
