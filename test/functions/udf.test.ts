import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { run } from "./harness.js";

describe("udf", () => {
  it("names and converts like PySpark's Python UDFs", () => {
    // PySpark: F.udf(lambda v: v + 1, "int")("x") is named <lambda>(x).
    expect(run(F.udf((v: number) => v + 1, "int")("x"), { x: ["int", [1, null]] }).name).toBe("<lambda>(x)");
    // A named function names the column, as a Python `def plus1` does.
    function plus1(v: number | null) { return v == null ? null : v + 1; }
    const plus1Udf = F.udf(plus1, "int");
    expect(run(plus1Udf("x"), { x: ["int", [1, null]] })).toMatchObject({ name: "plus1(x)", type: "int", values: [2, null] });
    const str = F.udf((v: number) => String(v));
    expect(run(str(F.col("x")), { x: ["int", [1]] })).toMatchObject({ type: "string", values: ["1"] });
    const year = F.udf((d: Date) => d.getUTCFullYear(), "int");
    expect(run(year("d"), { d: ["date", [19727]] }).values).toEqual([2024]);
    const bad = F.udf(() => "not a number", "int");
    expect(run(bad("x"), { x: ["int", [1]] }).values).toEqual([null]);
  });
});
