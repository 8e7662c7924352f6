/**
 * Window and WindowSpec as PySpark's: `Window.partitionBy("city").orderBy("date")`,
 * `.rowsBetween(Window.unboundedPreceding, Window.currentRow)`, `.rangeBetween(-7, 0)`.
 */
import type { FrameBound, SortOrder, WindowFrame, WindowSpec as Spec } from "../plan/expr/expr.js";
import { Column, type ColumnOrName } from "./column.js";
import { PijarError } from "../errors/pijar-error.js";

const UNBOUNDED_PRECEDING = -9223372036854775808;
const UNBOUNDED_FOLLOWING = 9223372036854775807;

function bound(v: number, isLower: boolean): FrameBound {
  if (v <= -2147483648 || v === UNBOUNDED_PRECEDING) return { type: "unbounded_preceding" };
  if (v >= 2147483647 || v === UNBOUNDED_FOLLOWING) return { type: "unbounded_following" };
  if (v === 0) return { type: "current_row" };
  void isLower;
  return { type: "offset", value: v };
}

const flat = (cols: (ColumnOrName | ColumnOrName[])[]) => cols.flatMap((c) => (Array.isArray(c) ? c : [c]));

export class WindowSpec {
  /** @internal */
  constructor(readonly spec: Spec) {}

  partitionBy(...cols: (ColumnOrName | ColumnOrName[])[]): WindowSpec {
    return new WindowSpec({ ...this.spec, partitionBy: flat(cols).map((c) => Column.of(c).expr) });
  }

  orderBy(...cols: (ColumnOrName | ColumnOrName[])[]): WindowSpec {
    const orderBy: SortOrder[] = flat(cols).map((c) => {
      const e = Column.of(c).expr;
      return e.kind === "sort" ? e : { kind: "sort", child: e, ascending: true, nullsFirst: true };
    });
    return new WindowSpec({ ...this.spec, orderBy });
  }

  /** A frame of rows relative to the current row: `rowsBetween(-2, 0)`. */
  rowsBetween(start: number, end: number): WindowSpec {
    return new WindowSpec({ ...this.spec, frame: frame("rows", start, end) });
  }

  /** A frame of ORDER BY values relative to the current row's: `rangeBetween(-7, 0)`. */
  rangeBetween(start: number, end: number): WindowSpec {
    return new WindowSpec({ ...this.spec, frame: frame("range", start, end) });
  }
}

function frame(frameType: "rows" | "range", start: number, end: number): WindowFrame {
  const lower = bound(start, true);
  const upper = bound(end, false);
  if (lower.type === "unbounded_following" || upper.type === "unbounded_preceding" || (lower.type === "offset" && upper.type === "offset" && lower.value > upper.value)) {
    throw new PijarError("INVALID_WINDOW_FRAME", {}, {
      message: `Invalid window frame (${start}, ${end}): the start must not come after the end. Use Window.unboundedPreceding, Window.currentRow, Window.unboundedFollowing or row offsets like -1, 1.`,
    });
  }
  return { frameType, lower, upper };
}

const empty = new WindowSpec({ partitionBy: [], orderBy: [], frame: null });

export const Window = {
  unboundedPreceding: UNBOUNDED_PRECEDING,
  unboundedFollowing: UNBOUNDED_FOLLOWING,
  currentRow: 0,
  partitionBy: (...cols: (ColumnOrName | ColumnOrName[])[]) => empty.partitionBy(...cols),
  orderBy: (...cols: (ColumnOrName | ColumnOrName[])[]) => empty.orderBy(...cols),
  rowsBetween: (start: number, end: number) => empty.rowsBetween(start, end),
  rangeBetween: (start: number, end: number) => empty.rangeBetween(start, end),
};
