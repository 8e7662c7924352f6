/**
 * The jdbc options, case-insensitive as Spark's (`url`, `dbtable` or `query`, `user`,
 * `password`, `fetchsize`, `batchsize`, `truncate`, `partitionColumn`...), parsed once into a
 * typed record. `properties` of `spark.read.jdbc(url, table, properties)` arrive here merged
 * with the options.
 */
import { Options, invalidValue, type OptionValue } from "../options.js";
import { PijarError } from "../../errors/pijar-error.js";
import { parseJdbcUrl, type JdbcTarget } from "./url.js";

/** Every option name Pijar's jdbc source and writer know (Spark's names). */
export const JDBC_OPTION_NAMES = [
  "url", "dbtable", "query", "user", "password", "driver", "batchsize", "fetchsize", "truncate",
  "cascadeTruncate", "createTableColumnTypes", "createTableOptions", "customSchema", "partitionColumn",
  "lowerBound", "upperBound", "numPartitions", "sessionInitStatement", "isolationLevel", "queryTimeout",
  "pushDownPredicate", "pushDownAggregate", "pushDownLimit", "pushDownOffset", "pushDownTableSample",
  "preferTimestampNTZ", "prepareQuery", "keytab", "principal", "refreshKrb5Config", "connectionProvider",
] as const;

export type IsolationLevel = "NONE" | "READ_UNCOMMITTED" | "READ_COMMITTED" | "REPEATABLE_READ" | "SERIALIZABLE";

export interface PartitionOptions {
  readonly column: string;
  readonly lowerBound: string;
  readonly upperBound: string;
  readonly numPartitions: number;
}

export interface JdbcOptions {
  readonly url: string;
  readonly target: JdbcTarget;
  /** The table name as given (dbtable), or null when `query` is used. */
  readonly table: string | null;
  readonly query: string | null;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly fetchSize: number;
  readonly batchSize: number;
  readonly truncate: boolean;
  readonly createTableColumnTypes: string | null;
  readonly createTableOptions: string;
  readonly customSchema: string | null;
  readonly partition: PartitionOptions | null;
  readonly sessionInitStatement: string | null;
  readonly isolationLevel: IsolationLevel;
  readonly preferTimestampNTZ: boolean;
}

/** Parses jdbc options (already merged with `properties`). */
export function parseJdbcOptions(entries: Options | Record<string, OptionValue>): JdbcOptions {
  const o = entries instanceof Options ? entries : new Options(entries);
  o.checkKnown("jdbc", JDBC_OPTION_NAMES);
  const url = o.get("url");
  if (!url) throw missing("url", "e.g. .option(\"url\", \"jdbc:postgresql://localhost:5432/shop\")");
  const target = parseJdbcUrl(url);
  const table = o.get("dbtable") ?? null;
  const query = o.get("query") ?? null;
  if (table !== null && query !== null) {
    throw new PijarError("JDBC_OPTIONS_CONFLICT", {}, {
      message: "Both 'dbtable' and 'query' can't be specified at the same time. Keep one of them.",
      exceptionType: "IllegalArgumentException",
    });
  }
  const partitionColumn = o.get("partitionColumn");
  let partition: PartitionOptions | null = null;
  if (partitionColumn !== undefined) {
    if (query !== null) {
      throw new PijarError("JDBC_OPTIONS_CONFLICT", {}, {
        message: "Options 'query' and 'partitionColumn' can not be specified together. Please define the query using 'dbtable' option instead and make sure to qualify the partition columns using the supplied subquery alias, e.g. dbtable=\"(SELECT ...) t\".",
        exceptionType: "IllegalArgumentException",
      });
    }
    const lower = o.get("lowerBound");
    const upper = o.get("upperBound");
    const n = o.get("numPartitions");
    if (lower === undefined || upper === undefined || n === undefined) {
      throw missing("lowerBound, upperBound and numPartitions", "all three are required when 'partitionColumn' is set");
    }
    partition = { column: partitionColumn, lowerBound: lower, upperBound: upper, numPartitions: positiveInt(o, "numPartitions", 1) };
  }
  const isolation = (o.get("isolationLevel") ?? "READ_UNCOMMITTED").toUpperCase();
  if (!["NONE", "READ_UNCOMMITTED", "READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"].includes(isolation)) {
    throw invalidValue("isolationLevel", isolation, "NONE, READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE");
  }
  return hidePassword({
    url, target, table, query,
    user: o.get("user") ?? target.user,
    password: o.get("password") ?? target.password,
    fetchSize: positiveInt(o, "fetchsize", 10_000, true),
    batchSize: positiveInt(o, "batchsize", 1000),
    truncate: o.bool("truncate", false),
    createTableColumnTypes: o.get("createTableColumnTypes") ?? null,
    createTableOptions: o.get("createTableOptions") ?? "",
    customSchema: o.get("customSchema") ?? null,
    partition,
    sessionInitStatement: o.get("sessionInitStatement") ?? null,
    isolationLevel: isolation as IsolationLevel,
    preferTimestampNTZ: o.bool("preferTimestampNTZ", false),
  });
}

/**
 * Makes the password (and the URL, which may embed one) non-enumerable: still readable as
 * `o.password`, but never shown by util.inspect, console.log or JSON.stringify of the options.
 */
function hidePassword(o: JdbcOptions): JdbcOptions {
  Object.defineProperty(o, "password", { enumerable: false });
  Object.defineProperty(o, "url", { enumerable: false });
  Object.defineProperty(o.target, "password", { enumerable: false });
  return o;
}

/** The table for a write: `dbtable` is required (query makes no sense there). */
export function requireTable(o: JdbcOptions): string {
  if (o.table === null) {
    throw missing("dbtable", o.query !== null ? "'query' is only for reading; name the target table with 'dbtable'" : "name the table to write, e.g. .option(\"dbtable\", \"sales\")");
  }
  return o.table;
}

function positiveInt(o: Options, name: string, dflt: number, zeroMeansDefault = false): number {
  const v = o.number(name, dflt);
  if (zeroMeansDefault && v === 0) return dflt;
  if (!Number.isInteger(v) || v < 1) throw invalidValue(name, String(o.get(name)), "a positive whole number");
  return v;
}

function missing(name: string, hint: string): PijarError {
  return new PijarError("JDBC_MISSING_OPTION", { option: name }, {
    message: `Option '${name}' is required for jdbc: ${hint}.`,
    exceptionType: "IllegalArgumentException",
  });
}
