/**
 * Pijar's only public entry: a PySpark 4-compatible DataFrame API on Pijar's own Arrow engine.
 *
 * @example
 * import { SparkSession, functions as F, Window, types as T } from "pijar";
 * const spark = SparkSession.builder.appName("etl").getOrCreate();
 * const sales = spark.read.csv("data/sales.csv", { header: true, inferSchema: true });
 * await sales.groupBy("city").agg(F.sum("quantity").alias("qty")).show();
 */
// Every function definition registers itself in the registry when loaded.
import "./functions/index.js";
import { wireModules } from "./wiring.js";
import { wireConnect } from "./connect/index.js";

wireModules();
// SparkSession.builder.remote("sc://...") runs on a Spark Connect server (src/connect).
wireConnect();

// Sessions and DataFrames
export { SparkSession, SPARK_VERSION, PIJAR_VERSION } from "./api/session.js";
export { DataFrame } from "./api/dataframe.js";
export type { ShowOptions } from "./api/dataframe.js";
export { DataGrid } from "./api/data-grid.js";
export type { GridOptions } from "./api/data-grid.js";
export { Column } from "./api/column.js";
export type { ColumnOrName } from "./api/column.js";
export { GroupedData } from "./api/grouped-data.js";
export { DataFrameNaFunctions } from "./api/na-functions.js";
export { RuntimeConfig } from "./api/conf.js";
export { Row } from "./api/row.js";
export { Window, WindowSpec } from "./api/window.js";

// Spark Connect: remote sessions (SparkSession.builder.remote(url)) and the local/remote cross-check
export { RemoteSparkSession, RemoteDataFrame, crossCheck } from "./connect/index.js";
export type { CrossCheckOptions, CrossCheckReport } from "./connect/index.js";

// Functions and types, as `pyspark.sql.functions` and `pyspark.sql.types`
export * as functions from "./api/functions.js";
export * as types from "./types/index.js";
export { Decimal } from "./values/decimal-value.js";
export { Timestamp } from "./values/timestamp-value.js";
export { TimeDelta } from "./values/time-delta.js";
export { CalendarInterval } from "./values/interval.js";

// Errors
export { PijarError } from "./errors/pijar-error.js";
