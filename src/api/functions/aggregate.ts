/** Aggregate functions of the F namespace (use in groupBy().agg(...), select or over a window). */
import { literal } from "../../plan/expr/expr.js";
import { doubleType } from "../../types/data-types.js";
import { c, fn, fnDistinct, l, Column, type ColumnOrName } from "./build.js";

/** Number of rows (`"*"`) or non-null values. `F.count("*")`, `F.count("id")` */
export function count(x: ColumnOrName): Column {
  // count("*") is count(1) in Spark, and named so.
  return x === "*" ? fn("count", l(1)) : fn("count", c(x));
}
/** Number of distinct non-null combinations. `F.count_distinct("city")` */
export function count_distinct(x: ColumnOrName, ...more: ColumnOrName[]): Column { return fnDistinct("count", c(x), ...more.map(c)); }
/** Old name of count_distinct. `F.countDistinct("city")` */
export const countDistinct = count_distinct;
/** Distinct count (computed exactly). `F.approx_count_distinct("user")` */
export function approx_count_distinct(x: ColumnOrName, rsd?: number): Column { return rsd === undefined ? fn("approx_count_distinct", c(x)) : fn("approx_count_distinct", c(x), l(rsd)); }
/** Old name. `F.approxCountDistinct("user")` */
export const approxCountDistinct = approx_count_distinct;
/** `F.sum("amount")` */
export function sum(x: ColumnOrName): Column { return fn("sum", c(x)); }
/** Sum of distinct values. `F.sum_distinct("amount")` */
export function sum_distinct(x: ColumnOrName): Column { return fnDistinct("sum", c(x)); }
/** Old name of sum_distinct. `F.sumDistinct("amount")` */
export const sumDistinct = sum_distinct;
/** `F.avg("amount")` */
export function avg(x: ColumnOrName): Column { return fn("avg", c(x)); }
/** Same as avg (named avg, as PySpark). `F.mean("amount")` */
export function mean(x: ColumnOrName): Column { return fn("avg", c(x)); }
/** `F.min("amount")` */
export function min(x: ColumnOrName): Column { return fn("min", c(x)); }
/** `F.max("amount")` */
export function max(x: ColumnOrName): Column { return fn("max", c(x)); }
/** First value in input order (optionally the first non-null). `F.first("x", true)` */
export function first(x: ColumnOrName, ignorenulls = false): Column { return fn("first", c(x), l(ignorenulls)); }
/** Last value in input order. `F.last("x", true)` */
export function last(x: ColumnOrName, ignorenulls = false): Column { return fn("last", c(x), l(ignorenulls)); }
/** `F.first_value("x")` */
export function first_value(x: ColumnOrName, ignorenulls = false): Column { return fn("first_value", c(x), l(ignorenulls)); }
/** `F.last_value("x")` */
export function last_value(x: ColumnOrName, ignorenulls = false): Column { return fn("last_value", c(x), l(ignorenulls)); }
/** Some value of the group. `F.any_value("x")` */
export function any_value(x: ColumnOrName, ignorenulls = false): Column { return ignorenulls ? fn("any_value", c(x), l(true)) : fn("any_value", c(x)); }
/** All non-null values as an array. `F.collect_list("item")` */
export function collect_list(x: ColumnOrName): Column { return fn("collect_list", c(x)); }
/** `F.array_agg("item")` */
export function array_agg(x: ColumnOrName): Column { return fn("array_agg", c(x)); }
/** Distinct non-null values as an array. `F.collect_set("item")` */
export function collect_set(x: ColumnOrName): Column { return fn("collect_set", c(x)); }
/** Sample standard deviation. `F.stddev("x")` */
export function stddev(x: ColumnOrName): Column { return fn("stddev", c(x)); }
/** `F.std("x")` */
export function std(x: ColumnOrName): Column { return fn("std", c(x)); }
/** `F.stddev_samp("x")` */
export function stddev_samp(x: ColumnOrName): Column { return fn("stddev_samp", c(x)); }
/** `F.stddev_pop("x")` */
export function stddev_pop(x: ColumnOrName): Column { return fn("stddev_pop", c(x)); }
/** Sample variance. `F.variance("x")` */
export function variance(x: ColumnOrName): Column { return fn("variance", c(x)); }
/** `F.var_samp("x")` */
export function var_samp(x: ColumnOrName): Column { return fn("var_samp", c(x)); }
/** `F.var_pop("x")` */
export function var_pop(x: ColumnOrName): Column { return fn("var_pop", c(x)); }
/** `F.skewness("x")` */
export function skewness(x: ColumnOrName): Column { return fn("skewness", c(x)); }
/** Excess kurtosis. `F.kurtosis("x")` */
export function kurtosis(x: ColumnOrName): Column { return fn("kurtosis", c(x)); }
/** Pearson correlation. `F.corr("x", "y")` */
export function corr(a: ColumnOrName, b: ColumnOrName): Column { return fn("corr", c(a), c(b)); }
/** `F.covar_pop("x", "y")` */
export function covar_pop(a: ColumnOrName, b: ColumnOrName): Column { return fn("covar_pop", c(a), c(b)); }
/** `F.covar_samp("x", "y")` */
export function covar_samp(a: ColumnOrName, b: ColumnOrName): Column { return fn("covar_samp", c(a), c(b)); }
/** True when all values are true. `F.bool_and(F.col("ok"))` */
export function bool_and(x: ColumnOrName): Column { return fn("bool_and", c(x)); }
/** `F.every(F.col("ok"))` */
export function every(x: ColumnOrName): Column { return fn("every", c(x)); }
/** True when any value is true. `F.bool_or(F.col("ok"))` */
export function bool_or(x: ColumnOrName): Column { return fn("bool_or", c(x)); }
/** `F.some(F.col("ok"))` */
export function some(x: ColumnOrName): Column { return fn("some", c(x)); }
/** Number of true values. `F.count_if(F.col("x").gt(0))` */
export function count_if(x: ColumnOrName): Column { return fn("count_if", c(x)); }
/** Value of `x` on the row with the largest `ord`. `F.max_by("name", "score")` */
export function max_by(x: ColumnOrName, ord: ColumnOrName): Column { return fn("max_by", c(x), c(ord)); }
/** `F.min_by("name", "score")` */
export function min_by(x: ColumnOrName, ord: ColumnOrName): Column { return fn("min_by", c(x), c(ord)); }
/** Product of the values. `F.product("factor")` */
export function product(x: ColumnOrName): Column { return fn("product", c(x)); }
/** Most frequent value. `F.mode("city")` */
export function mode(x: ColumnOrName): Column { return fn("mode", c(x)); }
/** Exact median (interpolated). `F.median("x")` */
export function median(x: ColumnOrName): Column { return fn("median", c(x)); }
/** Exact percentile(s), interpolated. `F.percentile("x", 0.9)` */
export function percentile(x: ColumnOrName, percentage: number | number[], frequency = 1): Column { return fn("percentile", c(x), pct(percentage), l(frequency)); }
/** A value at the given rank(s). `F.percentile_approx("x", 0.5)` */
export function percentile_approx(x: ColumnOrName, percentage: number | number[], accuracy = 10000): Column { return fn("percentile_approx", c(x), pct(percentage), l(accuracy)); }
/** `F.approx_percentile("x", 0.5)` */
export function approx_percentile(x: ColumnOrName, percentage: number | number[], accuracy = 10000): Column { return fn("approx_percentile", c(x), pct(percentage), l(accuracy)); }

/** Percentages are Python floats in PySpark: keep them DOUBLE so 1 reads as 1.0 in names. */
function pct(p: number | number[]) {
  const one = (x: number) => literal(x, doubleType);
  return Array.isArray(p) ? fn("array", ...p.map(one)).expr : one(p);
}
/** Sum, null on overflow. `F.try_sum("x")` */
export function try_sum(x: ColumnOrName): Column { return fn("try_sum", c(x)); }
/** Average, null on overflow. `F.try_avg("x")` */
export function try_avg(x: ColumnOrName): Column { return fn("try_avg", c(x)); }
/** `F.bit_and("flags")` */
export function bit_and(x: ColumnOrName): Column { return fn("bit_and", c(x)); }
/** `F.bit_or("flags")` */
export function bit_or(x: ColumnOrName): Column { return fn("bit_or", c(x)); }
/** `F.bit_xor("flags")` */
export function bit_xor(x: ColumnOrName): Column { return fn("bit_xor", c(x)); }
/** Rows where both are non-null. `F.regr_count("y", "x")` */
export function regr_count(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_count", c(y), c(x)); }
/** `F.regr_avgx("y", "x")` */
export function regr_avgx(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_avgx", c(y), c(x)); }
/** `F.regr_avgy("y", "x")` */
export function regr_avgy(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_avgy", c(y), c(x)); }
/** Least-squares slope. `F.regr_slope("y", "x")` */
export function regr_slope(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_slope", c(y), c(x)); }
/** Least-squares intercept. `F.regr_intercept("y", "x")` */
export function regr_intercept(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_intercept", c(y), c(x)); }
/** Coefficient of determination. `F.regr_r2("y", "x")` */
export function regr_r2(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_r2", c(y), c(x)); }
/** `F.regr_sxx("y", "x")` */
export function regr_sxx(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_sxx", c(y), c(x)); }
/** `F.regr_syy("y", "x")` */
export function regr_syy(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_syy", c(y), c(x)); }
/** `F.regr_sxy("y", "x")` */
export function regr_sxy(y: ColumnOrName, x: ColumnOrName): Column { return fn("regr_sxy", c(y), c(x)); }
/** Concatenates the group's strings. `F.string_agg("name", ", ")` */
export function string_agg(x: ColumnOrName, delimiter?: string | Column): Column { return fn("string_agg", c(x), l(delimiter ?? null)); }
/** Same as string_agg. `F.listagg("name", ", ")` */
export function listagg(x: ColumnOrName, delimiter?: string | Column): Column { return fn("listagg", c(x), l(delimiter ?? null)); }

/** 1 when `col` is aggregated away in this row's grouping set (cube/rollup), else 0. `F.grouping("city")` */
export function grouping(col: ColumnOrName): Column { return fn("grouping", c(col)); }
/** The grouping set of the row as a bit per grouping column (1 = aggregated away). `F.grouping_id()` */
export function grouping_id(...cols: ColumnOrName[]): Column { return fn("grouping_id", ...cols.map(c)); }
