// Expected values come from PySpark 4.0.1 runs.
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { agg } from "./harness.js";

const D = {
  d: ["double", [1.0, 2.0, 4.0, 7.0, null]] as [string, unknown[]],
  i: ["int", [1, 2, 2, 3, null]] as [string, unknown[]],
  s: ["string", ["a", "b", null, "d", "e"]] as [string, unknown[]],
  b: ["boolean", [true, true, false, null, true]] as [string, unknown[]],
  y: ["double", [2.0, 1.0, 5.0, 3.0, null]] as [string, unknown[]],
};
const a = (c: Parameters<typeof agg>[0]) => agg(c, D);
const close = (x: unknown, y: number) => expect(x as number).toBeCloseTo(y, 12);

describe("statistical aggregates", () => {
  it("moments match Spark", () => {
    expect(a(F.stddev("d"))).toMatchObject({ name: "stddev(d)", type: "double" });
    close(a(F.stddev("d")).values[0], 2.6457513110645907);
    close(a(F.stddev_pop("d")).values[0], 2.29128784747792);
    close(a(F.variance("d")).values[0], 7.0);
    close(a(F.var_pop("d")).values[0], 5.25);
    close(a(F.skewness("d")).values[0], 0.4987837491108397);
    close(a(F.kurtosis("d")).values[0], -1.2380952380952381);
    close(a(F.corr("d", "y")).values[0], 0.4795122238161564);
    close(a(F.covar_pop("d", "y")).values[0], 1.625);
    close(a(F.covar_samp("d", "y")).values[0], 2.1666666666666665);
    expect(a(F.std("d")).name).toBe("std(d)");
  });
  it("one row gives null sample statistics, per group", () => {
    const r = agg(F.stddev("x"), { x: ["double", [1, 2, 5, null]] }, [0, 0, 1, 2]);
    expect(r.values[0]).toBeCloseTo(0.7071067811865476, 12);
    expect(r.values.slice(1)).toEqual([null, null]);
    expect(agg(F.stddev_pop("x"), { x: ["double", [5]] }).values).toEqual([0]);
  });
  it("percentiles", () => {
    expect(a(F.median("d"))).toMatchObject({ name: "median(d)", values: [3.0] });
    expect(a(F.percentile("d", 0.25))).toMatchObject({ name: "percentile(d, 0.25, 1)", values: [1.75] });
    expect(a(F.percentile("d", [0.5, 1.0]))).toMatchObject({ type: "array<double>", values: [[3.0, 7.0]] });
    expect(a(F.percentile_approx("d", 0.5))).toMatchObject({ name: "percentile_approx(d, 0.5, 10000)", values: [2.0] });
    expect(a(F.percentile_approx("i", [0.1, 0.9]))).toMatchObject({ name: "percentile_approx(i, array(0.1, 0.9), 10000)", type: "array<int>", values: [[1, 3]] });
  });
});

describe("other aggregates", () => {
  it("collections and picks", () => {
    expect(a(F.collect_list("s"))).toMatchObject({ name: "collect_list(s)", type: "array<string>", values: [["a", "b", "d", "e"]] });
    expect(a(F.array_agg("s")).name).toBe("collect_list(s)");
    expect(a(F.collect_set("i"))).toMatchObject({ values: [[1, 2, 3]] });
    expect(a(F.first("s"))).toMatchObject({ name: "first(s)", values: ["a"] });
    expect(a(F.last("d"))).toMatchObject({ values: [null] });
    expect(a(F.last("d", true))).toMatchObject({ name: "last(d)", values: [7.0] });
    expect(a(F.max_by("s", "d"))).toMatchObject({ name: "max_by(s, d)", values: ["d"] });
    expect(a(F.min_by("s", "i")).values).toEqual(["a"]);
    expect(a(F.mode("i"))).toMatchObject({ name: "mode(i)", values: [2] });
    expect(a(F.any_value("i")).values).toEqual([1]);
  });
  it("booleans, counts, products", () => {
    expect(a(F.bool_and("b"))).toMatchObject({ name: "bool_and(b)", values: [false] });
    expect(a(F.bool_or("b")).values).toEqual([true]);
    expect(a(F.every("b")).name).toBe("every(b)");
    expect(a(F.count_if("b"))).toMatchObject({ name: "count_if(b)", type: "bigint", values: [3] });
    expect(a(F.product("i"))).toMatchObject({ name: "product(i)", type: "double", values: [12.0] });
    expect(a(F.approx_count_distinct("i"))).toMatchObject({ name: "approx_count_distinct(i)", type: "bigint", values: [3] });
    expect(a(F.sum_distinct("i"))).toMatchObject({ name: "sum(DISTINCT i)", values: [6] });
    expect(a(F.count_distinct("i"))).toMatchObject({ name: "count(DISTINCT i)", values: [3] });
    expect(a(F.countDistinct("i", "s")).name).toBe("count(DISTINCT i, s)");
    expect(a(F.count("*"))).toMatchObject({ name: "count(1)", values: [5] });
  });
});
