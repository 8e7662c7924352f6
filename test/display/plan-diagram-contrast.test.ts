/**
 * The plan diagram reads in light and dark themes: Chromium draws it as a notebook shows it
 * (an <img>-like SVG cannot see the page's theme, so this checks the SVG on its own), in both
 * colour schemes and on a white and a near-black page, and every text must reach WCAG AA
 * contrast (4.5:1) against whatever is painted under it.
 */
import { existsSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { chromium } from "playwright-core";
import { functions as F } from "../../src/index.js";
import { session } from "../engine/helpers.js";

const CHROMIUM = "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) console.warn("plan-diagram-contrast: skipped, no Chromium at /usr/bin/chromium (scripts/test.sh installs it)");

let svg = "";

beforeAll(async () => {
  const spark = session();
  const orders = spark.createDataFrame([[1, "a", 5], [2, "b", 20], [3, "a", 30]], "id INT, cust STRING, amount INT");
  const cust = spark.createDataFrame([["a", "Jakarta"], ["b", "Bandung"]], "cust STRING, city STRING");
  const df = orders.filter(F.col("amount").gt(1)).join(cust, "cust").groupBy("city").count().orderBy("city");
  await df.collect();
  svg = df.planDiagram().svg;
});

it.skipIf(!existsSync(CHROMIUM))("every text has AA contrast in both colour schemes on light and dark pages", async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const page of ["#ffffff", "#111111"]) {
        // elementsFromPoint sees only the viewport: make it hold the whole diagram.
        const [w, h] = [/width="(\d+)"/, /height="(\d+)"/].map((re) => Number(svg.match(re)![1]) + 20);
        const tab = await browser.newPage({ colorScheme, viewport: { width: w!, height: h! } });
        await tab.setContent(`<body style="margin:0;background:${page}">${svg}</body>`);
        const worst = await tab.evaluate((pageBg) => {
          const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
          const lum = (c: number[]) => {
            const [r, g, b] = c.map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
          };
          const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
          const ratio = (a: number[], b: number[]) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };
          let min = Infinity, at = "";
          for (const t of Array.from(document.querySelectorAll("svg text"))) {
            const r = t.getBoundingClientRect();
            const hits = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            const under = hits.find((h) => h.tagName === "rect");
            const bg = under ? rgb(getComputedStyle(under).fill) : hex(pageBg);
            const c = ratio(rgb(getComputedStyle(t).fill), bg);
            if (c < min) { min = c; at = t.textContent ?? ""; }
          }
          return { min, at, texts: document.querySelectorAll("svg text").length };
        }, page);
        expect(worst.texts).toBeGreaterThan(10);
        expect(worst.min, `"${worst.at}" in the ${colorScheme} scheme on ${page}`).toBeGreaterThanOrEqual(4.5);
        await tab.close();
      }
    }
  } finally {
    await browser.close();
  }
}, 120_000);
