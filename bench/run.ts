/**
 * Benchmark entry point: generates missing inputs, runs every engine on every size and input
 * format (each in its own process, with a timeout), checks they all produced the same top-100,
 * prints a table per size and format and merges the figures into bench/out/results.json.
 *
 * Usage: npx tsx bench/run.ts [--sizes 1m,10m] [--formats csv,parquet]
 *          [--engines duckdb,polars,arquero,pyspark,jsloop,pijar] [--timeout SECONDS] [--repeat N]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, release } from "node:os";
import { join } from "node:path";
import { compareFingerprints, fingerprint } from "./check.js";
import { selectEngines } from "./engines.js";
import { ensureData } from "./generate.js";
import { measure, type Measurement } from "./spawn.js";
import { formatTable, type EngineResult } from "./table.js";
import { CITIES_CSV, inputPath, OUT_DIR, SIZES, type InputFormat } from "./workload.js";

interface Options {
  sizes: string[];
  formats: InputFormat[];
  engines?: string[];
  timeout: number;
  repeat: number;
}

function parseOptions(argv: string[]): Options {
  const get = (k: string): string | undefined => {
    const i = argv.indexOf(`--${k}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (k: string): string[] | undefined => get(k)?.split(",").filter(Boolean);
  const formats = (list("formats") ?? ["csv", "parquet"]) as InputFormat[];
  for (const f of formats) if (f !== "csv" && f !== "parquet") throw new Error(`--formats: "${f}" is not csv or parquet`);
  const sizes = list("sizes") ?? ["1m"];
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`--sizes: "${s}" is not one of ${Object.keys(SIZES).join(", ")}`);
  return { sizes, formats, engines: list("engines"), timeout: Number(get("timeout") ?? 900), repeat: Number(get("repeat") ?? 1) };
}

/** Runs an engine `repeat` times and keeps the run with the median wall time. */
async function runEngine(command: string[], out: string, opts: Options): Promise<Measurement> {
  const runs: Measurement[] = [];
  for (let i = 0; i < opts.repeat; i++) {
    rmSync(out, { recursive: true, force: true });
    const m = await measure(command, opts.timeout);
    runs.push(m);
    if (m.status !== "ok") return m;
  }
  runs.sort((a, b) => a.wallSeconds - b.wallSeconds);
  return runs[Math.floor(runs.length / 2)]!;
}

/** Machine facts recorded with the figures. */
function machine(): Record<string, unknown> {
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
  };
}

const opts = parseOptions(process.argv.slice(2));
const engines = selectEngines(opts.engines);
mkdirSync(OUT_DIR, { recursive: true });
await ensureData(opts.sizes);

const resultsFile = join(OUT_DIR, "results.json");
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, "utf8")) as { runs?: EngineResult[] }) : {};
const runs = new Map<string, EngineResult>((previous.runs ?? []).map((r) => [`${r.size}/${r.format}/${r.engine}`, r]));

for (const size of opts.sizes) {
  for (const format of opts.formats) {
    const rows: EngineResult[] = [];
    for (const engine of engines) {
      const out = join(OUT_DIR, `${size}_${format}_${engine.name}.parquet`);
      const command = engine.command({ input: inputPath(size, format), format, cities: CITIES_CSV, out });
      process.stderr.write(`[${size} ${format}] ${engine.name} ... `);
      // The 1-minute load average before the run: on a shared machine it says how much to trust it.
      const load = Number(loadavg()[0]!.toFixed(2));
      const m = await runEngine(command, out, opts);
      const r: EngineResult = { engine: engine.name, size, format, ...m, loadBefore: load };
      if (m.status === "ok") {
        try {
          r.fingerprint = await fingerprint(out);
        } catch (e) {
          r.status = "error";
          r.note = (e as Error).message;
        }
      }
      process.stderr.write(`${r.status} ${m.wallSeconds.toFixed(2)} s ${m.peakMB.toFixed(0)} MB (load ${load})\n`);
      rows.push(r);
    }
    // PySpark is the project's oracle; fall back to DuckDB when it did not run.
    const ref = rows.find((r) => r.engine === "pyspark" && r.fingerprint) ?? rows.find((r) => r.engine === "duckdb" && r.fingerprint);
    for (const r of rows) {
      if (!r.fingerprint) continue;
      if (!ref) r.matches = "no reference";
      else if (r === ref) r.matches = `reference (${r.fingerprint.rows} rows, revenue ${r.fingerprint.revenueSum})`;
      else {
        const diff = compareFingerprints(r.fingerprint, ref.fingerprint!);
        r.matches = diff ? `DIFFERS from ${ref.engine}: ${diff}` : `same as ${ref.engine}`;
      }
      runs.set(`${size}/${format}/${r.engine}`, r);
    }
    for (const r of rows) if (!r.fingerprint) runs.set(`${size}/${format}/${r.engine}`, r);
    console.log(`\n## ${size} rows, ${format} input\n`);
    console.log(formatTable(rows));
    for (const r of rows) if (r.note && r.status !== "ok") console.log(`- ${r.engine}: ${r.note}`);
  }
}

// The per-row amounts are only needed for the comparison above; keep results.json readable.
const saved = [...runs.values()].map((r) => (r.fingerprint ? { ...r, fingerprint: { ...r.fingerprint, amounts: undefined } } : r));
writeFileSync(resultsFile, JSON.stringify({ updated: new Date().toISOString(), machine: machine(), runs: saved }, null, 2));
console.log(`\nresults merged into ${resultsFile}`);
