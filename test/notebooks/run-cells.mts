/**
 * Runs the code cells of course notebooks in order, without Jupyter: the quick way to check
 * a notebook's content while editing it (the real check is run_notebooks.py, through the
 * kernel). Cells run with the kernel's own cell semantics (kernel/runtime/evaluate.ts:
 * declarations become globals, top-level await, the last expression is the cell's value)
 * and with the kernel's preloaded globals spark, F, Window, T and display, here taken from
 * src/ directly (no build needed). The working directory is the notebook's folder.
 *
 *   npx tsx test/notebooks/run-cells.mts notebooks/en/01-intro-to-spark.ipynb [more.ipynb]
 *   npx tsx test/notebooks/run-cells.mts --all          # every notebook under notebooks/
 *   options: --quiet (hide cell output), --stop (stop a notebook at its first failing cell),
 *            --preview (wire spark.read/df.write/spark.sql from modules not wired yet),
 *            --as-shipped (keep the exercise skeletons instead of the solutions)
 *
 * Exercise cells (metadata.pijar.exercise) run their reference answer from
 * notebooks/lib/solutions.json unless --as-shipped. Exercise checks run strict (PIJAR_CHECKS_STRICT=1): a wrong worked solution fails its cell.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import { fileURLToPath } from "node:url";
import { SparkSession, functions, Window, types } from "../../src/index.ts";
import { Evaluator } from "../../kernel/runtime/evaluate.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const stopAtError = args.includes("--stop");
let files = args.filter((a) => !a.startsWith("--")).map((f) => path.resolve(f));
if (args.includes("--all")) {
  files = ["id", "en"].flatMap((lang) => {
    const dir = path.join(repo, "notebooks", lang);
    return readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(dir, f));
  });
}
if (!files.length) {
  console.error("Usage: npx tsx test/notebooks/run-cells.mts NOTEBOOK.ipynb... | --all [--quiet] [--stop]");
  process.exit(2);
}
process.env.PIJAR_CHECKS_STRICT = "1";

const realWrite = process.stdout.write.bind(process.stdout);
function mute(on: boolean): void {
  process.stdout.write = on ? ((() => true) as typeof process.stdout.write) : realWrite;
}

function isFrame(v: unknown): v is { show(o?: unknown): Promise<void> } {
  return !!v && typeof v === "object" && typeof (v as { show?: unknown }).show === "function" && Array.isArray((v as { columns?: unknown }).columns);
}

/** What Jupyter would render, as text: DataFrames as show() tables, charts as a one-liner. */
async function render(value: unknown): Promise<void> {
  if (value === undefined) return;
  if (isFrame(value)) return value.show({ n: 10 });
  const bundle = value && typeof value === "object" ? (value as Record<symbol, () => unknown>)[Symbol.for("Jupyter.display")] : undefined;
  if (typeof bundle === "function") {
    const b = (await bundle.call(value)) as Record<string, unknown>;
    console.log(`[display: ${Object.keys(b).join(", ")}]`);
    return;
  }
  console.log(inspect(value, { depth: 4, colors: false }));
}

const g = globalThis as Record<string, unknown>;
g.spark = SparkSession.builder.appName("run-cells").getOrCreate();
g.F = functions;
g.Window = Window;
g.T = types;
g.display = (v: unknown) => render(v);
if (args.includes("--preview")) {
  const { previewWiring } = await import("./preview-wiring.mts");
  await previewWiring(g.spark as SparkSession);
}

const evaluator = new Evaluator();
let passed = 0;
let failed = 0;
for (const file of files) {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string[] | string; metadata?: { pijar?: { exercise?: string } } }[] };
  if (!args.includes("--as-shipped")) {
    const solutions = JSON.parse(readFileSync(path.join(repo, "notebooks/lib/solutions.json"), "utf8")) as Record<string, string>;
    for (const cell of nb.cells) {
      const ex = cell.metadata?.pijar?.exercise;
      if (ex) cell.source = solutions[ex]!;
    }
  }
  process.chdir(path.dirname(file));
  const started = Date.now();
  const errors: string[] = [];
  let n = 0;
  for (const [i, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    n++;
    const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    if (!quiet) realWrite(`\n--- ${path.basename(file)} cell ${i} ---\n`);
    mute(quiet);
    try {
      const r = await evaluator.run(source, n);
      if (r.hasValue) await render(r.value);
    } catch (e) {
      const first = source.split("\n").find((l) => l.trim() && !l.trim().startsWith("//")) ?? "";
      errors.push(`cell ${i} (${first.trim().slice(0, 60)}): ${(e as Error)?.message?.split("\n").slice(0, 4).join(" / ") ?? e}`);
      if (!quiet) console.log(`!!! ${evaluator.traceback(e).join("\n")}`);
    } finally {
      mute(false);
    }
    if (errors.length && stopAtError) break;
  }
  const rel = path.relative(repo, file);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (errors.length) {
    failed++;
    realWrite(`FAIL ${rel} (${errors.length} of ${n} code cells failed, ${secs} s)\n${errors.map((e) => `     ${e}`).join("\n")}\n`);
  } else {
    passed++;
    realWrite(`PASS ${rel} (${n} code cells, ${secs} s)\n`);
  }
}
realWrite(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
