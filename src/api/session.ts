/**
 * SparkSession: the entry point, as PySpark's. One session per process by default
 * (`getOrCreate` returns it); `spark.conf` holds settings, `spark.read` reads files,
 * `spark.sql` runs queries over temp views.
 *
 * @example
 * const spark = SparkSession.builder.appName("etl").getOrCreate();
 * const df = spark.createDataFrame([[1, "a"], [2, "b"]], ["id", "name"]);
 */
import { RuntimeConfig } from "./conf.js";
import { DataFrame } from "./dataframe.js";
import { CatalogApi } from "./catalog-api.js";
import { buildLocalData, type SchemaLike } from "./create-data-frame.js";
import { rangeBounds, type RangeArg } from "./range-args.js";
import { Batch } from "../columnar/batch.js";
import type { Attr } from "../plan/expr/expr.js";
import { newExprId, splitName } from "../plan/expr/expr.js";
import type { LogicalPlan } from "../plan/logical/plan.js";
import { longType, StructType } from "../types/data-types.js";
import type { DataSource } from "../io/data-source.js";
import type { BuildContext } from "../plan/builder/index.js";
import type { FunctionContext } from "../functions/registry.js";
import type { ExecutionSettings } from "../execution/execute.js";
import { PijarError } from "../errors/pijar-error.js";
import { planStatement } from "./sql-front-end.js";
import { resolveSubquery } from "../sql/index.js";
import { setActiveSession } from "./active-session.js";
import { buildSubqueryAlias } from "../plan/builder/index.js";
import { sessionExtensions } from "./session-extensions.js";
import type { DataFrameReader } from "./reader.js";

export const PIJAR_VERSION = "0.1.0";
/** The Spark version whose behaviour Pijar follows. */
export const SPARK_VERSION = "4.3.0";

function attrsOf(schema: StructType): Attr[] {
  return schema.fields.map((f) => ({ kind: "attr", name: f.name, id: newExprId(), dataType: f.dataType, nullable: f.nullable, qualifier: [] }));
}

class Builder {
  private readonly options: Record<string, string> = {};

  /** Sets the application name (shown nowhere yet; kept in spark.conf as spark.app.name). */
  appName(name: string): Builder {
    this.options["spark.app.name"] = name;
    return this;
  }

  /**
   * `local[*]` (default) runs on Pijar's own engine in this process. `sc://host:port` runs on
   * a Spark Connect server (same as remote()).
   */
  master(master: string): Builder {
    this.options["spark.master"] = master;
    return this;
  }

  /** A Spark Connect server: `remote("sc://127.0.0.1:15002/;token=...")` (see src/connect/README.md). */
  remote(url: string): Builder {
    this.options["spark.remote"] = url;
    return this;
  }

  /** Sets a setting: `config("spark.sql.session.timeZone", "UTC")` or `config({ ... })`. */
  config(key: string | Record<string, string | number | boolean>, value?: string | number | boolean): Builder {
    if (typeof key === "object") for (const [k, v] of Object.entries(key)) this.options[k] = String(v);
    else this.options[key] = String(value);
    return this;
  }

  enableHiveSupport(): Builder {
    return this;
  }

  /** The sc:// URL to connect to: remote(), master("sc://..."), or SPARK_REMOTE when no master is set (as PySpark). */
  private remoteUrl(): string | undefined {
    const master = this.options["spark.master"];
    return this.options["spark.remote"] ?? (master?.startsWith("sc://") ? master : undefined) ?? (master ? undefined : process.env.SPARK_REMOTE || undefined);
  }

  private openRemote(url: string, create: boolean): SparkSession {
    if (!remoteBackend.open) {
      throw new PijarError("UNSUPPORTED_FEATURE", { feature: "Spark Connect" }, {
        message: "[UNSUPPORTED_FEATURE] Spark Connect is not wired: import SparkSession from pijar's entry point.",
      });
    }
    return remoteBackend.open(url, this.options, create);
  }

  /** The active session (its settings updated with this builder's), or a new one. */
  getOrCreate(): SparkSession {
    const url = this.remoteUrl();
    if (url) return this.openRemote(url, false);
    if (!active) makeActive(new SparkSession(this.options));
    else for (const [k, v] of Object.entries(this.options)) if (k.startsWith("spark.sql.") || k.startsWith("spark.pijar.")) active.conf.set(k, v);
    return active!;
  }

  create(): SparkSession {
    const url = this.remoteUrl();
    if (url) return this.openRemote(url, true);
    return new SparkSession(this.options);
  }
}

let active: SparkSession | null = null;

/** The active session is also published to active-session.ts, where F.expr reads its settings. */
function makeActive(session: SparkSession | null): void {
  active = session;
  setActiveSession(session);
}

/** @internal The Spark Connect backend (src/connect), set by src/index.ts: opens a remote session. */
export const remoteBackend: { open: ((url: string, options: Record<string, string>, create: boolean) => SparkSession) | null } = { open: null };

export class SparkSession {
  /** `SparkSession.builder.appName("x").getOrCreate()`. */
  static get builder(): Builder {
    return new Builder();
  }

  static getActiveSession(): SparkSession | null {
    return active;
  }

  readonly conf: RuntimeConfig;
  readonly catalog = new CatalogApi();
  readonly version = SPARK_VERSION;

  /** @internal Use SparkSession.builder. */
  constructor(options: Record<string, string> = {}) {
    this.conf = new RuntimeConfig(options);
  }

  /** A new session with its own settings and temp views. */
  newSession(): SparkSession {
    return new SparkSession({});
  }

  /** Reads files: `spark.read.csv(path, { header: true })`. */
  get read(): DataFrameReader {
    return sessionExtensions.reader(this);
  }

  /**
   * `range(end)`, `range(start, end, step)`: one bigint column `id`. Bounds past 2^53 are
   * exact when given as bigints: `spark.range(9007199254740993n, 9007199254741000n)`.
   */
  range(start: RangeArg, end?: RangeArg, step: RangeArg = 1, _numPartitions?: number): DataFrame {
    const [s, e, st] = rangeBounds(start, end, step);
    const output: Attr[] = [{ kind: "attr", name: "id", id: newExprId(), dataType: longType, nullable: false, qualifier: [] }];
    return new DataFrame(this, { kind: "range", start: s, end: e, step: st, output });
  }

  /**
   * A DataFrame from JS data: arrays (`[[1, "a"]]`) or objects (`[{ id: 1 }]`), with column
   * names, a DDL schema (`"id INT, name STRING"`) or a StructType.
   */
  createDataFrame(data: readonly unknown[], schema?: SchemaLike | null): DataFrame {
    const { schema: st, columns } = buildLocalData(data, schema);
    const batch = Batch.fromValues(st, columns, data.length);
    return new DataFrame(this, { kind: "local", batches: [batch], description: "createDataFrame", output: attrsOf(st) });
  }

  /** Runs Spark SQL; `args` fill `:name` (object) or `?` (array) markers. */
  sql(sqlQuery: string, args?: Record<string, unknown> | unknown[]): DataFrame {
    return new DataFrame(this, planStatement(this, sqlQuery, args, (plan, mode) => new DataFrame(this, plan).explainString(mode)));
  }

  /** A temp view as a DataFrame. */
  table(tableName: string): DataFrame {
    const parts = splitName(tableName);
    const v = this.catalog._catalog.require(parts);
    return new DataFrame(this, buildSubqueryAlias(v.plan, parts[parts.length - 1]!));
  }

  /** @internal A DataFrame over a file or database source. */
  createScanDataFrame(source: DataSource): DataFrame {
    const plan: LogicalPlan = {
      kind: "scan", source, columns: source.schema.names, pushedFilters: [], limit: null, output: attrsOf(source.schema),
    };
    return new DataFrame(this, plan);
  }

  /** @internal A DataFrame over in-memory batches. */
  createLocalDataFrame(schema: StructType, batches: Batch[], description: string): DataFrame {
    return new DataFrame(this, { kind: "local", batches, description, output: attrsOf(schema) });
  }

  /** Local mode has nothing to release; kept for PySpark compatibility. */
  stop(): void {
    if (active === this) makeActive(null);
  }

  /** @internal */
  _functionContext(): FunctionContext {
    return {
      timeZone: this.conf.str("spark.sql.session.timeZone"),
      ansi: this.conf.str("spark.sql.ansi.enabled") !== "false",
      nowMicros: Date.now() * 1000,
    };
  }

  /** @internal */
  _buildContext(): BuildContext {
    // Subqueries in expression strings (F.expr("(SELECT max(x) FROM v)"), df.filter("id IN (SELECT ...)"))
    // were planned when the string was parsed; resolving them is the SQL front end's, as in SQL.
    return { fn: this._functionContext(), resolveOptions: { resolveSubquery } };
  }

  /** @internal */
  _executionSettings(): ExecutionSettings {
    const excluded = this.conf.str("spark.pijar.optimizer.excludedRules").split(",").map((s) => s.trim()).filter(Boolean);
    return { fn: this._functionContext(), excludedRules: new Set(excluded), batchSize: Number(this.conf.str("spark.pijar.batchSize")) || undefined };
  }
}
