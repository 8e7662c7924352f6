/**
 * FROM clauses: tables and views, subqueries, VALUES, table-valued functions (`range(10)`),
 * aliases with column lists, comma joins and every JOIN flavour with ON or USING.
 */
import type { Expr, JoinType, Relation, TableAlias } from "../ast.js";
import type { Cursor } from "./cursor.js";
import { parseExpr, parseExprList } from "./expressions.js";
import { atQueryStart, parseQuery } from "./query.js";

/** After FROM: `rel [JOIN ...], rel ...`; commas become inner joins without condition. */
export function parseFromClause(p: Cursor): Relation {
  let left = parseJoinedRelation(p);
  while (p.acceptOp(",")) {
    const right = parseJoinedRelation(p);
    left = { kind: "join", joinType: "INNER", left, right, natural: false, comma: true, start: left.start, end: right.end };
  }
  return left;
}

function parseJoinedRelation(p: Cursor): Relation {
  let left = parseRelationPrimary(p);
  for (;;) {
    const natural = p.isKw("NATURAL");
    const save = p.pos;
    if (natural) p.next();
    const joinType = parseJoinType(p);
    if (!joinType) {
      p.pos = save;
      return left;
    }
    p.expectKw("JOIN");
    const right = parseRelationPrimary(p);
    const join: Relation = { kind: "join", joinType, left, right, natural, comma: false, start: left.start, end: right.end };
    if (!natural && p.acceptKw("ON")) join.on = parseExpr(p);
    else if (!natural && p.isKw("USING")) {
      p.next();
      join.using = p.identifierList();
    }
    join.end = p.lastEnd;
    left = join;
  }
}

/** Reads the words before JOIN; returns undefined (consuming nothing) if no join follows. */
function parseJoinType(p: Cursor): JoinType | undefined {
  const words: string[] = [];
  for (let i = 0; i < 3 && !p.isKw("JOIN", i); i++) {
    const t = p.peek(i);
    if (t.type !== "ident") return undefined;
    words.push(t.upper);
  }
  if (!p.isKw("JOIN", words.length)) return undefined;
  const key = words.join(" ");
  const type = JOIN_TYPES[key];
  if (type === undefined) return undefined;
  p.pos += words.length;
  return type;
}

const JOIN_TYPES: Record<string, JoinType> = {
  "": "INNER",
  INNER: "INNER",
  CROSS: "CROSS",
  LEFT: "LEFT",
  "LEFT OUTER": "LEFT",
  RIGHT: "RIGHT",
  "RIGHT OUTER": "RIGHT",
  FULL: "FULL",
  "FULL OUTER": "FULL",
  SEMI: "LEFT SEMI",
  "LEFT SEMI": "LEFT SEMI",
  ANTI: "LEFT ANTI",
  "LEFT ANTI": "LEFT ANTI",
};

function parseRelationPrimary(p: Cursor): Relation {
  const t = p.peek();
  if (p.isKw("VALUES")) {
    p.next();
    const rows = parseValuesRows(p);
    return withAlias(p, { kind: "values", rows, start: t.start, end: p.lastEnd });
  }
  if (p.isOp("(")) {
    if (atQueryStart(p, 1) || p.isOp("(", 1)) {
      const query = p.attempt(() => {
        p.next();
        const q = parseQuery(p);
        p.expectOp(")");
        return q;
      });
      if (query) return withAlias(p, { kind: "subquery", query, start: t.start, end: p.lastEnd });
    }
    // `(a JOIN b)`: a parenthesized relation.
    p.next();
    const inner = parseFromClause(p);
    p.expectOp(")");
    const rel = { ...inner, start: t.start, end: p.lastEnd };
    return rel.kind === "join" ? rel : withAlias(p, rel);
  }
  const name = p.multipartIdentifier();
  if (p.isOp("(")) {
    p.next();
    const args = p.isOp(")") ? [] : parseExprList(p);
    p.expectOp(")");
    return withAlias(p, { kind: "tableFunction", name, args, start: t.start, end: p.lastEnd });
  }
  return withAlias(p, { kind: "table", name, start: t.start, end: p.lastEnd });
}

/** `[AS] name [(c1, c2)]` after a relation. */
function withAlias<R extends Relation>(p: Cursor, rel: R): R {
  const alias = parseTableAlias(p);
  if (alias) {
    (rel as { alias?: TableAlias }).alias = alias;
    rel.end = p.lastEnd;
  }
  return rel;
}

/** An optional table alias: `[AS] name [(c1, c2)]`. */
export function parseTableAlias(p: Cursor): TableAlias | undefined {
  let alias: TableAlias | undefined;
  if (p.acceptKw("AS")) alias = { name: p.identifier() };
  else if (p.isBareAlias()) alias = { name: p.next().value };
  if (alias && p.isOp("(") && p.isIdentifier(1)) alias.columns = p.identifierList();
  return alias;
}

/** `(1, 'a'), (2, 'b')` or `1, 2`: each row is a list of expressions. */
export function parseValuesRows(p: Cursor): Expr[][] {
  const rows: Expr[][] = [];
  do {
    const e = parseExpr(p);
    rows.push(e.kind === "row" ? e.items : [e]);
  } while (p.acceptOp(","));
  return rows;
}
