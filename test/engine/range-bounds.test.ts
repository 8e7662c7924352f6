/**
 * spark.range's arguments: bounds past 2^53 stay exact through the plan (LIMIT pushed into the
 * range computes its new end in bigint), and an argument no BIGINT can hold fails naming
 * itself. Spark's answers for the same ranges are the golden cases `long_range_*`.
 */
import { describe, expect, it } from "vitest";
import { session } from "./helpers.js";

const spark = session();

describe("spark.range bounds", () => {
  it("LIMIT pushed into a range past 2^53 keeps the exact end", () => {
    const text = spark.range(9007199254740993n, 9223372036854775807n).limit(3).explainString("extended");
    const optimized = text.split("== Optimized Logical Plan ==")[1]!.split("== Physical Plan ==")[0]!;
    expect(optimized).toContain("Range (9007199254740993, 9007199254740996, step=1)");
  });

  it("a limit past the end of a descending range near -2^63 leaves the end alone", async () => {
    const df = spark.range(-9223372036854775801n, -9223372036854775808n, -3n).limit(1000);
    expect(await df.count()).toBe(3);
  });

  it.each([
    ["end", () => spark.range(2n ** 63n)],
    ["start", () => spark.range(-(2n ** 63n) - 1n, 0)],
    ["end", () => spark.range(0, Number.POSITIVE_INFINITY)],
    ["step", () => spark.range(0, 10, Number.NaN)],
  ])("an argument outside BIGINT fails naming %s", (name, make) => {
    expect(make).toThrow(expect.objectContaining({ errorClass: "INVALID_ARGUMENT", message: expect.stringContaining(`range(): ${name} must be an integer`) }));
  });

  it("a zero step fails, also as a bigint", () => {
    expect(() => spark.range(0, 10, 0n)).toThrow(/step must not be 0/);
  });
});
