/**
 * Generates supermarket sales rows, one line item per invoice, day by day. Shared by the
 * course data generator (generate.ts) and the big-data generator (generate-large.ts) so both
 * produce exactly the same shape.
 */
import { Prng } from "./prng.js";
import { BRANCHES, PAYMENTS, PAYMENT_WEIGHTS, PRODUCTS, TAX_RATE, type Branch } from "./catalog.js";
import type { Customer } from "./customers.js";

/** Column order of sales.csv. */
export const SALES_COLUMNS = [
  "invoice_id", "date", "time", "branch_id", "city", "customer_id", "customer_type", "gender",
  "product_id", "product_name", "category", "unit_price", "quantity", "tax", "total", "payment", "rating",
] as const;

export type SalesRow = Record<(typeof SALES_COLUMNS)[number], string | number | null>;

export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

/** Money as text with exactly two decimals ("36.90"), as a point-of-sale export writes it. */
export function money(x: number): string {
  return x.toFixed(2);
}

const branchWeights = BRANCHES.map((b) => b.weight);
const productWeights = PRODUCTS.map((p) => p.weight);
// Shoppers come after work and at lunch: relative traffic per opening hour 07..21.
const HOURS = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const HOUR_WEIGHTS = [2, 4, 5, 6, 7, 9, 8, 6, 6, 7, 10, 12, 11, 8, 4];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** `YYYY-MM-DD` of a UTC day number (days since 1970-01-01). */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(iso + "T00:00:00Z") / 86_400_000);
}

/** A 1.0..5.0 rating with one decimal, mostly happy customers. */
function rating(prng: Prng): number {
  const r = 5 - Math.abs(prng.next() + prng.next() - 1) * 4.5 - prng.next() * 0.5;
  return Math.min(5, Math.max(1, Math.round(r * 10) / 10));
}

/**
 * The sales of one day, sorted by time. `seq` is the running invoice number of the first
 * row; invoice ids look like INV-240105-00042 (year, month, day, running number).
 */
export function dayRows(prng: Prng, day: number, count: number, seq: number, customers: readonly Customer[]): SalesRow[] {
  const date = isoDay(day);
  const times: string[] = [];
  for (let i = 0; i < count; i++) times.push(`${pad(prng.weighted(HOURS, HOUR_WEIGHTS), 2)}:${pad(prng.int(0, 59), 2)}`);
  times.sort();
  const ymd = date.slice(2).replaceAll("-", "");
  return times.map((time, i) => {
    const branch: Branch = prng.weighted(BRANCHES, branchWeights);
    const product = prng.weighted(PRODUCTS, productWeights);
    const member = prng.chance(0.55);
    const customer = member ? prng.pick(customers) : null;
    const quantity = prng.int(1, product.max_qty);
    const gross = product.unit_price * quantity;
    const tax = round2(gross * TAX_RATE);
    return {
      invoice_id: `INV-${ymd}-${pad(seq + i, 5)}`,
      date,
      time,
      branch_id: branch.branch_id,
      city: branch.city,
      customer_id: customer ? customer.customer_id : null,
      customer_type: member ? "Member" : "Normal",
      gender: customer ? customer.gender : prng.pick(["F", "M"]),
      product_id: product.product_id,
      product_name: product.product_name,
      category: product.category,
      unit_price: money(product.unit_price),
      quantity,
      tax: money(tax),
      total: money(round2(gross + tax)),
      payment: prng.weighted(PAYMENTS, PAYMENT_WEIGHTS),
      rating: rating(prng).toFixed(1),
    };
  });
}

/** How many sales a day gets: weekends and paydays (25th..1st) are busier. */
export function dailyCount(prng: Prng, day: number, mean: number): number {
  const d = new Date(day * 86_400_000);
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  const payday = d.getUTCDate() >= 25 || d.getUTCDate() === 1;
  const factor = (weekend ? 1.3 : 0.9) * (payday ? 1.2 : 1);
  return Math.max(1, Math.round(mean * factor * (0.8 + prng.next() * 0.4)));
}

function csvField(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV line (no newline) in SALES_COLUMNS order. */
export function csvLine(row: SalesRow): string {
  return SALES_COLUMNS.map((c) => csvField(row[c])).join(",");
}

export function csvHeader(): string {
  return SALES_COLUMNS.join(",");
}
