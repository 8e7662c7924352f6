/**
 * Temporary: while src/index.ts does not wire `spark.read`, `df.write` and the SQL front end
 * yet, run-cells.mts --preview plugs in the modules being written (src/api/reader.ts,
 * src/api/writer.ts, src/sql/index.ts) so the notebooks can be tried early. Each piece is only
 * wired when the real wiring is missing, and a piece that does not load is reported and skipped.
 * Delete this file once src/wiring.ts wires everything.
 */
import { sessionExtensions } from "../../src/api/session-extensions.ts";
import { extensions } from "../../src/api/extensions.ts";
import type { SparkSession, DataFrame } from "../../src/index.ts";

async function attempt(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
    console.error(`[preview] wired ${name}`);
  } catch (e) {
    console.error(`[preview] could not wire ${name}: ${(e as Error).message.split("\n")[0]}`);
  }
}

function works(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

export async function previewWiring(spark: SparkSession): Promise<void> {
  if (!works(() => spark.read)) {
    await attempt("spark.read", async () => {
      const { DataFrameReader } = await import("../../src/api/reader.ts");
      sessionExtensions.reader = (s: SparkSession) => new DataFrameReader(s);
    });
  }
  const df = spark.range(1);
  if (!works(() => df.write)) {
    await attempt("df.write", async () => {
      const { DataFrameWriter } = await import("../../src/api/writer.ts");
      extensions.writer = (d: DataFrame) => new DataFrameWriter(d);
    });
  }
  if (!works(() => spark.sql("SELECT 1"))) await attempt("spark.sql", async () => { await import("../../src/sql/index.ts"); });
  await previewJdbc(spark);
}

/** `df.write.jdbc(url, table, mode, properties)` and `spark.read.jdbc(url, table, properties)`. */
async function previewJdbc(spark: SparkSession): Promise<void> {
  type Props = Record<string, string>;
  const writer = Object.getPrototypeOf(spark.range(1).write) as Record<string, unknown>;
  const reader = Object.getPrototypeOf(spark.read) as Record<string, unknown>;
  if (typeof writer.jdbc !== "function") {
    await attempt("df.write.jdbc", async () => {
      const { writeJdbc } = await import("../../src/io/jdbc/index.ts");
      writer.jdbc = function (this: { df: DataFrame }, url: string, table: string, mode?: string, props: Props = {}) {
        return writeJdbc(this.df, { ...props, url, dbtable: table }, mode ?? "error");
      };
    });
  }
  if (typeof reader.jdbc !== "function") {
    await attempt("spark.read.jdbc", async () => {
      const { jdbcSource } = await import("../../src/io/jdbc/index.ts");
      reader.jdbc = async function (this: { session: SparkSession }, url: string, table: string, props: Props = {}) {
        return this.session.createScanDataFrame(await jdbcSource(this.session, { ...props, url, dbtable: table }));
      };
    });
  }
}
