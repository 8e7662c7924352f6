/**
 * The file formats `spark.read` and `df.write` know, by Spark's short names. Other sources
 * (e.g. JDBC) plug in with registerSourceFormat / registerOutputFormat instead of being
 * special-cased in the reader and writer.
 */
import type { DataSource } from "./data-source.js";
import type { StructType } from "../types/data-types.js";
import { PijarError, orderBySimilarity } from "../errors/pijar-error.js";
import { Options } from "./options.js";
import { openCsv } from "./csv/csv-source.js";
import { openJson } from "./json/json-source.js";
import { openParquet } from "./parquet/parquet-source.js";
import { csvWriteOptions } from "./csv/csv-options.js";
import { CsvOutputFormat } from "./writer/csv-writer.js";
import { JsonOutputFormat, jsonWriteOptions } from "./writer/json-writer.js";
import { ParquetOutputFormat } from "./parquet/parquet-writer.js";
import type { OutputFormat } from "./writer/output-format.js";

/** Opens a source: `paths` may be empty for non-file sources. */
export type SourceOpener = (paths: readonly string[], options: Options, schema: StructType | null, timeZone: string) => DataSource;
export type OutputFormatFactory = (options: Options, timeZone: string) => OutputFormat;

const sources = new Map<string, SourceOpener>([
  ["csv", (p, o, s, tz) => openCsv(p, o, s, tz)],
  ["json", (p, o, s, tz) => openJson(p, o, s, tz)],
  ["parquet", (p, o, s) => openParquet(p, o, s)],
]);

const outputs = new Map<string, OutputFormatFactory>([
  ["csv", (o, tz) => new CsvOutputFormat(csvWriteOptions(o, tz))],
  ["json", (o, tz) => new JsonOutputFormat(jsonWriteOptions(o, tz))],
  ["parquet", (o) => new ParquetOutputFormat(o)],
]);

export function registerSourceFormat(name: string, opener: SourceOpener): void {
  sources.set(name.toLowerCase(), opener);
}

export function registerOutputFormat(name: string, factory: OutputFormatFactory): void {
  outputs.set(name.toLowerCase(), factory);
}

function canonical(name: string): string {
  const n = name.toLowerCase();
  // Spark also accepts fully qualified names of its built-in sources.
  const m = /^org\.apache\.spark\.sql\.execution\.datasources\.(csv|json|parquet)(\..*)?$/.exec(n);
  return m ? m[1]! : n;
}

function notFound(name: string, known: Iterable<string>): PijarError {
  const list = [...known];
  return new PijarError("DATA_SOURCE_NOT_FOUND", { provider: name }, {
    message: `Failed to find the data source: ${name}. Did you mean '${orderBySimilarity(name, list, 1)[0]}'? Pijar supports: ${list.join(", ")}.`,
    exceptionType: "SparkClassNotFoundException",
  });
}

export function sourceOpener(name: string): SourceOpener {
  const s = sources.get(canonical(name));
  if (!s) throw notFound(name, sources.keys());
  return s;
}

export function outputFormatFactory(name: string): OutputFormatFactory {
  const f = outputs.get(canonical(name));
  if (!f) throw notFound(name, outputs.keys());
  return f;
}
