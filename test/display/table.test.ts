import { describe, expect, it } from "vitest";
import { tableBundle, rowCapNote, tableSchemaType, type TableData } from "../../src/display/table.js";

const sample: TableData = {
  columns: [
    { name: "city", type: "string" },
    { name: "revenue", type: "decimal(10,2)" },
    { name: "<b>n</b>", type: "int" },
  ],
  rows: [
    ["Jakarta", "12.50", "1"],
    ["<script>alert(1)</script>", null, "2"],
  ],
  records: [
    { city: "Jakarta", revenue: 12.5, "<b>n</b>": 1 },
    { city: "<script>alert(1)</script>", revenue: null, "<b>n</b>": 2 },
  ],
  shownRows: 2,
  totalRows: 5,
  plainText: "+-------+\n|city   |\n+-------+\n",
};

describe("tableBundle", () => {
  it("produces the three MIME types", () => {
    const b = tableBundle(sample);
    expect(Object.keys(b).sort()).toEqual(["application/vnd.dataresource+json", "text/html", "text/plain"]);
    expect(b["text/plain"]).toBe(sample.plainText);
  });

  it("escapes names and values", () => {
    const html = tableBundle(sample)["text/html"] as string;
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;n&lt;/b&gt;");
  });

  it("shows types under names, styles NULL, right-aligns numbers, notes the row cap", () => {
    const html = tableBundle(sample)["text/html"] as string;
    expect(html).toContain('<th class="pijar-num">revenue<span class="pijar-type">decimal(10,2)</span></th>');
    expect(html).toContain('<th>city<span class="pijar-type">string</span></th>');
    expect(html).toContain('<td class="pijar-null pijar-num">NULL</td>');
    expect(html).toContain('<td class="pijar-num">12.50</td>');
    expect(html).toContain("<td>Jakarta</td>");
    expect(html).toContain("showing 2 of 5 rows");
    expect(html).toMatchSnapshot();
  });

  it("follows JupyterLab's theme and outranks its right-aligned cells", () => {
    const html = tableBundle(sample)["text/html"] as string;
    const css = /<style>(.*?)<\/style>/s.exec(html)![1]!;
    expect(css).not.toMatch(/#f3f3f3/i);
    for (const v of ["--jp-layout-color2", "--jp-ui-font-color1", "--jp-border-color2", "--jp-ui-font-color2"]) {
      expect(css).toContain(`var(${v},`);
    }
    // JupyterLab 4's `:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td{text-align:right}` has
    // two classes: only !important beats it (the numeric rule is the more specific of the two).
    expect(css).toMatch(/table\.pijar-table th,table\.pijar-table td\{[^}]*text-align:left!important/);
    expect(css).toMatch(/table\.pijar-table td\.pijar-num[^{]*\{text-align:right!important\}/);
  });

  it("has no cap note when every row is shown", () => {
    const html = tableBundle({ ...sample, totalRows: 2 })["text/html"] as string;
    expect(html).not.toContain("showing");
  });

  it("builds a Table Schema resource", () => {
    expect(tableBundle(sample)["application/vnd.dataresource+json"]).toMatchSnapshot();
  });

  it("notes", () => {
    expect(rowCapNote(20, 100)).toBe("showing 20 of 100 rows");
    expect(rowCapNote(20, null)).toBe("only showing top 20 rows");
    expect(rowCapNote(1, 1)).toBe("");
    expect(tableSchemaType("bigint")).toBe("integer");
    expect(tableSchemaType("decimal(10,2)")).toBe("number");
    expect(tableSchemaType("timestamp_ntz")).toBe("datetime");
    expect(tableSchemaType("array<int>")).toBe("array");
  });

  it("marks an empty result", () => {
    const html = tableBundle({ ...sample, rows: [], records: [], shownRows: 0, totalRows: 0 })["text/html"] as string;
    expect(html).toContain("(no rows)");
  });
});
