/**
 * `spark.read.jdbc(url, table, properties)` / `spark.read.format("jdbc")...load()`: a
 * DataSource over a table or query. The schema comes from the database's result metadata
 * (a zero-row query) or `customSchema`; scans stream through a cursor `fetchsize` rows at a
 * time, with column pruning, LIMIT and simple filters (filter-sql.ts) pushed into the SQL.
 *
 * `partitionColumn`/`lowerBound`/`upperBound`/`numPartitions` split the read into Spark's
 * range predicates; with no cluster to run them in parallel, Pijar reads the ranges one
 * after another on one connection (same rows, same order of partitions as Spark's tasks).
 */
import { StructField, StructType } from "../../types/data-types.js";
import * as T from "../../types/data-types.js";
import { parseSchema } from "../../types/ddl.js";
import { Batch } from "../../columnar/batch.js";
import type { DataSource, ScanRequest } from "../data-source.js";
import type { TaskContext } from "../../context/task-context.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { Options, OptionValue } from "../options.js";
import { parseJdbcOptions, type JdbcOptions, type PartitionOptions } from "./jdbc-options.js";
import { guard, jdbcFailure, openConnection } from "./connect.js";
import type { ColumnMeta, JdbcDialect } from "./dialects/dialect.js";
import { baseQuery } from "./base-query.js";
import { singleStatement } from "./single-statement.js";
import { readConverter } from "./values.js";
import { describeTarget } from "./url.js";
import { filtersToSql } from "./filter-sql.js";

/** What the async reader needs of a session: its time zone (a SparkSession has this shape). */
export interface JdbcSession {
  readonly conf: { str(key: string): string };
}

/** Opens a jdbc DataSource (connects once to learn the schema). */
export async function jdbcSource(session: JdbcSession, options: Options | Record<string, OptionValue>): Promise<DataSource> {
  const o = checkReadOptions(options);
  const conn = await openConnection(o);
  const base = baseQuery(o, conn.dialect);
  let columns: ColumnMeta[];
  try {
    columns = await guard(o, `read the columns of ${o.table ?? "the query"}`, () => conn.describe(base), conn);
  } finally {
    await conn.close();
  }
  return sourceFromColumns(o, columns, conn.dialect, session.conf.str("spark.sql.session.timeZone"));
}

/** Parses the options of a read; 'dbtable' or 'query' is required. */
export function checkReadOptions(options: Options | Record<string, OptionValue>): JdbcOptions {
  const o = parseJdbcOptions(options);
  if (o.table === null && o.query === null) {
    throw new PijarError("JDBC_MISSING_OPTION", { option: "dbtable" }, {
      message: "Option 'dbtable' or 'query' is required for jdbc reads, e.g. .option(\"dbtable\", \"sales\").",
      exceptionType: "IllegalArgumentException",
    });
  }
  // Raw SQL must be one statement: checked before any connection is made.
  if (o.query !== null) singleStatement(o.query, "query");
  else if (o.table!.trim().startsWith("(")) singleStatement(o.table!.trim(), "dbtable");
  return o;
}

/** The DataSource once the relation's columns are known. */
export function sourceFromColumns(o: JdbcOptions, columns: readonly ColumnMeta[], d: JdbcDialect, timeZone: string): DataSource {
  let schema = new StructType(columns.map((c) => new StructField(c.name, d.sparkType(c, o.preferTimestampNTZ), c.nullable)));
  if (o.customSchema) schema = applyCustomSchema(schema, o.customSchema);
  return new JdbcSource(o, schema, baseQuery(o, d), timeZone);
}

/** Spark's customSchema: listed columns get the given types, the others keep theirs. */
function applyCustomSchema(schema: StructType, ddl: string): StructType {
  const custom = parseSchema(ddl);
  for (const f of custom.fields) {
    if (!schema.field(f.name)) {
      throw new PijarError("FAILED_JDBC.UNCLASSIFIED", { url: "", message: "" }, {
        message: `customSchema names column ${f.name}, which the table does not have. Its columns: ${schema.names.join(", ")}.`,
      });
    }
  }
  return new StructType(schema.fields.map((f) => {
    const c = custom.field(f.name);
    return c ? new StructField(f.name, c.dataType, f.nullable) : f;
  }));
}

class JdbcSource implements DataSource {
  readonly format = "jdbc";
  readonly description: string;

  constructor(private readonly o: JdbcOptions, readonly schema: StructType, private readonly base: string, private readonly timeZone: string) {
    const what = o.table !== null ? `table=${o.table}` : `query=${o.query!.replace(/\s+/g, " ").slice(0, 80)}`;
    this.description = `jdbc ${describeTarget(o.target)} ${what}`;
  }

  async *scan(req: ScanRequest, job: TaskContext): AsyncIterable<Batch> {
    const o = this.o;
    const conn = await openConnection(o);
    const d = conn.dialect;
    const fields = req.columns.map((c) => this.schema.field(c)!);
    const outSchema = new StructType(fields);
    // PostgreSQL stores `timestamp` as wall-clock time: read it in the session zone, as Spark.
    const naiveZone = d.name === "postgresql" ? req.ctx.timeZone || this.timeZone : "UTC";
    const conv = fields.map((f) => readConverter(f.dataType, naiveZone, f.name));
    const select = fields.length ? fields.map((f) => d.selectColumn?.(d.quoteIdentifier(f.name), f.dataType) ?? d.quoteIdentifier(f.name)).join(", ") : "1";
    const wheres = o.partition ? partitionPredicates(o.partition, d, this.schema) : [null];
    const pushed = filtersToSql(req.filters, this.schema, d);
    let remaining = req.limit ?? Infinity;
    const inTx = d.name === "postgresql";
    try {
      if (inTx) await guard(o, "begin the read", () => conn.begin(isolationSql(o.isolationLevel)));
      for (const where of wheres) {
        if (remaining <= 0) break;
        let sql = `SELECT ${select} FROM (${this.base}) pijar_scan`;
        const conds = [where, pushed].filter((c): c is string => c !== null);
        if (conds.length) sql += ` WHERE ${conds.map((c) => `(${c})`).join(" AND ")}`;
        if (Number.isFinite(remaining)) sql += ` LIMIT ${remaining}`;
        const rows = conn.stream(sql, o.fetchSize)[Symbol.asyncIterator]();
        for (;;) {
          let next: IteratorResult<unknown[][]>;
          try {
            next = await rows.next();
          } catch (e) {
            throw jdbcFailure(o, `read ${o.table ?? "the query"}`, e);
          }
          if (next.done) break;
          job.checkCancelled();
          let chunk = next.value;
          if (chunk.length > remaining) chunk = chunk.slice(0, remaining);
          remaining -= chunk.length;
          const cols = conv.map((c, i) => {
            const out = new Array<unknown>(chunk.length);
            for (let r = 0; r < chunk.length; r++) out[r] = c(chunk[r]![i]);
            return out;
          });
          job.reportRead(chunk.length, 0);
          yield Batch.fromValues(outSchema, cols, chunk.length);
          if (remaining <= 0) {
            await rows.return?.();
            break;
          }
        }
      }
      if (inTx) await conn.commit().catch(() => undefined);
    } finally {
      await conn.close();
    }
  }
}

function isolationSql(level: string): string | undefined {
  return level === "NONE" ? undefined : level.replace("_", " ");
}

/**
 * Spark's JDBCRelation.columnPartition: numPartitions ranges of equal stride between the
 * bounds; the first also takes NULLs and everything below, the last everything above.
 */
export function partitionPredicates(p: PartitionOptions, d: JdbcDialect, schema: StructType): (string | null)[] {
  const field = schema.field(p.column);
  if (!field) {
    throw new PijarError("FAILED_JDBC.UNCLASSIFIED", { url: "", message: "" }, {
      message: `partitionColumn ${p.column} is not a column of the table. Its columns: ${schema.names.join(", ")}.`,
    });
  }
  const t = field.dataType;
  const isDate = t instanceof T.DateType;
  const isTs = t instanceof T.TimestampType || t instanceof T.TimestampNTZType;
  const numeric = t instanceof T.ByteType || t instanceof T.ShortType || t instanceof T.IntegerType || t instanceof T.LongType || t instanceof T.DecimalType;
  if (!numeric && !isDate && !isTs) {
    throw new PijarError("FAILED_JDBC.UNCLASSIFIED", { url: "", message: "" }, {
      message: `Partition column type should be numeric, date, or timestamp, but ${t.simpleString()} found (partitionColumn ${p.column}).`,
    });
  }
  const toNum = (s: string): number => (isDate ? Date.parse(s.trim() + "T00:00:00Z") / 86_400_000 : isTs ? Date.parse(s.trim().replace(" ", "T") + (/[zZ+]/.test(s) ? "" : "Z")) : Number(s));
  const fromNum = (v: number): string => (isDate ? `'${new Date(v * 86_400_000).toISOString().slice(0, 10)}'` : isTs ? `'${new Date(v).toISOString().replace("T", " ").replace("Z", "")}'` : String(v));
  const lower = toNum(p.lowerBound);
  const upper = toNum(p.upperBound);
  if (!Number.isFinite(lower) || !Number.isFinite(upper) || lower > upper) {
    throw new PijarError("FAILED_JDBC.UNCLASSIFIED", { url: "", message: "" }, {
      message: `Operation not allowed: the lower bound of partitioning column is larger than the upper bound (or not a valid value). Lower bound: ${p.lowerBound}; Upper bound: ${p.upperBound}.`,
    });
  }
  const n = Math.max(1, Math.min(p.numPartitions, Math.max(1, upper - lower)));
  if (n === 1) return [null];
  const stride = Math.floor(upper / n - lower / n);
  const col = d.quoteIdentifier(field.name);
  const out: string[] = [];
  let current = lower;
  for (let i = 0; i < n; i++) {
    const lo = i === 0 ? null : `${col} >= ${fromNum(current)}`;
    current += stride;
    const hi = i === n - 1 ? null : `${col} < ${fromNum(current)}`;
    out.push(lo === null ? `${hi} OR ${col} IS NULL` : hi === null ? lo : `${lo} AND ${hi}`);
  }
  return out;
}
