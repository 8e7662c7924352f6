/**
 * Generates the benchmark inputs into bench/data/: sales_<size>.csv (streamed, deterministic),
 * cities.csv, and the Parquet copy of each sales CSV (written by DuckDB, so every engine reads the
 * same Parquet file).
 *
 * Usage: npx tsx bench/generate.ts [--sizes 1m,10m] [--force]
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { CITIES } from "./cities.js";
import {
  CITIES_CSV,
  DATA_DIR,
  SALES_COLUMNS,
  SALES_DUCKDB_COLUMNS,
  SIZES,
  salesCsvPath,
  salesParquetPath,
} from "./workload.js";

/** Seed of the default data set; change it and every figure in README.md changes too. */
export const DEFAULT_SEED = 20240101;
/** Share of nulls (empty CSV fields) in each nullable column, i.e. every column but order_id. */
export const NULL_RATE = 0.01;
export const PRODUCT_COUNT = 200;
export const CUSTOMER_COUNT = 100_000;
export const STATUSES = ["completed", "cancelled", "returned", "pending"] as const;
/** Cumulative weights of STATUSES: most orders complete, as in a real shop. */
const STATUS_CUMULATIVE = [0.7, 0.8, 0.85, 1];

/** Small, fast, deterministic PRNG (mulberry32); Math.random cannot be seeded. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/** "2024-MM-DD" for each of the 366 days of 2024. */
const DAYS_2024 = Array.from({ length: 366 }, (_, d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));

/**
 * A lookup table for a Zipf-like city pick: index i of 4096 slots maps to a city, so the big
 * cities have many group rows and the top-100 is not decided by noise alone.
 */
function cityLookup(): Uint8Array {
  const weights = CITIES.map((_, i) => 1 / Math.pow(i + 1, 0.8));
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Uint8Array(4096);
  let slot = 0;
  let acc = 0;
  for (let c = 0; c < weights.length; c++) {
    acc += weights[c]! / total;
    const end = c === weights.length - 1 ? table.length : Math.round(acc * table.length);
    for (; slot < end; slot++) table[slot] = c;
  }
  return table;
}

/**
 * Returns a function producing CSV lines (without header) for rows [from, to). The PRNG is
 * consumed in one fixed order per row, so the same seed always gives the same file.
 */
export function salesLines(seed: number): (from: number, to: number) => string {
  const rnd = mulberry32(seed);
  const cities = cityLookup();
  const priceRnd = mulberry32(seed ^ 0x5eed);
  // Base price per product in cents, 0.50 .. 500.00: products have a price, orders vary around it.
  const basePrice = Array.from({ length: PRODUCT_COUNT }, () => 50 + Math.floor(priceRnd() * 49_951));
  const products = Array.from({ length: PRODUCT_COUNT }, (_, i) => `P${String(i + 1).padStart(4, "0")}`);
  const isNull = (): boolean => rnd() < NULL_RATE;
  return (from, to) => {
    let s = "";
    for (let i = from; i < to; i++) {
      const customer = isNull() ? "" : String(1 + Math.floor(rnd() * CUSTOMER_COUNT));
      const city = isNull() ? "" : CITIES[cities[Math.floor(rnd() * 4096)]!]![0];
      const p = Math.floor(rnd() * PRODUCT_COUNT);
      const product = isNull() ? "" : products[p]!;
      const quantity = isNull() ? "" : String(1 + Math.floor(rnd() * 20));
      let price = "";
      if (!isNull()) {
        const cents = Math.round(basePrice[p]! * (0.9 + rnd() * 0.2));
        price = `${Math.floor(cents / 100)}.${pad2[cents % 100]}`;
      }
      let ts = "";
      if (!isNull()) {
        const sec = Math.floor(rnd() * 366 * 86_400);
        const day = Math.floor(sec / 86_400);
        const r = sec - day * 86_400;
        ts = `${DAYS_2024[day]} ${pad2[Math.floor(r / 3600)]}:${pad2[Math.floor(r / 60) % 60]}:${pad2[r % 60]}`;
      }
      let status = "";
      if (!isNull()) {
        const u = rnd();
        let k = 0;
        while (u >= STATUS_CUMULATIVE[k]!) k++;
        status = STATUSES[k]!;
      }
      s += `${i + 1},${customer},${city},${product},${quantity},${price},${ts},${status}\n`;
    }
    return s;
  };
}

/** Streams `rows` generated sales rows to `path` (via a temp file, so a killed run leaves no half file). */
export async function writeSalesCsv(path: string, rows: number, seed = DEFAULT_SEED): Promise<void> {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 22 });
  const lines = salesLines(seed);
  out.write(SALES_COLUMNS.join(",") + "\n");
  const batch = 50_000;
  for (let from = 0; from < rows; from += batch) {
    if (!out.write(lines(from, Math.min(rows, from + batch)))) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  renameSync(tmp, path);
}

/** Writes the city dimension CSV (city, province, region). */
export function writeCitiesCsv(path: string): void {
  writeFileSync(path, "city,province,region\n" + CITIES.map((r) => r.join(",")).join("\n") + "\n");
}

/** Writes the Parquet copy of a sales CSV with DuckDB, reading it with the explicit schema. */
export async function writeSalesParquet(csv: string, parquet: string): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  const tmp = `${parquet}.tmp`;
  await con.run(
    `COPY (SELECT * FROM read_csv('${csv}', header=true, columns=${SALES_DUCKDB_COLUMNS})) TO '${tmp}' (FORMAT parquet, COMPRESSION snappy)`,
  );
  con.closeSync();
  renameSync(tmp, parquet);
}

/** Makes sure cities.csv and, for each size, the sales CSV and Parquet exist. */
export async function ensureData(sizes: string[], force = false, log = console.log): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  if (force || !existsSync(CITIES_CSV)) writeCitiesCsv(CITIES_CSV);
  for (const size of sizes) {
    const rows = SIZES[size];
    if (rows === undefined) throw new Error(`unknown size "${size}"; use one of ${Object.keys(SIZES).join(", ")}`);
    const csv = salesCsvPath(size);
    if (force || !existsSync(csv)) {
      const t0 = performance.now();
      await writeSalesCsv(csv, rows);
      log(`generated ${csv} (${rows} rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const pq = salesParquetPath(size);
    if (force || !existsSync(pq)) {
      const t0 = performance.now();
      await writeSalesParquet(csv, pq);
      log(`wrote ${pq} with DuckDB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--sizes");
  const sizes = i >= 0 ? argv[i + 1]!.split(",") : ["1m"];
  await ensureData(sizes, argv.includes("--force"));
}
