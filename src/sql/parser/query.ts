/**
 * Queries: WITH, set operations (INTERSECT binds tighter than UNION / EXCEPT / MINUS),
 * SELECT specifications (DISTINCT, items with aliases, WHERE, GROUP BY variants, HAVING,
 * WINDOW), VALUES and TABLE, and the ORDER BY / LIMIT / OFFSET that close a query.
 */
import type {
  Cte, Expr, FunctionExpr, GroupBy, GroupingElement, LateralView, NamedWindow, PivotClause, Query, QueryBody, SelectBody,
  SelectItem,
} from "../ast.js";
import { parsePrimary } from "./primary.js";
import type { Cursor } from "./cursor.js";
import { parseExpr, parseExprList } from "./expressions.js";
import { parseFromClause, parseTableAlias, parseValuesRows } from "./relations.js";
import { parseSortList, parseWindowDefinitions } from "./window.js";

/** True if the token `ahead` starts a query (used after `(` to tell subqueries from expressions). */
export function atQueryStart(p: Cursor, ahead: number): boolean {
  if (p.isAnyKw(["SELECT", "WITH", "VALUES"], ahead)) return true;
  return p.isKw("TABLE", ahead) && p.isIdentifier(ahead + 1);
}

/** A full query with CTEs and trailing ORDER BY / LIMIT / OFFSET. */
export function parseQuery(p: Cursor): Query {
  const start = p.peek().start;
  const ctes: Cte[] = [];
  if (p.acceptKw("WITH")) {
    p.acceptKw("RECURSIVE");
    do ctes.push(parseCte(p));
    while (p.acceptOp(","));
  }
  const body = parseSetOps(p, 0);
  const query: Query = { kind: "query", ctes, body, orderBy: [], windows: [], start, end: start };
  parseQueryOrganization(p, query);
  query.end = p.lastEnd;
  return query;
}

function parseCte(p: Cursor): Cte {
  const start = p.peek().start;
  const name = p.identifier();
  const columns = p.isOp("(") ? p.identifierList() : undefined;
  p.acceptKw("AS");
  p.expectOp("(");
  const query = parseQuery(p);
  p.expectOp(")");
  return { name, ...(columns ? { columns } : {}), query, start, end: p.lastEnd };
}

/** Set-operation levels, loosest first: UNION/EXCEPT/MINUS, then INTERSECT. */
const SET_LEVELS: string[][] = [["UNION", "EXCEPT", "MINUS"], ["INTERSECT"]];

function parseSetOps(p: Cursor, level: number): QueryBody {
  if (level >= SET_LEVELS.length) return parseQueryPrimary(p);
  let left = parseSetOps(p, level + 1);
  while (p.isAnyKw(SET_LEVELS[level]!)) {
    const word = p.next().upper;
    const op = word === "MINUS" ? "EXCEPT" : (word as "UNION" | "EXCEPT" | "INTERSECT");
    let all = false;
    if (p.acceptKw("ALL")) all = true;
    else p.acceptKw("DISTINCT");
    const right = parseSetOps(p, level + 1);
    left = { kind: "setOp", op, all, left, right, start: left.start, end: right.end };
  }
  return left;
}

function parseQueryPrimary(p: Cursor): QueryBody {
  const t = p.peek();
  if (p.isKw("SELECT")) return parseSelect(p);
  if (p.isKw("VALUES")) {
    p.next();
    const rows = parseValuesRows(p);
    const alias = parseTableAlias(p);
    return { kind: "values", rows, ...(alias ? { alias } : {}), start: t.start, end: p.lastEnd };
  }
  if (p.isKw("TABLE") && p.isIdentifier(1)) {
    p.next();
    return { kind: "table", name: p.multipartIdentifier(), start: t.start, end: p.lastEnd };
  }
  if (p.isOp("(")) {
    p.next();
    const query = parseQuery(p);
    p.expectOp(")");
    return { kind: "nested", query, start: t.start, end: p.lastEnd };
  }
  throw p.fail();
}

function parseSelect(p: Cursor): SelectBody {
  const start = p.expectKw("SELECT").start;
  let distinct = false;
  if (p.acceptKw("DISTINCT")) distinct = true;
  else p.acceptKw("ALL");
  const items = [parseSelectItem(p)];
  while (p.acceptOp(",")) items.push(parseSelectItem(p));
  const body: SelectBody = { kind: "select", distinct, items, lateralViews: [], windows: [], start, end: start };
  if (p.isKw("FROM")) {
    p.next();
    body.from = parseFromClause(p);
    while (p.isKw("LATERAL") && p.isKw("VIEW", 1)) body.lateralViews.push(parseLateralView(p));
    if (p.isKw("PIVOT") && p.isOp("(", 1)) body.pivot = parsePivot(p);
  }
  if (p.acceptKw("WHERE")) body.where = parseExpr(p);
  if (p.isKw("GROUP") && p.isKw("BY", 1)) body.groupBy = parseGroupBy(p);
  if (p.acceptKw("HAVING")) body.having = parseExpr(p);
  if (p.acceptKw("WINDOW")) body.windows = parseWindowDefinitions(p);
  body.end = p.lastEnd;
  return body;
}

/** `PIVOT ( agg [AS a], ... FOR column IN ( value [AS v], ... ) )`. */
function parsePivot(p: Cursor): PivotClause {
  const start = p.next().start;
  p.expectOp("(");
  const named = () => {
    const expr = parseExpr(p);
    return p.acceptKw("AS") || p.isBareAlias() ? { expr, alias: p.identifier() } : { expr };
  };
  const aggregates = [named()];
  while (p.acceptOp(",")) aggregates.push(named());
  p.expectKw("FOR");
  const column = parsePrimary(p);
  p.expectKw("IN");
  p.expectOp("(");
  const values = [named()];
  while (p.acceptOp(",")) values.push(named());
  p.expectOp(")");
  p.expectOp(")");
  return { aggregates, column, values, start, end: p.lastEnd };
}

/** `LATERAL VIEW [OUTER] fn(args) table [AS] col1, col2`. */
function parseLateralView(p: Cursor): LateralView {
  const start = p.next().start;
  p.next();
  const outer = p.acceptKw("OUTER");
  const fnStart = p.peek().start;
  const name = p.multipartIdentifier();
  p.expectOp("(");
  const args = p.isOp(")") ? [] : parseExprList(p);
  p.expectOp(")");
  const generator: FunctionExpr = { kind: "function", name, args, distinct: false, start: fnStart, end: p.lastEnd };
  const table = p.identifier();
  const columns: string[] = [];
  if (p.acceptKw("AS") || p.isBareAlias()) {
    do columns.push(p.identifier());
    while (p.acceptOp(","));
  }
  return { outer, generator, table, columns, start, end: p.lastEnd };
}

/** `expr [[AS] alias]`, `expr AS (a, b)`. */
export function parseSelectItem(p: Cursor): SelectItem {
  const expr = parseExpr(p);
  const item: SelectItem = { expr, start: expr.start, end: expr.end };
  if (p.acceptKw("AS")) {
    if (p.isOp("(")) item.aliases = p.identifierList();
    else item.alias = anyIdentifier(p);
  } else if (p.isBareAlias()) {
    item.alias = p.next().value;
  }
  item.end = p.lastEnd;
  return item;
}

/** After AS, Spark accepts any word, even reserved ones (`SELECT 1 AS from`). */
function anyIdentifier(p: Cursor): string {
  const t = p.peek();
  if (t.type !== "ident" && t.type !== "quoted") throw p.fail();
  return p.next().value;
}

function parseGroupBy(p: Cursor): GroupBy {
  const start = p.next().start;
  p.expectKw("BY");
  if (p.isKw("ALL") && !p.isOp("(", 1) && !p.isOp(".", 1)) {
    p.next();
    return { items: [], all: true, start, end: p.lastEnd };
  }
  const items: GroupingElement[] = [];
  do items.push(parseGroupingElement(p));
  while (p.acceptOp(","));
  const group: GroupBy = { items, all: false, start, end: start };
  // Legacy form `GROUP BY a, b GROUPING SETS ((a), (b))`: the sets alone define the grouping;
  // the listed expressions are still grouping columns (NULL in the sets without them).
  if (p.isKw("GROUPING") && p.isKw("SETS", 1)) {
    group.declared = items.flatMap((i) => (i.kind === "expr" ? [i.expr] : []));
    items.splice(0, items.length, parseGroupingElement(p));
  }
  if (p.isKw("WITH") && p.isAnyKw(["ROLLUP", "CUBE"], 1)) {
    p.next();
    group.with = p.next().upper as "ROLLUP" | "CUBE";
  }
  group.end = p.lastEnd;
  return group;
}

function parseGroupingElement(p: Cursor): GroupingElement {
  if (p.isAnyKw(["ROLLUP", "CUBE"]) && p.isOp("(", 1)) {
    const kind = p.next().upper === "ROLLUP" ? "rollup" : "cube";
    p.next();
    const sets = [parseGroupingSet(p)];
    while (p.acceptOp(",")) sets.push(parseGroupingSet(p));
    p.expectOp(")");
    return { kind, sets };
  }
  if (p.isKw("GROUPING") && p.isKw("SETS", 1)) {
    p.pos += 2;
    p.expectOp("(");
    const sets = [parseGroupingSet(p)];
    while (p.acceptOp(",")) sets.push(parseGroupingSet(p));
    p.expectOp(")");
    return { kind: "groupingSets", sets };
  }
  return { kind: "expr", expr: parseExpr(p) };
}

/** `(a, b)`, `()` or a single expression `a`, as a list. */
function parseGroupingSet(p: Cursor): Expr[] {
  if (p.isOp("(") && p.isOp(")", 1)) {
    p.pos += 2;
    return [];
  }
  const e = parseExpr(p);
  return e.kind === "row" ? e.items : [e];
}

/**
 * ORDER BY / SORT BY / CLUSTER BY / DISTRIBUTE BY, WINDOW, LIMIT (expr | ALL), OFFSET.
 * Pijar runs each query as one ordered stream, so SORT BY sorts like ORDER BY, CLUSTER BY a
 * is ORDER BY a, and DISTRIBUTE BY (a partitioning hint) is read and ignored.
 */
function parseQueryOrganization(p: Cursor, q: Query): void {
  if (p.isAnyKw(["ORDER", "SORT"]) && p.isKw("BY", 1)) {
    p.pos += 2;
    q.orderBy = parseSortList(p);
  } else if (p.isKw("CLUSTER") && p.isKw("BY", 1)) {
    p.pos += 2;
    q.orderBy = parseExprList(p).map((expr) => ({ expr, start: expr.start, end: expr.end }));
  } else if (p.isKw("DISTRIBUTE") && p.isKw("BY", 1)) {
    p.pos += 2;
    parseExprList(p);
    if (p.isKw("SORT") && p.isKw("BY", 1)) {
      p.pos += 2;
      q.orderBy = parseSortList(p);
    }
  }
  if (p.acceptKw("WINDOW")) q.windows = parseWindowDefinitions(p) as NamedWindow[];
  if (p.acceptKw("LIMIT")) {
    if (!p.acceptKw("ALL")) q.limit = parseExpr(p);
  }
  if (p.acceptKw("OFFSET")) q.offset = parseExpr(p);
}

