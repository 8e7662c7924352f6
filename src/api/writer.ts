/**
 * `df.write`: PySpark's DataFrameWriter. All terminal methods are async:
 * `await df.write.mode("overwrite").partitionBy("city").parquet("out/sales")`,
 * `await df.write.csv("out/csv", { header: true, mode: "append" })`.
 *
 * Files are written as Spark does (a folder of part-00000-<uuid>-c000.<ext> files plus
 * _SUCCESS) through a staging folder, so a failed or interrupted write leaves the previous
 * data intact (see src/io/writer/commit.ts).
 *
 * Format "jdbc" is not a file: `save()` hands the DataFrame, mode and options to the JDBC writer
 * (src/io/jdbc), which loads all or nothing in the database.
 */
import type { DataFrame } from "./dataframe.js";
import { PijarError } from "../errors/pijar-error.js";
import { Options, type OptionValue } from "../io/options.js";
import { outputFormatFactory } from "../io/formats.js";
import { parseSaveMode, type SaveMode } from "../io/writer/commit.js";
import { writeBatches } from "../io/writer/write-job.js";
import { OptionsBuilder } from "./options-builder.js";
import { writeJdbc } from "../io/jdbc/jdbc-writer.js";

/** Writer options as a JS object; `mode` and `partitionBy` ride along as PySpark's keywords. */
export type WriteOptions = Record<string, OptionValue> & { mode?: string; partitionBy?: string | string[] };

export class DataFrameWriter extends OptionsBuilder {
  private saveMode: SaveMode = "error";
  private partitionCols: string[] = [];
  readonly #df: DataFrame;

  constructor(df: DataFrame) {
    super();
    this.#df = df;
  }

  private get df(): DataFrame {
    return this.#df;
  }

  toString(): string {
    const fields: Record<string, string> = { format: this.source, mode: this.saveMode };
    if (this.partitionCols.length) fields["partitionBy"] = `[${this.partitionCols.join(", ")}]`;
    return this.describe("DataFrameWriter", fields);
  }

  toJSON(): Record<string, unknown> {
    return { format: this.source, mode: this.saveMode, partitionBy: [...this.partitionCols], options: this.redacted() };
  }

  /** "append", "overwrite", "ignore", "error" / "errorifexists" (default). */
  mode(saveMode: string | null | undefined): this {
    if (saveMode != null) this.saveMode = parseSaveMode(saveMode);
    return this;
  }

  /** Hive-style partition folders: `partitionBy("year", "city")` -> year=2024/city=Jakarta/. */
  partitionBy(...cols: (string | readonly string[])[]): this {
    this.partitionCols = cols.flat();
    return this;
  }

  bucketBy(): never {
    throw new PijarError("UNSUPPORTED_FEATURE", { feature: "bucketBy" }, { message: "The feature is not supported: bucketBy (Pijar writes plain or partitioned folders; use partitionBy)." });
  }

  /** Writes to `path` with the configured format (parquet by default). */
  async save(path?: string, format?: string, mode?: string, partitionBy?: string | string[], options: WriteOptions = {}): Promise<void> {
    if (format) this.format(format);
    this.mode(mode);
    if (partitionBy) this.partitionBy(partitionBy);
    this.applyOptions(options);
    const target = path ?? (this.opts.get("path") != null ? String(this.opts.get("path")) : undefined);
    this.opts.delete("path");
    if (this.source.toLowerCase() === "jdbc") return writeJdbc(this.df, new Options(this.opts), this.saveMode);
    if (!target) {
      throw new PijarError("INVALID_ARGUMENT", {}, {
        message: `No path given to write ${this.source}: pass one, e.g. df.write.${this.source}("out/folder").`,
        exceptionType: "PySparkValueError",
      });
    }
    const tz = this.df.sparkSession.conf.get("spark.sql.session.timeZone") ?? "UTC";
    const output = outputFormatFactory(this.source)(new Options(this.opts), tz);
    const req = { path: target, mode: this.saveMode, format: output, partitionBy: this.partitionCols, timeZone: tz };
    await this.df._runJob(`write.${output.name}`, async (batches, schema, job) => {
      await writeBatches(req, schema, batches, job);
    });
  }

  csv(path: string, options: WriteOptions = {}): Promise<void> {
    return this.save(path, "csv", undefined, undefined, options);
  }

  json(path: string, options: WriteOptions = {}): Promise<void> {
    return this.save(path, "json", undefined, undefined, options);
  }

  parquet(path: string, options: WriteOptions = {}): Promise<void> {
    return this.save(path, "parquet", undefined, undefined, options);
  }

  private applyOptions(options: WriteOptions): void {
    for (const [k, v] of Object.entries(options)) {
      if (k === "mode") this.mode(v as string | null);
      else if (k === "partitionBy") {
        if (v != null) this.partitionBy(v as string | string[]);
      } else if (v !== undefined && v !== null) this.opts.set(k, v as OptionValue);
    }
  }

  /**
   * Loads into a database table, all or nothing: `await df.write.jdbc(url, "sales", "overwrite",
   * { user, password })`. Modes as Spark's: error (default), append, overwrite, ignore.
   */
  jdbc(url: string, table: string, mode?: string | null, properties: Record<string, OptionValue> = {}): Promise<void> {
    if (mode) this.mode(mode);
    return this.format("jdbc").options({ ...properties, url, dbtable: table }).save();
  }
}
