/**
 * A DataFrame of a Spark Connect session. It wraps an unresolved Connect `Relation`: every
 * transformation adds a relation node around its input, with the Columns' unresolved
 * expressions lowered to Connect expressions (expressions.ts). Names and types are resolved by
 * the server (AnalyzePlan, asked synchronously and cached, so `schema`/`columns` stay sync);
 * actions run ExecutePlan and decode the Arrow batches with Pijar's reader, so the JS values
 * are the same as local mode's. `show()`, `printSchema()` and `explain()` print the server's
 * own text.
 *
 * Local-only DataFrame methods that have no remote form yet are replaced, at the bottom of
 * this file, by ones that fail with UNSUPPORTED_FEATURE.SPARK_CONNECT_METHOD naming the method.
 */
import * as A from "apache-arrow";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { PlanSchema } from "./gen/base_pb.js";
import { DataFrame, type ShowOptions } from "../api/dataframe.js";
import { Column, type ColumnOrName } from "../api/column.js";
import type { GroupedData } from "../api/grouped-data.js";
import type { DataFrameWriter } from "../api/writer.js";
import { makeRow, toJsValue, type Row } from "../api/row.js";
import { PijarError } from "../errors/pijar-error.js";
import { StructType } from "../types/data-types.js";
import { unresolvedAttr, type Expr } from "../plan/expr/expr.js";
import type { LogicalPlan } from "../plan/logical/plan.js";
import {
  AnalyzePlanRequest_Explain_ExplainMode as ExplainMode,
} from "./gen/base_pb.js";
import { Aggregate_GroupType as GroupType, Join_JoinType as JoinType, SetOperation_SetOpType as SetOpType } from "./gen/relations_pb.js";
import { rel, planIdOf, type Rel } from "./relation.js";
import { tagPlanId, toConnectExpr, type PbExpr } from "./expressions.js";
import { fromConnectStruct } from "./types.js";
import { collectArrow, exactLongs, isExactLong, rowsOf, type RemoteResult } from "./arrow-results.js";
import { notOnConnect } from "./unsupported.js";
import { RemoteGroupedData } from "./remote-grouped-data.js";
import { RemoteDataFrameWriter } from "./remote-writer.js";
import { RemoteNaFunctions } from "./remote-na.js";
import { remoteDisplay } from "./remote-display.js";
import { runJob } from "../execution/jobs.js";
import type { DataFrameNaFunctions } from "../api/na-functions.js";
import type { RemoteSparkSession } from "./remote-session.js";

type Cols = (ColumnOrName | readonly ColumnOrName[])[];
type SortArg = ColumnOrName | ColumnOrName[] | { ascending?: boolean | boolean[] };

function flatCols(cols: Cols): ColumnOrName[] {
  return cols.flatMap((c) => (Array.isArray(c) ? (c as ColumnOrName[]) : [c as ColumnOrName]));
}

/** Column or SQL text -> Connect expression (SQL text goes as text: Spark parses it). */
export function exprOf(c: ColumnOrName | Expr, sqlText = false): PbExpr {
  if (typeof c === "string") {
    return sqlText ? { exprType: { case: "expressionString", value: { expression: c } } } : toConnectExpr(Column.of(c).expr);
  }
  return toConnectExpr(c instanceof Column ? c.expr : c);
}

/** The local plan of a remote DataFrame: touching it is a Pijar bug or a local-only method. */
const NO_LOCAL_PLAN = new Proxy({}, {
  get(_t, key) {
    if (typeof key === "symbol") return undefined;
    throw notOnConnect("LOCAL_PLAN", "This operation needs a local plan and", "it is not available on a Spark Connect DataFrame yet.");
  },
}) as LogicalPlan;

const JOIN_TYPES: Record<string, JoinType> = {
  inner: JoinType.INNER, cross: JoinType.CROSS,
  outer: JoinType.FULL_OUTER, full: JoinType.FULL_OUTER, fullouter: JoinType.FULL_OUTER, full_outer: JoinType.FULL_OUTER,
  left: JoinType.LEFT_OUTER, leftouter: JoinType.LEFT_OUTER, left_outer: JoinType.LEFT_OUTER,
  right: JoinType.RIGHT_OUTER, rightouter: JoinType.RIGHT_OUTER, right_outer: JoinType.RIGHT_OUTER,
  semi: JoinType.LEFT_SEMI, leftsemi: JoinType.LEFT_SEMI, left_semi: JoinType.LEFT_SEMI,
  anti: JoinType.LEFT_ANTI, leftanti: JoinType.LEFT_ANTI, left_anti: JoinType.LEFT_ANTI,
};

export class RemoteDataFrame extends DataFrame {
  /** @internal The unresolved Connect relation this DataFrame stands for. */
  readonly relation: Rel;
  /** @internal */
  readonly remote: RemoteSparkSession;
  private cachedSchema: StructType | null = null;

  /** @internal */
  constructor(session: RemoteSparkSession, relation: Rel) {
    super(session, NO_LOCAL_PLAN);
    this.remote = session;
    this.relation = relation;
  }

  private wrap(relType: Rel["relType"]): RemoteDataFrame {
    return new RemoteDataFrame(this.remote, rel(relType!));
  }

  private static other(df: DataFrame, method: string): RemoteDataFrame {
    if (!(df instanceof RemoteDataFrame)) {
      throw notOnConnect("MIXED_SESSIONS", `${method}() of a Spark Connect DataFrame with a local one`, "create both DataFrames from the same Spark Connect session.");
    }
    return df;
  }

  private get client() {
    return this.remote.client;
  }

  // ---------------------------------------------------------------- schema (AnalyzePlan, sync)

  override get schema(): StructType {
    if (!this.cachedSchema) {
      const r = this.client.analyzeSync({ case: "schema", value: { plan: this.plan_() } }, "Resolving the DataFrame's schema");
      if (r.result.case !== "schema") throw new PijarError("INTERNAL_ERROR", { message: "AnalyzePlan returned no schema" });
      this.cachedSchema = fromConnectStruct(r.result.value.schema!);
    }
    return this.cachedSchema;
  }

  override get columns(): string[] {
    return this.schema.fields.map((f) => f.name);
  }

  override get dtypes(): [string, string][] {
    return this.schema.fields.map((f) => [f.name, f.dataType.simpleString()]);
  }

  /** The server's printSchema() text. */
  override schemaString(level?: number): string {
    const r = this.client.analyzeSync({ case: "treeString", value: { plan: this.plan_(), level } }, "printSchema()");
    // As the local text, the server's ends with a newline (printSchema() then prints a blank line, as PySpark).
    return r.result.case === "treeString" ? r.result.value.treeString : "";
  }

  /** The server's explain() text. */
  override explainString(extended?: boolean | string, mode?: string): string {
    const m = typeof extended === "string" ? extended : mode ?? (extended ? "extended" : "simple");
    if (m === "analyze") throw analyzeNotRemote('explain("analyze")');
    const modes: Record<string, ExplainMode> = {
      simple: ExplainMode.SIMPLE, extended: ExplainMode.EXTENDED, codegen: ExplainMode.CODEGEN, cost: ExplainMode.COST, formatted: ExplainMode.FORMATTED,
    };
    if (!(m in modes)) {
      throw new PijarError("INVALID_ARGUMENT", { message: `Unknown explain mode: ${m}. Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.` }, { exceptionType: "PySparkValueError" });
    }
    const r = this.client.analyzeSync({ case: "explain", value: { plan: this.plan_(), explainMode: modes[m] } }, "explain()");
    return r.result.case === "explain" ? r.result.value.explainString.replace(/\n$/, "") : "";
  }

  /** Pijar measures only its own engine; the cluster's metrics are in the Spark UI. */
  override planDiagram(): never {
    throw analyzeNotRemote("planDiagram()");
  }

  /** @internal */
  plan_(): MessageInitShape<typeof PlanSchema> {
    return { opType: { case: "root" as const, value: this.relation } };
  }

  // ---------------------------------------------------------------- transformations

  override select(...cols: Cols): DataFrame {
    return this.wrap({ case: "project", value: { input: this.relation, expressions: flatCols(cols).map((c) => exprOf(c)) } });
  }

  override selectExpr(...exprs: (string | string[])[]): DataFrame {
    return this.wrap({ case: "project", value: { input: this.relation, expressions: exprs.flat().map((e) => exprOf(e, true)) } });
  }

  override filter(condition: Column | string): DataFrame {
    return this.wrap({ case: "filter", value: { input: this.relation, condition: exprOf(condition, true) } });
  }

  override where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  override withColumn(colName: string, col: Column): DataFrame {
    if (!(col instanceof Column)) {
      throw new PijarError("NOT_COLUMN", {}, { message: `Argument \`col\` should be a Column, got ${typeof col}: wrap values with F.lit(...).`, exceptionType: "PySparkTypeError" });
    }
    return this.withColumns({ [colName]: col });
  }

  override withColumns(colsMap: Record<string, Column> | Map<string, Column>): DataFrame {
    const entries = colsMap instanceof Map ? [...colsMap] : Object.entries(colsMap);
    return this.wrap({
      case: "withColumns",
      value: { input: this.relation, aliases: entries.map(([name, c]) => ({ expr: toConnectExpr(c.expr), name: [name] })) },
    });
  }

  override withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [existing]: newName });
  }

  override withColumnsRenamed(colsMap: Record<string, string>): DataFrame {
    const renames = Object.entries(colsMap).map(([colName, newColName]) => ({ colName, newColName }));
    return this.wrap({ case: "withColumnsRenamed", value: { input: this.relation, renames } });
  }

  override drop(...cols: (string | Column)[]): DataFrame {
    const flat = cols.flat();
    return this.wrap({
      case: "drop",
      value: {
        input: this.relation,
        columnNames: flat.filter((c): c is string => typeof c === "string"),
        columns: flat.filter((c): c is Column => c instanceof Column).map((c) => toConnectExpr(c.expr)),
      },
    });
  }

  override toDF(...names: string[]): DataFrame {
    return this.wrap({ case: "toDf", value: { input: this.relation, columnNames: names } });
  }

  override alias(alias: string): DataFrame {
    return this.wrap({ case: "subqueryAlias", value: { input: this.relation, alias } });
  }

  override distinct(): DataFrame {
    return this.wrap({ case: "deduplicate", value: { input: this.relation, allColumnsAsKeys: true } });
  }

  override dropDuplicates(subset?: string[] | null): DataFrame {
    if (!subset) return this.distinct();
    return this.wrap({ case: "deduplicate", value: { input: this.relation, columnNames: subset } });
  }

  override drop_duplicates(subset?: string[] | null): DataFrame {
    return this.dropDuplicates(subset);
  }

  override orderBy(...cols: SortArg[]): DataFrame {
    let ascending: boolean | boolean[] | undefined;
    const last = cols[cols.length - 1];
    if (last && typeof last === "object" && !(last instanceof Column) && !Array.isArray(last)) {
      ascending = (last as { ascending?: boolean | boolean[] }).ascending;
      cols = cols.slice(0, -1);
    }
    const list = flatCols(cols as Cols);
    if (!list.length) {
      throw new PijarError("CANNOT_BE_EMPTY", {}, { message: "At least one column must be specified for orderBy/sort.", exceptionType: "PySparkValueError" });
    }
    const order = list.map((c, i) => {
      const col = Column.of(c);
      const asc = Array.isArray(ascending) ? ascending[i] ?? true : ascending ?? true;
      const e = col.expr.kind === "sort" ? col.expr : (asc ? col.asc() : col.desc()).expr;
      const pb = toConnectExpr(e);
      return pb.exprType!.case === "sortOrder" ? pb.exprType!.value : {};
    });
    return this.wrap({ case: "sort", value: { input: this.relation, order, isGlobal: true } });
  }

  override sort(...cols: SortArg[]): DataFrame {
    return this.orderBy(...cols);
  }

  override limit(num: number): DataFrame {
    return this.wrap({ case: "limit", value: { input: this.relation, limit: num } });
  }

  override offset(num: number): DataFrame {
    return this.wrap({ case: "offset", value: { input: this.relation, offset: num } });
  }

  override groupBy(...cols: Cols): GroupedData {
    return new RemoteGroupedData(this, flatCols(cols).map((c) => exprOf(c))) as unknown as GroupedData;
  }

  /** Multi-level subtotals (ROLLUP), resolved by the server. */
  override rollup(...cols: Cols): GroupedData {
    return new RemoteGroupedData(this, flatCols(cols).map((c) => exprOf(c)), GroupType.ROLLUP) as unknown as GroupedData;
  }

  /** All combinations of subtotals (CUBE), resolved by the server. */
  override cube(...cols: Cols): GroupedData {
    return new RemoteGroupedData(this, flatCols(cols).map((c) => exprOf(c)), GroupType.CUBE) as unknown as GroupedData;
  }

  /** Persists on the server (AnalyzePlan Persist, storage level MEMORY_AND_DISK as Spark's default). */
  override cache(): DataFrame {
    this.client.analyzeSync({ case: "persist", value: { relation: this.relation } }, "cache()");
    return this;
  }

  override persist(_storageLevel?: unknown): DataFrame {
    if (_storageLevel !== undefined) throw notOnConnect("STORAGE_LEVEL", "persist(storageLevel)", "use persist() or cache() (Spark's default level).");
    return this.cache();
  }

  override unpersist(blocking = false): DataFrame {
    this.client.analyzeSync({ case: "unpersist", value: { relation: this.relation, blocking } }, "unpersist()");
    return this;
  }

  override groupby(...cols: Cols): GroupedData {
    return this.groupBy(...cols);
  }

  override agg(...exprs: (Column | Record<string, string>)[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  override join(other: DataFrame, on?: string | string[] | Column | Column[] | null, how?: string | null): DataFrame {
    const right = RemoteDataFrame.other(other, "join");
    const key = (how ?? "inner").toLowerCase();
    const joinType = JOIN_TYPES[key];
    if (joinType === undefined) {
      throw new PijarError("UNSUPPORTED_JOIN_TYPE", { typ: key }, { message: `Unsupported join type '${key}'. Supported join types include: inner, outer, full, fullouter, full_outer, left, leftouter, left_outer, right, rightouter, right_outer, semi, leftsemi, left_semi, anti, leftanti, left_anti, cross.`, exceptionType: "AnalysisException" });
    }
    let usingColumns: string[] = [];
    let joinCondition: PbExpr | undefined;
    if (typeof on === "string") usingColumns = [on];
    else if (Array.isArray(on) && on.length && typeof on[0] === "string") usingColumns = on as string[];
    else if (Array.isArray(on) && on.length) joinCondition = toConnectExpr((on as Column[]).reduce((a, b) => a.and(b)).expr);
    else if (on instanceof Column) joinCondition = toConnectExpr(on.expr);
    return this.wrap({ case: "join", value: { left: this.relation, right: right.relation, joinType, usingColumns, joinCondition } });
  }

  override crossJoin(other: DataFrame): DataFrame {
    return this.join(other, null, "cross");
  }

  private setOp(other: DataFrame, type: SetOpType, isAll: boolean, method: string, byName = false, allowMissingColumns = false): DataFrame {
    const right = RemoteDataFrame.other(other, method);
    return this.wrap({
      case: "setOp",
      value: { leftInput: this.relation, rightInput: right.relation, setOpType: type, isAll, byName, allowMissingColumns },
    });
  }

  override union(other: DataFrame): DataFrame { return this.setOp(other, SetOpType.UNION, true, "union"); }
  override unionAll(other: DataFrame): DataFrame { return this.setOp(other, SetOpType.UNION, true, "unionAll"); }
  override unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return this.setOp(other, SetOpType.UNION, true, "unionByName", true, allowMissingColumns);
  }
  override intersect(other: DataFrame): DataFrame { return this.setOp(other, SetOpType.INTERSECT, false, "intersect"); }
  override intersectAll(other: DataFrame): DataFrame { return this.setOp(other, SetOpType.INTERSECT, true, "intersectAll"); }
  override subtract(other: DataFrame): DataFrame { return this.setOp(other, SetOpType.EXCEPT, false, "subtract"); }
  override exceptAll(other: DataFrame): DataFrame { return this.setOp(other, SetOpType.EXCEPT, true, "exceptAll"); }

  /** A column of this DataFrame: the server resolves it against this very relation (plan id). */
  override col(colName: string): Column {
    if (colName === "*") return new Column(tagPlanId({ kind: "star", target: null }, planIdOf(this.relation)));
    return new Column(tagPlanId(unresolvedAttr(colName), planIdOf(this.relation)));
  }

  override createOrReplaceTempView(name: string): void { this.createView(name, true, false); }
  override createTempView(name: string): void { this.createView(name, false, false); }
  override createGlobalTempView(name: string): void { this.createView(name, false, true); }
  override createOrReplaceGlobalTempView(name: string): void { this.createView(name, true, true); }

  private createView(name: string, replace: boolean, isGlobal: boolean): void {
    this.client.executeSync({
      opType: { case: "command", value: { commandType: { case: "createDataframeView", value: { input: this.relation, name, replace, isGlobal } } } },
    }, "Creating a temp view");
  }

  override get na(): DataFrameNaFunctions {
    return new RemoteNaFunctions(this) as unknown as DataFrameNaFunctions;
  }

  override fillna(value: unknown, subset?: string | string[] | null): DataFrame {
    return this.na.fill(value, subset);
  }

  override dropna(how?: "any" | "all" | { how?: "any" | "all"; thresh?: number | null; subset?: string | string[] | null }, thresh?: number | null, subset?: string | string[] | null): DataFrame {
    return this.na.drop(how, thresh, subset);
  }

  /** count, mean, stddev, min, max, computed by the server (StatDescribe). */
  override describe(...cols: (string | string[])[]): DataFrame {
    return this.wrap({ case: "describe", value: { input: this.relation, cols: cols.flat() } });
  }

  /** describe() plus percentiles, by the server (StatSummary). */
  override summary(...statistics: string[]): DataFrame {
    return this.wrap({ case: "summary", value: { input: this.relation, statistics } });
  }

  override get write(): DataFrameWriter {
    return new RemoteDataFrameWriter(this) as unknown as DataFrameWriter;
  }

  // ---------------------------------------------------------------- actions (ExecutePlan)

  /** @internal Runs a relation and decodes its Arrow batches. */
  async _execute(relation: Rel, what: string): Promise<RemoteResult> {
    return runJob(what, (job) => collectArrow(this.client.execute({ opType: { case: "root", value: relation } }, what, job)));
  }

  /**
   * Rows for collect(), built column by column: each column is converted to JS values in one
   * pass, with no intermediate array per row. Measured in one process on 100k rows x 3 columns
   * (bench/connect): 10-20% less client time than converting row by row; the rows themselves
   * come from one shape (makeRow caches it per names array).
   */
  private remoteRows(result: RemoteResult): Row[] {
    const names = result.schema.fields.map((f) => f.name);
    const types = result.schema.fields.map((f) => f.dataType);
    const rows: Row[] = [];
    const values = new Array<unknown>(types.length); // makeRow copies it, so one buffer serves every row
    for (const b of result.batches) {
      const cols = types.map((t, i) => exactLongs(b, i).map((v) => (isExactLong(v, t) ? v : toJsValue(v, t))));
      for (let r = 0; r < b.numRows; r++) {
        for (let c = 0; c < cols.length; c++) values[c] = cols[c]![r];
        rows.push(makeRow(names, values));
      }
    }
    return rows;
  }

  /** @internal Internal values of the first rows (at most `limit`), and whether more exist. */
  override async _head(limit: number | null, description: string): Promise<{ rows: unknown[][]; more: boolean }> {
    const r = limit === null ? this.relation : rel({ case: "limit", value: { input: this.relation, limit: limit + 1 } });
    const rows = rowsOf(await this._execute(r, description));
    const more = limit !== null && rows.length > limit;
    if (more) rows.length = limit!;
    return { rows, more };
  }

  override async collect(): Promise<Row[]> {
    return this.remoteRows(await this._execute(this.relation, "collect()"));
  }

  override async take(num: number): Promise<Row[]> {
    return (this.limit(num) as RemoteDataFrame).collect();
  }

  override async first(): Promise<Row | null> {
    return (await this.take(1))[0] ?? null;
  }

  override async head(n?: number): Promise<Row | Row[] | null> {
    return n === undefined ? this.first() : this.take(n);
  }

  override async tail(num: number): Promise<Row[]> {
    return this.remoteRows(await this._execute(rel({ case: "tail", value: { input: this.relation, limit: num } }), "tail()"));
  }

  override async isEmpty(): Promise<boolean> {
    return (await this.take(1)).length === 0;
  }

  override async count(): Promise<number> {
    const counted = this.groupBy().count() as RemoteDataFrame;
    const rows = rowsOf(await this._execute(counted.relation, "count()"));
    return Number(rows[0]![0]);
  }

  /** The show() text, rendered by the server (Spark's own ShowString). */
  override async _showString(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const t = truncate === true ? 20 : truncate === false ? 0 : Math.trunc(truncate);
    const r = await this._execute(rel({ case: "showString", value: { input: this.relation, numRows: n, truncate: t, vertical } }), "show()");
    return String(rowsOf(r)[0]?.[0] ?? "");
  }

  override async show(n?: number | ShowOptions, truncate?: boolean | number, vertical?: boolean): Promise<void> {
    const o: ShowOptions = typeof n === "object" && n !== null ? n : { n, truncate, vertical };
    process.stdout.write((await this._showString(o.n ?? 20, o.truncate ?? true, o.vertical ?? false)) + "\n");
  }

  /** All rows as an Arrow Table, as the server sent them. */
  override async toArrow(): Promise<A.Table> {
    const r = await this._execute(this.relation, "toArrow()");
    if (!r.recordBatches.length) return new A.Table(r.arrowSchema ?? new A.Schema([]));
    return new A.Table(r.recordBatches);
  }

  override async toJSON(): Promise<Record<string, unknown>[]> {
    return (await this.collect()).map((r) => r.asDict(true));
  }

  override toString(): string {
    return `DataFrame[${this.dtypes.map(([n, t]) => `${n}: ${t}`).join(", ")}]`;
  }
}

/**
 * explain("analyze") and planDiagram() show Pijar's own per-operator metrics; a remote
 * DataFrame runs on the Spark cluster, which keeps its metrics in the Spark UI instead.
 */
function analyzeNotRemote(feature: string): PijarError {
  return notOnConnect("METHOD", feature, "the query runs on the Spark cluster, so Pijar has no per-operator metrics for it. Spark shows them in its web UI (SQL / DataFrame tab, on the driver's port 4040 by default); explain(\"formatted\") prints the server's plan. To see Pijar's measured plan, run the DataFrame on a local session.");
}

// The notebook display (the kernel calls this symbol): rows, types and show() text from the server.
Object.defineProperty(RemoteDataFrame.prototype, Symbol.for("Jupyter.display"), {
  value(this: RemoteDataFrame) { return remoteDisplay(this); },
  configurable: true,
  writable: true,
});

// Methods of the local DataFrame with no remote form yet fail with a clear error naming them.
const KEEP = new Set(["printSchema", "explain", "plot", "isStreaming", "grid"]);
const remoteProto = RemoteDataFrame.prototype as unknown as Record<string, unknown>;
for (const name of Object.getOwnPropertyNames(DataFrame.prototype)) {
  if (name === "constructor" || Object.prototype.hasOwnProperty.call(remoteProto, name)) continue;
  const desc = Object.getOwnPropertyDescriptor(DataFrame.prototype, name)!;
  // These only call members the remote class overrides, so the local definition serves both.
  if (KEEP.has(name)) continue;
  if (typeof desc.value === "function" || desc.get) {
    const fail = () => { throw notOnConnect("METHOD", `DataFrame.${name}`, "it is not available on a Spark Connect DataFrame yet; run it on a local session."); };
    Object.defineProperty(remoteProto, name, desc.get ? { get: fail, configurable: true } : { value: fail, configurable: true, writable: true });
  }
}
