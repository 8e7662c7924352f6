import { describe, expect, it } from "vitest";
import { compareFingerprints, type ResultFingerprint } from "../check.js";

const base: ResultFingerprint = {
  rows: 2,
  revenueSum: 300.5,
  checksum: "abc",
  amounts: [
    [100.25, 10.025],
    [200.25, null],
  ],
  sortedByRevenue: true,
};

describe("compareFingerprints", () => {
  it("accepts summation noise in the last bits", () => {
    const got = { ...base, amounts: base.amounts.map(([r, a]) => [r! * (1 + 1e-13), a] as [number, number | null]) };
    expect(compareFingerprints(got, base)).toBeUndefined();
  });

  it("names each kind of difference", () => {
    expect(compareFingerprints({ ...base, rows: 3 }, base)).toMatch(/rows 3 vs 2/);
    expect(compareFingerprints({ ...base, checksum: "x" }, base)).toMatch(/groups/);
    expect(compareFingerprints({ ...base, sortedByRevenue: false }, base)).toMatch(/not sorted/);
    expect(compareFingerprints({ ...base, amounts: [[100.25, 10.025], [200.25, 1]] }, base)).toMatch(/row 1/);
    expect(compareFingerprints({ ...base, revenueSum: 301 }, base)).toMatch(/revenue sum/);
  });
});
