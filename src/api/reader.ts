/**
 * `spark.read`: PySpark's DataFrameReader. `spark.read.csv("data/*.csv", { header: true,
 * inferSchema: true })`, `spark.read.format("json").option("multiLine", true).load(path)`,
 * `spark.read.schema("id INT, name STRING").csv(path)`, `spark.read.parquet(a, b)`.
 *
 * Like PySpark, reading returns a DataFrame at once: the header and (with inferSchema) the
 * inference pass run now, the data is read when an action runs.
 */
import type { SparkSession } from "./session.js";
import type { DataFrame } from "./dataframe.js";
import { StructType } from "../types/data-types.js";
import { parseSchema } from "../types/ddl.js";
import { PijarError } from "../errors/pijar-error.js";
import { Options, type OptionValue } from "../io/options.js";
import { sourceOpener } from "../io/formats.js";
import { OptionsBuilder } from "./options-builder.js";

/** Reader options as a JS object; `schema` may ride along as in PySpark's keyword arguments. */
export type ReadOptions = Record<string, OptionValue> & { schema?: StructType | string };

export class DataFrameReader extends OptionsBuilder {
  private userSchema: StructType | null = null;
  readonly #session: SparkSession;

  constructor(session: SparkSession) {
    super();
    this.#session = session;
  }

  private get session(): SparkSession {
    return this.#session;
  }

  toString(): string {
    return this.describe("DataFrameReader", { format: this.source });
  }

  toJSON(): Record<string, unknown> {
    return { format: this.source, options: this.redacted() };
  }

  /** The schema as a StructType or a DDL string ("id INT, name STRING"); skips inference. */
  schema(schema: StructType | string): this {
    this.userSchema = typeof schema === "string" ? parseSchema(schema) : schema;
    return this;
  }

  /** Loads path(s) (a file, a folder, a glob, or a list) with the current format and options. */
  load(path?: string | readonly string[], format?: string, schema?: StructType | string, options: ReadOptions = {}): DataFrame {
    if (format) this.format(format);
    if (schema) this.schema(schema);
    this.applyOptions(options);
    const paths = path === undefined ? [] : typeof path === "string" ? [path] : [...path];
    const pathOpt = this.opts.get("path");
    if (paths.length === 0 && pathOpt != null) paths.push(String(pathOpt));
    this.opts.delete("path");
    if (paths.length === 0 && ["csv", "json", "parquet"].includes(this.source.toLowerCase())) {
      throw new PijarError("INVALID_ARGUMENT", {}, {
        message: `No path given to read ${this.source}: pass one, e.g. spark.read.${this.source}("data/file.${this.source}").`,
        exceptionType: "PySparkValueError",
      });
    }
    const tz = this.session.conf.get("spark.sql.session.timeZone") ?? "UTC";
    const source = sourceOpener(this.source)(paths, new Options(this.opts), this.userSchema, tz);
    return this.session.createScanDataFrame(source);
  }

  csv(path: string | readonly string[], options: ReadOptions = {}): DataFrame {
    return this.load(path, "csv", undefined, options);
  }

  json(path: string | readonly string[], options: ReadOptions = {}): DataFrame {
    return this.load(path, "json", undefined, options);
  }

  /** `parquet("a.parquet", "b.parquet")`; a trailing options object is accepted too. */
  parquet(...paths: (string | ReadOptions)[]): DataFrame {
    const opts = paths.filter((p): p is ReadOptions => typeof p === "object");
    const files = paths.filter((p): p is string => typeof p === "string");
    return this.load(files, "parquet", undefined, Object.assign({}, ...opts) as ReadOptions);
  }

  /** A temp view or table by name (same as spark.table). */
  table(tableName: string): DataFrame {
    return this.session.table(tableName);
  }

  private applyOptions(options: ReadOptions): void {
    for (const [k, v] of Object.entries(options)) {
      if (k === "schema") {
        if (v != null) this.schema(v as StructType | string);
      } else if (v !== undefined && v !== null) this.opts.set(k, v as OptionValue);
    }
  }

  /**
   * Reads a database table (or `(SELECT ...) t`) over a JDBC-style URL:
   * `spark.read.jdbc("jdbc:sqlite:shop.db", "sales")`,
   * `spark.read.jdbc("jdbc:postgresql://127.0.0.1:5432/shop", "sales", { user, password })`.
   */
  jdbc(url: string, table: string, properties: Record<string, OptionValue> = {}): DataFrame {
    return this.format("jdbc").options({ ...properties, url, dbtable: table }).load();
  }
}
