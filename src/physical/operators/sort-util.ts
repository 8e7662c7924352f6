/** Row comparison for ORDER BY: per key direction and null placement, stable. */
import type { SortOrder } from "../../plan/expr/expr.js";
import { comparatorFor } from "../../values/compare.js";
import type { DataType } from "../../types/data-types.js";

export type RowComparator = (i: number, j: number) => number;

export function rowComparator(orders: readonly SortOrder[], types: readonly DataType[], cols: readonly unknown[][]): RowComparator {
  const cmps = types.map(comparatorFor);
  return (i, j) => {
    for (let k = 0; k < orders.length; k++) {
      const col = cols[k]!;
      const a = col[i];
      const b = col[j];
      const o = orders[k]!;
      if (a == null || b == null) {
        if (a == null && b == null) continue;
        return (a == null) === o.nullsFirst ? -1 : 1;
      }
      const c = cmps[k]!(a, b);
      if (c !== 0) return o.ascending ? c : -c;
    }
    return i - j;
  };
}
