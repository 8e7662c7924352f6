// Expected values come from PySpark 4.0.1 runs.
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { Decimal } from "../../src/values/decimal-value.js";
import { one, run } from "./harness.js";

const dec = (s: string) => F.lit(Decimal.fromString(s));
const D = { d: ["double", [1.5]] as [string, unknown[]], i: ["int", [3]] as [string, unknown[]] };

describe("rounding", () => {
  it("round and bround on decimals are exact with Spark's types", () => {
    expect(run(F.round(dec("2.5")))).toMatchObject({ name: "round(2.5, 0)", type: "decimal(2,0)", values: [3n] });
    expect(run(F.round(dec("-2.5"))).values).toEqual([-3n]);
    expect(run(F.round(dec("2.345"), 2))).toMatchObject({ type: "decimal(4,2)", values: [235n] });
    expect(run(F.bround(dec("2.5"))).values).toEqual([2n]);
    expect(run(F.bround(dec("2.345"), 2)).values).toEqual([234n]);
  });
  it("round on doubles and integers", () => {
    expect(run(F.round("d"), D)).toMatchObject({ name: "round(d, 0)", type: "double", values: [2] });
    expect(run(F.round("d", 1), D).values).toEqual([1.5]);
    expect(run(F.bround("d"), D).values).toEqual([2]);
    expect(one(F.round(F.lit(1.2345), 2))).toBe(1.23);
    expect(one(F.round(F.lit(2.675), 2))).toBe(2.68);
    expect(run(F.round(F.lit(12345), -2))).toMatchObject({ type: "int", values: [12300] });
  });
  it("floor and ceil", () => {
    expect(run(F.floor("d"), D)).toMatchObject({ name: "FLOOR(d)", type: "bigint", values: [1] });
    expect(run(F.ceil("d"), D)).toMatchObject({ name: "CEIL(d)", type: "bigint", values: [2] });
    expect(run(F.ceiling("d"), D).name).toBe("ceiling(d)");
    expect(run(F.floor(dec("2.55")))).toMatchObject({ type: "decimal(2,0)", values: [2n] });
    expect(run(F.ceil(F.lit(Decimal.fromString("2.55")).cast("decimal(5,2)")))).toMatchObject({ type: "decimal(4,0)", values: [3n] });
    expect(one(F.ceil(F.lit(-1.5)))).toBe(-1);
  });
});

describe("math", () => {
  it("names, types and values as PySpark", () => {
    const r = (c: Parameters<typeof run>[0]) => run(c, D);
    expect(r(F.sqrt("d"))).toMatchObject({ name: "SQRT(d)", values: [1.224744871391589] });
    expect(r(F.log("d"))).toMatchObject({ name: "ln(d)", values: [0.4054651081081644] });
    expect(r(F.log(2.0, "d"))).toMatchObject({ name: "LOG(2.0, d)", values: [0.5849625007211562] });
    expect(r(F.exp("d"))).toMatchObject({ name: "EXP(d)", values: [4.4816890703380645] });
    expect(r(F.signum("d"))).toMatchObject({ name: "SIGNUM(d)", values: [1] });
    expect(r(F.sign("d")).name).toBe("sign(d)");
    expect(r(F.abs("i"))).toMatchObject({ name: "abs(i)", type: "int", values: [3] });
    expect(r(F.pow("d", 2))).toMatchObject({ name: "POWER(d, 2)", values: [2.25] });
    expect(r(F.power("d", "i")).values).toEqual([3.375]);
    expect(r(F.cbrt("d")).values).toEqual([1.1447142425533319]);
    expect(r(F.degrees("d")).values).toEqual([85.94366926962348]);
    expect(r(F.log10("d"))).toMatchObject({ name: "LOG10(d)", values: [0.17609125905568124] });
    expect(r(F.atan2("d", "i"))).toMatchObject({ name: "ATAN2(d, i)", values: [0.4636476090008061] });
    expect(r(F.hypot("d", "i")).values).toEqual([3.3541019662496847]);
    expect(one(F.ln(F.lit(0)))).toBe(null);
    expect(one(F.sqrt(F.lit(-1)))).toBeNaN();
  });
  it("pmod and bitwise", () => {
    expect(run(F.pmod(F.lit(-7), F.lit(3)))).toMatchObject({ name: "pmod(-7, 3)", type: "int", values: [2] });
    expect(one(F.pmod(F.lit(7.5), F.lit(2)))).toBe(1.5);
    expect(run(F.col("i").bitwiseAND(1), D)).toMatchObject({ name: "(i & 1)", values: [1] });
    expect(run(F.bitwise_not("i"), D)).toMatchObject({ name: "~i", values: [-4] });
    expect(run(F.shiftleft("i", 1), D)).toMatchObject({ name: "shiftleft(i, 1)", values: [6] });
  });
  it("rand is seeded and in [0, 1)", () => {
    const a = run(F.rand(1), { x: ["int", [1, 2, 3]] });
    expect(a.name).toBe("rand(1)");
    for (const v of a.values as number[]) expect(v >= 0 && v < 1).toBe(true);
    expect(run(F.rand(1), { x: ["int", [1, 2, 3]] }).values).toEqual(a.values);
  });
});

describe("null handling", () => {
  const S = { s: ["string", ["  ab  ", null]] as [string, unknown[]], t: ["string", ["x", "y"]] as [string, unknown[]] };
  it("coalesce family", () => {
    expect(run(F.coalesce("s", "t"), S)).toMatchObject({ name: "coalesce(s, t)", values: ["  ab  ", "y"] });
    expect(run(F.nvl("s", "t"), S)).toMatchObject({ name: "nvl(s, t)", values: ["  ab  ", "y"] });
    expect(run(F.ifnull("s", "t"), S).name).toBe("ifnull(s, t)");
    expect(run(F.nvl2("s", "t", F.lit("z")), S).values).toEqual(["x", "z"]);
    expect(run(F.nullif(F.lit(1), F.lit(1)))).toMatchObject({ name: "nullif(1, 1)", values: [null] });
    expect(one(F.coalesce(F.lit(null), F.lit(1), F.lit(2)))).toBe(1);
  });
  it("if, greatest, least, nanvl", () => {
    expect(run(F.iff(F.lit(true), F.lit(1), F.lit(2)))).toMatchObject({ name: "(IF(true, 1, 2))", values: [1] });
    expect(run(F.greatest(F.lit(1), dec("2.5"), F.lit(3)))).toMatchObject({ type: "decimal(11,1)", values: [30n] });
    expect(one(F.least(F.lit("a"), F.lit("b")))).toBe("a");
    expect(one(F.greatest(F.lit(null), F.lit(2)))).toBe(2);
    expect(one(F.nanvl(F.lit(NaN), F.lit(0.0)))).toBe(0);
    expect(one(F.isnan(F.lit(NaN)))).toBe(true);
    expect(run(F.when(F.col("t").equalTo("x"), 1).otherwise(0), S)).toMatchObject({ name: "CASE WHEN (t = x) THEN 1 ELSE 0 END", values: [1, 0] });
  });
});
