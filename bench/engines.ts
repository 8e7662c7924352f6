/**
 * The engines the harness knows and how to start each one as its own child process, so each is
 * measured alone (wall time, peak RSS) and a crash or hang of one does not stop the others.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BENCH_DIR, type RunnerArgs } from "./workload.js";

/** Python of the project venv, which has pyspark 4.3.0. */
export const VENV_PYTHON = join(BENCH_DIR, "..", ".venv", "bin", "python");

/** One engine: its name on the command line and the command line that runs the workload once. */
export interface EngineSpec {
  name: string;
  /** What it is, for the table legend and README. */
  label: string;
  command(args: RunnerArgs): string[];
}

function tsRunner(name: string, label: string): EngineSpec {
  return {
    name,
    label,
    // `node --import tsx` rather than `npx tsx`: one process (npx and the tsx CLI each add one).
    command: (a) => [process.execPath, "--import", "tsx", join(BENCH_DIR, "engines", `${name}.ts`), ...flags(a)],
  };
}

function flags(a: RunnerArgs): string[] {
  return ["--input", a.input, "--format", a.format, "--cities", a.cities, "--out", a.out];
}

/** All engines, in table order. */
export const ENGINES: EngineSpec[] = [
  tsRunner("duckdb", "DuckDB 1.5 via @duckdb/node-api (one SQL statement)"),
  tsRunner("polars", "nodejs-polars 0.26.1 (lazy query)"),
  tsRunner("arquero", "Arquero 8.0.3 (chunked: partial aggregates per 32 MB chunk)"),
  {
    name: "pyspark",
    label: "PySpark 4.3.0 local[*] (JVM start included)",
    command: (a) => {
      if (!existsSync(VENV_PYTHON)) throw new Error(`no Python venv at ${VENV_PYTHON}; create it and pip install pyspark==4.3.0`);
      return [VENV_PYTHON, join(BENCH_DIR, "engines", "pyspark_runner.py"), ...flags(a)];
    },
  },
  tsRunner("jsloop", "hand-written single-pass JS loop (baseline)"),
  tsRunner("pijar", "Pijar (this repo: dist/ when built and current, else src/ through tsx)"),
];

/** Looks engines up by name, with an error that lists the valid names. */
export function selectEngines(names: string[] | undefined): EngineSpec[] {
  if (!names) return ENGINES;
  return names.map((n) => {
    const e = ENGINES.find((x) => x.name === n);
    if (!e) throw new Error(`unknown engine "${n}"; use some of ${ENGINES.map((x) => x.name).join(",")}`);
    return e;
  });
}
