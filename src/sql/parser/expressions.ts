/**
 * Operator expressions with Spark's precedence (loosest first):
 * OR < AND < NOT < predicates (BETWEEN, IN, LIKE, IS ...) < comparison < | < ^ < & < shifts
 * < + - || < * / % DIV < unary - + ~ < postfix ([i], .f, ::t) < primary.
 * Binary levels are table-driven; each level is left-associative.
 */
import type { BinaryOp, Expr } from "../ast.js";
import type { Cursor } from "./cursor.js";
import { parsePrimary } from "./primary.js";
import { parseQuery, atQueryStart } from "./query.js";
import { parseError } from "../parse-error.js";

/** Binary operator levels from loosest (comparison) to tightest (multiplicative). */
const BINARY_LEVELS: { ops: string[]; words?: string[] }[] = [
  { ops: ["=", "==", "<=>", "!=", "<>", "<", "<=", ">", ">=", "!<", "!>"] },
  { ops: ["|"] },
  { ops: ["^"] },
  { ops: ["&"] },
  { ops: ["<<", ">>", ">>>"] },
  { ops: ["+", "-", "||"] },
  { ops: ["*", "/", "%"], words: ["DIV"] },
];

/** One full (boolean) expression. */
export function parseExpr(p: Cursor): Expr {
  return parseOr(p);
}

function parseOr(p: Cursor): Expr {
  let left = parseAnd(p);
  while (p.isKw("OR")) {
    p.next();
    const right = parseAnd(p);
    left = { kind: "binary", op: "OR", left, right, start: left.start, end: right.end };
  }
  return left;
}

function parseAnd(p: Cursor): Expr {
  let left = parseNot(p);
  while (p.isKw("AND")) {
    p.next();
    const right = parseNot(p);
    left = { kind: "binary", op: "AND", left, right, start: left.start, end: right.end };
  }
  return left;
}

function parseNot(p: Cursor): Expr {
  if (p.isKw("NOT") || (p.isOp("!") && !p.isOp("=", 1))) {
    const start = p.next().start;
    const arg = parseNot(p);
    return { kind: "unary", op: "NOT", arg, start, end: arg.end };
  }
  if (p.isKw("EXISTS") && p.isOp("(", 1) && atQueryStart(p, 2)) {
    const start = p.next().start;
    p.expectOp("(");
    const query = parseQuery(p);
    p.expectOp(")");
    return { kind: "exists", query, start, end: p.lastEnd };
  }
  return parsePredicate(p, parseValueExpr(p));
}

/** A value expression: comparisons and arithmetic, no predicates or boolean connectives. */
export function parseValueExpr(p: Cursor): Expr {
  return parseBinary(p, 0);
}

function parseBinary(p: Cursor, level: number): Expr {
  if (level >= BINARY_LEVELS.length) return parseUnary(p);
  const { ops, words } = BINARY_LEVELS[level]!;
  let left = parseBinary(p, level + 1);
  for (;;) {
    const t = p.peek();
    const isOp = t.type === "op" && ops.includes(t.value);
    const isWord = t.type === "ident" && words !== undefined && words.includes(t.upper);
    if (!isOp && !isWord) return left;
    p.next();
    const right = parseBinary(p, level + 1);
    let op = (isWord ? t.upper : t.value) as BinaryOp;
    // `!<` and `!>` are Spark spellings of `>=` and `<=`.
    if ((op as string) === "!<") op = ">=";
    else if ((op as string) === "!>") op = "<=";
    left = { kind: "binary", op, left, right, start: left.start, end: right.end };
  }
}

function parseUnary(p: Cursor): Expr {
  const t = p.peek();
  if (t.type === "op" && (t.value === "-" || t.value === "+" || t.value === "~")) {
    // `-5` is a negative literal in Spark (`MINUS? INTEGER_VALUE`), so it types as INT even at -2^31.
    if (t.value === "-" && p.peek(1).type === "number") return parsePrimary(p);
    p.next();
    const arg = parseUnary(p);
    return { kind: "unary", op: t.value, arg, start: t.start, end: arg.end };
  }
  return parsePrimary(p);
}

/** The optional predicate after a value expression: BETWEEN, IN, LIKE, RLIKE, IS ... */
function parsePredicate(p: Cursor, arg: Expr): Expr {
  const start = arg.start;
  if (p.isKw("IS")) {
    p.next();
    const negated = p.acceptKw("NOT");
    if (p.acceptKw("NULL")) return { kind: "isNull", arg, negated, start, end: p.lastEnd };
    if (p.acceptKw("TRUE")) return { kind: "isBoolean", arg, value: true, negated, start, end: p.lastEnd };
    if (p.acceptKw("FALSE")) return { kind: "isBoolean", arg, value: false, negated, start, end: p.lastEnd };
    if (p.acceptKw("UNKNOWN")) return { kind: "isBoolean", arg, value: null, negated, start, end: p.lastEnd };
    if (p.acceptKw("DISTINCT")) {
      p.expectKw("FROM");
      const right = parseValueExpr(p);
      return { kind: "distinctFrom", left: arg, right, negated, start, end: right.end };
    }
    throw p.fail();
  }
  const negated = p.isKw("NOT") && p.isAnyKw(["BETWEEN", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP"], 1);
  if (negated) p.next();
  if (p.acceptKw("BETWEEN")) {
    const lower = parseValueExpr(p);
    p.expectKw("AND");
    const upper = parseValueExpr(p);
    return { kind: "between", arg, lower, upper, negated, start, end: upper.end };
  }
  if (p.acceptKw("IN")) {
    p.expectOp("(");
    if (atQueryStart(p, 0)) {
      const query = parseQuery(p);
      p.expectOp(")");
      const args = arg.kind === "row" ? arg.items : [arg];
      return { kind: "inSubquery", args, query, negated, start, end: p.lastEnd };
    }
    if (p.isOp(")")) {
      p.next();
      throw parseError("INVALID_SQL_SYNTAX.EMPTY_IN_PREDICATE", { inputString: "" }, p.sql, start, p.lastEnd,
        "Invalid SQL syntax: IN predicate requires at least one value. Write x IN (a, b), or drop the condition.");
    }
    const list = [parseExpr(p)];
    while (p.acceptOp(",")) list.push(parseExpr(p));
    p.expectOp(")");
    return { kind: "inList", arg, list, negated, start, end: p.lastEnd };
  }
  if (p.isAnyKw(["LIKE", "ILIKE"])) {
    const op = p.next().upper as "LIKE" | "ILIKE";
    const pattern = parseValueExpr(p);
    let escape: string | undefined;
    if (p.acceptKw("ESCAPE")) {
      const e = p.peek();
      if (e.type !== "string") throw p.fail();
      p.next();
      escape = e.value;
    }
    return { kind: "like", op, arg, pattern, ...(escape !== undefined ? { escape } : {}), negated, start, end: p.lastEnd };
  }
  if (p.isAnyKw(["RLIKE", "REGEXP"])) {
    p.next();
    const pattern = parseValueExpr(p);
    return { kind: "like", op: "RLIKE", arg, pattern, negated, start, end: pattern.end };
  }
  if (negated) throw p.fail();
  return arg;
}

/** Comma-separated expressions (at least one). */
export function parseExprList(p: Cursor): Expr[] {
  const out = [parseExpr(p)];
  while (p.acceptOp(",")) out.push(parseExpr(p));
  return out;
}
