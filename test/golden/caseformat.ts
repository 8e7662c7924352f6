/**
 * Parser for the golden case files (test/golden/cases/*.cases), TypeScript side.
 * The Python twin is caseformat.py; the format is documented there and in README.md.
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";

export type CheckValue = number | boolean;

export interface Check {
  name: string;
  args: CheckValue[];
  kwargs: Record<string, CheckValue>;
  /** Canonical text (whitespace removed): the key of this check's result in expected/<area>.json. */
  key: string;
}

export interface Case {
  id: string;
  area: string;
  checks: Check[];
  python: string;
  ts: string;
  file: string;
  line: number;
}

const CHECK_NAMES = new Set(["rows", "rows_unordered", "schema", "dtypes", "columns", "count", "show", "error", "value"]);

function parseValue(text: string, token: string): CheckValue {
  const t = text.trim();
  if (t === "true" || t === "True") return true;
  if (t === "false" || t === "False") return false;
  if (/^-?\d+$/.test(t)) return Number(t);
  throw new Error(`check argument ${JSON.stringify(t)} in ${token} must be an integer or true/false`);
}

/** Splits on whitespace outside parentheses: `rows show(n=2, truncate=5)` -> 2 tokens. */
export function splitChecks(text: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur) tokens.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) tokens.push(cur);
  return tokens;
}

export function parseCheck(token: string): Check {
  const m = /^([a-z_]+)(?:\(([\s\S]*)\))?$/.exec(token.trim());
  if (!m || !CHECK_NAMES.has(m[1]!)) throw new Error(`unknown check ${JSON.stringify(token)}; known: ${[...CHECK_NAMES].join(", ")}`);
  const check: Check = { name: m[1]!, args: [], kwargs: {}, key: token.replace(/\s+/g, "") };
  const inner = (m[2] ?? "").trim();
  for (const part of inner ? inner.split(",").filter((p) => p.trim()) : []) {
    const eq = part.indexOf("=");
    if (eq >= 0) check.kwargs[part.slice(0, eq).trim()] = parseValue(part.slice(eq + 1), token);
    else {
      if (Object.keys(check.kwargs).length) throw new Error(`positional argument after keyword in ${token}`);
      check.args.push(parseValue(part, token));
    }
  }
  return check;
}

/** Strips leading/trailing blank lines, like Python's str.strip("\n"). */
function trimNewlines(s: string): string {
  return s.replace(/^\n+/, "").replace(/\n+$/, "");
}

export function parseCases(path: string): Case[] {
  const area = basename(path, ".cases");
  type Draft = { id: string; checks: Check[] | null; python: string[]; ts: string[]; line: number };
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let block: "python" | "ts" | null = null;
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop(); // Python's splitlines() drops the final empty line
  lines.forEach((raw, i) => {
    const lineno = i + 1;
    const head = /^### case:\s*(\S+)\s*$/.exec(raw);
    if (head) {
      cur = { id: head[1]!, checks: null, python: [], ts: [], line: lineno };
      drafts.push(cur);
      block = null;
      return;
    }
    if (cur === null) {
      if (raw.trim() && !raw.startsWith("#")) throw new Error(`${path}:${lineno}: text outside a case: ${raw}`);
      return;
    }
    const d: Draft = cur;
    const sep = /^--- (python|ts)\s*$/.exec(raw);
    if (sep) {
      block = sep[1] as "python" | "ts";
      return;
    }
    if (block === null) {
      const c = /^checks:\s*(.*)$/.exec(raw);
      if (c) d.checks = splitChecks(c[1]!).map(parseCheck);
      else if (raw.trim() && !raw.startsWith("#")) throw new Error(`${path}:${lineno}: expected 'checks:' or a '--- python'/'--- ts' block`);
      return;
    }
    d[block as "python" | "ts"].push(raw);
  });
  const seen = new Set<string>();
  return drafts.map((d) => {
    const where = `${path}:${d.line} case ${d.id}`;
    if (!d.checks?.length) throw new Error(`${where}: missing 'checks:' line`);
    if (!d.python.join("").trim() || !d.ts.join("").trim()) throw new Error(`${where}: needs both '--- python' and '--- ts' blocks`);
    if (seen.has(d.id)) throw new Error(`${where}: duplicate case id`);
    seen.add(d.id);
    return {
      id: d.id,
      area,
      checks: d.checks,
      python: trimNewlines(d.python.join("\n")),
      ts: trimNewlines(d.ts.join("\n")),
      file: path,
      line: d.line,
    };
  });
}

/** Every case of every area, in file order. */
export function loadAllCases(casesDir: string): Case[] {
  return readdirSync(casesDir)
    .filter((f) => f.endsWith(".cases"))
    .sort()
    .flatMap((f) => parseCases(join(casesDir, f)));
}
