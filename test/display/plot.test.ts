import { describe, expect, it } from "vitest";
import { plotAccessor, Figure, resetPlotlyInlining } from "../../src/display/plot/index.js";
import { niceTicks, formatNumber } from "../../src/display/plot/scale.js";
import { boxStats, binEdges, histogram } from "../../src/display/plot/stats.js";
import { fakeSource, sales } from "./fake-source.js";

const DISPLAY = Symbol.for("Jupyter.display");

/** Tags that give an attribute twice: invalid XML, so an <img> of the SVG draws nothing. */
function repeatedAttributes(svg: string): string[] {
  const bad: string[] = [];
  for (const [tag, attrs] of svg.matchAll(/<[a-zA-Z]+((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)) {
    const names = [...attrs!.matchAll(/([\w:-]+)="/g)].map((m) => m[1]);
    if (new Set(names).size !== names.length) bad.push(tag);
  }
  return bad;
}

describe("df.plot", () => {
  it("bar: one trace per y, titles, legend only for several y", async () => {
    const one = await plotAccessor(sales).bar({ x: "city", y: "revenue" });
    expect(one.toJSON()).toMatchSnapshot();
    const two = await plotAccessor(sales).bar({ x: "city", y: ["revenue", "cost"] });
    expect(two.data.map((t) => t.name)).toEqual(["revenue", "cost"]);
    expect(two.layout.yaxis?.title?.text).toBe("value");
    expect(two.layout.legend?.title?.text).toBe("variable");
  });

  it("call form and every kind produce figures with SVG", async () => {
    const p = plotAccessor(sales);
    for (const kind of ["line", "bar", "barh", "scatter", "area", "pie", "box", "hist", "kde"] as const) {
      const opts = kind === "box" || kind === "hist" || kind === "kde" ? { column: "revenue" } : { x: "city", y: "revenue" };
      const fig = await p({ kind, ...opts });
      expect(fig).toBeInstanceOf(Figure);
      const svg = fig.toSvg();
      expect(svg.startsWith("<svg")).toBe(true);
      expect(repeatedAttributes(svg), kind).toEqual([]);
      expect(svg).toMatchSnapshot(kind);
    }
  });

  it("bar/pie read the first max_rows rows; line samples", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i, i * 2]);
    const src = fakeSource([["x", "int"], ["y", "int"]], rows, { "spark.sql.pyspark.plotting.max_rows": "10" });
    const bar = await plotAccessor(src).bar({ x: "x", y: "y" });
    expect(bar.data[0]!.x).toHaveLength(10);
    const line = await plotAccessor(src).line({ x: "x", y: "y" });
    expect(line.data[0]!.x).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
  });

  it("monthly and yearly x values get one label per period, not weekly or fractional ticks", async () => {
    const months = fakeSource([["month", "string"], ["total", "double"]], [["2024-01", 5], ["2024-02", 7], [null, 1], ["2024-03", 6]]);
    const line = await plotAccessor(months).line({ x: "month", y: "total" });
    expect(line.layout.xaxis).toMatchObject({ type: "date", tickformat: "%Y-%m", dtick: "M1", title: { text: "month" } });
    const decade = fakeSource([["month", "string"], ["total", "double"]], Array.from({ length: 120 }, (_, i) => [`${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, i]));
    expect((await plotAccessor(decade).line({ x: "month", y: "total" })).layout.xaxis).toMatchObject({ tickformat: "%Y", dtick: "M12" });
    const starts = fakeSource([["m", "date"], ["total", "double"]], [[new Date(Date.UTC(2024, 0, 1)), 1], [new Date(Date.UTC(2024, 1, 1)), 2]]);
    expect((await plotAccessor(starts).bar({ x: "m", y: "total" })).layout.xaxis).toMatchObject({ dtick: "M1" });
    const years = fakeSource([["year", "int"], ["total", "double"]], [[2019, 1], [2020, 2], [2021, 3]]);
    expect((await plotAccessor(years).line({ x: "year", y: "total" })).layout.xaxis).toMatchObject({ tickformat: "d", dtick: 1 });
    expect((await plotAccessor(years).barh({ x: "year", y: "total" })).layout.yaxis).toMatchObject({ tickformat: "d" });
    // Not periods: a day in mid-month, a count, a city.
    const days = fakeSource([["d", "string"], ["v", "int"]], [["2024-01-15", 1], ["2024-02-01", 2]]);
    expect((await plotAccessor(days).line({ x: "d", y: "v" })).layout.xaxis?.dtick).toBeUndefined();
    expect((await plotAccessor(sales).line({ x: "city", y: "revenue" })).layout.xaxis?.dtick).toBeUndefined();
    const counts = fakeSource([["n", "int"], ["v", "int"]], [[1, 1], [2, 2]]);
    expect((await plotAccessor(counts).line({ x: "n", y: "v" })).layout.xaxis?.dtick).toBeUndefined();
  });

  it("errors name the column and list the available ones", async () => {
    await expect(plotAccessor(sales).bar({ x: "town", y: "revenue" })).rejects.toThrow(/Column "town" does not exist.*city, revenue, cost/);
    await expect(plotAccessor(sales).hist({ column: "city" })).rejects.toThrow(/numeric/);
  });

  it("display bundle has plotly JSON, offline HTML and SVG", async () => {
    resetPlotlyInlining();
    const fig = await plotAccessor(sales).bar({ x: "city", y: "revenue" });
    const b = (fig as any)[DISPLAY]();
    expect(Object.keys(b).sort()).toEqual(["application/vnd.plotly.v1+json", "image/svg+xml", "text/html", "text/plain"]);
    expect(b["text/html"]).toContain("window.Plotly");
    expect(b["text/html"].length).toBeGreaterThan(1_000_000); // plotly.js inlined the first time
    expect(b["text/html"]).not.toMatch(/src="http/);
    const again = (fig as any)[DISPLAY]();
    expect(again["text/html"].length).toBeLessThan(100_000); // later figures reuse it
  });

  it("escapes labels in SVG", async () => {
    const src = fakeSource([["k", "string"], ["v", "int"]], [["<evil>&", 1]]);
    const svg = (await plotAccessor(src).bar({ x: "k", y: "v", title: "a<b" })).toSvg();
    expect(svg).toContain("&lt;evil&gt;&amp;");
    expect(svg).toContain("a&lt;b");
    expect(svg).not.toContain("<evil>");
  });
});

describe("plot helpers", () => {
  it("nice ticks and numbers", () => {
    expect(niceTicks(0, 97)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.1, 0.43)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(formatNumber(25000)).toBe("25k");
    expect(formatNumber(0.12345)).toBe("0.123");
  });

  it("box stats and histogram", () => {
    const s = boxStats([1, 2, 3, 4, 5, 6, 7, 8, 100]);
    expect([s.q1, s.median, s.q3, s.lowerfence, s.upperfence, s.outliers]).toEqual([3, 5, 7, 1, 8, [100]]);
    const edges = binEdges([0, 1, 2, 3, 4], 2);
    expect(edges).toEqual([0, 2, 4]);
    expect(histogram([0, 1, 2, 3, 4], edges)).toEqual([2, 3]);
  });
});
