// Expected values come from PySpark 4.0.1 runs.
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { Decimal } from "../../src/values/decimal-value.js";
import { one, run } from "./harness.js";

const dec = (s: string, t: string) => F.lit(Decimal.fromString(s)).cast(t);

describe("digests", () => {
  it("md5, sha1, sha2, crc32", () => {
    expect(run(F.md5(F.lit("abc")))).toMatchObject({ name: "md5(abc)", values: ["900150983cd24fb0d6963f7d28e17f72"] });
    expect(one(F.sha1(F.lit("abc")))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(one(F.sha2(F.lit("abc"), 256))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(run(F.crc32(F.lit("abc")))).toMatchObject({ type: "bigint", values: [891568578] });
    expect(one(F.crc32(F.lit("x")))).toBe(2363233923);
  });
});

describe("Murmur3 hash as Spark", () => {
  it("atomic types", () => {
    expect(run(F.hash(F.lit("abc")))).toMatchObject({ name: "hash(abc)", type: "int", values: [1322437556] });
    expect(one(F.hash(F.lit("abcde")))).toBe(814637928);
    expect(one(F.hash(F.lit(1)))).toBe(-559580957);
    expect(one(F.hash(F.lit(1).cast("bigint")))).toBe(-1712319331);
    expect(one(F.hash(F.lit(1.5)))).toBe(1290763749);
    expect(one(F.hash(F.lit(1.5).cast("float")))).toBe(-221251528);
    expect(one(F.hash(F.lit(-0.0)))).toBe(-1670924195);
    expect(one(F.hash(F.lit(true)))).toBe(-559580957);
    expect(one(F.hash(F.lit(null)))).toBe(42);
    expect(one(F.hash(F.lit("héllo wörld")))).toBe(-281075962);
    expect(one(F.hash(F.lit(new Uint8Array([1, 2]))))).toBe(1964783052);
  });
  it("decimals, arrays, several columns", () => {
    expect(one(F.hash(dec("-5", "decimal(30,0)")))).toBe(295544547);
    expect(one(F.hash(dec("12.34", "decimal(10,2)")))).toBe(-1028144669);
    expect(one(F.hash(dec("1234567890123456789012.5", "decimal(30,1)")))).toBe(140052798);
    expect(one(F.hash(F.array(F.lit(1), F.lit(2))))).toBe(-222940379);
    expect(one(F.hash(F.array(F.lit(1), F.lit(null), F.lit(2))))).toBe(-222940379);
    expect(one(F.hash(F.lit(null).cast("int"), F.lit(1)))).toBe(-559580957);
    expect(run(F.hash("s", "i"), { s: ["string", ["x"]], i: ["int", [1]] }).values).toEqual([-1371604412]);
    expect(() => one(F.hash(F.create_map(F.lit("a"), F.lit(1))))).toThrow(/HASH_MAP_TYPE/);
  });
});
