/**
 * Makes a clean sales export realistically dirty, for the cleaning lessons:
 * - missing values: some ratings, customer types and payment methods left empty;
 * - malformed numbers: a price typed with an Indonesian decimal comma ("36,90") and a
 *   quantity typed as "2 pcs";
 * - duplicate invoices: a few rows exported twice in a row;
 * - inconsistent city spelling: "bandung", "JAKARTA", "Surabaya " (trailing space).
 * Every kind touches different rows, chosen with the seeded generator.
 */
import type { Prng } from "./prng.js";
import type { SalesRow } from "./sales-rows.js";

/** How many rows of each kind (the counts the course talks about). */
export const DIRT = {
  missingRating: 24,
  missingCustomerType: 8,
  missingPayment: 3,
  badPrice: 1,
  badQuantity: 1,
  duplicates: 6,
  lowerCity: 5,
  upperCity: 4,
  spacedCity: 3,
} as const;

export function makeDirty(prng: Prng, clean: readonly SalesRow[], scale = 1): SalesRow[] {
  const rows = clean.map((r) => ({ ...r }));
  const total = Object.values(DIRT).reduce((a, b) => a + b, 0);
  const picked = prng.sample([...rows.keys()], Math.min(rows.length, Math.round(total * scale)));
  let k = 0;
  const take = (n: number): SalesRow[] => picked.slice(k, (k += Math.round(n * scale))).map((i) => rows[i]!);

  for (const r of take(DIRT.missingRating)) r.rating = null;
  for (const r of take(DIRT.missingCustomerType)) { r.customer_type = null; r.customer_id = null; }
  for (const r of take(DIRT.missingPayment)) r.payment = null;
  for (const r of take(DIRT.badPrice)) r.unit_price = String(r.unit_price).replace(".", ",");
  for (const r of take(DIRT.badQuantity)) r.quantity = `${r.quantity} pcs`;
  const dupIds = new Set(take(DIRT.duplicates).map((r) => r.invoice_id));
  for (const r of take(DIRT.lowerCity)) r.city = String(r.city).toLowerCase();
  for (const r of take(DIRT.upperCity)) r.city = String(r.city).toUpperCase();
  for (const r of take(DIRT.spacedCity)) r.city = `${r.city} `;

  return rows.flatMap((r) => (dupIds.has(String(r.invoice_id)) ? [r, { ...r }] : [r]));
}
