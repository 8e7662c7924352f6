/**
 * Streams a big sales CSV with exactly the shape of notebooks/data/sales.csv (same columns,
 * same kinds of dirty rows in the same proportions), for trying the course at scale.
 *
 *   npx tsx scripts/data/generate-large.ts 10000000 /tmp/sales_10m.csv [--seed 7] [--clean]
 *
 * 10M rows is about 1.3 GB and takes a minute or two; memory stays flat because rows are
 * generated and written one day at a time.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { Prng } from "./prng.js";
import { makeCustomers } from "./customers.js";
import { csvHeader, csvLine, dailyCount, dayNumber, dayRows } from "./sales-rows.js";
import { makeDirty } from "./dirty-rows.js";

function usage(message: string): never {
  console.error(`${message}\nUsage: npx tsx scripts/data/generate-large.ts ROWS OUT.csv [--seed N] [--clean]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const rows = Number((args[0] ?? "").replaceAll("_", ""));
const out = args[1];
if (!Number.isInteger(rows) || rows <= 0) usage(`ROWS must be a positive integer, got "${args[0] ?? ""}".`);
if (!out) usage("OUT.csv is missing.");
const seedAt = args.indexOf("--seed");
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 62;
const clean = args.includes("--clean");

const DAYS = 182; // January to June, as the course file; busier days just get more rows.
const COURSE_ROWS = 3194; // clean rows of the course file: the dirt proportions scale from it
const prng = new Prng(seed);
const customers = makeCustomers(20240101, 400);
const stream = createWriteStream(out);
const start = Date.now();

async function put(text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

await put(csvHeader() + "\n");
let written = 0;
let seq = 1;
// Days repeat from 2024-01-01 cycling the semester if more rows are asked than 182 busy days hold.
for (let d = 0; written < rows; d++) {
  const day = dayNumber("2024-01-01") + (d % DAYS) + 365 * Math.floor(d / DAYS);
  const count = Math.min(rows - written, dailyCount(prng, day, rows / DAYS));
  let batch = dayRows(prng, day, count, seq, customers);
  seq += count;
  if (!clean) batch = makeDirty(prng, batch, count / COURSE_ROWS).slice(0, rows - written);
  await put(batch.map(csvLine).join("\n") + "\n");
  written += batch.length;
}
stream.end();
await once(stream, "finish");
console.log(`${written} rows -> ${out} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
