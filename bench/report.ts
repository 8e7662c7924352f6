/**
 * Prints every size and format stored in bench/out/results.json as Markdown tables (what
 * README.md's figures section is pasted from), since 1M and 10M are often run separately.
 * Usage: npx tsx bench/report.ts
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ENGINES } from "./engines.js";
import { formatTable, type EngineResult } from "./table.js";
import { OUT_DIR, SIZES } from "./workload.js";

const file = join(OUT_DIR, "results.json");
if (!existsSync(file)) throw new Error(`no ${file} yet: run npx tsx bench/run.ts first`);
const { runs = [], machine } = JSON.parse(readFileSync(file, "utf8")) as { runs?: EngineResult[]; machine?: unknown };
const order = (r: EngineResult): number => ENGINES.findIndex((e) => e.name === r.engine);
const sizes = Object.keys(SIZES).filter((s) => runs.some((r) => r.size === s));
console.log(`Machine: ${JSON.stringify(machine)}`);
for (const size of sizes) {
  for (const format of ["csv", "parquet"]) {
    const rows = runs.filter((r) => r.size === size && r.format === format).sort((a, b) => order(a) - order(b));
    if (rows.length === 0) continue;
    console.log(`\n### ${size} rows, ${format} input\n`);
    console.log(formatTable(rows));
  }
}
