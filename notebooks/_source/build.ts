/**
 * Builds the course notebooks from their sources: one `NN-name.cells.md` per lesson holds
 * every cell once, prose in both languages and the (shared) code, so the Indonesian and the
 * English notebook can never drift apart. Writes notebooks/id/*.ipynb and notebooks/en/*.ipynb
 * with outputs cleared.
 *
 *   npx tsx notebooks/_source/build.ts          # rebuild all
 *   npx tsx notebooks/_source/build.ts --check  # fail if a committed notebook is out of date
 *
 * Source format (a line starting with `%% ` starts a new cell):
 *   %% notebook id=01-pengenalan-spark en=01-intro-to-spark [needs=spark-remote]
 *                 (needs=... lands in the notebook's metadata.pijar.needs: what a run must provide,
 *                  e.g. a Spark Connect server, which test/notebooks/run_notebooks.py passes on)
 *   %% md:id      Markdown in Bahasa Indonesia ...
 *   %% md:en      ... immediately followed by the same cell in English
 *   %% code       TypeScript, identical in both notebooks
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Lang = "id" | "en";
interface Cell { type: "markdown" | "code"; source: Record<Lang, string> }
interface Source { names: Record<Lang, string>; cells: Cell[]; needs: string[] }

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

function fail(file: string, line: number, message: string): never {
  throw new Error(`${path.basename(file)}:${line}: ${message}`);
}

export function parseSource(file: string, text: string): Source {
  const names: Partial<Record<Lang, string>> = {};
  const needs: string[] = [];
  const cells: Cell[] = [];
  let current: { kind: string; line: number; body: string[] } | null = null;
  let pendingId: { text: string; line: number } | null = null;

  const flush = (): void => {
    if (!current) return;
    const body = current.body.join("\n").replace(/^\n+|\s+$/g, "");
    if (current.kind === "code") {
      if (pendingId) fail(file, pendingId.line, "a md:id cell must be followed by its md:en translation");
      cells.push({ type: "code", source: { id: body, en: body } });
    } else if (current.kind === "md:id") {
      if (pendingId) fail(file, pendingId.line, "two md:id cells in a row: add the md:en translation");
      pendingId = { text: body, line: current.line };
    } else if (current.kind === "md:en") {
      if (!pendingId) fail(file, current.line, "md:en without the md:id cell before it");
      cells.push({ type: "markdown", source: { id: pendingId.text, en: body } });
      pendingId = null;
    }
    current = null;
  };

  text.split("\n").forEach((line, i) => {
    const m = /^%% (\S+)(.*)$/.exec(line);
    if (!m) {
      if (current) current.body.push(line);
      else if (line.trim()) fail(file, i + 1, "text before the first %% cell marker");
      return;
    }
    flush();
    if (m[1] === "notebook") {
      for (const [, k, v] of m[2]!.matchAll(/(\w+)=(\S+)/g)) {
        if (k === "id" || k === "en") names[k] = v!;
        else if (k === "needs") needs.push(...v!.split(","));
      }
      return;
    }
    if (!["code", "md:id", "md:en"].includes(m[1]!)) fail(file, i + 1, `unknown cell marker "%% ${m[1]}" (use code, md:id or md:en)`);
    current = { kind: m[1]!, line: i + 1, body: [] };
  });
  flush();
  if (pendingId) fail(file, (pendingId as { line: number }).line, "md:id without its md:en translation");
  if (!names.id || !names.en) throw new Error(`${path.basename(file)}: missing "%% notebook id=... en=..." line`);
  return { names: names as Record<Lang, string>, cells, needs };
}

function lines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? l + "\n" : l)).filter((l) => l !== "");
}

export function toIpynb(src: Source, lang: Lang): string {
  const nb = {
    cells: src.cells.map((c, i) => {
      const id = createHash("sha1").update(`${src.names[lang]}#${i}`).digest("hex").slice(0, 8);
      return c.type === "code"
        ? { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source: lines(c.source[lang]) }
        : { cell_type: "markdown", id, metadata: {}, source: lines(c.source[lang]) };
    }),
    metadata: {
      kernelspec: { name: "pijar", display_name: "TypeScript (Pijar)", language: "typescript" },
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
      ...(src.needs.length ? { pijar: { needs: src.needs } } : {}),
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + "\n";
}

function main(): void {
  const check = process.argv.includes("--check");
  const stale: string[] = [];
  for (const f of readdirSync(here).filter((n) => n.endsWith(".cells.md")).sort()) {
    const file = path.join(here, f);
    const src = parseSource(file, readFileSync(file, "utf8"));
    for (const lang of ["id", "en"] as const) {
      const out = path.join(root, lang, `${src.names[lang]}.ipynb`);
      const text = toIpynb(src, lang);
      if (check) {
        if (!existsSync(out) || readFileSync(out, "utf8") !== text) stale.push(path.relative(root, out));
        continue;
      }
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, text);
      console.log(`${path.relative(root, out)}  (${src.cells.length} cells)`);
    }
  }
  if (stale.length) {
    console.error(`Out of date (run npx tsx notebooks/_source/build.ts): ${stale.join(", ")}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
