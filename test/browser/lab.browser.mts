/**
 * Browser test: JupyterLab (from the venv) in headless Chromium runs a Pijar notebook that shows
 * a DataFrame, draws a bar chart and (with the real engine) shows a grid widget over 1M rows
 * (grid-checks.mts), and asserts the table, the plot and the grid work; then it opens every
 * executed copy of the course (notebooks/executed/, without a kernel) in the light and the dark
 * theme and checks what GitHub readers see there too (executed-copies.mts).
 * Screenshots go to a temporary folder, printed at the end.
 *
 * Run: npx tsx test/browser/lab.browser.mts   (test/kernel/run.sh does, after installing the
 * kernelspec and exporting JUPYTER_PATH). Exits non-zero on failure.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { checkGrid, GRID_CELL } from "./grid-checks.mjs";
import { checkExecutedCopies, executedCopies, THEMES } from "./executed-copies.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHOTS = mkdtempSync(path.join(os.tmpdir(), "pijar-lab-shots-"));
const PORT = 18000 + Math.floor(Math.random() * 1000);
const TOKEN = "pijar-browser-test";

const ENGINE = existsSync(path.join(REPO, "dist", "src", "index.js")) && !process.env["PIJAR_BROWSER_FAKE"];

/** Cells: the real engine when built, else DataFrame-like stand-ins using the same display code. */
function cells(): string[] {
  if (ENGINE) {
    return [
      `const df = spark.createDataFrame([{ city: "Jakarta", revenue: 120.5 }, { city: "Bandung", revenue: 75 }, { city: "Surabaya", revenue: 98.25 }]);\ndf`,
      `df.plot.bar({ x: "city", y: "revenue" })`,
      GRID_CELL,
    ];
  }
  return [
    `import { tableBundle } from "pijar/src/display/table.js";\n` +
      `const df = { [Symbol.for("Jupyter.display")]: () => tableBundle({ columns: [{ name: "city", type: "string" }, { name: "revenue", type: "double" }], ` +
      `rows: [["Jakarta", "120.5"], ["Bandung", null]], records: [{ city: "Jakarta", revenue: 120.5 }, { city: "Bandung", revenue: null }], shownRows: 2, totalRows: 2, plainText: "" }) };\ndf`,
    `import { plotAccessor } from "pijar/src/display/plot/index.js";\n` +
      `const src = { columns: ["city", "revenue"], dtypes: [["city", "string"], ["revenue", "double"]] as [string, string][], ` +
      `fetchRows: async (n: number) => [["Jakarta", 120.5], ["Bandung", 75], ["Surabaya", 98.25]].slice(0, n), count: async () => 3 };\n` +
      `plotAccessor(src).bar({ x: "city", y: "revenue" })`,
  ];
}

function notebook(sources: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "pijar", display_name: "TypeScript (Pijar)", language: "typescript" } },
    cells: sources.map((s, i) => ({ cell_type: "code", id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source: s })),
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`JupyterLab did not start within ${ms} ms at ${url}`);
}

async function runningKernels(): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${PORT}/api/kernels?token=${TOKEN}`);
  return ((await r.json()) as unknown[]).length;
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), "pijar-lab-"));
  writeFileSync(path.join(root, "demo.ipynb"), notebook(cells()));
  // The executed copies, signed as trusted (as for whoever ran them): an untrusted notebook shows
  // text/plain instead of its SVG charts. The signatures live in this run's own data dir.
  const dataDir = path.join(root, ".data");
  cpSync(path.join(REPO, "notebooks", "executed"), path.join(root, "executed"), { recursive: true });
  const copies = executedCopies(path.join(root, "executed"));
  const trust = spawnSync(path.join(REPO, ".venv", "bin", "jupyter"), ["trust", ...copies.map((c) => path.join(root, c.rel))],
    { env: { ...process.env, JUPYTER_DATA_DIR: dataDir }, encoding: "utf8" });
  if (trust.status !== 0) throw new Error(`jupyter trust failed: ${trust.stderr}`);
  const lab: ChildProcess = spawn(
    path.join(REPO, ".venv", "bin", "jupyter"),
    ["lab", "--no-browser", `--port=${PORT}`, `--ServerApp.token=${TOKEN}`, `--ServerApp.root_dir=${root}`,
      "--LabApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=True", "--allow-root"],
    { env: { ...process.env, JUPYTER_CONFIG_DIR: path.join(root, ".jupyter"), JUPYTER_DATA_DIR: dataDir }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let labLog = "";
  lab.stderr!.on("data", (d) => (labLog += d));
  const user = mkdtempSync(path.join(os.tmpdir(), "pijar-chromium-"));
  let browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | null = null;
  try {
    // A fresh profile directory per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(user, {
      executablePath: "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
    await waitForServer(`http://127.0.0.1:${PORT}/api/status?token=${TOKEN}`, 60_000);
    const page = await browser.newPage();
    page.on("console", (m) => { if (m.type() === "error") console.error("[page]", m.text()); });
    page.on("pageerror", (e) => console.error("[pageerror]", e.message));
    await page.goto(`http://127.0.0.1:${PORT}/lab/tree/demo.ipynb?token=${TOKEN}`);
    const step = (s: string) => console.log(`[browser] ${s}`);
    step(`opened ${page.url()}`);
    await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 90_000 });
    step("notebook rendered");
    // Wait for the kernel to be idle, then run everything through Lab's command registry.
    await page.waitForFunction(() => (window as any).jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel?.status === "idle", null, { timeout: 60_000 });
    step("kernel idle");
    await page.evaluate(() => (window as any).jupyterapp.commands.execute("notebook:run-all-cells"));
    step("ran all cells");
    const table = await page.waitForSelector(".jp-OutputArea-output table.pijar-table", { timeout: 60_000 });
    const plot = await page.waitForSelector(".jp-OutputArea-output .js-plotly-plot, .jp-OutputArea-output .pijar-plot svg, .jp-RenderedSVG svg", { timeout: 60_000 });
    await page.waitForTimeout(1500); // let plotly finish drawing
    const headers = await table.$$eval("th", (ths) => ths.map((t) => t.textContent));
    if (!headers.some((h) => h?.startsWith("city"))) throw new Error(`table headers unexpected: ${headers}`);
    const interactive = await page.$(".jp-OutputArea-output .js-plotly-plot");
    const gridNote = ENGINE ? `; ${await checkGrid(page, SHOTS, step)}` : "";
    await page.screenshot({ path: path.join(SHOTS, "lab-notebook.png"), fullPage: true });
    await plot.screenshot({ path: path.join(SHOTS, "lab-plot.png") });
    await table.screenshot({ path: path.join(SHOTS, "lab-table.png") });
    step(`demo passed: table with ${headers.length} columns, plot ${interactive ? "drawn by plotly.js" : "static SVG"}${gridNote}`);
    // Closed without the "save your work?" dialog (the demo ran, so it is dirty); its kernel stays.
    await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.dispose());

    const kernelsBefore = await runningKernels();
    const started = Date.now();
    const problems = await checkExecutedCopies(page, copies, SHOTS, step);
    const kernelsAfter = await runningKernels();
    if (kernelsAfter > kernelsBefore) problems.push(`opening the executed copies started ${kernelsAfter - kernelsBefore} kernel(s)`);
    if (problems.length) throw new Error(`executed copies:\n  ${problems.join("\n  ")}`);
    console.log(`browser test passed: demo notebook${gridNote}, and ${copies.length} executed copies in ${THEMES.length} themes in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
  } catch (e) {
    const pages = browser?.pages() ?? [];
    if (pages[0]) await pages[0].screenshot({ path: path.join(SHOTS, "lab-failure.png"), fullPage: true }).catch(() => undefined);
    console.error(`browser test FAILED: ${(e as Error).message}\nscreenshots in ${SHOTS}\n--- jupyter lab log (tail) ---\n${labLog.slice(-3000)}`);
    process.exitCode = 1;
  } finally {
    await browser?.close();
    lab.kill("SIGTERM");
  }
}

await main();
