/**
 * Writes the course data sets to notebooks/data/ (deterministic: same bytes on every run).
 *
 *   npx tsx scripts/data/generate.ts [outDir] [--no-parquet]   # default notebooks/data
 *
 * - sales.csv            Jan-Jun 2024 supermarket sales, with a few dirty rows to clean
 * - branches.csv         the branch dimension (city, province, region...)
 * - products.csv         the product dimension (category, cost, supplier)
 * - customers.jsonl      members, JSON Lines, with a nested address and an interests array
 * - customers_broken.jsonl  five members, one line cut off (bad-record lessons)
 * - promotions.json      one multi-line JSON document (an array of promotions)
 * - sales_2023.parquet   Jul-Dec 2023 sales, already clean and typed (written by pyarrow)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Prng } from "./prng.js";
import { BRANCHES, PRODUCTS } from "./catalog.js";
import { makeCustomers } from "./customers.js";
import { csvHeader, csvLine, dailyCount, dayNumber, dayRows, type SalesRow } from "./sales-rows.js";
import { makeDirty } from "./dirty-rows.js";
import { PROMOTIONS } from "./promotions.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const args = process.argv.slice(2);
const outDir = path.resolve(args.find((a) => !a.startsWith("--")) ?? path.join(repo, "notebooks/data"));
// --no-parquet skips the one file that needs Python (pyarrow), e.g. in quick tests.
const withParquet = !args.includes("--no-parquet");
mkdirSync(outDir, { recursive: true });

const CUSTOMER_SEED = 20240101;
const SALES_SEED = 62;
const HISTORY_SEED = 2023;

function write(name: string, text: string): void {
  writeFileSync(path.join(outDir, name), text);
  console.log(`${name.padEnd(24)} ${String(Buffer.byteLength(text)).padStart(9)} bytes`);
}

function salesBetween(prng: Prng, from: string, to: string, mean: number, customers: ReturnType<typeof makeCustomers>): SalesRow[] {
  const rows: SalesRow[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    rows.push(...dayRows(prng, day, dailyCount(prng, day, mean), rows.length + 1, customers));
  }
  return rows;
}

const customers = makeCustomers(CUSTOMER_SEED, 400);

// sales.csv: about 3,000 clean rows, then the dirty ones a real export would have.
const clean = salesBetween(new Prng(SALES_SEED), "2024-01-01", "2024-06-30", 16.5, customers);
const sales = makeDirty(new Prng(SALES_SEED + 1), clean);
write("sales.csv", [csvHeader(), ...sales.map(csvLine)].join("\n") + "\n");

write("branches.csv", [
  "branch_id,branch_name,city,province,region,opened_date,floor_area_m2",
  ...BRANCHES.map((b) => [b.branch_id, b.branch_name, b.city, b.province, `"${b.region}"`, b.opened_date, b.floor_area_m2].join(",")),
].join("\n") + "\n");

write("products.csv", [
  "product_id,product_name,category,unit_price,unit_cost,supplier",
  ...PRODUCTS.map((p) => [p.product_id, p.product_name.includes(",") ? `"${p.product_name}"` : p.product_name, p.category, p.unit_price.toFixed(2), p.unit_cost.toFixed(2), p.supplier].join(",")),
].join("\n") + "\n");

write("customers.jsonl", customers.map((c) => JSON.stringify(c)).join("\n") + "\n");

write("customers_broken.jsonl", [
  ...customers.slice(0, 2).map((c) => JSON.stringify(c)),
  // The export crashed while writing this line: the object is never closed.
  '{"customer_id":"C0003","name":"Rudi Hartono","gender":"M","birth_year":1979,"address":{"city":"Bogor"',
  ...customers.slice(3, 5).map((c) => JSON.stringify(c)),
].join("\n") + "\n");

write("promotions.json", JSON.stringify(PROMOTIONS, null, 2) + "\n");

// sales_2023.parquet: last semester's sales, already cleaned and typed by the data team.
const history = salesBetween(new Prng(HISTORY_SEED), "2023-07-01", "2023-12-31", 8, customers).map((r) => ({
  invoice_id: r.invoice_id, date: r.date, branch_id: r.branch_id, city: r.city, customer_type: r.customer_type,
  product_id: r.product_id, category: r.category, unit_price: Number(r.unit_price), quantity: Number(r.quantity),
  total: Number(r.total), payment: r.payment,
}));
if (!withParquet) process.exit(0);
const py = process.env.PIJAR_PYTHON ?? path.join(repo, ".venv/bin/python");
const parquetFile = path.join(outDir, "sales_2023.parquet");
const res = spawnSync(py, [path.join(here, "write-parquet.py"), parquetFile], { input: JSON.stringify(history), encoding: "utf8" });
if (res.status !== 0) {
  console.error(`sales_2023.parquet was not written: ${res.error?.message ?? res.stderr}\n` +
    `It needs pyarrow: set PIJAR_PYTHON to a python with pyarrow, or create the venv (.venv) first.`);
  process.exit(1);
}
console.log(res.stdout.trim());
