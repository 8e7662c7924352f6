/**
 * Primary expressions and their postfix forms: literals, column names, `*`, parameters,
 * parenthesized expressions / rows / scalar subqueries, CASE, CAST, function calls (with
 * DISTINCT, FILTER, IGNORE NULLS, OVER) and the special forms Spark's grammar spells out
 * (EXTRACT, TRIM, POSITION, SUBSTRING ... FROM ... FOR, CURRENT_DATE without parentheses).
 */
import type { CaseExpr, Expr, FunctionExpr } from "../ast.js";
import type { Cursor } from "./cursor.js";
import { parseExpr, parseExprList, parseValueExpr } from "./expressions.js";
import { atTypedLiteral, dataType, intervalLiteral, numberLiteral, stringLiteral, typedLiteral } from "./literals.js";
import { atQueryStart, parseQuery, parseSelectItem } from "./query.js";
import { parseOver, parseSortItem } from "./window.js";

/**
 * Functions Spark lets you call without parentheses. (Spark also accepts USER and
 * SESSION_USER, but only when no column has that name; left out so such columns work.)
 */
const NILADIC = new Set(["CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_USER"]);

/** A primary expression followed by any `[i]`, `.field` and `::type` suffixes. */
export function parsePrimary(p: Cursor): Expr {
  let e = parseAtom(p);
  for (;;) {
    if (p.isOp("[")) {
      p.next();
      const index = parseExpr(p);
      p.expectOp("]");
      e = { kind: "subscript", base: e, index, start: e.start, end: p.lastEnd };
    } else if (p.isOp(".") && p.isOp("*", 1) && e.kind === "column") {
      p.next();
      p.next();
      e = { kind: "star", target: e.parts, start: e.start, end: p.lastEnd };
    } else if (p.isOp(".") && (p.peek(1).type === "ident" || p.peek(1).type === "quoted")) {
      p.next();
      const field = p.next().value;
      e = e.kind === "column"
        ? { kind: "column", parts: [...e.parts, field], start: e.start, end: p.lastEnd }
        : { kind: "field", base: e, field, start: e.start, end: p.lastEnd };
    } else if (p.isOp("::")) {
      p.next();
      const t = dataType(p);
      e = { kind: "cast", arg: e, dataType: t.dataType, typeText: t.text, try: false, syntax: "::", start: e.start, end: p.lastEnd };
    } else if (p.isOp("(") && e.kind === "column" && e.parts.length > 1) {
      // `db.fn(x)`: a qualified function name.
      e = parseFunctionCall(p, e.parts, e.start);
    } else return e;
  }
}

function parseAtom(p: Cursor): Expr {
  const t = p.peek();
  switch (t.type) {
    case "number":
      p.next();
      return numberLiteral(p, t, false, t.start);
    case "string":
      return stringLiteral(p);
    case "param":
      p.next();
      return t.value
        ? { kind: "param", name: t.value, start: t.start, end: t.end }
        : { kind: "param", index: p.positionalParams++, start: t.start, end: t.end };
    case "quoted":
      p.next();
      return { kind: "column", parts: [t.value], start: t.start, end: t.end };
    case "op":
      return parseOpAtom(p);
    case "ident":
      return parseWordAtom(p);
    default:
      throw p.fail();
  }
}

function parseOpAtom(p: Cursor): Expr {
  const t = p.peek();
  if (t.value === "-" && p.peek(1).type === "number") {
    p.next();
    const n = p.next();
    return numberLiteral(p, n, true, t.start);
  }
  if (t.value === "*") {
    p.next();
    return { kind: "star", start: t.start, end: t.end };
  }
  if (t.value === "(") {
    p.next();
    if (atQueryStart(p, 0)) {
      const query = parseQuery(p);
      p.expectOp(")");
      return { kind: "scalarSubquery", query, start: t.start, end: p.lastEnd };
    }
    // `((SELECT 1) UNION (SELECT 2))` needs look-ahead: try a query first, then an expression.
    if (p.isOp("(")) {
      const query = p.attempt(() => {
        const q = parseQuery(p);
        p.expectOp(")");
        return q;
      });
      if (query) return { kind: "scalarSubquery", query, start: t.start, end: p.lastEnd };
    }
    const items = parseExprList(p);
    p.expectOp(")");
    if (items.length === 1) {
      const inner = items[0]!;
      // Keep the parentheses in the span so error carets and view text match the source.
      return { ...inner, start: t.start, end: p.lastEnd } as Expr;
    }
    return { kind: "row", items, start: t.start, end: p.lastEnd };
  }
  throw p.fail();
}

function parseWordAtom(p: Cursor): Expr {
  const t = p.peek();
  const word = t.upper;
  if (word === "NULL") return literalWord(p, "null", null);
  if (word === "TRUE") return literalWord(p, "boolean", true);
  if (word === "FALSE") return literalWord(p, "boolean", false);
  if (word === "CASE") return parseCase(p);
  if (word === "INTERVAL" && (p.peek(1).type === "string" || p.peek(1).type === "number" || p.isOp("-", 1))) {
    return intervalLiteral(p);
  }
  if (atTypedLiteral(p)) return typedLiteral(p);
  if ((word === "CAST" || word === "TRY_CAST") && p.isOp("(", 1)) return parseCast(p);
  if (p.isOp("(", 1)) {
    p.next();
    return parseFunctionCall(p, [t.value], t.start);
  }
  if (NILADIC.has(word)) {
    p.next();
    return { kind: "function", name: [t.value], args: [], distinct: false, form: "niladic", start: t.start, end: t.end };
  }
  if (!p.isIdentifier() && !(t.type === "ident" && p.lambdaParams.includes(t.upper))) throw p.fail();
  p.next();
  return { kind: "column", parts: [t.value], start: t.start, end: t.end };
}

function literalWord(p: Cursor, type: "null" | "boolean", value: boolean | null): Expr {
  const t = p.next();
  return { kind: "literal", type, value, start: t.start, end: t.end };
}

function parseCase(p: Cursor): CaseExpr {
  const start = p.expectKw("CASE").start;
  const operand = p.isKw("WHEN") ? undefined : parseExpr(p);
  const branches: CaseExpr["branches"] = [];
  while (p.acceptKw("WHEN")) {
    const when = parseExpr(p);
    p.expectKw("THEN");
    branches.push({ when, then: parseExpr(p) });
  }
  if (branches.length === 0) throw p.fail();
  const elseExpr = p.acceptKw("ELSE") ? parseExpr(p) : undefined;
  p.expectKw("END");
  return {
    kind: "case", ...(operand ? { operand } : {}), branches, ...(elseExpr ? { else: elseExpr } : {}), start, end: p.lastEnd,
  };
}

function parseCast(p: Cursor): Expr {
  const kw = p.next();
  p.expectOp("(");
  const arg = parseExpr(p);
  p.expectKw("AS");
  const t = dataType(p);
  p.expectOp(")");
  return {
    kind: "cast", arg, dataType: t.dataType, typeText: t.text, try: kw.upper === "TRY_CAST", syntax: "cast",
    start: kw.start, end: p.lastEnd,
  };
}

/** After the function name, at `(`: arguments, then FILTER / IGNORE NULLS / OVER. */
function parseFunctionCall(p: Cursor, name: string[], start: number): Expr {
  p.expectOp("(");
  const upper = name.length === 1 ? name[0]!.toUpperCase() : "";
  const special = parseSpecialForm(p, upper, name, start);
  if (special) return special;
  let distinct = false;
  let args: Expr[] = [];
  let ignoreNulls: boolean | undefined;
  let argNames: (string | undefined)[] | undefined;
  let namedArgs: (string | undefined)[] | undefined;
  if (!p.isOp(")")) {
    if (p.acceptKw("DISTINCT")) distinct = true;
    else if (p.isKw("ALL") && !p.isOp(")", 1) && !p.isOp(",", 1)) p.next();
    if (upper === "STRUCT") {
      // `struct(1 AS a, b c)`: Spark's grammar takes named expressions here only.
      const items = [parseSelectItem(p)];
      while (p.acceptOp(",")) items.push(parseSelectItem(p));
      args = items.map((i) => i.expr);
      if (items.some((i) => i.alias !== undefined)) argNames = items.map((i) => i.alias);
    } else {
      const names: (string | undefined)[] = [];
      const one = () => {
        // `explode(collection => x)`: a named argument (Spark's `=>`), placed by to-plan.
        let name: string | undefined;
        if (p.isIdentifier() && p.isOp("=>", 1)) {
          name = p.identifier();
          p.next();
        }
        names.push(name);
        args.push(parseArgument(p));
      };
      one();
      while (p.acceptOp(",")) one();
      if (names.some((n) => n !== undefined)) namedArgs = names;
    }
    // `first(x IGNORE NULLS)`: Spark's older spelling inside the parentheses.
    if (p.acceptKws("IGNORE", "NULLS")) ignoreNulls = true;
    else if (p.acceptKws("RESPECT", "NULLS")) ignoreNulls = false;
  }
  p.expectOp(")");
  const fn: FunctionExpr = { kind: "function", name, args, distinct, start, end: p.lastEnd };
  if (ignoreNulls !== undefined) fn.ignoreNulls = ignoreNulls;
  if (argNames) fn.argNames = argNames;
  if (namedArgs) fn.namedArgs = namedArgs;
  if (p.isKw("WITHIN") && p.isKw("GROUP", 1)) {
    p.next();
    p.next();
    p.expectOp("(");
    p.expectKw("ORDER");
    p.expectKw("BY");
    fn.withinGroup = [parseSortItem(p)];
    while (p.acceptOp(",")) fn.withinGroup.push(parseSortItem(p));
    p.expectOp(")");
  }
  if (p.isKw("FILTER") && p.isOp("(", 1)) {
    p.next();
    p.next();
    p.expectKw("WHERE");
    fn.filter = parseExpr(p);
    p.expectOp(")");
  }
  if (p.acceptKws("IGNORE", "NULLS")) fn.ignoreNulls = true;
  else if (p.acceptKws("RESPECT", "NULLS")) fn.ignoreNulls = false;
  if (p.isKw("OVER")) {
    p.next();
    fn.over = parseOver(p);
  }
  fn.end = p.lastEnd;
  return fn;
}

/** A function argument: an expression or a lambda (`x -> ...`, `(a, b) -> ...`). */
function parseArgument(p: Cursor): Expr {
  const t = p.peek();
  if (isParamWord(p, 0) && p.isOp("->", 1)) {
    const params = [p.next().value];
    p.next();
    const body = lambdaBody(p, params);
    return { kind: "lambda", params, body, start: t.start, end: body.end };
  }
  if (p.isOp("(") && isParamWord(p, 1) && (p.isOp(",", 2) || p.isOp(")", 2))) {
    const lambda = p.attempt(() => {
      p.expectOp("(");
      const params = [p.next().value];
      while (p.isOp(",") && isParamWord(p, 1)) {
        p.next();
        params.push(p.next().value);
      }
      p.expectOp(")");
      p.expectOp("->");
      const body = lambdaBody(p, params);
      return { kind: "lambda" as const, params, body, start: t.start, end: body.end };
    });
    if (lambda) return lambda;
  }
  return parseExpr(p);
}

/**
 * A lambda parameter may be any word: Spark's default mode reads its strict non-reserved
 * keywords as identifiers there, so `(left, right) -> ...` (array_sort's documented example)
 * parses, and the body may name them.
 */
function isParamWord(p: Cursor, ahead: number): boolean {
  const type = p.peek(ahead).type;
  return type === "ident" || type === "quoted";
}

function lambdaBody(p: Cursor, params: readonly string[]): Expr {
  p.lambdaParams.push(...params.map((x) => x.toUpperCase()));
  try {
    return parseExpr(p);
  } finally {
    p.lambdaParams.length -= params.length;
  }
}

/**
 * EXTRACT(f FROM x), POSITION(a IN b), TRIM([BOTH|LEADING|TRAILING] [c] FROM s),
 * SUBSTRING(s FROM a [FOR b]), OVERLAY(s PLACING r FROM a [FOR b]). Returns undefined (cursor untouched) for the ordinary
 * comma forms, e.g. `trim(s)` or `substring(s, 1, 2)`.
 */
function parseSpecialForm(p: Cursor, upper: string, name: string[], start: number): Expr | undefined {
  const fn = (args: Expr[], form: FunctionExpr["form"]): FunctionExpr => ({
    kind: "function", name, args, distinct: false, form, start, end: p.lastEnd,
  });
  if (upper === "EXTRACT" && (p.peek().type === "ident" || p.peek().type === "quoted") && p.isKw("FROM", 1)) {
    const field = p.next();
    p.next();
    const source = parseExpr(p);
    p.expectOp(")");
    const fieldLit: Expr = { kind: "literal", type: "string", value: field.value, start: field.start, end: field.end };
    return fn([fieldLit, source], "extract");
  }
  if (upper === "TRIM") {
    const where = p.isAnyKw(["BOTH", "LEADING", "TRAILING"]) ? (p.peek().upper as "BOTH" | "LEADING" | "TRAILING") : undefined;
    if (!where) {
      const saved = p.pos;
      const chars = p.attempt(() => parseExpr(p));
      if (!chars || !p.acceptKw("FROM")) {
        p.pos = saved;
        return undefined;
      }
      const source = parseExpr(p);
      p.expectOp(")");
      return { ...fn([chars, source], "trim"), trimWhere: "BOTH" };
    }
    p.next();
    const chars = p.isKw("FROM") ? undefined : parseExpr(p);
    p.expectKw("FROM");
    const source = parseExpr(p);
    p.expectOp(")");
    return { ...fn(chars ? [chars, source] : [source], "trim"), trimWhere: where };
  }
  if (upper === "OVERLAY") {
    // OVERLAY(s PLACING r FROM pos [FOR len]) is overlay(s, r, pos[, len]), named the same.
    const saved = p.pos;
    const input = p.attempt(() => parseValueOnly(p));
    if (!input || !p.acceptKw("PLACING")) {
      p.pos = saved;
      return undefined;
    }
    const args = [input, parseValueOnly(p)];
    p.expectKw("FROM");
    args.push(parseValueOnly(p));
    if (p.acceptKw("FOR")) args.push(parseValueOnly(p));
    p.expectOp(")");
    return fn(args, undefined);
  }
  if (upper === "POSITION" || upper === "SUBSTRING" || upper === "SUBSTR") {
    const saved = p.pos;
    const first = p.attempt(() => parseValueOnly(p));
    const sep = upper === "POSITION" ? "IN" : "FROM";
    if (!first || !p.acceptKw(sep)) {
      p.pos = saved;
      return undefined;
    }
    const second = parseValueOnly(p);
    const args = [first, second];
    if (upper !== "POSITION" && p.acceptKw("FOR")) args.push(parseValueOnly(p));
    p.expectOp(")");
    return fn(args, upper === "POSITION" ? "position" : "substring");
  }
  return undefined;
}

/** A value expression (no IN / BETWEEN predicates), so `POSITION(a IN b)` stops before IN. */
function parseValueOnly(p: Cursor): Expr {
  return parseValueExpr(p);
}
