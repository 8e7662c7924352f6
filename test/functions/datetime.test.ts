// Expected values come from PySpark 4.0.1 runs (session time zone UTC).
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { daysFromCivil } from "../../src/values/datetime.js";
import { one, run } from "./harness.js";

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const ts = (s: string) => Date.parse(s + "Z") * 1000;
const D = { t: ["string", ["2024-01-05"]] as [string, unknown[]], ts: ["string", ["2024-03-05 10:11:12"]] as [string, unknown[]], i: ["int", [3]] as [string, unknown[]] };
const r = (c: Parameters<typeof run>[0]) => run(c, D);

describe("parsing and formatting", () => {
  it("to_date / to_timestamp", () => {
    expect(r(F.to_date("t"))).toMatchObject({ name: "to_date(t)", type: "date", values: [day(2024, 1, 5)] });
    expect(r(F.to_date("t", "yyyy-MM-dd"))).toMatchObject({ name: "to_date(t, yyyy-MM-dd)", values: [day(2024, 1, 5)] });
    expect(r(F.to_timestamp("ts"))).toMatchObject({ name: "to_timestamp(ts)", type: "timestamp", values: [ts("2024-03-05T10:11:12")] });
    expect(r(F.to_timestamp("t", "yyyy-MM-dd")).values).toEqual([ts("2024-01-05T00:00:00")]);
    expect(one(F.to_timestamp(F.lit("12/25/2024 08:30"), "MM/dd/yyyy HH:mm"))).toBe(ts("2024-12-25T08:30:00"));
    expect(one(F.to_date(F.lit("2024-1-5")))).toBe(day(2024, 1, 5));
    expect(one(F.to_timestamp(F.lit("2024-01-05T10:00:00Z")))).toBe(ts("2024-01-05T10:00:00"));
  });
  it("invalid input raises Spark's error classes", () => {
    expect(() => r(F.to_date(F.lit("x")))).toThrow(/CAST_INVALID_INPUT/);
    expect(() => r(F.to_date("t", "dd/MM/yyyy"))).toThrow(/CANNOT_PARSE_TIMESTAMP/);
    expect(() => r(F.unix_timestamp("t"))).toThrow(/CANNOT_PARSE_TIMESTAMP/);
    expect(r(F.try_to_timestamp("t", F.lit("dd/MM/yyyy")))).toMatchObject({ name: "try_to_timestamp(t, dd/MM/yyyy)", values: [null] });
    expect(() => one(F.make_date(F.lit(2024), F.lit(2), F.lit(30)))).toThrow(/DATETIME_FIELD_OUT_OF_BOUNDS/);
    expect(() => one(F.next_day(F.lit("2024-03-05"), "xx"))).toThrow(/ILLEGAL_DAY_OF_WEEK/);
  });
  it("date_format and epoch seconds", () => {
    expect(r(F.date_format("t", "yyyy"))).toMatchObject({ name: "date_format(t, yyyy)", values: ["2024"] });
    expect(one(F.date_format(F.lit("2024-03-05 10:11:12.345").cast("timestamp"), "yyyy-MM-dd HH:mm:ss.SSS a EEEE MMM"))).toBe("2024-03-05 10:11:12.345 AM Tuesday Mar");
    expect(r(F.unix_timestamp("ts"))).toMatchObject({ name: "unix_timestamp(ts, yyyy-MM-dd HH:mm:ss)", type: "bigint", values: [1709633472] });
    expect(one(F.unix_timestamp(F.lit("2024-03-05"), "yyyy-MM-dd"))).toBe(1709596800);
    expect(run(F.from_unixtime(F.lit(0)))).toMatchObject({ name: "from_unixtime(0, yyyy-MM-dd HH:mm:ss)", values: ["1970-01-01 00:00:00"] });
    expect(one(F.from_unixtime(F.lit(0), "yyyy"))).toBe("1970");
  });
});

describe("fields", () => {
  it("date and time parts", () => {
    expect(r(F.year("t"))).toMatchObject({ name: "year(t)", type: "int", values: [2024] });
    expect(r(F.month("t")).values).toEqual([1]);
    expect(r(F.dayofmonth("t")).values).toEqual([5]);
    expect(r(F.day("t")).name).toBe("day(t)");
    expect(r(F.dayofweek("t")).values).toEqual([6]);
    expect(r(F.weekofyear("t")).values).toEqual([1]);
    expect(r(F.quarter("t")).values).toEqual([1]);
    expect(r(F.dayofyear("t")).values).toEqual([5]);
    expect(r(F.hour("ts"))).toMatchObject({ name: "hour(ts)", values: [10] });
    expect(r(F.minute("ts")).values).toEqual([11]);
    expect(r(F.second("ts")).values).toEqual([12]);
    expect(one(F.weekofyear(F.lit("2021-01-01")))).toBe(53);
    expect(one(F.weekofyear(F.lit("2024-12-30")))).toBe(1);
    expect(one(F.dayofweek(F.lit("2024-03-10")))).toBe(1);
  });
});

describe("arithmetic", () => {
  it("days and months", () => {
    expect(one(F.datediff(F.lit("2024-03-05"), F.lit("2024-01-01")))).toBe(64);
    expect(r(F.date_add("t", 1))).toMatchObject({ name: "date_add(t, 1)", type: "date", values: [day(2024, 1, 6)] });
    expect(r(F.date_sub("t", 1)).values).toEqual([day(2024, 1, 4)]);
    expect(one(F.add_months(F.lit("2024-01-31"), 1))).toBe(day(2024, 2, 29));
    expect(one(F.add_months(F.lit("2024-03-31"), -1))).toBe(day(2024, 2, 29));
    expect(r(F.months_between("t", "t"))).toMatchObject({ name: "months_between(t, t, true)", values: [0] });
    expect(one(F.months_between(F.lit("2024-03-31").cast("date"), F.lit("2024-02-29").cast("date")))).toBe(1);
    expect(one(F.months_between(F.lit("2024-01-31").cast("date"), F.lit("2024-02-29").cast("date")))).toBe(-1);
    expect(one(F.months_between(F.lit("2024-03-15 10:00:00"), F.lit("2024-01-01"), false))).toBe(2.46505376344086);
    expect(one(F.months_between(F.lit("2024-03-15 10:00:00"), F.lit("2024-01-01 00:00:00")))).toBe(2.46505376);
    expect(one(F.last_day(F.lit("2024-02-05")))).toBe(day(2024, 2, 29));
    expect(one(F.next_day(F.lit("2024-03-05"), "Mon"))).toBe(day(2024, 3, 11));
    expect(one(F.make_date(F.lit(2024), F.lit(2), F.lit(29)))).toBe(day(2024, 2, 29));
  });
  it("trunc and date_trunc", () => {
    const d = F.lit("2024-03-05");
    expect(one(F.trunc(d, "MM"))).toBe(day(2024, 3, 1));
    expect(one(F.trunc(d, "year"))).toBe(day(2024, 1, 1));
    expect(one(F.trunc(d, "week"))).toBe(day(2024, 3, 4));
    expect(one(F.trunc(d, "quarter"))).toBe(day(2024, 1, 1));
    expect(one(F.trunc(d, "dd"))).toBe(null);
    expect(run(F.date_trunc("hour", F.lit("2024-03-05 10:11:12")))).toMatchObject({ type: "timestamp", values: [ts("2024-03-05T10:00:00")] });
    expect(one(F.date_trunc("MM", F.lit("2024-03-05")))).toBe(ts("2024-03-01T00:00:00"));
    expect(one(F.date_trunc("week", F.lit("2024-03-07 10:11:12")))).toBe(ts("2024-03-04T00:00:00"));
  });
  it("current date and time come from the query's clock", () => {
    expect(run(F.current_date())).toMatchObject({ name: "current_date()", values: [day(2024, 3, 5)] });
    expect(run(F.current_timestamp())).toMatchObject({ name: "current_timestamp()", values: [ts("2024-03-05T10:11:12")] });
    expect(run(F.now()).name).toBe("now()");
  });
});

describe("time windows", () => {
  it("tumbling windows as Spark (oracle/queries-10.txt)", () => {
    const t = F.lit("2024-03-05 10:11:12").cast("timestamp");
    expect(run(F.window(t, "10 minutes"))).toMatchObject({ name: "window", type: "struct<start:timestamp,end:timestamp>", values: [[ts("2024-03-05T10:10:00"), ts("2024-03-05T10:20:00")]] });
    expect(one(F.window(t, "1 hour", "1 hour", "15 minutes"))).toEqual([ts("2024-03-05T09:15:00"), ts("2024-03-05T10:15:00")]);
    expect(one(F.window(t, "1 week"))).toEqual([ts("2024-02-29T00:00:00"), ts("2024-03-07T00:00:00")]);
    expect(() => one(F.window(t, "1 hour", "10 minutes"))).toThrow(/sliding/);
  });
});
