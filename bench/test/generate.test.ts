import { describe, expect, it } from "vitest";
import { CITIES } from "../cities.js";
import { DEFAULT_SEED, mulberry32, salesLines, STATUSES } from "../generate.js";

describe("sales generator", () => {
  const rows = 50_000;
  const text = salesLines(DEFAULT_SEED)(0, rows);
  const lines = text.trimEnd().split("\n");

  it("is deterministic for a seed and differs across seeds", () => {
    expect(salesLines(DEFAULT_SEED)(0, rows)).toBe(text);
    expect(salesLines(DEFAULT_SEED + 1)(0, 1000)).not.toBe(text.slice(0, text.length));
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it("writes 8 fields per row and numbers order_id from 1", () => {
    expect(lines).toHaveLength(rows);
    for (const [i, l] of lines.entries()) {
      const f = l.split(",");
      expect(f).toHaveLength(8);
      expect(f[0]).toBe(String(i + 1));
    }
  });

  it("has about 1% nulls in each nullable column and valid values elsewhere", () => {
    const cityNames = new Set(CITIES.map((c) => c[0]));
    const nulls = new Array(8).fill(0);
    for (const l of lines) {
      const f = l.split(",");
      f.forEach((v, i) => v === "" && nulls[i]++);
      if (f[2]) expect(cityNames.has(f[2])).toBe(true);
      if (f[4]) expect(Number(f[4])).toBeGreaterThanOrEqual(1), expect(Number(f[4])).toBeLessThanOrEqual(20);
      if (f[5]) expect(f[5]).toMatch(/^\d+\.\d\d$/);
      if (f[6]) expect(f[6]).toMatch(/^2024-\d\d-\d\d \d\d:\d\d:\d\d$/);
      if (f[7]) expect(STATUSES).toContain(f[7]);
    }
    expect(nulls[0]).toBe(0);
    for (let i = 1; i < 8; i++) {
      expect(nulls[i] / rows).toBeGreaterThan(0.005);
      expect(nulls[i] / rows).toBeLessThan(0.015);
    }
  });

  it("has 50 cities in the dimension", () => {
    expect(new Set(CITIES.map((c) => c[0])).size).toBe(50);
  });
});
