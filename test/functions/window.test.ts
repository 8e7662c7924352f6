// Expected values come from PySpark 4.0.1 runs: i = 1, 2, 2, 3, 5 ordered by i (and s).
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { win } from "./harness.js";

const D = { i: ["int", [1, 2, 2, 3, 5]] as [string, unknown[]], s: ["string", ["a", "b", "c", "d", "e"]] as [string, unknown[]] };
const PEERS = [1, 1, 0, 1, 1];
const w = (c: Parameters<typeof win>[0], peers = PEERS) => win(c, D, peers);

describe("window functions", () => {
  it("ranking", () => {
    expect(w(F.row_number())).toMatchObject({ name: "row_number()", type: "int", values: [1, 2, 3, 4, 5] });
    expect(w(F.rank())).toMatchObject({ name: "RANK()", values: [1, 2, 2, 4, 5] });
    expect(w(F.dense_rank())).toMatchObject({ name: "DENSE_RANK()", values: [1, 2, 2, 3, 4] });
    expect(w(F.percent_rank())).toMatchObject({ name: "PERCENT_RANK()", type: "double", values: [0, 0.25, 0.25, 0.75, 1] });
    expect(w(F.cume_dist())).toMatchObject({ name: "cume_dist()", values: [0.2, 0.6, 0.6, 0.8, 1] });
    expect(w(F.ntile(2))).toMatchObject({ name: "ntile(2)", values: [1, 1, 1, 2, 2] });
    expect(w(F.ntile(3)).values).toEqual([1, 1, 2, 2, 3]);
  });
  it("offsets", () => {
    const all = [1, 1, 1, 1, 1];
    expect(w(F.lag("s"), all)).toMatchObject({ name: "lag(s, 1, NULL)", values: [null, "a", "b", "c", "d"] });
    expect(w(F.lead("s", 2, "zz"), all)).toMatchObject({ name: "lead(s, 2, zz)", values: ["c", "d", "e", "zz", "zz"] });
    expect(w(F.nth_value("s", 2))).toMatchObject({ name: "nth_value(s, 2)", values: [null, "b", "b", "b", "b"] });
  });
});
