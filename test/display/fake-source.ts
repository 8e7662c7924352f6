import type { PlotSource } from "../../src/display/plot/index.js";

/** An in-memory PlotSource for tests. */
export function fakeSource(dtypes: [string, string][], rows: unknown[][], conf: Record<string, string> = {}): PlotSource & { fetched: number[] } {
  const fetched: number[] = [];
  return {
    columns: dtypes.map(([n]) => n),
    dtypes,
    fetched,
    async fetchRows(limit: number) {
      fetched.push(limit);
      return rows.slice(0, limit);
    },
    async count() {
      return rows.length;
    },
    conf: (k: string) => conf[k],
  };
}

export const sales = fakeSource(
  [
    ["city", "string"],
    ["revenue", "double"],
    ["cost", "int"],
  ],
  [
    ["Jakarta", 120.5, 80],
    ["Bandung", 75, 60],
    ["Surabaya", 98.25, 70],
    ["Medan", null, 20],
  ],
);
