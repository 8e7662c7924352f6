/** Unit tests of the .slt format helpers: parsing, and Python-repr float text. */
import { describe, expect, it } from "vitest";
import { parseSlt, pyFloatRepr } from "./slt-format.js";

// Pairs printed by Python 3 (`repr(v)`), the oracle's side of the float text.
const CASES: [number, string][] = [
  [1.0, '1.0'],
  [0.5, '0.5'],
  [-2.5, '-2.5'],
  [1e+16, '1e+16'],
  [1.5e+16, '1.5e+16'],
  [1000000000000000.0, '1000000000000000.0'],
  [123456789012345.6, '123456789012345.6'],
  [0.0001, '0.0001'],
  [1e-05, '1e-05'],
  [0.00012, '0.00012'],
  [1.1e-07, '1.1e-07'],
  [-0.0, '-0.0'],
  [0.30000000000000004, '0.30000000000000004'],
  [0.3333333333333333, '0.3333333333333333'],
  [1e+308, '1e+308'],
  [5e-324, '5e-324'],
  [100.0, '100.0'],
  [2.5e-05, '2.5e-05'],
  [12345.678, '12345.678'],
];

describe("pyFloatRepr", () => {
  it.each(CASES)("%s -> %s", (v, text) => expect(pyFloatRepr(v)).toBe(text));
  it("prints NaN and infinities as the shared normalizer does", () => {
    expect([pyFloatRepr(NaN), pyFloatRepr(Infinity), pyFloatRepr(-Infinity)]).toEqual(["NaN", "Infinity", "-Infinity"]);
  });
});

describe("parseSlt", () => {
  it("reads statements, ordered and sorted queries, errors and their line numbers", () => {
    const recs = parseSlt("# c\nstatement ok\nCREATE X\n\nquery rowsort\nSELECT 1\n----\n1\n\nquery error FOO.BAR\nSELECT\n  2\n");
    expect(recs.map((r) => [r.line, r.kind, r.mode, r.error, r.sql, r.rows])).toEqual([
      [2, "statement", "ok", null, "CREATE X", []],
      [5, "query", "rowsort", null, "SELECT 1", ["1"]],
      [10, "query", "error", "FOO.BAR", "SELECT\n  2", []],
    ]);
  });
});
