/**
 * Higher-order functions of the F namespace: `F.transform("a", (x) => x.plus(1))`. As
 * PySpark's Python lambdas, the JS callback receives Columns standing for the lambda's
 * parameters and returns a Column (see lambda-of.ts); its declared parameter count picks the
 * form (`(x, i) => ...` for transform's index).
 */
import { c, fn as hof, type Column, type ColumnOrName } from "./build.js";
import { lambdaOf, type Lambda1, type Lambda2, type Lambda3 } from "./lambda-of.js";

/** Applies f to every element; `(x, i) => ...` also gets the 0-based index. `F.transform("a", (x) => x.plus(1))` */
export function transform(col: ColumnOrName, f: Lambda2): Column { return hof("transform", c(col), lambdaOf(f)); }
/** True if f holds for some element (null if undecided with a null answer). `F.exists("a", (x) => x.gt(1))` */
export function exists(col: ColumnOrName, f: Lambda1): Column { return hof("exists", c(col), lambdaOf(f)); }
/** True if f holds for every element (null if undecided with a null answer). `F.forall("a", (x) => x.gt(1))` */
export function forall(col: ColumnOrName, f: Lambda1): Column { return hof("forall", c(col), lambdaOf(f)); }
/** The elements for which f is true; `(x, i) => ...` also gets the index. `F.filter("a", (x) => x.gt(1))` */
export function filter(col: ColumnOrName, f: Lambda2): Column { return hof("filter", c(col), lambdaOf(f)); }
/**
 * Folds the array from `initialValue` with `merge(acc, x)`, then `finish(acc)`.
 * `F.aggregate("a", F.lit(0), (acc, x) => acc.plus(x))`
 */
export function aggregate(col: ColumnOrName, initialValue: ColumnOrName, merge: Lambda2, finish?: Lambda1): Column {
  return finish ? hof("aggregate", c(col), c(initialValue), lambdaOf(merge), lambdaOf(finish)) : hof("aggregate", c(col), c(initialValue), lambdaOf(merge));
}
/** Same as aggregate. `F.reduce("a", F.lit(0), (acc, x) => acc.plus(x))` */
export function reduce(col: ColumnOrName, initialValue: ColumnOrName, merge: Lambda2, finish?: Lambda1): Column {
  return finish ? hof("reduce", c(col), c(initialValue), lambdaOf(merge), lambdaOf(finish)) : hof("reduce", c(col), c(initialValue), lambdaOf(merge));
}
/** Pairs the arrays element by element (the shorter padded with nulls). `F.zip_with("a", "b", (x, y) => x.plus(y))` */
export function zip_with(left: ColumnOrName, right: ColumnOrName, f: Lambda2): Column { return hof("zip_with", c(left), c(right), lambdaOf(f)); }
/** New keys from f(k, v). `F.transform_keys("m", (k, v) => F.upper(k))` */
export function transform_keys(col: ColumnOrName, f: Lambda2): Column { return hof("transform_keys", c(col), lambdaOf(f)); }
/** New values from f(k, v). `F.transform_values("m", (k, v) => v.plus(1))` */
export function transform_values(col: ColumnOrName, f: Lambda2): Column { return hof("transform_values", c(col), lambdaOf(f)); }
/** The entries for which f(k, v) is true. `F.map_filter("m", (k, v) => v.gt(0))` */
export function map_filter(col: ColumnOrName, f: Lambda2): Column { return hof("map_filter", c(col), lambdaOf(f)); }
/** Merges two maps by key with f(k, v1, v2) (a missing side is null). `F.map_zip_with("m1", "m2", (k, a, b) => a.plus(b))` */
export function map_zip_with(col1: ColumnOrName, col2: ColumnOrName, f: Lambda3): Column { return hof("map_zip_with", c(col1), c(col2), lambdaOf(f)); }
