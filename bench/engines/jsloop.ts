/**
 * Baseline: the workload as one hand-written pass over the rows with a Map of groups, no library
 * but Parquet I/O. It shows what plain JS costs, and so what an engine's overhead is.
 * Standalone: npx tsx bench/engines/jsloop.ts --input F --format csv|parquet --cities F --out F
 */
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { parseRunnerArgs, runTimed, TOP_N } from "../workload.js";
import { readCities, readParquetSlices, writeResultParquet, type ResultRow } from "./arrow-io.js";

const args = parseRunnerArgs(process.argv.slice(2));
const MS_PER_DAY = 86_400_000;

interface Group {
  city: string;
  orderDay: number | null;
  revenue: number;
  orders: number;
  amounts: number;
  customers: Set<number>;
}

const groups = new Map<string, Group>();
const cities = readCities(args.cities);

/** Folds one row that passed the filter into its (city, day) group. */
function add(city: string, orderDay: number | null, amount: number | null, customer: number | null): void {
  // The inner join with the dimension drops rows whose city is null or unknown: skip them early.
  if (!cities.has(city)) return;
  const key = `${city}|${orderDay}`;
  let g = groups.get(key);
  if (!g) {
    g = { city, orderDay, revenue: 0, orders: 0, amounts: 0, customers: new Set() };
    groups.set(key, g);
  }
  g.orders++;
  if (amount !== null) {
    g.revenue += amount;
    g.amounts++;
  }
  if (customer !== null) g.customers.add(customer);
}

/** "2024-03-05 ..." -> days since epoch, cached per date string since there are only 366. */
const dayCache = new Map<string, number>();
function dayOf(ts: string): number {
  const d = ts.slice(0, 10);
  let n = dayCache.get(d);
  if (n === undefined) {
    n = Date.parse(`${d}T00:00:00Z`) / MS_PER_DAY;
    dayCache.set(d, n);
  }
  return n;
}

async function scanCsv(path: string): Promise<void> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let header = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) {
    const text = rest + decoder.write(chunk as Buffer);
    const lines = text.split("\n");
    rest = lines.pop()!;
    for (const line of lines) {
      if (header) {
        header = false;
        continue;
      }
      const f = line.split(",");
      // order_id,customer_id,city,product,quantity,unit_price,order_ts,status
      if (f[7] !== "completed" || f[4] === "") continue;
      const quantity = Number(f[4]);
      if (!(quantity > 0)) continue;
      const amount = f[5] === "" ? null : quantity * Number(f[5]);
      add(f[2]!, f[6] === "" ? null : dayOf(f[6]!), amount, f[1] === "" ? null : Number(f[1]));
    }
  }
  if (rest.trim()) throw new Error(`${path}: last line has no newline; the generator always ends with one`);
}

function scanParquet(path: string): void {
  readParquetSlices(path, 1_000_000, (t) => {
    const [customer, city, quantity, price, ts, status] = ["customer_id", "city", "quantity", "unit_price", "order_ts", "status"].map(
      (name) => {
        const v = t.getChild(name);
        if (!v) throw new Error(`${path} has no column ${name}`);
        return v;
      },
    );
    for (let i = 0; i < t.numRows; i++) {
      if (status!.get(i) !== "completed") continue;
      const q = quantity!.get(i) as number | null;
      if (q === null || !(q > 0)) continue;
      const p = price!.get(i) as number | null;
      const stamp = ts!.get(i) as number | bigint | null;
      // apache-arrow gives timestamps as epoch milliseconds (number) whatever the stored unit.
      const day = stamp === null ? null : Math.floor(Number(stamp) / MS_PER_DAY);
      add(city!.get(i) as string, day, p === null ? null : q * p, customer!.get(i) as number | null);
    }
  });
}

await runTimed(async () => {
  if (args.format === "csv") await scanCsv(args.input);
  else scanParquet(args.input);
  const rows: ResultRow[] = [...groups.values()].map((g) => {
    const [province, region] = cities.get(g.city)!;
    const revenue = g.amounts > 0 ? g.revenue : null;
    return {
      city: g.city,
      orderDay: g.orderDay,
      revenue,
      orders: g.orders,
      avgAmount: revenue === null ? null : revenue / g.amounts,
      customers: g.customers.size,
      province,
      region,
    };
  });
  // Spark's desc() puts nulls last.
  rows.sort((a, b) => (b.revenue ?? -Infinity) - (a.revenue ?? -Infinity));
  writeResultParquet(args.out, rows.slice(0, TOP_N));
});
