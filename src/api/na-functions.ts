/** df.na: fill and drop nulls, as PySpark's DataFrameNaFunctions. */
import { dropArgs, type DropHow } from "./na-drop-args.js";
import type { DataFrame } from "./dataframe.js";
import { Column } from "./column.js";
import { F_coalesce, F_lit } from "./internal-functions.js";
import { PijarError } from "../errors/pijar-error.js";
import { isNumeric, isString, isBoolean, isIntegral } from "../types/type-utils.js";

export class DataFrameNaFunctions {
  constructor(private readonly df: DataFrame) {}

  /**
   * Replaces nulls. A number fills numeric columns, a string string columns, a boolean boolean
   * columns; `subset` limits the columns; an object maps column -> value.
   */
  fill(value: unknown, subset?: string | string[] | null): DataFrame {
    const out = this.df.plan.output;
    let plan: [string, unknown][] = [];
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      plan = Object.entries(value as Record<string, unknown>);
      for (const [name] of plan) if (!out.some((a) => a.name === name)) this.df.col(name);
    } else {
      if (!["number", "string", "boolean", "bigint"].includes(typeof value)) {
        throw new PijarError("NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR", {}, {
          message: `Argument \`value\` should be a boolean, number, string or an object of column -> value, got ${value === null ? "null" : typeof value}.`,
          exceptionType: "PySparkTypeError",
        });
      }
      const names = subset == null ? out.map((a) => a.name) : typeof subset === "string" ? [subset] : subset;
      for (const n of names) {
        const a = out.find((x) => x.name === n);
        if (!a) continue;
        const t = a.dataType;
        const fits = typeof value === "string" ? isString(t) : typeof value === "boolean" ? isBoolean(t) : isNumeric(t);
        if (fits) plan.push([a.name, value]);
      }
    }
    if (!plan.length) return this.df;
    const cols: Record<string, Column> = {};
    for (const [name, v] of plan) {
      const a = out.find((x) => x.name === name)!;
      let lit = F_lit(v);
      // Spark casts the fill value to the column's type (0.5 into an int column becomes 0).
      if (typeof v === "number" && isNumeric(a.dataType)) lit = lit.cast(a.dataType);
      else if (typeof v === "number" && isIntegral(a.dataType)) lit = lit.cast(a.dataType);
      cols[name] = F_coalesce(this.df.col(name), lit).alias(name);
    }
    return this.df.withColumns(cols);
  }

  /** Drops rows with nulls: how "any" (default) or "all"; `thresh` = minimum non-null values to keep. */
  drop(how?: DropHow<string | string[]>, thresh?: number | null, subset?: string | string[] | null): DataFrame {
    const { how: h, thresh: t, subset: s } = dropArgs(how, thresh, subset);
    thresh = t;
    subset = s;
    const names = subset == null ? this.df.columns : typeof subset === "string" ? [subset] : subset;
    const cols = names.map((n) => this.df.col(n));
    const min = thresh ?? (h === "any" ? cols.length : 1);
    // count of non-null columns >= min
    let count: Column = F_lit(0);
    for (const c of cols) count = count.plus(c.isNotNull().cast("int"));
    return this.df.filter(count.geq(min));
  }

  /** Replaces values: `replace(0, 100)`, `replace({ "A": "B" })`, with an optional subset. */
  replace(toReplace: unknown, value?: unknown, subset?: string | string[] | null): DataFrame {
    const pairs: [unknown, unknown][] = toReplace !== null && typeof toReplace === "object" && !Array.isArray(toReplace)
      ? Object.entries(toReplace as Record<string, unknown>)
      : Array.isArray(toReplace) ? toReplace.map((t, i) => [t, Array.isArray(value) ? value[i] : value]) : [[toReplace, value]];
    const names = subset == null ? this.df.columns : typeof subset === "string" ? [subset] : subset;
    const cols: Record<string, Column> = {};
    for (const n of names) {
      const a = this.df.plan.output.find((x) => x.name === n);
      if (!a) continue;
      const sample = pairs[0]?.[0];
      const fits = typeof sample === "string" ? isString(a.dataType) : typeof sample === "boolean" ? isBoolean(a.dataType) : isNumeric(a.dataType);
      if (!fits) continue;
      let expr: Column | null = null;
      for (const [from, to] of pairs) {
        const cond = this.df.col(n).equalTo(F_lit(from));
        expr = expr ? expr.when(cond, F_lit(to).cast(a.dataType)) : new Column({ kind: "case", branches: [{ when: cond.expr, then: F_lit(to).cast(a.dataType).expr }], otherwise: null });
      }
      if (expr) cols[n] = expr.otherwise(this.df.col(n));
    }
    return Object.keys(cols).length ? this.df.withColumns(cols) : this.df;
  }
}
