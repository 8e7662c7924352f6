/**
 * Connects modules that would otherwise import each other: `spark.read`, `df.write`,
 * `df.plot` and the SQL front end. Called once by src/index.ts.
 */
import { extensions } from "./api/extensions.js";
import { sessionExtensions } from "./api/session-extensions.js";
import { plotAccessor } from "./display/plot/index.js";
import type { DataFrame } from "./api/dataframe.js";
import type { SparkSession } from "./api/session.js";
import { DataFrameReader } from "./api/reader.js";
import { DataFrameWriter } from "./api/writer.js";
import { registerJdbc } from "./io/jdbc/register.js";

let wired = false;

export function wireModules(): void {
  if (wired) return;
  wired = true;
  extensions.plot = (df: DataFrame) =>
    plotAccessor({
      columns: df.columns,
      dtypes: df.dtypes,
      fetchRows: async (limit: number) => (await df.take(limit)).map((r) => r.toArray()),
      count: () => df.count(),
      maxRows: () => Number(df.sparkSession.conf.get("spark.sql.pyspark.plotting.max_rows")) || 1000,
    } as Parameters<typeof plotAccessor>[0]);
  sessionExtensions.reader = (s: SparkSession) => new DataFrameReader(s);
  extensions.writer = (df: DataFrame) => new DataFrameWriter(df);
  // format("jdbc") for spark.read / df.write (and the jdbc() shortcuts above).
  registerJdbc();
}
