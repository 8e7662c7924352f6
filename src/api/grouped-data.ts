/**
 * GroupedData: what groupBy() returns. `agg` takes Columns, SQL strings, or a
 * `{ column: "function" }` map; count/sum/avg/mean/min/max are shortcuts, as PySpark.
 */
import type { Expr } from "../plan/expr/expr.js";
import { call, unresolvedAttr, alias } from "../plan/expr/expr.js";
import { Column } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import * as B from "../plan/builder/index.js";
import { parseSelectItem } from "./sql-front-end.js";
import { PijarError } from "../errors/pijar-error.js";
import { isNumeric } from "../types/type-utils.js";
import { exprName } from "../plan/expr/sql-text.js";
import { pivotCell } from "../plan/builder/pivot-cell.js";

export class GroupedData {
  /** @internal */
  constructor(private readonly df: DataFrame, private readonly keys: readonly Expr[], private readonly sets: readonly (readonly number[])[] | null) {}

  /** Aggregates: `agg(F.sum("total").alias("revenue"), F.count("*"))` or `agg({ total: "sum" })`. */
  agg(...exprs: (Column | string | Record<string, string>)[]): DataFrame {
    const aggs: Expr[] = [];
    for (const e of exprs) {
      if (e instanceof Column) aggs.push(e.expr);
      else if (typeof e === "string") aggs.push(parseSelectItem(e, this.df.sparkSession));
      else if (e && typeof e === "object") {
        for (const [colName, fn] of Object.entries(e)) {
          const f = fn.toLowerCase() === "mean" ? "avg" : fn;
          aggs.push(colName === "*" && f === "count"
            ? { kind: "unresolved_call", name: "count", args: [], distinct: false, isStar: true }
            : call(f, [unresolvedAttr(colName)]));
        }
      }
    }
    if (!aggs.length) {
      throw new PijarError("CANNOT_BE_EMPTY", {}, { message: "agg() needs at least one aggregate expression, e.g. F.count(\"*\").", exceptionType: "PySparkValueError" });
    }
    const ctx = this.df.sparkSession._buildContext();
    const plan = B.buildAggregate(this.df.plan, this.keys, [...this.keys, ...aggs], this.sets, ctx);
    return new (this.df.constructor as new (s: unknown, p: unknown) => DataFrame)(this.df.sparkSession, plan);
  }

  /** Rows per group, as a `count` column. */
  count(): DataFrame {
    return this.agg(new Column(alias({ kind: "unresolved_call", name: "count", args: [], distinct: false, isStar: true }, "count")));
  }

  private numeric(fn: string, cols: string[]): DataFrame {
    const names = cols.length ? cols : this.df.plan.output.filter((a) => isNumeric(a.dataType) && !this.keys.some((k) => k.kind === "unresolved_attr" && k.text === a.name)).map((a) => a.name);
    return this.agg(...names.map((n) => new Column(call(fn, [unresolvedAttr(n)]))));
  }

  sum(...cols: string[]): DataFrame { return this.numeric("sum", cols); }
  avg(...cols: string[]): DataFrame { return this.numeric("avg", cols); }
  mean(...cols: string[]): DataFrame { return this.numeric("avg", cols); }
  min(...cols: string[]): DataFrame { return this.numeric("min", cols); }
  max(...cols: string[]): DataFrame { return this.numeric("max", cols); }

  /**
   * Pivots a column's values into columns: `groupBy("year").pivot("city", ["Jakarta", "Medan"]).sum("total")`.
   * With the values given, the result is a DataFrame at once. Without them Pijar must first
   * find the distinct values (a job), so the aggregate methods return a Promise:
   * `await df.groupBy("year").pivot("city").sum("total")`.
   */
  pivot(pivotCol: string, values: unknown[]): PivotedData;
  pivot(pivotCol: string): AsyncPivotedData;
  pivot(pivotCol: string, values?: unknown[]): PivotedData | AsyncPivotedData {
    return values ? new PivotedData(this.df, this.keys, pivotCol, values) : new AsyncPivotedData(this.df, this.keys, pivotCol);
  }
}

/** groupBy(...).pivot(col, values): one output column per pivot value and aggregate. */
export class PivotedData {
  constructor(private readonly df: DataFrame, private readonly keys: readonly Expr[], private readonly pivotCol: string, private readonly values: unknown[]) {}

  agg(...exprs: Column[]): DataFrame {
    const cols: Column[] = [];
    for (const v of this.values) {
      for (const e of exprs) {
        const inner = e.expr.kind === "alias" ? e.expr.child : e.expr;
        const label = v === null ? "null" : String(v instanceof Date ? v.toISOString().slice(0, 10) : v);
        const name = exprs.length > 1 ? `${label}_${e.expr.kind === "alias" ? e.expr.name : exprName(inner)}` : label;
        const cond = v === null ? Column.of(this.pivotCol).isNull() : Column.of(this.pivotCol).equalTo(v);
        const filtered = pivotCell(inner, cond.expr);
        cols.push(new Column(alias(filtered, name)));
      }
    }
    return new GroupedData(this.df, this.keys, null).agg(...cols);
  }

  sum(...cols: string[]): DataFrame { return this.agg(...cols.map((c) => new Column(call("sum", [unresolvedAttr(c)])))); }
  avg(...cols: string[]): DataFrame { return this.agg(...cols.map((c) => new Column(call("avg", [unresolvedAttr(c)])))); }
  mean(...cols: string[]): DataFrame { return this.avg(...cols); }
  min(...cols: string[]): DataFrame { return this.agg(...cols.map((c) => new Column(call("min", [unresolvedAttr(c)])))); }
  max(...cols: string[]): DataFrame { return this.agg(...cols.map((c) => new Column(call("max", [unresolvedAttr(c)])))); }
  count(): DataFrame { return this.agg(new Column({ kind: "unresolved_call", name: "count", args: [], distinct: false, isStar: true })); }
}

/** groupBy(...).pivot(col) without values: finds the distinct values first, so results are Promises. */
export class AsyncPivotedData {
  constructor(private readonly df: DataFrame, private readonly keys: readonly Expr[], private readonly pivotCol: string) {}

  private async pivoted(): Promise<PivotedData> {
    const rows = await this.df.select(this.pivotCol).distinct().orderBy(this.pivotCol).collect();
    return new PivotedData(this.df, this.keys, this.pivotCol, rows.map((r) => r.get(0)));
  }

  async agg(...exprs: Column[]): Promise<DataFrame> { return (await this.pivoted()).agg(...exprs); }
  async sum(...cols: string[]): Promise<DataFrame> { return (await this.pivoted()).sum(...cols); }
  async avg(...cols: string[]): Promise<DataFrame> { return (await this.pivoted()).avg(...cols); }
  async mean(...cols: string[]): Promise<DataFrame> { return (await this.pivoted()).avg(...cols); }
  async min(...cols: string[]): Promise<DataFrame> { return (await this.pivoted()).min(...cols); }
  async max(...cols: string[]): Promise<DataFrame> { return (await this.pivoted()).max(...cols); }
  async count(): Promise<DataFrame> { return (await this.pivoted()).count(); }
}
