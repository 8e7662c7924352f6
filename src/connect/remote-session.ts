/**
 * A SparkSession backed by a Spark Connect server: the same API, with every DataFrame a
 * RemoteDataFrame. The server's Spark version is asked once at connection (it also proves
 * that the server is reachable and the token accepted).
 */
import { SparkSession } from "../api/session.js";
import type { DataFrame } from "../api/dataframe.js";
import type { DataFrameReader } from "../api/reader.js";
import type { SchemaLike } from "../api/create-data-frame.js";
import { rangeBounds, type RangeArg } from "../api/range-args.js";
import { literalExpr } from "../plan/expr/js-literal.js";
import { PijarError } from "../errors/pijar-error.js";
import { ConnectClient } from "./client.js";
import { parseConnectionString } from "./connection-string.js";
import { rel, type Rel } from "./relation.js";
import { RemoteDataFrame } from "./remote-dataframe.js";
import { RemoteDataFrameReader } from "./remote-reader.js";
import { localRelation } from "./local-relation.js";
import { toConnectExpr } from "./expressions.js";
import { compareVersions } from "./unsupported.js";
import { RemoteRuntimeConfig } from "./remote-conf.js";
import { crossCheck, type CrossCheckOptions, type CrossCheckReport } from "./cross-check.js";
import type { RuntimeConfig } from "../api/conf.js";

const LOCAL_ONLY_OPTIONS = new Set(["spark.remote", "spark.master", "spark.app.name"]);

/** The oldest server this client is written for: Spark 4.0's protocol. */
export const MIN_SERVER_VERSION = "4.0.0";

export class RemoteSparkSession extends SparkSession {
  /** @internal */
  readonly client: ConnectClient;

  /** @internal Use SparkSession.builder.remote(url). */
  constructor(options: Record<string, string>, url: string) {
    super(options);
    this.client = new ConnectClient(parseConnectionString(url));
    const v = this.client.version();
    if (compareVersions(v, MIN_SERVER_VERSION) < 0) {
      this.client.close();
      throw new PijarError("UNSUPPORTED_FEATURE.SPARK_CONNECT_SERVER_VERSION", { feature: "Spark Connect" }, {
        message: `This Spark Connect server runs Spark ${v}; Pijar needs ${MIN_SERVER_VERSION} or later.`, exceptionType: "PySparkNotImplementedError",
      });
    }
    (this as { version: string }).version = v;
    const conf = new RemoteRuntimeConfig(this.client);
    (this as { conf: RuntimeConfig }).conf = conf;
    // Builder settings go to the server, as PySpark's builder sends them (the URL itself stays here).
    for (const [k, val] of Object.entries(options)) if (!LOCAL_ONLY_OPTIONS.has(k) && !k.startsWith("spark.pijar.")) conf.set(k, val);
  }

  /** True: this session runs on a Spark Connect server. */
  get isRemote(): boolean {
    return true;
  }

  override get read(): DataFrameReader {
    return new RemoteDataFrameReader(this) as unknown as DataFrameReader;
  }

  /** @internal */
  df(relation: Rel): RemoteDataFrame {
    return new RemoteDataFrame(this, relation);
  }

  override range(start: RangeArg, end?: RangeArg, step: RangeArg = 1, numPartitions?: number): DataFrame {
    const [s, e, st] = rangeBounds(start, end, step);
    return this.df(rel({ case: "range", value: { start: s, end: e, step: st, numPartitions } }));
  }

  override createDataFrame(data: readonly unknown[], schema?: SchemaLike | null): DataFrame {
    return this.df(localRelation(data, schema));
  }

  /**
   * Runs Spark SQL on the server, as PySpark's client: sent as a SqlCommand at once (so DDL and
   * temp views take effect now); a query comes back as a relation to build on.
   */
  override sql(sqlQuery: string, args?: Record<string, unknown> | unknown[]): DataFrame {
    const lit = (v: unknown) => toConnectExpr(literalExpr(v));
    const sqlRel = rel({
      case: "sql",
      value: {
        query: sqlQuery,
        namedArguments: args && !Array.isArray(args) ? Object.fromEntries(Object.entries(args).map(([k, v]) => [k, lit(v)])) : {},
        posArguments: Array.isArray(args) ? args.map(lit) : [],
      },
    });
    const responses = this.client.executeSync({
      opType: { case: "command", value: { commandType: { case: "sqlCommand", value: { input: sqlRel } } } },
    }, "spark.sql()");
    const result = responses.find((r) => r.responseType.case === "sqlCommandResult");
    const relation = result?.responseType.case === "sqlCommandResult" ? result.responseType.value.relation : undefined;
    return this.df(relation ?? sqlRel);
  }

  override table(tableName: string): DataFrame {
    return this.df(rel({ case: "read", value: { readType: { case: "namedTable", value: { unparsedIdentifier: tableName } } } }));
  }

  /**
   * Builds the same DataFrame on a local session and on this one and compares schema, rows
   * and (with `ordered`) show() text: `await spark.crossCheck((s) => s.range(5).select(...))`.
   */
  crossCheck(build: (spark: SparkSession) => DataFrame, opts: CrossCheckOptions = {}): Promise<CrossCheckReport> {
    return crossCheck(build, this, opts);
  }

  override newSession(): SparkSession {
    throw new PijarError("UNSUPPORTED_FEATURE.SPARK_CONNECT_METHOD", { feature: "newSession" }, {
      message: "newSession() is not available on a Spark Connect session: build another with SparkSession.builder.remote(url).create().", exceptionType: "PySparkNotImplementedError",
    });
  }

  override stop(): void {
    this.client.close();
    super.stop();
    onStop(this);
  }
}

let onStop: (s: RemoteSparkSession) => void = () => {};
/** @internal */
export function setOnStop(f: (s: RemoteSparkSession) => void): void {
  onStop = f;
}
