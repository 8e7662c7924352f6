// Expected values come from PySpark 4.0.1 runs.
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { daysFromCivil } from "../../src/values/datetime.js";
import { agg, one, run } from "./harness.js";

const ts = (s: string) => Date.parse(s + "Z") * 1000;

describe("more string functions", () => {
  it("values and names", () => {
    expect(one(F.btrim(F.lit("  ab  ")))).toBe("ab");
    expect(one(F.btrim(F.lit("xxabxx"), F.lit("x")))).toBe("ab");
    expect(run(F.split_part(F.lit("a,b,c"), F.lit(","), F.lit(2)))).toMatchObject({ name: "split_part(a,b,c, ,, 2)", values: ["b"] });
    expect(one(F.split_part(F.lit("a,b,c"), F.lit(","), F.lit(-1)))).toBe("c");
    expect(one(F.split_part(F.lit("a,b,c"), F.lit(","), F.lit(5)))).toBe("");
    expect(one(F.elt(F.lit(2), F.lit("a"), F.lit("b")))).toBe("b");
    expect(() => one(F.elt(F.lit(5), F.lit("a")))).toThrow(/INVALID_ARRAY_INDEX/);
    expect(one(F.find_in_set(F.lit("b"), F.lit("a,b,c")))).toBe(2);
    expect(run(F.overlay(F.lit("Spark SQL"), F.lit("_"), 6))).toMatchObject({ name: "overlay(Spark SQL, _, 6, -1)", values: ["Spark_SQL"] });
    expect(one(F.bin(F.lit(13)))).toBe("1101");
    expect(one(F.hex(F.lit(255)))).toBe("FF");
    expect(one(F.hex(F.lit("ab")))).toBe("6162");
    expect(Buffer.from(one(F.unhex(F.lit("6162"))) as Uint8Array).toString()).toBe("ab");
    expect(one(F.conv(F.lit("ff"), 16, 10))).toBe("255");
    expect(one(F.bit_length(F.lit("ab")))).toBe(16);
    expect(one(F.regexp_substr(F.lit("abc123def"), F.lit("\\d+")))).toBe("123");
    expect(run(F.regexp_instr(F.lit("abc123"), F.lit("\\d+")))).toMatchObject({ name: "regexp_instr(abc123, \\d+, 0)", values: [4] });
    expect(one(F.url_encode(F.lit("a b&c*~")))).toBe("a+b%26c*%7E");
    expect(one(F.url_decode(F.lit("a+b%26c")))).toBe("a b&c");
    expect(run(F.str_to_map(F.lit("a:1,b:2")))).toMatchObject({ name: "str_to_map(a:1,b:2, ,, :)", values: [new Map([["a", "1"], ["b", "2"]])] });
    expect(run(F.mask(F.lit("AbCd-123")))).toMatchObject({ name: "mask(AbCd-123, X, x, n, NULL)", values: ["XxXx-nnn"] });
    expect(one(F.decode(F.encode(F.lit("ab"), "utf-8"), "utf-8"))).toBe("ab");
  });
});

describe("more collection functions", () => {
  it("values", () => {
    const a = F.array(F.lit(1), F.lit(2));
    expect(one(F.array_compact(F.array(F.lit(1), F.lit(null), F.lit(2))))).toEqual([1, 2]);
    expect(one(F.array_insert(a, 2, 9))).toEqual([1, 9, 2]);
    expect(one(F.array_insert(a, -1, 9))).toEqual([1, 2, 9]);
    expect(one(F.array_insert(a, 5, 9))).toEqual([1, 2, null, null, 9]);
    expect(one(F.array_size(a))).toBe(2);
    expect(one(F.array_sort(F.array(F.lit(3), F.lit(null), F.lit(1))))).toEqual([1, 3, null]);
    expect(one(F.map_concat(F.create_map(F.lit(1), F.lit("a")), F.create_map(F.lit(2), F.lit("b"))))).toEqual(new Map<unknown, unknown>([[1, "a"], [2, "b"]]));
    expect(one(F.map_from_entries(F.array(F.struct(F.lit(1), F.lit("a")))))).toEqual(new Map([[1, "a"]]));
  });
});

describe("more datetime functions", () => {
  it("zones, epochs, parts", () => {
    const t = F.lit("2024-01-05 10:00:00").cast("timestamp");
    expect(one(F.from_utc_timestamp(t, "Asia/Jakarta"))).toBe(ts("2024-01-05T17:00:00"));
    expect(one(F.to_utc_timestamp(t, "Asia/Jakarta"))).toBe(ts("2024-01-05T03:00:00"));
    expect(one(F.timestamp_micros(F.lit(1000000)))).toBe(1000000);
    expect(one(F.timestamp_millis(F.lit(1000)))).toBe(1000000);
    const one_s = F.lit("1970-01-01 00:00:01").cast("timestamp");
    expect(one(F.unix_micros(one_s))).toBe(1000000);
    expect(one(F.unix_millis(one_s))).toBe(1000);
    expect(one(F.unix_seconds(one_s))).toBe(1);
    expect(one(F.date_from_unix_date(F.lit(1)))).toBe(1);
    const d = F.lit("2024-03-05").cast("date");
    expect(run(F.date_part(F.lit("YEAR"), d))).toMatchObject({ name: "date_part(YEAR, CAST(2024-03-05 AS DATE))", type: "int", values: [2024] });
    expect(run(F.extract(F.lit("MONTH"), d))).toMatchObject({ name: "extract(MONTH FROM CAST(2024-03-05 AS DATE))", values: [3] });
    expect(one(F.date_part(F.lit("dow"), d))).toBe(3);
    expect(one(F.date_part(F.lit("week"), d))).toBe(10);
    expect(one(F.date_part(F.lit("doy"), d))).toBe(65);
    expect(run(F.date_part(F.lit("SECOND"), F.lit("2024-03-05 10:11:12.5").cast("timestamp")))).toMatchObject({ type: "decimal(8,6)", values: [12500000n] });
    expect(one(F.current_timezone())).toBe("UTC");
    expect(daysFromCivil(1970, 1, 2)).toBe(1);
  });
});

describe("more aggregates", () => {
  const D = {
    i: ["int", [1, 2, 3]] as [string, unknown[]], x: ["double", [2.0, 4.0, 5.0]] as [string, unknown[]],
    y: ["double", [3.0, 5.0, 9.0]] as [string, unknown[]], s: ["string", ["a", "b", null]] as [string, unknown[]],
  };
  const a = (c: Parameters<typeof agg>[0]) => agg(c, D).values[0];
  it("bits, regressions, string_agg", () => {
    expect(a(F.bit_and("i"))).toBe(0);
    expect(a(F.bit_or("i"))).toBe(3);
    expect(a(F.bit_xor("i"))).toBe(0);
    expect(a(F.regr_count("y", "x"))).toBe(3);
    expect(a(F.regr_avgx("y", "x"))).toBeCloseTo(3.6666666666666665, 12);
    expect(a(F.regr_avgy("y", "x"))).toBeCloseTo(5.666666666666667, 12);
    expect(a(F.regr_slope("y", "x"))).toBeCloseTo(1.857142857142857, 12);
    expect(a(F.regr_intercept("y", "x"))).toBeCloseTo(-1.1428571428571406, 12);
    expect(a(F.regr_r2("y", "x"))).toBeCloseTo(0.8622448979591841, 12);
    expect(a(F.regr_sxx("y", "x"))).toBeCloseTo(4.666666666666667, 12);
    expect(a(F.regr_syy("y", "x"))).toBeCloseTo(18.666666666666664, 12);
    expect(a(F.regr_sxy("y", "x"))).toBeCloseTo(8.666666666666668, 12);
    expect(agg(F.string_agg("s", ","), D)).toMatchObject({ name: "string_agg(s, ,)", values: ["a,b"] });
    expect(agg(F.listagg("s"), D)).toMatchObject({ name: "listagg(s, NULL)", values: ["ab"] });
    expect(agg(F.try_sum("i"), D)).toMatchObject({ name: "try_sum(i)", values: [6] });
    expect(a(F.try_avg("i"))).toBe(2);
  });
});

describe("misc", () => {
  it("metadata, errors, numeric helpers", () => {
    expect(run(F.monotonically_increasing_id(), { x: ["int", [1, 2, 3]] }).values).toEqual([0, 1, 2]);
    expect(run(F.spark_partition_id())).toMatchObject({ name: "SPARK_PARTITION_ID()", values: [0] });
    expect(run(F.current_database())).toMatchObject({ name: "current_schema()", values: ["default"] });
    expect(one(F.current_catalog())).toBe("spark_catalog");
    expect(run(F.try_divide(F.lit(1), F.lit(0)))).toMatchObject({ name: "try_divide(1, 0)", type: "double", values: [null] });
    expect(run(F.try_add(F.lit(1), F.lit(2)))).toMatchObject({ type: "int", values: [3] });
    expect(one(F.try_mod(F.lit(5), F.lit(0)))).toBe(null);
    expect(run(F.negative("i"), { i: ["bigint", [1]] })).toMatchObject({ name: "negative(i)", values: [-1] });
    expect(run(F.col("i").negate(), { i: ["bigint", [1]] }).name).toBe("negative(i)");
    expect(run(F.positive("i"), { i: ["bigint", [1]] }).name).toBe("(+ i)");
    expect(one(F.typeof(F.create_map(F.lit("a"), F.lit(1.5))))).toBe("map<string,double>");
    expect(() => one(F.raise_error(F.lit("boom")))).toThrow(/USER_RAISED_EXCEPTION/);
    expect(() => one(F.assert_true(F.lit(false)))).toThrow(/'false' is not true!/);
    expect(one(F.nullifzero(F.lit(0)))).toBe(null);
    expect(one(F.zeroifnull(F.lit(null)))).toBe(0);
    expect(one(F.width_bucket(F.lit(5.3), F.lit(0.2), F.lit(10.6), F.lit(5)))).toBe(3);
    expect(one(F.width_bucket(F.lit(-1), F.lit(0), F.lit(10), F.lit(5)))).toBe(0);
    expect(one(F.width_bucket(F.lit(11), F.lit(0), F.lit(10), F.lit(5)))).toBe(6);
    expect(one(F.factorial(F.lit(5)))).toBe(120);
    expect(one(F.factorial(F.lit(21)))).toBe(null);
    expect(one(F.bit_count(F.lit(-1)))).toBe(32);
    expect(one(F.getbit(F.lit(5), F.lit(2)))).toBe(1);
  });
});
