/**
 * Arquero runner. Arquero parses CSV from one JS string, and V8 strings stop at ~512 MB, so the
 * 10M-row file cannot be loaded whole. The fair path used at every size: read ~32 MB chunks, parse
 * each with Arquero, reduce it at once to partial aggregates per (city, date, customer), then
 * combine the partials with Arquero. (Count distinct is why the customer stays in the key: distinct
 * counts cannot be added up across chunks.) Parquet input goes through parquet-wasm, 1M rows per
 * slice, into the same per-chunk reduction.
 * Standalone: npx tsx bench/engines/arquero.ts --input F --format csv|parquet --cities F --out F
 */
import { createReadStream, writeFileSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import * as aq from "arquero";
import * as parquet from "parquet-wasm";
import { SALES_COLUMNS, parseRunnerArgs, runTimed, TOP_N } from "../workload.js";
import { readCities, readParquetIPCSlices } from "./arrow-io.js";

const { op } = aq;
const args = parseRunnerArgs(process.argv.slice(2));
const CHUNK_BYTES = 32 << 20;
// Arquero tables are typed loosely; the runner only uses its documented verbs.
type Table = ReturnType<typeof aq.table>;

const partials: Table[] = [];

/** Filter, derive and pre-aggregate one chunk; `day` derives order_date from order_ts. */
function reduceChunk(t: Table, day: string): void {
  partials.push(
    t
      .filter((d: any) => d.status === "completed" && d.quantity > 0)
      // JS would turn null * x into 0; Spark keeps the amount null, so test first.
      .derive({ amount: (d: any) => (d.unit_price == null ? null : d.quantity * d.unit_price), order_date: day })
      .groupby("city", "order_date", "customer_id")
      .rollup({ revenue: op.sum("amount"), orders: op.count(), amounts: op.valid("amount") }),
  );
}

async function scanCsv(path: string): Promise<void> {
  const decoder = new StringDecoder("utf8");
  const header = SALES_COLUMNS.join(",");
  // Keep order_ts a string: the date is its first 10 characters, no Date objects needed.
  const parse = { order_ts: (s: string) => s, city: (s: string) => s, status: (s: string) => s, product: (s: string) => s };
  let pending = "";
  let first = true;
  const flush = (text: string): void => {
    if (text) reduceChunk(aq.fromCSV(`${header}\n${text}`, { parse }), "d => op.substring(d.order_ts, 0, 10)");
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    let text = pending + decoder.write(chunk as Buffer);
    if (first) {
      text = text.slice(text.indexOf("\n") + 1);
      first = false;
    }
    const cut = text.lastIndexOf("\n");
    pending = text.slice(cut + 1);
    flush(text.slice(0, cut + 1));
  }
  flush(pending + decoder.end());
}

function scanParquet(path: string): void {
  readParquetIPCSlices(path, 1_000_000, (ipc) => {
    const t = aq.fromArrow(ipc);
    // Timestamps arrive as epoch milliseconds; whole days are turned into dates at the end.
    if (t.numRows() > 0) reduceChunk(t, "d => d.order_ts == null ? null : op.floor(d.order_ts / 86400000)");
    return t.numRows();
  });
}

await runTimed(async () => {
  if (args.format === "csv") await scanCsv(args.input);
  else scanParquet(args.input);
  const dim = aq.from(
    [...readCities(args.cities)].map(([city, [province, region]]) => ({ city, province, region })),
  );
  const [head, ...rest] = partials;
  if (!head) throw new Error(`${args.input}: no rows read`);
  let result = head
    .concat(...rest)
    .groupby("city", "order_date", "customer_id")
    .rollup({ revenue: op.sum("revenue"), orders: op.sum("orders"), amounts: op.sum("amounts") })
    .groupby("city", "order_date")
    .rollup({
      revenue: (d: any) => (op.sum(d.amounts) > 0 ? op.sum(d.revenue) : null),
      orders: op.sum("orders"),
      amounts: op.sum("amounts"),
      customers: op.valid("customer_id"),
    })
    .derive({ avg_amount: (d: any) => (d.amounts > 0 ? d.revenue / d.amounts : null) })
    .join(dim, "city")
    .orderby(aq.desc("revenue"))
    .slice(0, TOP_N)
    .select("city", "order_date", "revenue", "orders", "avg_amount", "customers", "province", "region");
  if (args.format === "parquet") {
    result = result.derive({ order_date: (d: any) => (d.order_date == null ? null : op.format_utcdate(d.order_date * 86400000)) });
  }
  writeFileSync(args.out, parquet.writeParquet(parquet.Table.fromIPCStream(aq.toArrowIPC(result, { format: "stream" }))));
});
