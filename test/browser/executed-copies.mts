/**
 * The executed copies of the course (notebooks/executed/, what GitHub shows) opened in JupyterLab
 * in the light and the dark theme, without starting a kernel: each notebook's tables and charts
 * must all render, table text must be readable on its background in both themes (the table CSS
 * uses JupyterLab's theme variables), strings left-aligned and numbers right-aligned, and every
 * chart's SVG must load as an image (an <img> of invalid SVG XML draws nothing). One screenshot of
 * each notebook, its first table and its first chart per theme go to `shots`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

export const THEMES = [
  { name: "JupyterLab Light", short: "light", light: true },
  { name: "JupyterLab Dark", short: "dark", light: false },
] as const;
// WCAG AA for normal text.
const MIN_CONTRAST = 4.5;

export interface ExecutedCopy {
  /** Path below the Lab root, e.g. executed/en/05-complete-etl-project.ipynb. */
  rel: string;
  tables: number;
  charts: number;
}

/** The executed copies below `dir` (notebooks/executed) and what each shows. */
export function executedCopies(dir: string): ExecutedCopy[] {
  const copies: ExecutedCopy[] = [];
  for (const lang of readdirSync(dir).sort()) {
    for (const file of readdirSync(path.join(dir, lang)).filter((f) => f.endsWith(".ipynb")).sort()) {
      const nb = JSON.parse(readFileSync(path.join(dir, lang, file), "utf8"));
      const bundles = nb.cells.flatMap((c: { outputs?: { data?: Record<string, unknown> }[] }) => c.outputs ?? []).map((o: { data?: Record<string, unknown> }) => o.data ?? {});
      copies.push({
        rel: `executed/${lang}/${file}`,
        tables: bundles.filter((d: Record<string, unknown>) => String(([] as string[]).concat(d["text/html"] as string ?? "").join("")).includes('class="pijar-table"')).length,
        charts: bundles.filter((d: Record<string, unknown>) => "image/svg+xml" in d).length,
      });
    }
  }
  return copies;
}

/** What the page measured in one notebook (computed in the browser). */
interface Measured {
  tables: number;
  charts: number;
  chartsDrawn: number;
  worstContrast: { ratio: number; where: string };
  misaligned: string[];
  headerLuminance: number;
}

/** Runs in the page: measures the open notebook's tables and charts. */
function measure(): Measured {
  const rgba = (s: string): number[] => (s.match(/[\d.]+/g) ?? []).map(Number).concat([1]).slice(0, 4);
  const luminance = ([r, g, b]: number[]): number => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  // The colour behind an element: the nearest ancestor (or itself) with an opaque background.
  const background = (el: Element | null): number[] => {
    for (; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3]! > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const contrast = (el: Element): number => {
    const a = luminance(rgba(getComputedStyle(el).color));
    const b = luminance(background(el));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const alignRules = (cell: Element): string =>
    [...document.styleSheets]
      .flatMap((sheet) => { try { return [...sheet.cssRules]; } catch { return []; } })
      .filter((r): r is CSSStyleRule => r instanceof CSSStyleRule && !!r.style.textAlign && cell.matches(r.selectorText))
      .map((r) => `${r.selectorText} {text-align: ${r.style.textAlign}}`)
      .join(" | ");
  const panel = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden)")!;
  const tables = [...panel.querySelectorAll("table.pijar-table")];
  let worst = { ratio: Infinity, where: "" };
  const misaligned: string[] = [];
  for (const [t, table] of tables.entries()) {
    for (const cell of table.querySelectorAll("th, td")) {
      const ratio = contrast(cell);
      if (ratio < worst.ratio) worst = { ratio, where: `table ${t + 1}, ${cell.tagName.toLowerCase()} "${cell.textContent?.slice(0, 30)}"` };
      const want = cell.classList.contains("pijar-num") ? "right" : "left";
      const got = getComputedStyle(cell).textAlign;
      if (got !== want && got !== (want === "left" ? "start" : "end")) {
        // The first one names the CSS rules that set its alignment: the culprit is among them.
        misaligned.push(`table ${t + 1} "${cell.textContent?.slice(0, 30)}": ${got}, not ${want}` + (misaligned.length ? "" : ` (rules: ${alignRules(cell)})`));
      }
    }
  }
  const charts = [...panel.querySelectorAll(".jp-RenderedSVG img, .jp-RenderedSVG svg")];
  const drawn = charts.filter((c) => (c instanceof HTMLImageElement ? c.complete && c.naturalWidth > 0 : true) && c.getBoundingClientRect().width > 100);
  const th = tables[0]?.querySelector("th");
  return {
    tables: tables.length,
    charts: charts.length,
    chartsDrawn: drawn.length,
    worstContrast: worst,
    misaligned: misaligned.slice(0, 5),
    headerLuminance: th ? luminance(background(th)) : NaN,
  };
}

async function setTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.evaluate((name) => (window as any).jupyterapp.commands.execute("apputils:change-theme", { theme: name }), theme.name);
  await page.waitForFunction((name) => document.body.dataset["jpThemeName"] === name, theme.name, { timeout: 30_000 });
  // The theme's CSS variables apply once its stylesheet has loaded.
  await page.waitForFunction((light) => {
    const bg = getComputedStyle(document.body).getPropertyValue("--jp-layout-color0").trim();
    return bg !== "" && (bg.toLowerCase() === "white" || bg.toLowerCase() === "#fff" || bg.toLowerCase() === "#ffffff") === light;
  }, theme.light, { timeout: 30_000 });
}

/** Opens a notebook without starting its kernel and waits until its outputs are rendered. */
async function open(page: Page, copy: ExecutedCopy): Promise<void> {
  await page.evaluate(async (rel) => {
    const app = (window as any).jupyterapp;
    const widget = await app.commands.execute("docmanager:open", { path: rel, factory: "Notebook" });
    // Set before the file has loaded, when the session would start the kernel.
    widget.context.sessionContext.kernelPreference = { ...widget.context.sessionContext.kernelPreference, shouldStart: false, canStart: false };
    await widget.context.ready;
  }, copy.rel);
  await page.waitForFunction(
    ({ tables, charts }) => {
      const panel = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden)");
      return !!panel && panel.querySelectorAll("table.pijar-table").length >= tables && panel.querySelectorAll(".jp-RenderedSVG").length >= charts
        && panel.querySelectorAll(".jp-OutputArea-output").length > 0;
    },
    { tables: copy.tables, charts: copy.charts },
    { timeout: 30_000 },
  );
  // Bring every chart into view once so its image is decoded whatever the windowing mode.
  const charts = await page.$$(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedSVG");
  for (const c of charts) await c.scrollIntoViewIfNeeded();
  await page.evaluate(() => Promise.all([...document.querySelectorAll<HTMLImageElement>(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedSVG img")].map((i) => i.decode().catch(() => undefined))));
}

/** Checks every executed copy in both themes; returns the problems found (empty: passed). */
export async function checkExecutedCopies(page: Page, copies: ExecutedCopy[], shots: string, log: (s: string) => void): Promise<string[]> {
  const problems: string[] = [];
  // tsx (esbuild) wraps named functions in __name(): give the page that helper for measure().
  await page.evaluate("window.__name = window.__name || ((f) => f)");
  for (const theme of THEMES) {
    await setTheme(page, theme);
    for (const copy of copies) {
      const where = `${copy.rel} (${theme.short})`;
      await open(page, copy);
      const m = await page.evaluate(measure);
      const base = path.join(shots, `${copy.rel.replace(/^executed\//, "").replace(/[/.]/g, "-")}-${theme.short}`);
      await page.screenshot({ path: `${base}.png` });
      const panel = ".jp-NotebookPanel:not(.lm-mod-hidden)";
      if (copy.tables) await page.locator(`${panel} table.pijar-table`).first().screenshot({ path: `${base}-table.png` });
      if (copy.charts) await page.locator(`${panel} .jp-RenderedSVG`).first().screenshot({ path: `${base}-chart.png` });
      if (m.tables !== copy.tables) problems.push(`${where}: ${m.tables} tables rendered, the notebook has ${copy.tables}`);
      if (m.chartsDrawn !== copy.charts) problems.push(`${where}: ${m.chartsDrawn} of ${copy.charts} chart SVGs drawn (${m.charts} found)`);
      if (m.tables && m.worstContrast.ratio < MIN_CONTRAST) problems.push(`${where}: contrast ${m.worstContrast.ratio.toFixed(2)} < ${MIN_CONTRAST} at ${m.worstContrast.where}`);
      if (m.tables && (m.headerLuminance > 0.5) !== theme.light) problems.push(`${where}: table header background luminance ${m.headerLuminance.toFixed(2)} does not follow the ${theme.short} theme`);
      problems.push(...m.misaligned.map((s) => `${where}: ${s}`));
      log(`${where}: ${m.tables} tables, ${m.chartsDrawn} charts, lowest contrast ${m.tables ? m.worstContrast.ratio.toFixed(1) : "-"}`);
      await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.dispose());
    }
  }
  return problems;
}
