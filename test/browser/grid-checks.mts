/**
 * The grid part of the JupyterLab browser test (lab.browser.mts runs it in the same JupyterLab, so
 * the stage pays for one server and one kernel): df.grid() over spark.range(1000000) with a derived
 * column renders through anywidget, pages forward, sorts a column descending, filters one, and the
 * kernel's own count shows that only pages ever went to the browser.
 */
import path from "node:path";
import type { Page } from "playwright-core";

const ROWS = 1_000_000;
/** "fewer than a few thousand rows": the pages this test looks at are 5 x 50. */
const MAX_ROWS_SENT = 2_000;

/** The notebook cell that shows the grid (appended after the table and chart cells). */
export const GRID_CELL =
  `const big = spark.range(${ROWS}).withColumn("sq", F.col("id").multiply(F.col("id")).mod(1000));\n` +
  `const bigGrid = big.grid();\nbigGrid`;

/** Runs code in the notebook's kernel (not as a cell) and returns its stdout. */
async function kernelStdout(page: Page, code: string): Promise<string> {
  return page.evaluate(async (c) => {
    const kernel = (window as any).jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    const future = kernel.requestExecute({ code: c, silent: false, store_history: false });
    let out = "";
    future.onIOPub = (m: any) => {
      if (m.header.msg_type === "stream") out += m.content.text;
    };
    await future.done;
    return out;
  }, code);
}

async function waitForStatus(page: Page, re: RegExp): Promise<void> {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector(".pijar-grid .pijar-grid-status")?.textContent ?? ""),
    re.source,
    { timeout: 60_000 },
  );
}

/** First visible row's cells. */
function firstRow(page: Page): Promise<string[]> {
  return page.$$eval(".pijar-grid tbody tr:first-child td", (tds) => tds.map((t) => t.textContent ?? ""));
}

export async function checkGrid(page: Page, artifacts: string, step: (s: string) => void): Promise<string> {
  const grid = await page.waitForSelector(".jp-OutputArea-output .pijar-grid", { timeout: 90_000 }).catch((e: Error) => {
    throw new Error(`the grid widget did not render (${e.message.split("\n")[0]}); is anywidget installed in the venv ` +
      "(`.venv/bin/pip install -r requirements.txt`; JupyterLab must list it in `jupyter labextension list`)?");
  });
  await waitForStatus(page, /^rows 1\u201350 of 1,000,000$/);
  step("grid rendered its first page");
  const types = await page.$$eval(".pijar-grid thead .pijar-type", (s) => s.map((e) => e.textContent));
  if (types.join(",") !== "bigint,bigint") throw new Error(`grid column types: ${types}`);
  if ((await firstRow(page)).join(",") !== "0,0") throw new Error(`first page starts with ${await firstRow(page)}`);

  await page.click(".pijar-grid .pijar-grid-next");
  await waitForStatus(page, /^rows 51\u2013100 of 1,000,000$/);
  if ((await firstRow(page))[0] !== "50") throw new Error(`second page starts with ${await firstRow(page)}`);
  step("paged forward");

  // A click sorts ascending, a second descending; the page goes back to the start.
  const head = '.pijar-grid th.pijar-grid-head[data-column="id"]';
  await page.click(head);
  await page.waitForFunction((h) => document.querySelector(h)?.textContent?.includes("\u25b2"), head);
  await waitForStatus(page, /^rows 1\u201350 of 1,000,000$/);
  await page.click(head);
  await page.waitForFunction(() => document.querySelector(".pijar-grid tbody td")?.textContent === "999999", null, { timeout: 60_000 });
  const top = await firstRow(page);
  // 999999^2 mod 1000 = 1, computed here rather than typed: the derived column came along.
  if (top.join(",") !== `999999,${Number((999999n * 999999n) % 1000n)}`) throw new Error(`sorted descending, first row ${top}`);
  step("sorted id descending");

  // A filter box, with the sort kept: the count and first row are computed here, not typed.
  let matching = 0;
  let largest = -1;
  for (let i = 0; i < ROWS; i++) if ((i * i) % 1000 > 990) (matching++, (largest = i));
  await page.fill('.pijar-grid input.pijar-grid-filter[data-column="sq"]', "> 990");
  await page.press('.pijar-grid input.pijar-grid-filter[data-column="sq"]', "Enter");
  await waitForStatus(page, new RegExp(`^rows 1\u201350 of ${matching.toLocaleString("en-US")}$`));
  const filtered = await firstRow(page);
  if (filtered.join(",") !== `${largest},${(largest * largest) % 1000}`) throw new Error(`filtered sq > 990, first row ${filtered}`);
  step(`filtered sq > 990 (${matching} rows)`);

  const received = Number(await grid.evaluate((e) => (e as HTMLElement).dataset.rowsReceived));
  const sent = Number((await kernelStdout(page, "console.log(bigGrid.rowsSent)")).trim());
  if (!(sent > 0 && sent < MAX_ROWS_SENT) || received !== sent) {
    throw new Error(`rows sent: kernel says ${sent}, browser received ${received} (want equal and < ${MAX_ROWS_SENT})`);
  }
  await grid.screenshot({ path: path.join(artifacts, "lab-grid.png") });
  return `grid over ${ROWS.toLocaleString("en-US")} rows: ${sent} rows sent`;
}
