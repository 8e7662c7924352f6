/** Window functions of the F namespace: use with `.over(Window...)`. */
import { c, fn, l, Column, type ColumnOrName, type ColumnOrValue } from "./build.js";

/** 1, 2, 3... within the partition. `F.row_number().over(w)` */
export function row_number(): Column { return fn("row_number"); }
/** Rank with gaps after ties. `F.rank().over(w)` */
export function rank(): Column { return fn("rank"); }
/** Rank without gaps. `F.dense_rank().over(w)` */
export function dense_rank(): Column { return fn("dense_rank"); }
/** (rank - 1) / (rows - 1). `F.percent_rank().over(w)` */
export function percent_rank(): Column { return fn("percent_rank"); }
/** Fraction of rows at or before this row's peers. `F.cume_dist().over(w)` */
export function cume_dist(): Column { return fn("cume_dist"); }
/** Bucket number 1..n. `F.ntile(4).over(w)` */
export function ntile(n: number): Column { return fn("ntile", l(n)); }
/** Value `offset` rows before, or `default`. `F.lag("x", 1, 0).over(w)` */
export function lag(x: ColumnOrName, offset = 1, defaultValue: ColumnOrValue = null): Column { return fn("lag", c(x), l(offset), l(defaultValue)); }
/** Value `offset` rows after, or `default`. `F.lead("x", 1).over(w)` */
export function lead(x: ColumnOrName, offset = 1, defaultValue: ColumnOrValue = null): Column { return fn("lead", c(x), l(offset), l(defaultValue)); }
/** The n-th value of the window frame. `F.nth_value("x", 2).over(w)` */
export function nth_value(x: ColumnOrName, offset: number, ignoreNulls = false): Column {
  return ignoreNulls ? fn("nth_value", c(x), l(offset), l(true)) : fn("nth_value", c(x), l(offset));
}
