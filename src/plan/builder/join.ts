/**
 * join(): on column names (USING: one output column per key), a column list, or a condition.
 * Join types accept PySpark's spellings; output columns follow Spark's order.
 */
import type { Attr, Expr } from "../expr/expr.js";
import { alias, call, newExprId } from "../expr/expr.js";
import type { JoinType, LogicalPlan } from "../logical/plan.js";
import { scopeOf, type BuildContext } from "./context.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { PijarError } from "../../errors/pijar-error.js";
import { lookup, unresolvedColumn } from "../../analyzer/scope.js";
import { splitName } from "../expr/expr.js";
import { attrOfNamed } from "./named.js";
import { castTo } from "../expr/cast-to.js";
import { typeOf } from "../expr/type-of.js";
import { comparisonType } from "../../types/type-utils.js";
import { buildFilter } from "./basic.js";

const JOIN_TYPES: Record<string, JoinType> = {
  inner: "inner", cross: "cross",
  outer: "full", full: "full", fullouter: "full", full_outer: "full",
  left: "left", leftouter: "left", left_outer: "left",
  right: "right", rightouter: "right", right_outer: "right",
  semi: "left_semi", leftsemi: "left_semi", left_semi: "left_semi",
  anti: "left_anti", leftanti: "left_anti", left_anti: "left_anti",
};

export function parseJoinType(how: string): JoinType {
  const t = JOIN_TYPES[how.toLowerCase().replace(/\s+/g, "")];
  if (!t) {
    throw new PijarError("UNSUPPORTED_JOIN_TYPE", {
      typ: how, supported: "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'",
    });
  }
  return t;
}

/** Gives the right side fresh ids where they collide with the left (self-joins). */
function dedupRight(left: LogicalPlan, right: LogicalPlan): LogicalPlan {
  const leftIds = new Set(left.output.map((a) => a.id));
  if (!right.output.some((a) => leftIds.has(a.id))) return right;
  const exprs = right.output.map((a) => (leftIds.has(a.id) ? { ...alias(a, a.name), id: newExprId() } : a));
  const output = exprs.map((e) => {
    const at = attrOfNamed(e);
    return { ...at, qualifier: right.output.find((r) => r.name === at.name)?.qualifier ?? [] };
  });
  return { kind: "project", child: right, exprs, output };
}

function outputFor(type: JoinType, left: readonly Attr[], right: readonly Attr[]): Attr[] {
  const nullable = (as: readonly Attr[]) => as.map((a) => ({ ...a, nullable: true }));
  switch (type) {
    case "left_semi":
    case "left_anti": return [...left];
    case "left": return [...left, ...nullable(right)];
    case "right": return [...nullable(left), ...right];
    case "full": return [...nullable(left), ...nullable(right)];
    default: return [...left, ...right];
  }
}

export function buildJoin(
  left: LogicalPlan,
  rightIn: LogicalPlan,
  on: string | readonly string[] | Expr | readonly Expr[] | null | undefined,
  how: string,
  ctx: BuildContext,
): LogicalPlan {
  let type = parseJoinType(how);
  const right = dedupRight(left, rightIn);
  const isNames = typeof on === "string" || (Array.isArray(on) && on.length > 0 && typeof on[0] === "string");
  if (isNames) return buildUsingJoin(left, right, typeof on === "string" ? [on] : (on as string[]), type, ctx);
  let condition: Expr | null = null;
  if (on != null) {
    const list = Array.isArray(on) ? (on as Expr[]) : [on as Expr];
    if (list.length) {
      const combined = list.reduce((acc, e) => call("and", [acc, e]));
      condition = resolveExpr(combined, scopeOf([...left.output, ...right.output], ctx), ctx.fn, ctx.resolveOptions);
      condition = castTo(condition, typeOf(condition));
    }
  }
  if (type === "cross" && condition) type = "inner";
  return { kind: "join", left, right, joinType: type, condition, output: outputFor(type, left.output, right.output) };
  void buildFilter;
}

/** USING join: keys appear once, first; full outer joins coalesce the two sides' keys. */
function buildUsingJoin(left: LogicalPlan, right: LogicalPlan, names: readonly string[], type: JoinType, ctx: BuildContext): LogicalPlan {
  const pairs = names.map((n) => {
    const l = lookup(splitName(n), { attrs: left.output });
    if (!l) throw usingColumnMissing(n, "left", left);
    const r = lookup(splitName(n), { attrs: right.output });
    if (!r) throw usingColumnMissing(n, "right", right);
    return [l.attr, r.attr] as const;
  });
  const conds = pairs.map(([l, r]) => {
    const common = comparisonType(l.dataType, r.dataType);
    if (!common) {
      throw new PijarError("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
        sqlExpr: `"(${l.name} = ${r.name})"`, left: `"${l.dataType.sql()}"`, right: `"${r.dataType.sql()}"`,
      });
    }
    return call("=", [l, r]);
  });
  const condition = resolveExpr(conds.reduce((a, c) => call("and", [a, c])), { attrs: [...left.output, ...right.output] }, ctx.fn);
  const jt = type === "cross" ? "inner" : type;
  const join: LogicalPlan = { kind: "join", left, right, joinType: jt, condition, output: outputFor(jt, left.output, right.output) };
  const leftKeyIds = new Set(pairs.map(([l]) => l.id));
  const rightKeyIds = new Set(pairs.map(([, r]) => r.id));
  const keyExprs = pairs.map(([l, r]) => {
    if (jt === "right") return r;
    if (jt === "full") {
      const c = resolveExpr(call("coalesce", [l, r]), { attrs: join.output }, ctx.fn);
      return { ...alias(c, l.name) };
    }
    return l;
  });
  const rest = jt === "left_semi" || jt === "left_anti"
    ? left.output.filter((a) => !leftKeyIds.has(a.id))
    : [...join.output.filter((a) => !leftKeyIds.has(a.id) && !rightKeyIds.has(a.id))];
  const exprs = [...keyExprs, ...rest];
  const output = exprs.map((e) => {
    const a = attrOfNamed(e);
    const base = join.output.find((o) => o.id === a.id);
    return base ? { ...a, nullable: base.nullable, qualifier: base.qualifier } : { ...a, nullable: jt === "full" ? pairs.some(([l, r]) => l.nullable && r.nullable) : a.nullable };
  });
  return { kind: "project", child: join, exprs, output };
}

function usingColumnMissing(name: string, side: string, plan: LogicalPlan): PijarError {
  const e = unresolvedColumn(name, { attrs: plan.output });
  return new PijarError("UNRESOLVED_USING_COLUMN_FOR_JOIN", {
    colName: "`" + name + "`", side, suggestion: plan.output.map((a) => "`" + a.name + "`").join(", "),
  }, { message: `USING column \`${name}\` cannot be resolved on the ${side} side of the join. The ${side}-side columns: [${plan.output.map((a) => "`" + a.name + "`").join(", ")}].`, cause: e });
}
