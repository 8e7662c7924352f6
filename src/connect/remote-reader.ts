/**
 * `spark.read` of a Spark Connect session: a Read relation (format, schema, options, paths)
 * that the server opens, so paths are the server's paths and schema inference is Spark's own.
 */
import type { DataFrame } from "../api/dataframe.js";
import { StructType } from "../types/data-types.js";
import { rel } from "./relation.js";
import { RemoteDataFrame } from "./remote-dataframe.js";
import type { RemoteSparkSession } from "./remote-session.js";
import { ddlOf } from "./local-relation.js";
import { RemoteOptionsBuilder, type OptionValue } from "./remote-options.js";

type ReadOptions = Record<string, OptionValue | StructType> & { schema?: StructType | string };

export class RemoteDataFrameReader extends RemoteOptionsBuilder {
  private userSchema: string | undefined;

  constructor(private readonly session: RemoteSparkSession) {
    super();
  }

  schema(schema: StructType | string): this {
    this.userSchema = schema instanceof StructType ? ddlOf(schema) : schema;
    return this;
  }

  load(path?: string | readonly string[], format?: string, schema?: StructType | string, options: ReadOptions = {}): DataFrame {
    if (format) this.format(format);
    if (schema) this.schema(schema);
    for (const [k, v] of Object.entries(options)) {
      if (k === "schema") { if (v != null) this.schema(v as StructType | string); } else this.option(k, v as OptionValue);
    }
    const paths = path === undefined ? [] : typeof path === "string" ? [path] : [...path];
    return new RemoteDataFrame(this.session, rel({
      case: "read",
      value: { readType: { case: "dataSource", value: { format: this.source, schema: this.userSchema, options: this.opts, paths } } },
    }));
  }

  csv(path: string | readonly string[], options: ReadOptions = {}): DataFrame { return this.format("csv").load(path, undefined, undefined, options); }
  json(path: string | readonly string[], options: ReadOptions = {}): DataFrame { return this.format("json").load(path, undefined, undefined, options); }
  text(path: string | readonly string[], options: ReadOptions = {}): DataFrame { return this.format("text").load(path, undefined, undefined, options); }
  orc(path: string | readonly string[], options: ReadOptions = {}): DataFrame { return this.format("orc").load(path, undefined, undefined, options); }
  parquet(...paths: (string | ReadOptions)[]): DataFrame {
    const opts = paths.filter((p): p is ReadOptions => typeof p === "object");
    return this.format("parquet").load(paths.filter((p): p is string => typeof p === "string"), undefined, undefined, Object.assign({}, ...opts));
  }

  /**
   * A database table read by the cluster: the URL is the server's view of the network and the
   * driver jar must be on the server (scripts/connect/jdbc-drivers.sh). Options as PySpark's
   * (`user`, `password`, `partitionColumn`, `numPartitions`, ...).
   */
  jdbc(url: string, table: string, properties: Record<string, OptionValue> = {}): DataFrame {
    return this.format("jdbc").options({ ...properties, url, dbtable: table }).load();
  }

  table(tableName: string): DataFrame {
    return this.session.table(tableName);
  }
}
