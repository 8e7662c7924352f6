/**
 * DataFrame: a lazy, immutable query, as PySpark's. Transformations return a new DataFrame
 * at once and resolve column names on the spot (a misspelt column fails on that line);
 * actions (show, collect, count, take, first, head, toArrow, write...) return Promises.
 *
 * @example
 * const out = sales.filter(F.col("quantity").gt(5))
 *   .groupBy("city").agg(F.sum("total").alias("revenue"));
 * await out.show();
 */
import * as A from "apache-arrow";
import type { Expr } from "../plan/expr/expr.js";
import { literal, unresolvedAttr, splitName } from "../plan/expr/expr.js";
import type { LogicalPlan } from "../plan/logical/plan.js";
import * as B from "../plan/builder/index.js";
import { Column, type ColumnOrName } from "./column.js";
import type { SparkSession } from "./session.js";
import { StructField, StructType } from "../types/data-types.js";
import { treeString } from "../display/text/tree-string.js";
import { showString } from "../display/text/show-string.js";
import { cellText } from "../display/text/cell-text.js";
import { logicalTree, physicalTree } from "../execution/explain.js";
import { optimize } from "../optimizer/optimizer.js";
import { planPhysical } from "../physical/planner.js";
import { runPlan } from "../execution/execute.js";
import type { PlanProfile } from "../execution/profile.js";
import { analyzedPlanText } from "../execution/explain-analyze.js";
import { PlanDiagram } from "../display/plan/plan-diagram.js";
import type { Batch } from "../columnar/batch.js";
import type { Job } from "../execution/jobs.js";
import { makeRow, toJsValue, type Row } from "./row.js";
import { PijarError } from "../errors/pijar-error.js";
import { lookup, unresolvedColumn } from "../analyzer/scope.js";
import { GroupedData } from "./grouped-data.js";
import { DataFrameNaFunctions } from "./na-functions.js";
import { describeFrame, summaryFrame } from "./describe.js";
import { parseSelectItem } from "./sql-front-end.js";
import { stringType } from "../types/data-types.js";
import { toArrowSchema } from "../types/arrow-types.js";
import { dataFrameDisplay } from "./display-bundle.js";
import { DataGrid, type GridOptions } from "./data-grid.js";
import { extensions } from "./extensions.js";
import type { DataFrameWriter } from "./writer.js";

export interface ShowOptions {
  n?: number;
  truncate?: boolean | number;
  vertical?: boolean;
}

type Cols = (ColumnOrName | readonly ColumnOrName[])[];

function flatCols(cols: Cols): ColumnOrName[] {
  return cols.flatMap((c) => (Array.isArray(c) ? (c as ColumnOrName[]) : [c as ColumnOrName]));
}

export class DataFrame {
  /** @internal */
  readonly plan: LogicalPlan;
  /** @internal */
  readonly sparkSession: SparkSession;
  /**
   * @internal The measured plan of this DataFrame's last action, for explain("analyze") and
   * planDiagram(). The one mutable field: it records what happened, the plan stays immutable.
   */
  _lastProfile: PlanProfile | undefined;

  /** @internal DataFrames come from a SparkSession, a reader or another DataFrame. */
  constructor(session: SparkSession, plan: LogicalPlan) {
    this.sparkSession = session;
    this.plan = plan;
  }

  private next(plan: LogicalPlan): DataFrame {
    return new DataFrame(this.sparkSession, plan);
  }

  private get ctx(): B.BuildContext {
    return this.sparkSession._buildContext();
  }

  // ---------------------------------------------------------------- schema (no job needed)

  /** The schema as a StructType. */
  get schema(): StructType {
    return new StructType(this.plan.output.map((a) => new StructField(a.name, a.dataType, a.nullable)));
  }

  /** Column names, in order. */
  get columns(): string[] {
    return this.plan.output.map((a) => a.name);
  }

  /** `[name, simpleString type]` pairs, e.g. `["id", "bigint"]`. */
  get dtypes(): [string, string][] {
    return this.plan.output.map((a) => [a.name, a.dataType.simpleString()]);
  }

  /** Prints the schema as a tree (as PySpark's printSchema). */
  printSchema(level?: number): void {
    process.stdout.write(this.schemaString(level) + "\n");
  }

  /** The printSchema() text. */
  schemaString(level?: number): string {
    return treeString(this.schema, level ?? Infinity);
  }

  /**
   * Prints the plan: `explain()` the physical plan; `explain(true)` or `explain("extended")`
   * the analyzed and optimized logical plans too; `explain("formatted")` with output columns.
   * `explain("analyze")` (Pijar's own mode) prints the plan that this DataFrame's last action
   * ran, with rows, batches and time per operator; `planDiagram()` draws the same plan.
   */
  explain(extended?: boolean | string, mode?: string): void {
    process.stdout.write(this.explainString(extended, mode) + "\n");
  }

  /** The explain() text. */
  explainString(extended?: boolean | string, mode?: string): string {
    const m = typeof extended === "string" ? extended : mode ?? (extended ? "extended" : "simple");
    if (m === "analyze") return analyzedPlanText(this.lastProfile('explain("analyze")'));
    const valid = ["simple", "extended", "codegen", "cost", "formatted"];
    if (!valid.includes(m)) {
      throw new PijarError("INVALID_ARGUMENT", { message: `Unknown explain mode: ${m}. Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.` }, { exceptionType: "PySparkValueError" });
    }
    const settings = this.sparkSession._executionSettings();
    const optimized = optimize(this.plan, settings.fn, settings.excludedRules);
    const physical = planPhysical(optimized);
    let s = "";
    if (m === "extended") {
      s += "== Analyzed Logical Plan ==\n" + logicalTree(this.plan) + "\n";
      s += "== Optimized Logical Plan ==\n" + logicalTree(optimized) + "\n";
    }
    s += "== Physical Plan ==\n" + physicalTree(physical, m === "formatted");
    return s;
  }

  /**
   * The plan of this DataFrame's last action as a diagram: a tree of operators with rows,
   * batches and time, pipeline breakers marked. In a notebook it shows as an SVG image (also on
   * GitHub); `.svg` is the SVG text, `.text` the explain("analyze") text.
   */
  planDiagram(): PlanDiagram {
    return new PlanDiagram(this.lastProfile("planDiagram()"));
  }

  private lastProfile(what: string): PlanProfile {
    if (this._lastProfile) return this._lastProfile;
    throw new PijarError("INVALID_ARGUMENT", {
      message: `${what} shows the plan that this DataFrame's last action ran, and no action has run on it yet. Run one first (for example await df.show() or await df.collect()), then call ${what} on the same DataFrame.`,
    }, { exceptionType: "PySparkValueError" });
  }

  // ---------------------------------------------------------------- transformations

  /** Projects columns or expressions: names, Columns, `"*"`. */
  select(...cols: Cols): DataFrame {
    const exprs = flatCols(cols).map((c) => Column.of(c).expr);
    return this.next(B.buildProject(this.plan, exprs, this.ctx));
  }

  /** select() with SQL expressions: `selectExpr("unit_price * quantity AS gross")`. */
  selectExpr(...exprs: (string | string[])[]): DataFrame {
    const items = exprs.flat().map((e) => parseSelectItem(e, this.sparkSession));
    return this.next(B.buildProject(this.plan, items, this.ctx));
  }

  /** Keeps rows matching a Column condition or a SQL string (`"quantity > 5"`). */
  filter(condition: Column | string): DataFrame {
    const e = typeof condition === "string" ? parseSelectItem(condition, this.sparkSession) : condition.expr;
    return this.next(B.buildFilter(this.plan, e, this.ctx));
  }

  /** Same as filter. */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** Adds or replaces one column. */
  withColumn(colName: string, col: Column): DataFrame {
    if (!(col instanceof Column)) {
      throw new PijarError("NOT_COLUMN", {}, { message: `Argument \`col\` should be a Column, got ${typeof col}: wrap values with F.lit(...).`, exceptionType: "PySparkTypeError" });
    }
    return this.next(B.buildWithColumns(this.plan, [[colName, col.expr]], this.ctx));
  }

  /** Adds or replaces several columns: `withColumns({ total: ..., tax: ... })`. */
  withColumns(colsMap: Record<string, Column> | Map<string, Column>): DataFrame {
    const entries = colsMap instanceof Map ? [...colsMap] : Object.entries(colsMap);
    return this.next(B.buildWithColumns(this.plan, entries.map(([k, c]) => [k, c.expr] as [string, Expr]), this.ctx));
  }

  /** Renames a column; a no-op if it does not exist (as PySpark). */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.next(B.buildWithColumnsRenamed(this.plan, [[existing, newName]]));
  }

  /** Renames several columns: `withColumnsRenamed({ old: "new" })`. */
  withColumnsRenamed(colsMap: Record<string, string>): DataFrame {
    return this.next(B.buildWithColumnsRenamed(this.plan, Object.entries(colsMap)));
  }

  /** Drops columns by name or Column; unknown names are ignored. */
  drop(...cols: (string | Column)[]): DataFrame {
    const names: string[] = [];
    const ids: number[] = [];
    for (const c of cols.flat()) {
      if (typeof c === "string") names.push(c);
      else {
        const e = c.expr;
        if (e.kind === "attr") ids.push(e.id);
        else if (e.kind === "unresolved_attr") names.push(e.nameParts[e.nameParts.length - 1]!);
      }
    }
    return this.next(B.buildDrop(this.plan, names, ids));
  }

  /** Renames all columns, in order. */
  toDF(...names: string[]): DataFrame {
    return this.next(B.buildToDF(this.plan, names));
  }

  /** Names this DataFrame so its columns can be qualified: `df.alias("s")` then `F.col("s.id")`. */
  alias(alias: string): DataFrame {
    return this.next(B.buildSubqueryAlias(this.plan, alias));
  }

  /** Distinct rows. */
  distinct(): DataFrame {
    return this.next(B.buildDeduplicate(this.plan, null));
  }

  /** Keeps the first row per distinct `subset` (all columns when omitted). */
  dropDuplicates(subset?: string[] | null): DataFrame {
    return this.next(B.buildDeduplicate(this.plan, subset ?? null));
  }

  drop_duplicates(subset?: string[] | null): DataFrame {
    return this.dropDuplicates(subset);
  }

  /**
   * Sorts by columns; ascending by default with nulls first. `orderBy("a", "b", { ascending: [true, false] })`.
   */
  orderBy(...cols: (ColumnOrName | ColumnOrName[] | { ascending?: boolean | boolean[] })[]): DataFrame {
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
    const orders = list.map((c, i) => {
      const col = Column.of(c);
      const asc = Array.isArray(ascending) ? ascending[i] ?? true : ascending ?? true;
      if (col.expr.kind === "sort") return col.expr;
      return asc ? col.asc().expr : col.desc().expr;
    });
    return this.next(B.buildSort(this.plan, orders, this.ctx));
  }

  /** Same as orderBy. */
  sort(...cols: (ColumnOrName | ColumnOrName[] | { ascending?: boolean | boolean[] })[]): DataFrame {
    return this.orderBy(...cols);
  }

  /** The first n rows. */
  limit(num: number): DataFrame {
    return this.next(B.buildLimit(this.plan, num));
  }

  /** Skips the first n rows. */
  offset(num: number): DataFrame {
    return this.next(B.buildOffset(this.plan, num));
  }

  /** Groups rows for aggregation: `groupBy("city").agg(F.sum("total"))`. */
  groupBy(...cols: Cols): GroupedData {
    return new GroupedData(this, flatCols(cols).map((c) => Column.of(c).expr), null);
  }

  groupby(...cols: Cols): GroupedData {
    return this.groupBy(...cols);
  }

  /** Multi-level subtotals (ROLLUP). */
  rollup(...cols: Cols): GroupedData {
    const keys = flatCols(cols).map((c) => Column.of(c).expr);
    const sets = keys.map((_, i) => keys.slice(0, keys.length - i).map((__, j) => j));
    sets.push([]);
    return new GroupedData(this, keys, sets);
  }

  /** All combinations of subtotals (CUBE). */
  cube(...cols: Cols): GroupedData {
    const keys = flatCols(cols).map((c) => Column.of(c).expr);
    const sets: number[][] = [];
    for (let mask = (1 << keys.length) - 1; mask >= 0; mask--) {
      const s: number[] = [];
      keys.forEach((_, i) => { if (mask & (1 << (keys.length - 1 - i))) s.push(i); });
      sets.push(s);
    }
    return new GroupedData(this, keys, sets);
  }

  /** Aggregates the whole DataFrame: `df.agg(F.max("age"))`. */
  agg(...exprs: (Column | Record<string, string>)[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  /**
   * Joins with another DataFrame on column name(s), a condition Column, or a list of them.
   * `how`: inner (default), left, right, full/outer, left_semi/semi, left_anti/anti, cross.
   */
  join(other: DataFrame, on?: string | string[] | Column | Column[] | null, how?: string | null): DataFrame {
    const onArg = on == null ? null : typeof on === "string" ? on : Array.isArray(on)
      ? (on.length && typeof on[0] === "string" ? (on as string[]) : (on as Column[]).map((c) => c.expr))
      : (on as Column).expr;
    const type = how ?? (on == null ? "inner" : "inner");
    return this.next(B.buildJoin(this.plan, other.plan, onArg, type, this.ctx));
  }

  /** Cartesian product. */
  crossJoin(other: DataFrame): DataFrame {
    return this.next(B.buildJoin(this.plan, other.plan, null, "cross", this.ctx));
  }

  /** Rows of both, by column position (UNION ALL). */
  union(other: DataFrame): DataFrame {
    return this.next(B.buildUnion([this.plan, other.plan]));
  }

  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }

  /** Rows of both, matching columns by name. */
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return this.next(B.buildUnionByName(this.plan, other.plan, allowMissingColumns));
  }

  /** Distinct rows present in both. */
  intersect(other: DataFrame): DataFrame {
    return this.next(B.buildSetOperation("intersect", false, this.plan, other.plan));
  }

  intersectAll(other: DataFrame): DataFrame {
    return this.next(B.buildSetOperation("intersect", true, this.plan, other.plan));
  }

  /** Distinct rows of this one not in the other (EXCEPT DISTINCT). */
  subtract(other: DataFrame): DataFrame {
    return this.next(B.buildSetOperation("except", false, this.plan, other.plan));
  }

  exceptAll(other: DataFrame): DataFrame {
    return this.next(B.buildSetOperation("except", true, this.plan, other.plan));
  }

  /** A random sample: `sample(0.1)`, `sample(false, 0.1, 42)` or `sample({ fraction, seed })`. */
  sample(a?: boolean | number | { withReplacement?: boolean; fraction: number; seed?: number }, b?: number, c?: number): DataFrame {
    let withReplacement = false;
    let fraction: number;
    let seed = Math.floor(Math.random() * 2 ** 31);
    if (typeof a === "object" && a !== null) {
      withReplacement = a.withReplacement ?? false;
      fraction = a.fraction;
      seed = a.seed ?? seed;
    } else if (typeof a === "boolean") {
      withReplacement = a;
      fraction = b!;
      seed = c ?? seed;
    } else {
      fraction = a!;
      seed = b ?? seed;
    }
    return this.next(B.buildSample(this.plan, fraction, withReplacement, seed));
  }

  /** Null handling: `df.na.fill(0)`, `df.na.drop()`. */
  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this);
  }

  /** Replaces nulls: `fillna(0)`, `fillna("n/a", ["city"])`, `fillna({ city: "n/a", qty: 0 })`. */
  fillna(value: unknown, subset?: string | string[] | null): DataFrame {
    return this.na.fill(value, subset);
  }

  /** Drops rows with nulls: `dropna()`, `dropna("all")`, `dropna({ thresh: 2, subset: [...] })`. */
  dropna(how?: "any" | "all" | { how?: "any" | "all"; thresh?: number | null; subset?: string | string[] | null }, thresh?: number | null, subset?: string | string[] | null): DataFrame {
    return this.na.drop(how, thresh, subset);
  }

  /** count, mean, stddev, min, max of numeric and string columns. */
  describe(...cols: (string | string[])[]): DataFrame {
    return describeFrame(this, cols.flat());
  }

  /** describe() plus percentiles; choose statistics with arguments (`summary("min", "25%")`). */
  summary(...statistics: string[]): DataFrame {
    return summaryFrame(this, statistics);
  }

  /** A column of this DataFrame (PySpark's `df["name"]` / `df.name`). */
  col(colName: string): Column {
    if (colName === "*") return new Column({ kind: "star", target: null });
    const hit = lookup(splitName(colName), { attrs: this.plan.output });
    if (!hit) throw unresolvedColumn(colName, { attrs: this.plan.output });
    let e: Expr = hit.attr;
    for (const f of hit.fieldPath) e = { kind: "unresolved_extract", child: e, key: literal(f, stringType) };
    return new Column(e);
  }

  /** Keeps the computed rows in memory after the first action. */
  cache(): DataFrame {
    if (this.plan.kind === "cached") return this;
    return this.next({ kind: "cached", child: this.plan, store: { batches: null }, output: this.plan.output });
  }

  /** Same as cache() (storage levels are accepted and ignored: Pijar keeps data in memory). */
  persist(_storageLevel?: unknown): DataFrame {
    return this.cache();
  }

  unpersist(_blocking = false): DataFrame {
    if (this.plan.kind === "cached") this.plan.store.batches = null;
    return this;
  }

  get isStreaming(): boolean {
    return false;
  }

  // ---------------------------------------------------------------- views

  createOrReplaceTempView(name: string): void {
    this.sparkSession.catalog._catalog.createTempView(name, this.plan, true);
  }

  createTempView(name: string): void {
    this.sparkSession.catalog._catalog.createTempView(name, this.plan, false);
  }

  createGlobalTempView(name: string): void {
    this.sparkSession.catalog._catalog.createTempView(name, this.plan, false, true);
  }

  createOrReplaceGlobalTempView(name: string): void {
    this.sparkSession.catalog._catalog.createTempView(name, this.plan, true, true);
  }

  /** Writes this DataFrame: `df.write.mode("overwrite").parquet("out/")`. */
  get write(): DataFrameWriter {
    return extensions.writer(this);
  }

  /** Charts: `df.plot.bar({ x: "city", y: "revenue" })`. */
  get plot(): ReturnType<typeof extensions.plot> {
    return extensions.plot(this);
  }

  // ---------------------------------------------------------------- actions

  /** @internal Runs the plan as a job and hands its batches to `consume`. */
  _runJob<T>(description: string, consume: (batches: AsyncIterable<Batch>, schema: StructType, job: Job) => Promise<T>): Promise<T> {
    return runPlan(this.plan, this.sparkSession._executionSettings(), description, consume, (p) => (this._lastProfile = p));
  }

  /**
   * @internal Internal values of the first rows (at most `limit`), and whether more exist. The
   * run's profile goes to `owner` (count() runs an aggregate over this DataFrame but is its action).
   */
  async _head(limit: number | null, description: string, owner: DataFrame = this): Promise<{ rows: unknown[][]; more: boolean }> {
    const plan = limit === null ? this.plan : B.buildLimit(this.plan, limit + 1);
    const rows: unknown[][] = [];
    await runPlan(plan, this.sparkSession._executionSettings(), description, async (batches) => {
      for await (const b of batches) {
        const cols = b.schema.fields.map((_, i) => b.values(i));
        for (let r = 0; r < b.numRows; r++) rows.push(cols.map((c) => c[r]));
      }
    }, (p) => (owner._lastProfile = p));
    const more = limit !== null && rows.length > limit;
    if (more) rows.length = limit!;
    return { rows, more };
  }

  /** @internal The show() text. */
  async _showString(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const t = truncate === true ? 20 : truncate === false ? 0 : Math.trunc(truncate);
    const { rows, more } = await this._head(Math.max(0, n), "show");
    const fn = this.sparkSession._functionContext();
    const types = this.plan.output.map((a) => a.dataType);
    const cells = rows.map((r) => r.map((v, i) => cellText(v, types[i]!, fn)));
    return showString(this.columns, cells, n, t, vertical, more);
  }

  /**
   * Prints the first n rows as a table: `show()`, `show(5)`, `show(5, false)`,
   * `show({ n: 5, truncate: 3, vertical: true })`.
   */
  async show(n?: number | ShowOptions, truncate?: boolean | number, vertical?: boolean): Promise<void> {
    const o: ShowOptions = typeof n === "object" && n !== null ? n : { n, truncate, vertical };
    const text = await this._showString(o.n ?? 20, o.truncate ?? true, o.vertical ?? false);
    process.stdout.write(text + "\n");
  }

  /** All rows as Row objects. */
  async collect(): Promise<Row[]> {
    const { rows } = await this._head(null, "collect");
    return this.toRows(rows);
  }

  private toRows(rows: unknown[][]): Row[] {
    const names = this.columns;
    const types = this.plan.output.map((a) => a.dataType);
    return rows.map((r) => makeRow(names, r.map((v, i) => toJsValue(v, types[i]!))));
  }

  /** Number of rows. */
  async count(): Promise<number> {
    const counted = this.groupBy().agg(new Column({ kind: "unresolved_call", name: "count", args: [], distinct: false, isStar: true }));
    const { rows } = await counted._head(null, "count", this);
    return rows[0]![0] as number;
  }

  /** The first n rows. */
  async take(num: number): Promise<Row[]> {
    const { rows } = await this._head(num, "take");
    return this.toRows(rows);
  }

  /** The first row, or null when empty. */
  async first(): Promise<Row | null> {
    const rows = await this.take(1);
    return rows[0] ?? null;
  }

  /** `head()` is the first row (or null); `head(n)` the first n rows. */
  async head(n?: number): Promise<Row | Row[] | null> {
    if (n === undefined) return this.first();
    return this.take(n);
  }

  /** The last n rows. */
  async tail(num: number): Promise<Row[]> {
    const all = await this.collect();
    return all.slice(Math.max(0, all.length - num));
  }

  /** True when there are no rows. */
  async isEmpty(): Promise<boolean> {
    const { rows } = await this._head(1, "isEmpty");
    return rows.length === 0;
  }

  /** All rows as an Arrow Table (exact: microsecond timestamps, decimals). */
  async toArrow(): Promise<A.Table> {
    const batches: A.RecordBatch[] = [];
    await this._runJob("toArrow", async (stream) => {
      for await (const b of stream) batches.push(b.toRecordBatch());
    });
    if (!batches.length) return new A.Table(toArrowSchema(this.schema));
    return new A.Table(batches);
  }

  /** Rows as plain objects (`asDict()` of each Row). */
  async toJSON(): Promise<Record<string, unknown>[]> {
    return (await this.collect()).map((r) => r.asDict(true));
  }

  /**
   * An interactive grid for the notebook: sort, filter and page through all rows, the kernel
   * sending one page at a time (a Jupyter widget; the HTML table where widgets are absent).
   * `display(df, { grid: true })` does the same.
   */
  grid(options: GridOptions = {}): DataGrid {
    return new DataGrid(this, options);
  }

  /** The Jupyter display bundle: an HTML table, the show() text and a data resource. */
  [Symbol.for("Jupyter.display")](): Promise<Record<string, unknown>> {
    return dataFrameDisplay(this);
  }

  toString(): string {
    return `DataFrame[${this.dtypes.map(([n, t]) => `${n}: ${t}`).join(", ")}]`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

export { unresolvedAttr };
