/**
 * The sales table shape of the benchmarks (order_id, customer_id, city, product, quantity,
 * unit_price decimal(10,2), order_ts timestamp, status), generated deterministically in
 * batches so 1M rows never sit in one array. Shared by bench/jdbc and test/jdbc.
 */
import { SparkSession } from "../../src/index.js";
import type { DataFrame } from "../../src/api/dataframe.js";
import { Batch } from "../../src/columnar/batch.js";
import { parseSchema } from "../../src/types/ddl.js";
import { formatDecimal } from "../../src/values/decimal.js";
import { formatTimestamp } from "../../src/values/datetime.js";

export const SALES_DDL = "order_id BIGINT, customer_id INT, city STRING, product STRING, quantity INT, unit_price DECIMAL(10,2), order_ts TIMESTAMP, status STRING";
const CITIES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Yogyakarta", "Denpasar", "Makassar", "Semarang"];
const PRODUCTS = ["kopi", "teh", "nasi goreng", "sate", "batik", "sambal", "kerupuk", "rendang", "tempe", "bakso"];
const STATUSES = ["completed", "completed", "completed", "shipped", "cancelled"];
const T0 = Date.UTC(2024, 0, 1) * 1000;

/** Row i's values as internal values (price: unscaled cents bigint; ts: micros). */
export function salesRow(i: number): [number, number, string, string, number, bigint, number, string] {
  const h = Math.imul(i + 1, 2654435761) >>> 0;
  return [
    i + 1, h % 50_000, CITIES[h % CITIES.length]!, PRODUCTS[(h >>> 8) % PRODUCTS.length]!, 1 + ((h >>> 4) % 9),
    BigInt(100 + ((h >>> 12) % 99_900)), T0 + i * 31_000_000 + (h % 1000) * 1000, STATUSES[(h >>> 16) % STATUSES.length]!,
  ];
}

/** `n` sales rows as a DataFrame over generated batches; `nullQuantityAt` injects one NULL. */
export function salesDataFrame(spark: SparkSession, n: number, nullQuantityAt = -1, batchRows = 65_536): DataFrame {
  const schema = parseSchema(SALES_DDL);
  const batches: Batch[] = [];
  for (let start = 0; start < n; start += batchRows) {
    const m = Math.min(batchRows, n - start);
    const cols: unknown[][] = schema.fields.map(() => new Array<unknown>(m));
    for (let r = 0; r < m; r++) {
      const row = salesRow(start + r);
      for (let c = 0; c < 8; c++) cols[c]![r] = row[c];
      if (start + r === nullQuantityAt) cols[4]![r] = null;
    }
    batches.push(Batch.fromValues(schema, cols, m));
  }
  return spark.createLocalDataFrame(schema, batches, `sales(${n})`);
}

/** The same rows as CSV text lines (header first), for the databases' own bulk loaders and PySpark. */
export function* salesCsvLines(n: number): Generator<string> {
  yield "order_id,customer_id,city,product,quantity,unit_price,order_ts,status\n";
  for (let i = 0; i < n; i++) {
    const r = salesRow(i);
    yield `${r[0]},${r[1]},${r[2]},${r[3]},${r[4]},${formatDecimal(r[5], 2)},${formatTimestamp(r[6], "UTC")},${r[7]}\n`;
  }
}

/** Checksums a database can compute with portable SQL, as expected for n rows. */
export function salesChecksum(n: number): { count: number; sumOrderId: number; sumQuantity: number; sumPriceCents: bigint; sumCityLen: number } {
  let sumQ = 0;
  let sumP = 0n;
  let sumCity = 0;
  for (let i = 0; i < n; i++) {
    const r = salesRow(i);
    sumQ += r[4];
    sumP += r[5];
    sumCity += r[2].length;
  }
  return { count: n, sumOrderId: (n * (n + 1)) / 2, sumQuantity: sumQ, sumPriceCents: sumP, sumCityLen: sumCity };
}

/** The SQL that computes salesChecksum in the database. */
export function salesChecksumSql(table: string): string {
  return `SELECT COUNT(*), SUM(order_id), SUM(quantity), SUM(unit_price * 100), SUM(LENGTH(city)) FROM ${table}`;
}
