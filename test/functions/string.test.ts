// Expected values come from PySpark 4.0.1 runs (see test/functions/README.md).
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { one, run } from "./harness.js";

const S = (v: unknown[]) => ({ s: ["string", v] as [string, unknown[]] });

describe("string functions", () => {
  it("names and values of the basics", () => {
    const d = S(["  ab  "]);
    expect(run(F.trim("s"), d)).toMatchObject({ name: "trim(s)", values: ["ab"] });
    expect(run(F.ltrim("s"), d).values).toEqual(["ab  "]);
    expect(run(F.rtrim("s"), d).values).toEqual(["  ab"]);
    expect(run(F.trim("s", F.lit(" a")), d)).toMatchObject({ name: "TRIM(BOTH  a FROM s)", values: ["b"] });
    expect(run(F.length("s"), d)).toMatchObject({ name: "length(s)", type: "int", values: [6] });
    expect(run(F.initcap("s"), d).values).toEqual(["  Ab  "]);
    expect(one(F.initcap(F.lit("hello wORLD foo-bar")))).toBe("Hello World Foo-bar");
    expect(run(F.upper("s"), S([null])).values).toEqual([null]);
  });

  it("substring follows Spark's positions", () => {
    const d = S(["hello"]);
    expect(run(F.substring("s", -3, 2), d)).toMatchObject({ name: "substring(s, -3, 2)", values: ["ll"] });
    expect(one(F.substring("s", 0, 2), d)).toBe("he");
    expect(one(F.substr("s", -10, 3), d)).toBe("");
    expect(run(F.substr("s", 2), d)).toMatchObject({ name: "substr(s, 2, 2147483647)", values: ["ello"] });
    expect(run(F.left("s", F.lit(2)), d)).toMatchObject({ name: "left(s, 2)", values: ["he"] });
    expect(one(F.right("s", F.lit(2)), d)).toBe("lo");
    expect(one(F.substring(F.lit("a😀bc"), 2, 2))).toBe("😀b");
  });

  it("regular expressions", () => {
    expect(run(F.regexp_replace(F.lit("a1b22"), "\\d", "X"))).toMatchObject({ name: "regexp_replace(a1b22, \\d, X, 1)", values: ["aXbXX"] });
    expect(one(F.regexp_replace(F.lit("2024-01-05"), "(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1"))).toBe("05/01/2024");
    expect(one(F.regexp_extract(F.lit("abc123"), "([a-z]+)(\\d+)", 2))).toBe("123");
    expect(one(F.regexp_extract(F.lit("abc"), "(\\d+)", 1))).toBe("");
    expect(run(F.regexp_extract_all(F.lit("a1b22c333"), F.lit("\\d+"), 0)).values).toEqual([["1", "22", "333"]]);
    expect(run(F.rlike("s", F.lit("a")), S(["  ab  "]))).toMatchObject({ name: "RLIKE(s, a)", values: [true] });
    expect(one(F.rlike(F.lit("ABC"), F.lit("(?i)^abc$")))).toBe(true);
    expect(one(F.rlike(F.lit("a.b"), F.lit("\\Qa.b\\E")))).toBe(true);
    expect(one(F.rlike(F.lit("ab"), F.lit("^\\p{Alpha}+$")))).toBe(true);
    expect(() => one(F.rlike(F.lit("ab"), F.lit("(?>a)b")))).toThrow(/atomic group/);
  });

  it("split keeps Java's rules", () => {
    expect(run(F.split(F.lit("a,b,,c"), ","))).toMatchObject({ name: "split(a,b,,c, ,, -1)", values: [["a", "b", "", "c"]] });
    expect(one(F.split(F.lit("a,b,c"), ",", 2))).toEqual(["a", "b,c"]);
    expect(one(F.split(F.lit("abc"), ""))).toEqual(["a", "b", "c"]);
    expect(one(F.split(F.lit("a,b,"), ","))).toEqual(["a", "b", ""]);
  });

  it("like, ilike and friends", () => {
    const d = S(["  ab  "]);
    expect(run(F.col("s").like("a%"), d)).toMatchObject({ name: "s LIKE a%", values: [false] });
    expect(run(F.ilike("s", F.lit("%A%")), d)).toMatchObject({ name: "ilike(s, %A%)", values: [true] });
    expect(one(F.like(F.lit("a_c"), F.lit("a\\_c")))).toBe(true);
    expect(one(F.like(F.lit("abc"), F.lit("a\\_c")))).toBe(false);
    expect(run(F.startswith("s", F.lit("a")), d)).toMatchObject({ name: "startswith(s, a)", values: [false] });
    expect(run(F.contains("s", F.lit("a")), d).values).toEqual([true]);
    expect(run(F.instr("s", "a"), d)).toMatchObject({ name: "instr(s, a)", values: [3] });
    expect(run(F.locate("a", "s"), d)).toMatchObject({ name: "locate(a, s, 1)", values: [3] });
    expect(one(F.locate("l", F.lit("hello"), 4))).toBe(4);
  });

  it("padding, repeat, translate, concat", () => {
    expect(one(F.lpad(F.lit("hi"), 5, "ab"))).toBe("abahi");
    expect(one(F.rpad(F.lit("hi"), 5, "ab"))).toBe("hiaba");
    expect(one(F.lpad(F.lit("hello"), 3, "x"))).toBe("hel");
    expect(one(F.repeat(F.lit("ab"), 3))).toBe("ababab");
    expect(one(F.reverse(F.lit("abc")))).toBe("cba");
    expect(one(F.translate(F.lit("abcd"), "bd", "X"))).toBe("aXc");
    expect(run(F.concat(F.lit("a"), F.lit(null), F.lit("b")))).toMatchObject({ name: "concat(a, NULL, b)", values: [null] });
    expect(run(F.concat_ws("-", F.lit("a"), F.lit(null), F.lit("b")))).toMatchObject({ name: "concat_ws(-, a, NULL, b)", values: ["a-b"] });
    expect(one(F.concat_ws(",", F.lit(["x", "y"]), F.lit("z")))).toBe("x,y,z");
    expect(one(F.replace(F.lit("aXa"), F.lit("a"), F.lit("b")))).toBe("bXb");
  });

  it("formatting", () => {
    expect(one(F.format_number(F.lit(12345.6789), 2))).toBe("12,345.68");
    expect(one(F.format_number(F.lit(1234567), 0))).toBe("1,234,567");
    expect(one(F.format_number(F.lit(0.125), 2))).toBe("0.12");
    expect(one(F.format_string("%s=%d %.2f %5s|", F.lit("a"), F.lit(3), F.lit(1.5), F.lit("x")))).toBe("a=3 1.50     x|");
    expect(one(F.printf(F.lit("%03d"), F.lit(7)))).toBe("007");
  });

  it("misc", () => {
    expect(one(F.levenshtein(F.lit("kitten"), F.lit("sitting")))).toBe(3);
    expect(one(F.soundex(F.lit("Robert")))).toBe("R163");
    expect(one(F.ascii(F.lit("A")))).toBe(65);
    expect(one(F.base64(F.lit("abc")))).toBe("YWJj");
    expect(Buffer.from(one(F.unbase64(F.lit("YWJj"))) as Uint8Array).toString()).toBe("abc");
  });
});

describe("string edge cases checked against PySpark", () => {
  it("regex replace and split corners", () => {
    expect(one(F.regexp_replace(F.lit("aaa"), "a*", "X"))).toBe("XX");
    expect(one(F.regexp_replace(F.lit("abc"), "", "-"))).toBe("-a-b-c-");
    expect(one(F.split(F.lit("a1b2c3"), "\\d"))).toEqual(["a", "b", "c", ""]);
    expect(one(F.split(F.lit("  a  b "), " +"))).toEqual(["", "a", "b", ""]);
    expect(one(F.regexp_extract_all(F.lit("abc"), F.lit("(x)?b"), 1))).toEqual([""]);
  });
  it("characters and formats", () => {
    expect(one(F.initcap(F.lit("ab-cd eF")))).toBe("Ab-cd Ef");
    expect(one(F.translate(F.lit("aab"), "aa", "xy"))).toBe("xxb");
    expect(one(F.substring_index(F.lit("a.b.c"), ".", -2))).toBe("b.c");
    expect(one(F.instr(F.lit("😀ab"), "a"))).toBe(2);
    expect(one(F.length(F.lit("😀ab")))).toBe(3);
    expect(one(F.format_string("%5.1f|%-5d|%05d|%x|%,d|%b|%c|%10.3e|%S", F.lit(1.25), F.lit(3), F.lit(42), F.lit(255), F.lit(1234567), F.lit(true), F.lit(65), F.lit(12345.678), F.lit("hi"))))
      .toBe("  1.3|3    |00042|ff|1,234,567|true|A| 1.235e+04|HI");
    expect(one(F.format_number(F.lit(-0.001), 2))).toBe("-0.00");
    expect(one(F.format_number(F.lit(1.5), 0))).toBe("2");
    expect(one(F.format_number(F.lit(2.5), 0))).toBe("2");
  });
});
