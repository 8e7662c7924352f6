/**
 * Window specifications: `OVER w`, `OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE frame)`,
 * the `WINDOW w AS (...)` clause, and sort items shared with ORDER BY.
 */
import type { FrameBound, NamedWindow, SortItem, WindowFrame, WindowSpec } from "../ast.js";
import type { Cursor } from "./cursor.js";
import { parseExpr, parseExprList, parseValueExpr } from "./expressions.js";

/** `expr [ASC|DESC] [NULLS FIRST|LAST]`. */
export function parseSortItem(p: Cursor): SortItem {
  const expr = parseExpr(p);
  const item: SortItem = { expr, start: expr.start, end: expr.end };
  if (p.isAnyKw(["ASC", "DESC"])) item.direction = p.next().upper as "ASC" | "DESC";
  if (p.acceptKws("NULLS", "FIRST")) item.nulls = "FIRST";
  else if (p.acceptKws("NULLS", "LAST")) item.nulls = "LAST";
  item.end = p.lastEnd;
  return item;
}

export function parseSortList(p: Cursor): SortItem[] {
  const out = [parseSortItem(p)];
  while (p.acceptOp(",")) out.push(parseSortItem(p));
  return out;
}

/** After OVER: a window name or a parenthesized specification. */
export function parseOver(p: Cursor): WindowSpec {
  const t = p.peek();
  if (!p.isOp("(")) {
    const name = p.identifier();
    return { name, partitionBy: [], orderBy: [], start: t.start, end: p.lastEnd };
  }
  return parseWindowSpec(p);
}

/** `( [name] [PARTITION|DISTRIBUTE BY ...] [ORDER|SORT BY ...] [frame] )`. */
export function parseWindowSpec(p: Cursor): WindowSpec {
  const start = p.expectOp("(").start;
  const spec: WindowSpec = { partitionBy: [], orderBy: [], start, end: start };
  // `(w)` refers to a named window; Spark allows nothing else with it.
  if (p.isIdentifier() && p.isOp(")", 1)) {
    spec.name = p.next().value;
  } else {
    if (p.isAnyKw(["PARTITION", "DISTRIBUTE"]) && p.isKw("BY", 1)) {
      p.pos += 2;
      spec.partitionBy = parseExprList(p);
    }
    if (p.isAnyKw(["ORDER", "SORT"]) && p.isKw("BY", 1)) {
      p.pos += 2;
      spec.orderBy = parseSortList(p);
    }
    if (p.isAnyKw(["ROWS", "RANGE"])) spec.frame = parseFrame(p);
  }
  p.expectOp(")");
  spec.end = p.lastEnd;
  return spec;
}

function parseFrame(p: Cursor): WindowFrame {
  const type = p.next().upper as "ROWS" | "RANGE";
  if (p.acceptKw("BETWEEN")) {
    const lower = parseBound(p);
    p.expectKw("AND");
    const upper = parseBound(p);
    return { type, lower, upper };
  }
  return { type, lower: parseBound(p), upper: { kind: "CURRENT ROW" } };
}

function parseBound(p: Cursor): FrameBound {
  if (p.acceptKws("UNBOUNDED", "PRECEDING")) return { kind: "UNBOUNDED PRECEDING" };
  if (p.acceptKws("UNBOUNDED", "FOLLOWING")) return { kind: "UNBOUNDED FOLLOWING" };
  if (p.acceptKws("CURRENT", "ROW")) return { kind: "CURRENT ROW" };
  const offset = parseValueExpr(p);
  if (p.acceptKw("PRECEDING")) return { kind: "PRECEDING", offset };
  if (p.acceptKw("FOLLOWING")) return { kind: "FOLLOWING", offset };
  throw p.fail();
}

/** `WINDOW w AS (...), v AS (...)` (the WINDOW keyword already consumed). */
export function parseWindowDefinitions(p: Cursor): NamedWindow[] {
  const out: NamedWindow[] = [];
  do {
    const name = p.identifier();
    p.expectKw("AS");
    out.push({ name, spec: parseWindowSpec(p) });
  } while (p.acceptOp(","));
  return out;
}
