// Expected values come from PySpark 4.0.1 runs.
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { one, run } from "./harness.js";

const D = {
  a: ["array<int>", [[1, 2]]] as [string, unknown[]],
  m: ["map<string,int>", [new Map([["a", 1]])]] as [string, unknown[]],
  s: ["string", ["x"]] as [string, unknown[]],
};
const r = (c: Parameters<typeof run>[0]) => run(c, D);
const arr = (...v: unknown[]) => F.lit(v);

describe("building and reading", () => {
  it("array, struct, map", () => {
    expect(r(F.array("s", "s"))).toMatchObject({ name: "array(s, s)", type: "array<string>", values: [["x", "x"]] });
    expect(r(F.struct("s", "a"))).toMatchObject({ name: "struct(s, a)", type: "struct<s:string,a:array<int>>", values: [["x", [1, 2]]] });
    expect(r(F.struct(F.lit(1), F.lit("x").alias("b"), "s"))).toMatchObject({ name: "struct(1, x AS b, s)", type: "struct<col1:int,b:string,s:string>" });
    expect(r(F.named_struct(F.lit("x"), "s"))).toMatchObject({ name: "named_struct(x, s)", type: "struct<x:string>", values: [["x"]] });
    expect(r(F.create_map(F.lit("k"), "s"))).toMatchObject({ name: "map(k, s)", type: "map<string,string>", values: [new Map([["k", "x"]])] });
    expect(() => one(F.create_map(F.lit(1), F.lit("a"), F.lit(1), F.lit("b")))).toThrow(/DUPLICATED_MAP_KEY/);
    expect(r(F.map_keys("m"))).toMatchObject({ name: "map_keys(m)", values: [["a"]] });
    expect(r(F.map_values("m")).values).toEqual([[1]]);
    expect(r(F.map_entries("m"))).toMatchObject({ type: "array<struct<key:string,value:int>>", values: [[["a", 1]]] });
    expect(r(F.map_contains_key("m", "a")).values).toEqual([true]);
  });
  it("indexing", () => {
    expect(r(F.col("a").getItem(0))).toMatchObject({ name: "a[0]", values: [1] });
    expect(r(F.col("m").getItem("a"))).toMatchObject({ name: "m[a]", values: [1] });
    expect(() => r(F.col("a").getItem(5))).toThrow(/INVALID_ARRAY_INDEX/);
    expect(r(F.element_at("a", 1))).toMatchObject({ name: "element_at(a, 1)", values: [1] });
    expect(r(F.element_at("a", -1)).values).toEqual([2]);
    expect(() => r(F.element_at("a", 5))).toThrow(/INVALID_ARRAY_INDEX_IN_ELEMENT_AT/);
    expect(r(F.element_at("m", F.lit("zz"))).values).toEqual([null]);
    expect(r(F.struct("s").getField("s"))).toMatchObject({ name: "struct(s).s", values: ["x"] });
    expect(r(F.size("a"))).toMatchObject({ name: "size(a)", type: "int", values: [2] });
    expect(one(F.size(F.lit(null).cast("array<int>")))).toBe(null);
    expect(r(F.cardinality("m")).values).toEqual([1]);
  });
});

describe("array functions", () => {
  it("sorting, searching, set operations", () => {
    expect(run(F.sort_array(arr(3, null, 1)))).toMatchObject({ name: "sort_array(array(3, NULL, 1), true)", values: [[null, 1, 3]] });
    expect(one(F.sort_array(arr(3, null, 1), false))).toEqual([3, 1, null]);
    expect(r(F.array_contains("a", 1))).toMatchObject({ name: "array_contains(a, 1)", values: [true] });
    expect(one(F.array_contains(arr(1, null), 2))).toBe(null);
    expect(one(F.array_distinct(arr(1, 1, null, null, 2)))).toEqual([1, null, 2]);
    expect(one(F.array_union(arr(1, 2), arr(2, 3, null)))).toEqual([1, 2, 3, null]);
    expect(one(F.array_except(arr(1, 2, 2), arr(3)))).toEqual([1, 2]);
    expect(one(F.array_intersect(arr(1, 2), arr(2)))).toEqual([2]);
    expect(one(F.arrays_overlap(arr(1, null), arr(2)))).toBe(null);
    expect(one(F.arrays_overlap(arr(1), arr(1, null)))).toBe(true);
    expect(r(F.array_position("a", 2))).toMatchObject({ type: "bigint", values: [2] });
    expect(r(F.array_remove("a", 1)).values).toEqual([[2]]);
  });
  it("joining, slicing, reshaping", () => {
    expect(one(F.array_join(F.lit(["a", null, "b"]), ","))).toBe("a,b");
    expect(one(F.array_join(F.lit(["a", null, "b"]), ",", "N"))).toBe("a,N,b");
    expect(r(F.array_join("a", ","))).toMatchObject({ name: "array_join(a, ,)", values: ["1,2"] });
    expect(one(F.array_max(arr(1, 3, 2)))).toBe(3);
    expect(one(F.array_min(arr(1, 3, 2)))).toBe(1);
    expect(one(F.slice(arr(1, 2, 3, 4), 2, 2))).toEqual([2, 3]);
    expect(one(F.slice(arr(1, 2, 3, 4), -2, 2))).toEqual([3, 4]);
    expect(one(F.slice(arr(1, 2, 3), -5, 2))).toEqual([]);
    expect(one(F.flatten(F.array(arr(1, 2), arr(3))))).toEqual([1, 2, 3]);
    expect(r(F.arrays_zip("a", "a"))).toMatchObject({ type: "array<struct<a:int,a:int>>", values: [[[1, 1], [2, 2]]] });
    expect(one(F.arrays_zip(arr(1, 2), F.lit(["a"])))).toEqual([[1, "a"], [2, null]]);
    expect(one(F.reverse(arr(1, 2)))).toEqual([2, 1]);
    expect(one(F.sequence(F.lit(5), F.lit(1)))).toEqual([5, 4, 3, 2, 1]);
    expect(r(F.array_repeat("s", 2)).values).toEqual([["x", "x"]]);
    expect(r(F.array_append("a", 1)).values).toEqual([[1, 2, 1]]);
    expect(one(F.concat(arr(1), arr(2, null)))).toEqual([1, 2, null]);
  });
});
