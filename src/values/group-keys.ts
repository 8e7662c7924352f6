/**
 * Assigning group ids to key tuples. One primitive key (the common case: group by city) uses
 * the value itself as a Map key — JS Maps compare with SameValueZero, which groups NaN with
 * NaN and -0 with 0 as Spark does — and avoids building a string per row. Several keys, or
 * nested values, fall back to a string key.
 */
import { keyOf } from "./compare.js";

const NULL_KEY = Symbol("null");

export class GroupKeyTable {
  private readonly single = new Map<unknown, number>();
  private readonly multi = new Map<string, number>();
  private readonly pairs = new Map<unknown, Map<unknown, number>>();
  size = 0;

  /**
   * The group id of row i of `cols`; `onNew` is called with the new id when first seen.
   * `mask` (optional) marks keys that are aggregated away (grouping sets) as null.
   */
  idOf(cols: readonly unknown[][], i: number, onNew: (id: number) => void, prefix = ""): number {
    if (cols.length === 1 && prefix === "") {
      let v = cols[0]![i];
      if (v === null || v === undefined) v = NULL_KEY;
      else if (typeof v === "object") v = keyOf(v);
      let g = this.single.get(v);
      if (g === undefined) {
        g = this.size++;
        this.single.set(v, g);
        onNew(g);
      }
      return g;
    }
    if (cols.length === 2 && prefix === "") {
      // Two keys (group by city, date): a map of maps, no string per row.
      let a = cols[0]![i];
      let b = cols[1]![i];
      if (a === null || a === undefined) a = NULL_KEY;
      else if (typeof a === "object") a = keyOf(a);
      if (b === null || b === undefined) b = NULL_KEY;
      else if (typeof b === "object") b = keyOf(b);
      let inner = this.pairs.get(a);
      if (!inner) {
        inner = new Map();
        this.pairs.set(a, inner);
      }
      let g = inner.get(b);
      if (g === undefined) {
        g = this.size++;
        inner.set(b, g);
        onNew(g);
      }
      return g;
    }
    let key = prefix;
    for (const c of cols) key += keyOf(c[i]) + "\u0001";
    let g = this.multi.get(key);
    if (g === undefined) {
      g = this.size++;
      this.multi.set(key, g);
      onNew(g);
    }
    return g;
  }
}

/** A hashable key for a tuple of non-null values (joins), or null if any value is null. */
export function joinKey(cols: readonly unknown[][], i: number): unknown {
  if (cols.length === 1) {
    const v = cols[0]![i];
    if (v === null || v === undefined) return null;
    if (typeof v === "object") return keyOf(v);
    if (typeof v === "number" && Object.is(v, -0)) return 0;
    return v;
  }
  let key = "";
  for (const c of cols) {
    const v = c[i];
    if (v === null || v === undefined) return null;
    key += keyOf(v) + "\u0001";
  }
  return key;
}
