/** Array, map and struct functions of the F namespace, plus the generators (explode...). */
import { c, fn, l, Column, type ColumnOrName, type ColumnOrValue } from "./build.js";
import { lambdaOf } from "./lambda-of.js";

const cols = (xs: (ColumnOrName | ColumnOrName[])[]) => (xs.length === 1 && Array.isArray(xs[0]) ? xs[0] : (xs as ColumnOrName[])).map(c);

/** An array of the columns. `F.array("a", "b")` */
export function array(...xs: (ColumnOrName | ColumnOrName[])[]): Column { return fn("array", ...cols(xs)); }
/** A struct of the columns (field names from the column names). `F.struct("id", "name")` */
export function struct(...xs: (ColumnOrName | ColumnOrName[])[]): Column { return fn("struct", ...cols(xs)); }
/** A struct from name/value pairs. `F.named_struct(F.lit("x"), "a")` */
export function named_struct(...xs: ColumnOrName[]): Column { return fn("named_struct", ...xs.map(c)); }
/** A map from key/value pairs. `F.create_map(F.lit("k"), "v")` */
export function create_map(...xs: (ColumnOrName | ColumnOrName[])[]): Column { return fn("map", ...cols(xs)); }
/** `F.map_from_arrays("keys", "values")` */
export function map_from_arrays(keys: ColumnOrName, values: ColumnOrName): Column { return fn("map_from_arrays", c(keys), c(values)); }
/** `F.map_keys("m")` */
export function map_keys(x: ColumnOrName): Column { return fn("map_keys", c(x)); }
/** `F.map_values("m")` */
export function map_values(x: ColumnOrName): Column { return fn("map_values", c(x)); }
/** `F.map_entries("m")` */
export function map_entries(x: ColumnOrName): Column { return fn("map_entries", c(x)); }
/** `F.map_contains_key("m", "k")` */
export function map_contains_key(x: ColumnOrName, key: ColumnOrValue): Column { return fn("map_contains_key", c(x), l(key)); }
/** Number of elements (null for null). `F.size("tags")` */
export function size(x: ColumnOrName): Column { return fn("size", c(x)); }
/** `F.cardinality("tags")` */
export function cardinality(x: ColumnOrName): Column { return fn("cardinality", c(x)); }
/** Sorts an array (nulls first ascending, last descending). `F.sort_array("tags", false)` */
export function sort_array(x: ColumnOrName, asc = true): Column { return fn("sort_array", c(x), l(asc)); }
/** `F.array_contains("tags", "red")` */
export function array_contains(x: ColumnOrName, value: ColumnOrValue): Column { return fn("array_contains", c(x), l(value)); }
/** 1-based position of value, 0 if absent. `F.array_position("tags", "red")` */
export function array_position(x: ColumnOrName, value: ColumnOrValue): Column { return fn("array_position", c(x), l(value)); }
/** `F.array_remove("tags", "red")` */
export function array_remove(x: ColumnOrName, value: ColumnOrValue): Column { return fn("array_remove", c(x), l(value)); }
/** `F.array_append("tags", "new")` */
export function array_append(x: ColumnOrName, value: ColumnOrValue): Column { return fn("array_append", c(x), l(value)); }
/** `F.array_prepend("tags", "first")` */
export function array_prepend(x: ColumnOrName, value: ColumnOrValue): Column { return fn("array_prepend", c(x), l(value)); }
/** `F.array_distinct("tags")` */
export function array_distinct(x: ColumnOrName): Column { return fn("array_distinct", c(x)); }
/** `F.array_union("a", "b")` */
export function array_union(a: ColumnOrName, b: ColumnOrName): Column { return fn("array_union", c(a), c(b)); }
/** `F.array_intersect("a", "b")` */
export function array_intersect(a: ColumnOrName, b: ColumnOrName): Column { return fn("array_intersect", c(a), c(b)); }
/** `F.array_except("a", "b")` */
export function array_except(a: ColumnOrName, b: ColumnOrName): Column { return fn("array_except", c(a), c(b)); }
/** `F.arrays_overlap("a", "b")` */
export function arrays_overlap(a: ColumnOrName, b: ColumnOrName): Column { return fn("arrays_overlap", c(a), c(b)); }
/** Joins elements as text. `F.array_join("tags", ", ")` */
export function array_join(x: ColumnOrName, delimiter: string, nullReplacement?: string): Column {
  return nullReplacement === undefined ? fn("array_join", c(x), l(delimiter)) : fn("array_join", c(x), l(delimiter), l(nullReplacement));
}
/** 1-based element (negative from the end) or map value. `F.element_at("arr", 1)` */
export function element_at(x: ColumnOrName, extraction: ColumnOrValue): Column { return fn("element_at", c(x), l(extraction)); }
/** Like element_at, null when out of bounds. `F.try_element_at("arr", F.lit(9))` */
export function try_element_at(x: ColumnOrName, extraction: Column): Column { return fn("try_element_at", c(x), extraction.expr); }
/** 0-based element, null when out of bounds. `F.get("arr", 0)` */
export function get(x: ColumnOrName, index: ColumnOrValue): Column { return fn("get", c(x), l(index)); }
/** `F.array_max("a")` */
export function array_max(x: ColumnOrName): Column { return fn("array_max", c(x)); }
/** `F.array_min("a")` */
export function array_min(x: ColumnOrName): Column { return fn("array_min", c(x)); }
/** `F.slice("a", 2, 3)` */
export function slice(x: ColumnOrName, start: number | Column, length: number | Column): Column { return fn("slice", c(x), l(start), l(length)); }
/** `F.flatten("nested")` */
export function flatten(x: ColumnOrName): Column { return fn("flatten", c(x)); }
/** `F.arrays_zip("a", "b")` */
export function arrays_zip(...xs: ColumnOrName[]): Column { return fn("arrays_zip", ...xs.map(c)); }
/** `F.array_repeat("x", 3)` */
export function array_repeat(x: ColumnOrName, count: number | Column): Column { return fn("array_repeat", c(x), l(count)); }
/** `F.sequence(F.lit(1), F.lit(5))` */
export function sequence(start: ColumnOrName, stop: ColumnOrName, step?: ColumnOrName): Column {
  return step === undefined ? fn("sequence", c(start), c(stop)) : fn("sequence", c(start), c(stop), c(step));
}
/** One output row per element (generator; only in select). `F.explode("tags")` */
export function explode(x: ColumnOrName): Column { return fn("explode", c(x)); }
/** Like explode, keeping a null row for empty or null input. `F.explode_outer("tags")` */
export function explode_outer(x: ColumnOrName): Column { return fn("explode_outer", c(x)); }
/** explode with the position as a `pos` column. `F.posexplode("tags")` */
export function posexplode(x: ColumnOrName): Column { return fn("posexplode", c(x)); }
/** `F.posexplode_outer("tags")` */
export function posexplode_outer(x: ColumnOrName): Column { return fn("posexplode_outer", c(x)); }
/** One row per struct in an array of structs. `F.inline("items")` */
export function inline(x: ColumnOrName): Column { return fn("inline", c(x)); }
/** Like inline, keeping a null row for empty or null input. `F.inline_outer("items")` */
export function inline_outer(x: ColumnOrName): Column { return fn("inline_outer", c(x)); }
/** Drops null elements. `F.array_compact("a")` */
export function array_compact(x: ColumnOrName): Column { return fn("array_compact", c(x)); }
/** Inserts at a 1-based position. `F.array_insert("a", 2, F.lit(9))` */
export function array_insert(x: ColumnOrName, pos: ColumnOrName | number, value: ColumnOrValue): Column { return fn("array_insert", c(x), typeof pos === "number" ? l(pos) : c(pos), l(value)); }
/** Number of elements. `F.array_size("a")` */
export function array_size(x: ColumnOrName): Column { return fn("array_size", c(x)); }
/**
 * Sorts ascending, nulls last, or by `comparator(left, right)` returning a negative, zero or
 * positive INT. `F.array_sort("a")`, `F.array_sort("a", (l, r) => r.minus(l))`
 */
export function array_sort(x: ColumnOrName, comparator?: (left: Column, right: Column) => Column): Column {
  return comparator ? fn("array_sort", c(x), lambdaOf(comparator)) : fn("array_sort", c(x));
}
/** Union of maps (duplicate keys raise). `F.map_concat("m1", "m2")` */
export function map_concat(...xs: ColumnOrName[]): Column { return fn("map_concat", ...xs.map(c)); }
/** Map from an array of (key, value) structs. `F.map_from_entries("pairs")` */
export function map_from_entries(x: ColumnOrName): Column { return fn("map_from_entries", c(x)); }
/** Values in rows: `F.stack(F.lit(2), "a", "b", "c", "d")` gives 2 rows of col0, col1. */
export function stack(...cols: ColumnOrName[]): Column { return fn("stack", ...cols.map(c)); }
