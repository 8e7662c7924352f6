/** Row and session metadata, user errors and small numeric helpers of the F namespace. */
import { c, fn, l, Column, type ColumnOrName } from "./build.js";

/** 0, 1, 2... (unique, increasing). `F.monotonically_increasing_id()` */
export function monotonically_increasing_id(): Column { return fn("monotonically_increasing_id"); }
/** Always 0 here (one partition). `F.spark_partition_id()` */
export function spark_partition_id(): Column { return fn("spark_partition_id"); }
/** `F.current_database()` */
export function current_database(): Column { return fn("current_database"); }
/** `F.current_schema()` */
export function current_schema(): Column { return fn("current_schema"); }
/** `F.current_catalog()` */
export function current_catalog(): Column { return fn("current_catalog"); }
/** `F.current_user()` */
export function current_user(): Column { return fn("current_user"); }
/** `F.user()` */
export function user(): Column { return fn("user"); }
/** `F.session_user()` */
export function session_user(): Column { return fn("session_user"); }
/** `F.version()` */
export function version(): Column { return fn("version"); }
/** The SQL type name of a value. `F.typeof("x")` */
function typeOfFn(x: ColumnOrName): Column { return fn("typeof", c(x)); }
export { typeOfFn as typeof };
/** Raises an error with the message. `F.raise_error(F.lit("bad row"))` */
export function raise_error(message: ColumnOrName): Column { return fn("raise_error", c(message)); }
/** Raises unless the condition is true. `F.assert_true(F.col("x").gt(0))` */
export function assert_true(condition: ColumnOrName, message?: ColumnOrName): Column {
  return message === undefined ? fn("assert_true", c(condition)) : fn("assert_true", c(condition), c(message));
}
/** Null when 0. `F.nullifzero("x")` */
export function nullifzero(x: ColumnOrName): Column { return fn("nullifzero", c(x)); }
/** 0 when null. `F.zeroifnull("x")` */
export function zeroifnull(x: ColumnOrName): Column { return fn("zeroifnull", c(x)); }
/** Equal-width bucket number. `F.width_bucket("v", F.lit(0), F.lit(100), F.lit(10))` */
export function width_bucket(v: ColumnOrName, min: ColumnOrName, max: ColumnOrName, numBucket: ColumnOrName | number): Column {
  return fn("width_bucket", c(v), c(min), c(max), typeof numBucket === "number" ? l(numBucket) : c(numBucket));
}
/** n! for 0..20. `F.factorial("n")` */
export function factorial(x: ColumnOrName): Column { return fn("factorial", c(x)); }
/** Number of set bits. `F.bit_count("flags")` */
export function bit_count(x: ColumnOrName): Column { return fn("bit_count", c(x)); }
/** The bit at pos (0 = lowest). `F.getbit("flags", F.lit(3))` */
export function getbit(x: ColumnOrName, pos: ColumnOrName): Column { return fn("getbit", c(x), c(pos)); }
/** `F.bit_get("flags", F.lit(3))` */
export function bit_get(x: ColumnOrName, pos: ColumnOrName): Column { return fn("bit_get", c(x), c(pos)); }
