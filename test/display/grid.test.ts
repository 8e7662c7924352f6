/**
 * The grid's page queries (src/api/grid-query.ts) and its widget (src/api/data-grid.ts): every page
 * is checked against the same query written directly with the DataFrame API and collected whole,
 * so paging, sorting (with ties and nulls) and each filter form give exactly those rows; the
 * widget state names the anywidget version pinned in requirements.txt.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DataFrame, functions as F } from "../../src/index.js";
import { GridQuery } from "../../src/api/grid-query.js";
import { DataGrid } from "../../src/api/data-grid.js";
import { cellText } from "../../src/display/text/cell-text.js";
import { parseFilterText } from "../../src/display/grid/filter-text.js";
import { MAX_PAGE_ROWS, parseGridRequest, type GridRequest } from "../../src/display/grid/protocol.js";
import { ANYWIDGET_MODULE_VERSION } from "../../src/display/grid/widget.js";
import { toBundle } from "../../kernel/runtime/display.js";
import { session } from "../engine/helpers.js";

let df: DataFrame;

beforeAll(() => {
  const spark = session();
  df = spark.createDataFrame(
    [
      [1, "Jakarta", 10.5, "2024-01-03"],
      [2, "bandung", null, "2024-01-01"],
      [null, "JAKARTA Utara", 3.25, null],
      [3, null, 7.0, "2024-02-10"],
      [2, "Surabaya", 10.5, "2024-01-02"],
      [5, "Medan", -1.0, "2024-03-01"],
      [null, "Bogor", 0.0, "2024-01-05"],
      [4, "jakarta", 2.5, "2024-01-04"],
    ],
    "id INT, city STRING, price DOUBLE, day STRING",
  ).withColumn("day", F.to_date(F.col("day")));
});

/** The rows of a DataFrame, formatted as the grid formats cells (show()'s text, null for NULL). */
async function formatted(d: DataFrame): Promise<(string | null)[][]> {
  const { rows } = await d._head(null, "test");
  const fn = d.sparkSession._functionContext();
  const types = d.schema.fields.map((f) => f.dataType);
  return rows.map((r) => r.map((v, i) => (v === null ? null : cellText(v, types[i]!, fn))));
}

const req = (over: Partial<GridRequest>): GridRequest => ({ seq: 1, offset: 0, limit: 3, sort: null, filter: {}, ...over });

/** All pages of a request, concatenated, and the totals each page reported. */
async function allPages(q: GridQuery, over: Partial<GridRequest>): Promise<{ rows: (string | null)[][]; totals: number[] }> {
  const rows: (string | null)[][] = [];
  const totals: number[] = [];
  for (let offset = 0; offset < 20; offset += 3) {
    const p = await q.page(req({ ...over, offset }));
    expect(p.offset).toBe(offset);
    rows.push(...p.rows);
    totals.push(p.totalRows);
    if (p.rows.length < 3) break;
  }
  return { rows, totals };
}

describe("grid page queries", () => {
  it("names each column's Spark type from the schema", () => {
    expect(new GridQuery(df).columns()).toEqual(df.dtypes.map(([name, type]) => ({ name, type })));
    expect(new GridQuery(df).columns().map((c) => c.type)).toEqual(["int", "string", "double", "date"]);
  });

  it("pages through the rows in order, each page only its own rows", async () => {
    const q = new GridQuery(df);
    const { rows, totals } = await allPages(q, {});
    expect(rows).toEqual(await formatted(df));
    expect(new Set(totals)).toEqual(new Set([8]));
    const last = await q.page(req({ offset: 6 }));
    expect(last.rows.length).toBe(2);
    expect(last.rows.flat()).toContain(null); // NULL cells stay null, not "NULL" text
    expect(await q.page(req({ offset: 100 }))).toMatchObject({ rows: [], totalRows: 8 });
  });

  it("sorts ascending (nulls first) and descending (nulls last) across pages, ties included", async () => {
    for (const ascending of [true, false]) {
      const q = new GridQuery(df);
      const { rows } = await allPages(q, { sort: { column: "id", ascending } });
      const c = df.col("id");
      expect(rows).toEqual(await formatted(df.orderBy(ascending ? c.asc() : c.desc())));
      const ids = rows.map((r) => r[0]);
      if (ascending) expect(ids.slice(0, 2)).toEqual([null, null]);
      else expect(ids.slice(-2)).toEqual([null, null]);
      expect(new Set(rows.map((r) => r.join("|"))).size).toBe(8); // no row twice, none lost at a page edge
    }
    const q = new GridQuery(df);
    const byPrice = await allPages(q, { sort: { column: "price", ascending: false } });
    expect(byPrice.rows).toEqual(await formatted(df.orderBy(df.col("price").desc())));
  });

  const filters: [Record<string, string>, (d: DataFrame) => DataFrame][] = [
    [{ city: "jakarta" }, (d) => d.filter(F.lower(d.col("city")).contains("jakarta"))],
    [{ city: "NULL" }, (d) => d.filter(d.col("city").isNull())],
    [{ id: "not null" }, (d) => d.filter(d.col("id").isNotNull())],
    [{ id: "2" }, (d) => d.filter(d.col("id").equalTo(2))],
    [{ id: "> 2" }, (d) => d.filter(d.col("id").gt(2))],
    [{ id: "<=2" }, (d) => d.filter(d.col("id").leq(2))],
    [{ id: "!= 2" }, (d) => d.filter(d.col("id").notEqual(2))],
    [{ price: ">= 10.5" }, (d) => d.filter(d.col("price").geq(10.5))],
    [{ day: "< 2024-01-04" }, (d) => d.filter(d.col("day").lt(F.to_date(F.lit("2024-01-04"))))],
    [{ city: "jak", price: "> 3" }, (d) => d.filter(F.lower(d.col("city")).contains("jak")).filter(d.col("price").gt(3))],
  ];
  for (const [filter, direct] of filters) {
    it(`filters ${JSON.stringify(filter)} as the direct query does, counting the filtered rows`, async () => {
      const q = new GridQuery(df);
      const expected = await formatted(direct(df).orderBy(df.col("price").desc()));
      const { rows, totals } = await allPages(q, { filter, sort: { column: "price", ascending: false } });
      expect(rows).toEqual(expected);
      expect(new Set(totals)).toEqual(new Set([expected.length]));
    });
  }

  it("counts once per filter, not once per page or sort", async () => {
    const q = new GridQuery(df);
    const spy = vi.spyOn(DataFrame.prototype, "count");
    try {
      await q.page(req({}));
      await q.page(req({ offset: 3 }));
      await q.page(req({ sort: { column: "city", ascending: true } }));
      expect(spy).toHaveBeenCalledTimes(1);
      await q.page(req({ filter: { id: "> 1" } }));
      await q.page(req({ filter: { id: "> 1" }, offset: 3 }));
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("fails on a value that is not of the column's type, and on an unknown column, naming them", async () => {
    const q = new GridQuery(df);
    await expect(q.page(req({ filter: { id: "> abc" } }))).rejects.toThrow(/CAST_INVALID_INPUT.*'abc'/s);
    await expect(q.page(req({ sort: { column: "nope", ascending: true } }))).rejects.toThrow(/UNRESOLVED_COLUMN.*nope/s);
  });

  it("counts the rows it has sent", async () => {
    const q = new GridQuery(df);
    await q.page(req({ limit: 5 }));
    await q.page(req({ limit: 5, offset: 5 }));
    expect(q.rowsSent).toBe(8);
  });
});

describe("grid requests and filter text", () => {
  it("reads page requests defensively", () => {
    expect(parseGridRequest({ type: "other" })).toBeNull();
    expect(parseGridRequest(null)).toBeNull();
    expect(parseGridRequest({ type: "page", seq: 4, offset: -5, limit: 10_000, sort: { column: "x", ascending: false }, filter: { a: " 1 ", b: "", c: 3 } }))
      .toEqual({ seq: 4, offset: 0, limit: MAX_PAGE_ROWS, sort: { column: "x", ascending: false }, filter: { a: "1" } });
    expect(parseGridRequest({ type: "page", limit: 0, sort: "x" })).toEqual({ seq: 0, offset: 0, limit: 1, sort: null, filter: {} });
  });

  it("parses each filter form", () => {
    expect(parseFilterText("Jakarta", "string")).toEqual({ op: "contains", value: "Jakarta" });
    expect(parseFilterText("5", "bigint")).toEqual({ op: "=", value: "5" });
    expect(parseFilterText(">= 2024-01-01", "date")).toEqual({ op: ">=", value: "2024-01-01" });
    expect(parseFilterText("<> 3", "int")).toEqual({ op: "!=", value: "3" });
    expect(parseFilterText("null", "int")).toEqual({ op: "isNull", value: "" });
    expect(parseFilterText("NOT  NULL", "string")).toEqual({ op: "isNotNull", value: "" });
    expect(parseFilterText("a", "array<string>")).toEqual({ op: "contains", value: "a" });
  });
});

describe("the grid widget", () => {
  it("is the HTML table where no widget host is given", async () => {
    const plain = await toBundle(df);
    const grid = await toBundle(df.grid());
    expect(grid).toEqual(plain);
    expect(Object.keys(grid!)).not.toContain("application/vnd.jupyter.widget-view+json");
  });

  it("opens an anywidget comm, shows its view plus the table, and answers page requests", async () => {
    const sent: Record<string, unknown>[] = [];
    let handler: ((d: Record<string, unknown>) => void | Promise<void>) | null = null;
    const opened: unknown[][] = [];
    const host = {
      open(target: string, data: Record<string, unknown>, metadata: Record<string, unknown>) {
        opened.push([target, data, metadata]);
        return { id: "m1", send: (d: Record<string, unknown>) => sent.push(d), onMsg: (h: typeof handler) => (handler = h), onClose() {} };
      },
    };
    const g = df.grid({ pageSize: 4 });
    const bundle = (await toBundle(g, host))!;
    expect(bundle["application/vnd.jupyter.widget-view+json"]).toEqual({ version_major: 2, version_minor: 0, model_id: "m1" });
    expect(String(bundle["text/html"])).toContain("pijar-table");
    const [target, data, metadata] = opened[0] as [string, { state: Record<string, unknown> }, unknown];
    expect(target).toBe("jupyter.widget");
    expect(metadata).toEqual({ version: "2.1.0" });
    expect(data.state).toMatchObject({ _model_name: "AnyModel", _model_module: "anywidget", _view_name: "AnyView", _view_module: "anywidget", page_size: 4 });
    expect(String(data.state["_esm"])).toMatch(/export default \{ render \}/);

    await handler!({ method: "custom", content: { type: "page", seq: 7, offset: 4, limit: 4, sort: { column: "id", ascending: false }, filter: {} } });
    expect(sent[0]).toEqual({ method: "custom", content: { type: "page", seq: 7, offset: 4, totalRows: 8, rows: (await formatted(df.orderBy(df.col("id").desc()))).slice(4, 8) } });
    await handler!({ method: "custom", content: { type: "page", seq: 8, offset: 0, limit: 4, sort: null, filter: { id: "> x" } } });
    expect(sent[1]).toMatchObject({ method: "custom", content: { type: "error", seq: 8 } });
    await handler!({ method: "request_state" });
    expect(sent[2]).toEqual({ method: "update", state: data.state, buffer_paths: [] });
    expect(g.rowsSent).toBe(4);
  });

  it("names the anywidget version pinned in requirements.txt", () => {
    const pin = /^anywidget==(\d+)\.(\d+)\.\d+$/m.exec(readFileSync(new URL("../../requirements.txt", import.meta.url), "utf8"));
    expect(pin).not.toBeNull();
    expect(ANYWIDGET_MODULE_VERSION).toBe(`~${pin![1]}.${pin![2]}.*`);
  });

  it("refuses a page size out of range", () => {
    expect(() => df.grid({ pageSize: 0 })).toThrow(/pageSize must be an integer from 1 to 500/);
  });
});
