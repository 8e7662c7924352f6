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
 *   %% exercise 02-1   the learner's exercise cell (code): a skeleton that runs without error,
 *                 e.g. a bilingual comment, `const branches = undefined;` and `await cek("02-1",
 *                 branches)`, which then says "not done yet" (notebooks/lib/checks.ts)
 *   %% solution   the reference answer of the exercise right before it (code, required after
 *                 each `%% exercise`). It is not a notebook cell: it goes into
 *                 notebooks/lib/solutions.json (what `await solusi("02-1")` prints), and the
 *                 exercise cell's metadata.pijar.exercise names it, so
 *                 test/notebooks/run_notebooks.py can run the notebook with the answers in.
 *                 `--check` covers solutions.json too.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Lang = "id" | "en";
interface Cell { type: "markdown" | "code"; source: Record<Lang, string>; exercise?: string }
interface Source { names: Record<Lang, string>; cells: Cell[]; needs: string[]; solutions: Record<string, string> }

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

function fail(file: string, line: number, message: string): never {
  throw new Error(`${path.basename(file)}:${line}: ${message}`);
}

export function parseSource(file: string, text: string): Source {
  const names: Partial<Record<Lang, string>> = {};
  const needs: string[] = [];
  const cells: Cell[] = [];
  const solutions: Record<string, string> = {};
  let current: { kind: string; line: number; body: string[]; exercise?: string } | null = null;
  // The exercise cell still waiting for its `%% solution`.
  let openExercise: { id: string; line: number } | null = null;
  let pendingId: { text: string; line: number } | null = null;

  const flush = (): void => {
    if (!current) return;
    const body = current.body.join("\n").replace(/^\n+|\s+$/g, "");
    if (openExercise && current.kind !== "solution") fail(file, openExercise.line, `exercise ${openExercise.id} has no "%% solution" cell right after it`);
    if (current.kind === "solution") {
      if (!openExercise) fail(file, current.line, `"%% solution" must follow a "%% exercise <id>" cell`);
      if (!body.includes(`cek("${openExercise.id}"`)) fail(file, current.line, `the solution of ${openExercise.id} must end with await cek("${openExercise.id}", ...)`);
      solutions[openExercise.id] = body;
      openExercise = null;
    } else if (current.kind === "exercise") {
      if (pendingId) fail(file, pendingId.line, "a md:id cell must be followed by its md:en translation");
      const id = current.exercise!;
      if (!body.includes(`cek("${id}"`)) fail(file, current.line, `the exercise cell of ${id} must call await cek("${id}", ...)`);
      cells.push({ type: "code", source: { id: body, en: body }, exercise: id });
      openExercise = { id, line: current.line };
    } else if (current.kind === "code") {
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
    if (!["code", "md:id", "md:en", "exercise", "solution"].includes(m[1]!)) {
      fail(file, i + 1, `unknown cell marker "%% ${m[1]}" (use code, md:id, md:en, exercise <id> or solution)`);
    }
    const exercise = m[1] === "exercise" ? /^\s+(\d\d-\d+)\s*$/.exec(m[2]!)?.[1] : undefined;
    if (m[1] === "exercise" && !exercise) fail(file, i + 1, `"%% exercise" needs the exercise id, e.g. "%% exercise 02-1"`);
    if (exercise && Object.hasOwn(solutions, exercise)) fail(file, i + 1, `exercise ${exercise} appears twice`);
    current = { kind: m[1]!, line: i + 1, body: [], exercise };
  });
  flush();
  if (openExercise) fail(file, (openExercise as { line: number }).line, `exercise ${(openExercise as { id: string }).id} has no "%% solution" cell right after it`);
  if (pendingId) fail(file, (pendingId as { line: number }).line, "md:id without its md:en translation");
  if (!names.id || !names.en) throw new Error(`${path.basename(file)}: missing "%% notebook id=... en=..." line`);
  return { names: names as Record<Lang, string>, cells, needs, solutions };
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
        ? { cell_type: "code", execution_count: null, id, metadata: c.exercise ? { pijar: { exercise: c.exercise } } : {}, outputs: [], source: lines(c.source[lang]) }
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

/** notebooks/lib/solutions.json: every lesson's reference answers, by exercise id. */
export function solutionsJson(sources: Source[]): string {
  const all: Record<string, string> = {};
  for (const src of sources) Object.assign(all, src.solutions);
  const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]!]));
  return JSON.stringify(sorted, null, 1) + "\n";
}

function main(): void {
  const check = process.argv.includes("--check");
  const stale: string[] = [];
  const sources: Source[] = [];
  for (const f of readdirSync(here).filter((n) => n.endsWith(".cells.md")).sort()) {
    const file = path.join(here, f);
    const src = parseSource(file, readFileSync(file, "utf8"));
    sources.push(src);
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
  const solFile = path.join(root, "lib", "solutions.json");
  const solText = solutionsJson(sources);
  if (check) {
    if (!existsSync(solFile) || readFileSync(solFile, "utf8") !== solText) stale.push(path.relative(root, solFile));
  } else {
    writeFileSync(solFile, solText);
    console.log(`${path.relative(root, solFile)}  (${Object.keys(JSON.parse(solText) as object).length} solutions)`);
  }
  if (stale.length) {
    console.error(`Out of date (run npx tsx notebooks/_source/build.ts): ${stale.join(", ")}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
