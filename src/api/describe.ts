/**
 * describe() and summary(): statistics as strings, one row per statistic, a `summary` column
 * first, as PySpark. Numeric and string columns take part (min/max of strings too).
 */
import type { DataFrame } from "./dataframe.js";
import { Column } from "./column.js";
import { F_call, F_lit } from "./internal-functions.js";
import { isNumeric, isString } from "../types/type-utils.js";
import { PijarError } from "../errors/pijar-error.js";
import { call } from "../plan/expr/expr.js";

const DEFAULT_SUMMARY = ["count", "mean", "stddev", "min", "25%", "50%", "75%", "max"];

function statColumn(df: DataFrame, stat: string, name: string, numeric: boolean): Column {
  const c = df.col(name);
  switch (stat) {
    case "count": return F_call("count", c).cast("string");
    case "mean": return numeric ? F_call("avg", c).cast("string") : F_lit(null).cast("string");
    case "stddev": return numeric ? F_call("stddev", c).cast("string") : F_lit(null).cast("string");
    case "min": return F_call("min", c).cast("string");
    case "max": return F_call("max", c).cast("string");
    case "count_distinct": return new Column(call("count", [c.expr], true)).cast("string");
    default: {
      const m = /^(\d+(?:\.\d+)?)%$/.exec(stat);
      if (!m) {
        throw new PijarError("INVALID_ARGUMENT", { message: `${stat} is not a recognised statistic: use count, mean, stddev, min, max, count_distinct or a percentile like 25%.` }, { exceptionType: "IllegalArgumentException" });
      }
      return numeric ? F_call("percentile_approx", c, F_lit(Number(m[1]) / 100)).cast("string") : F_lit(null).cast("string");
    }
  }
}

function statsFrame(df: DataFrame, cols: string[], stats: string[]): DataFrame {
  const targets = (cols.length ? cols.map((c) => df.plan.output.find((a) => a.name === c) ?? (df.col(c), null)!) : df.plan.output)
    .filter((a) => cols.length || isNumeric(a.dataType) || isString(a.dataType));
  const aggs: Column[] = [];
  stats.forEach((s, si) => {
    for (const [ti, a] of targets.entries()) aggs.push(statColumn(df, s, a.name, isNumeric(a.dataType)).alias(`s${si}_${ti}`));
  });
  if (!aggs.length) aggs.push(F_call("count", F_lit(1)).alias("_n"));
  const one = df.agg(...aggs);
  let out: DataFrame | null = null;
  stats.forEach((s, si) => {
    const row = one.select(F_lit(s).alias("summary"), ...targets.map((a, ti) => one.col(`s${si}_${ti}`).alias(a.name)));
    out = out ? out.union(row) : row;
  });
  return out!;
}

export function describeFrame(df: DataFrame, cols: string[]): DataFrame {
  return statsFrame(df, cols, ["count", "mean", "stddev", "min", "max"]);
}

export function summaryFrame(df: DataFrame, statistics: string[]): DataFrame {
  return statsFrame(df, [], statistics.length ? statistics : DEFAULT_SUMMARY);
}
