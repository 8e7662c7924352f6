/**
 * planDiagram(): the SVG parses as XML (checked by Python's strict XML parser, as no XML parser
 * ships with Node), holds one box per operator with its row count, draws no external resource,
 * and comes in the notebook bundle next to the explain("analyze") text.
 */
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { functions as F, type DataFrame } from "../../src/index.js";
import type { ProfiledNode } from "../../src/execution/profile.js";
import { session } from "../engine/helpers.js";
import { toBundle } from "../../kernel/runtime/display.js";

interface Box { cls: string; title: string; texts: string[] }

/** Parses the SVG with xml.etree and returns each operator group's class, tooltip and texts. */
function parseSvg(svg: string): { root: string; width: number; height: number; boxes: Box[] } {
  const py = `
import sys, json, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.fromstring(sys.stdin.read())
boxes = []
for g in root.iter("{http://www.w3.org/2000/svg}g"):
    if "op" not in g.get("class", "").split(): continue
    boxes.append({"cls": g.get("class"), "title": g.find("s:title", ns).text,
                  "texts": ["".join(t.itertext()) for t in g.findall("s:text", ns)]})
print(json.dumps({"root": root.tag, "width": float(root.get("width")), "height": float(root.get("height")), "boxes": boxes}))
`;
  const r = spawnSync("python3", ["-c", py], { input: svg, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the SVG is not well-formed XML:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

function nodes(n: ProfiledNode, out: ProfiledNode[] = []): ProfiledNode[] {
  out.push(n);
  n.children.forEach((c) => nodes(c, out));
  return out;
}

let df: DataFrame;

beforeAll(async () => {
  const spark = session();
  // A column name with XML's special characters reaches the SVG through the plan's details.
  const sales = spark.createDataFrame(Array.from({ length: 50 }, (_, i) => [i % 5, i * 3]), "`k<&\">` INT, v INT");
  const names = spark.createDataFrame([[0, "nol"], [1, "satu"], [2, "dua"]], "`k<&\">` INT, name STRING");
  df = sales.filter(F.col("v").gt(30)).join(names, "k<&\">").groupBy("name").agg(F.sum("v").alias("total")).orderBy("name").limit(2);
  await df.collect();
});

describe("planDiagram()", () => {
  it("is well-formed SVG with one box per operator showing its name and row count", () => {
    const svg = df.planDiagram().svg;
    const parsed = parseSvg(svg);
    expect(parsed.root).toBe("{http://www.w3.org/2000/svg}svg");
    const ops = nodes(df._lastProfile!.root);
    expect(parsed.boxes).toHaveLength(ops.length);
    ops.forEach((op, i) => {
      const b = parsed.boxes[i]!;
      expect(b.texts[0]).toBe(op.name);
      const rows = op.metrics!.rows;
      expect(b.texts.some((t) => t.startsWith(`${rows.toLocaleString("en-US")} row${rows === 1 ? "" : "s"} · `))).toBe(true);
      expect(b.title).toContain(`rows=${rows},`);
      expect(b.cls.split(" ").includes("breaker")).toBe(op.pipelineBreaker);
      if (op.pipelineBreaker) expect(b.texts).toContain("PIPELINE BREAKER");
    });
    expect(parsed.boxes.map((b) => b.texts[0])).toEqual(expect.arrayContaining(["Filter", "HashJoin", "HashAggregate", "Sort", "LocalTableScan"]));
    expect(svg).toContain("k&lt;&amp;&quot;&gt;");
    expect(svg).not.toContain('k<&">');
    expect(svg).toContain(">probe</text>");
    expect(svg).toContain(">build</text>");
  });

  it("lays the plan out as a tree: children below their parent, siblings side by side", () => {
    const svg = df.planDiagram().svg;
    const rects = [...svg.matchAll(/<rect class="box" x="([\d.]+)" y="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    const ops = nodes(df._lastProfile!.root);
    const at = new Map(ops.map((o, i) => [o, rects[i]!]));
    for (const op of ops) {
      const kids = op.children.map((c) => at.get(c)!);
      for (const k of kids) expect(k.y).toBeGreaterThan(at.get(op)!.y);
      for (let i = 1; i < kids.length; i++) expect(kids[i]!.x).toBeGreaterThan(kids[i - 1]!.x);
    }
  });

  it("is self-contained and carries its own light and dark colours", () => {
    const svg = df.planDiagram().svg;
    expect(svg).not.toMatch(/<script|href=|@import|@font-face|url\((?!#)/);
    expect(svg).toContain("@media (prefers-color-scheme: dark)");
    // Boxes paint their own background, so their text never depends on the page behind it.
    expect(svg).toMatch(/\.op \.box\{fill:#[0-9a-f]{6}/);
  });

  it("shows in a notebook as an SVG image beside the explain(\"analyze\") text", async () => {
    const d = df.planDiagram();
    // The kernel's own conversion of a cell's last value.
    const bundle = (await toBundle(d))!;
    expect(Object.keys(bundle).sort()).toEqual(["image/svg+xml", "text/plain"]);
    expect(bundle["image/svg+xml"]).toBe(d.svg);
    expect(bundle["text/plain"]).toBe(df.explainString("analyze"));
  });
});
