/**
 * The one workload every engine runs, described once so that the generator, the runners and the
 * result checker agree on file names, column names and types.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the bench suite (this file's folder). */
export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
/** Generated inputs live here; the folder is gitignored. */
export const DATA_DIR = join(BENCH_DIR, "data");
/** Engine outputs and results.json live here; the folder is gitignored. */
export const OUT_DIR = join(BENCH_DIR, "out");

/** Sizes the suite knows, by the name used on the command line. */
export const SIZES: Record<string, number> = {
  "10k": 10_000,
  "100k": 100_000,
  "1m": 1_000_000,
  "10m": 10_000_000,
};

/** Input formats: the CSV is generated, the Parquet copy is written from it by DuckDB. */
export type InputFormat = "csv" | "parquet";

/** Columns of the sales fact table, in file order. */
export const SALES_COLUMNS = [
  "order_id",
  "customer_id",
  "city",
  "product",
  "quantity",
  "unit_price",
  "order_ts",
  "status",
] as const;

/** Explicit schema as a Spark DDL string (also what Pijar's reader accepts). */
export const SALES_DDL =
  "order_id BIGINT, customer_id INT, city STRING, product STRING, quantity INT, unit_price DOUBLE, order_ts TIMESTAMP, status STRING";

/** The same schema as DuckDB `read_csv(columns=...)` wants it. */
export const SALES_DUCKDB_COLUMNS =
  "{'order_id':'BIGINT','customer_id':'INTEGER','city':'VARCHAR','product':'VARCHAR','quantity':'INTEGER','unit_price':'DOUBLE','order_ts':'TIMESTAMP','status':'VARCHAR'}";

/** Columns every engine must write, by name (their order in the file does not matter). */
export const RESULT_COLUMNS = [
  "city",
  "order_date",
  "revenue",
  "orders",
  "avg_amount",
  "customers",
  "province",
  "region",
] as const;

/** How many rows the pipeline keeps after sorting by revenue. */
export const TOP_N = 100;

/** Path of the generated sales CSV for a size name such as "1m". */
export function salesCsvPath(size: string): string {
  return join(DATA_DIR, `sales_${size}.csv`);
}

/** Path of the Parquet copy of the sales CSV for a size name. */
export function salesParquetPath(size: string): string {
  return join(DATA_DIR, `sales_${size}.parquet`);
}

/** Path of the 50-row city dimension CSV. */
export const CITIES_CSV = join(DATA_DIR, "cities.csv");

/** Input file of a size in a format. */
export function inputPath(size: string, format: InputFormat): string {
  return format === "csv" ? salesCsvPath(size) : salesParquetPath(size);
}

/** Arguments every engine runner receives (as `--key value` pairs). */
export interface RunnerArgs {
  input: string;
  format: InputFormat;
  cities: string;
  out: string;
}

/** Parses the `--input --format --cities --out` arguments of an engine runner. */
export function parseRunnerArgs(argv: string[]): RunnerArgs {
  const get = (key: string): string => {
    const i = argv.indexOf(`--${key}`);
    if (i < 0 || i + 1 >= argv.length) {
      throw new Error(`engine runner: missing --${key}; usage: --input FILE --format csv|parquet --cities FILE --out PATH`);
    }
    return argv[i + 1]!;
  };
  const format = get("format");
  if (format !== "csv" && format !== "parquet") {
    throw new Error(`engine runner: --format must be csv or parquet, got "${format}"`);
  }
  return { input: get("input"), format, cities: get("cities"), out: get("out") };
}

/** What a runner prints as its last stdout line, prefixed by RESULT_PREFIX. */
export interface RunnerReport {
  status: "ok" | "unavailable" | "error";
  /** Seconds spent in the pipeline itself, after imports and process start. */
  innerSeconds?: number;
  /** Free text: why unavailable, what the error was, or a caveat about the run. */
  note?: string;
}

/** Marks the runner's report line on stdout. */
export const RESULT_PREFIX = "BENCH_RESULT ";

/** Prints a runner report in the form the harness reads. */
export function report(r: RunnerReport): void {
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(r)}\n`);
}

/**
 * Runs a pipeline body, timing it and turning a thrown error into an "error" report, so every
 * runner ends the same way.
 */
export async function runTimed(body: () => Promise<string | void>): Promise<void> {
  const t0 = performance.now();
  try {
    const note = await body();
    report({ status: "ok", innerSeconds: (performance.now() - t0) / 1000, note: note || undefined });
  } catch (e) {
    const err = e as Error;
    report({ status: "error", note: `${err.name}: ${err.message}`.slice(0, 2000) });
    process.exitCode = 1;
  }
}
