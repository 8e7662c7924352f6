/**
 * Scalar subqueries planned as joins, so the engine needs no subquery evaluation:
 * - uncorrelated global aggregates (`(SELECT max(qty) FROM t)`) return exactly one row: a
 *   cross join with that row;
 * - correlated aggregates (`(SELECT avg(qty) FROM t t2 WHERE t2.k = t1.k)`) become the
 *   aggregate grouped by the inner keys, LEFT joined on the correlation (COUNT gives 0, not
 *   NULL, for no match, as in Spark).
 * The expression then reads the joined column, named `scalarsubquery(...)` as in Spark.
 * Other scalar subqueries stay subquery expressions, which the optimizer's rewrite_subqueries
 * turns into ApplySubquery nodes (run once per distinct outer value).
 */
import type { Attr, Expr as PlanExpr } from "../../plan/expr/expr.js";
import { alias, call, literal } from "../../plan/expr/expr.js";
import { exprName } from "../../plan/expr/sql-text.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { buildAggregate, buildFilter, buildJoin } from "../../plan/builder/index.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { PijarError } from "../../errors/pijar-error.js";
import { longType } from "../../types/data-types.js";
import type { Expr, SelectBody } from "../ast.js";
import type { QueryScope } from "./context.js";
import { ExprTranslator } from "./expressions.js";
import { translateQuery } from "./query.js";
import { translateRelation } from "./relations.js";
import { hasAggregateCall } from "./select.js";
import { andAll, conjuncts, freshIds } from "./subquery-joins.js";
import { subqueryExpr } from "./subquery-expr.js";

/** Joins single-row scalar subqueries of WHERE (and the select list, if asked) onto `input`. */
export function joinScalarSubqueries(
  input: LogicalPlan, body: SelectBody, includeSelectList: boolean, scope: QueryScope, sql: string, tx: ExprTranslator,
): LogicalPlan {
  const found: Extract<Expr, { kind: "scalarSubquery" }>[] = [];
  const roots = [...(includeSelectList ? body.items.map((i) => i.expr) : []), ...(body.where ? [body.where] : [])];
  for (const r of roots) collectScalar(r, found);
  let plan = input;
  for (const s of found) {
    const sub = translateQuery(s.query, tx.subqueryScope(), sql);
    // Built (and checked against Spark's correlation rules) whichever way it is planned.
    const expr = subqueryExpr("scalar", sub);
    if (expr.outerRefs!.length === 0) {
      if (isSingleRow(sub) && sub.output.length === 1) {
        const right = freshIds(sub, plan);
        plan = buildJoin(plan, right, null, "cross", scope.build);
        tx.substitutions.set(s, alias(right.output[0]!, "scalarsubquery()"));
      } else tx.substitutions.set(s, expr);
      continue;
    }
    const joined = joinCorrelated(plan, s, scope, sql);
    if (joined) {
      plan = joined.plan;
      tx.substitutions.set(s, joined.value);
    } else tx.substitutions.set(s, expr);
  }
  return plan;
}

/** Scalar subqueries in an expression, not descending into other subqueries. */
function collectScalar(e: Expr, out: Extract<Expr, { kind: "scalarSubquery" }>[]): void {
  if (e.kind === "scalarSubquery") {
    out.push(e);
    return;
  }
  if (e.kind === "exists" || e.kind === "inSubquery") return;
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "kind" in x) collectScalar(x as Expr, out);
    } else if (v && typeof v === "object" && "kind" in v) collectScalar(v as Expr, out);
  }
}

/** An aggregate without grouping keys (possibly under projections) yields exactly one row. */
function isSingleRow(p: LogicalPlan): boolean {
  if (p.kind === "aggregate") return p.groupBy.length === 0 && p.groupingSets === null;
  if (p.kind === "project" || p.kind === "subquery_alias") return isSingleRow(p.child);
  return false;
}

/** Aggregates that give NULL over no rows, so a LEFT join's missing match gives their answer. */
const NULL_ON_EMPTY = new Set([
  "sum", "avg", "mean", "min", "max", "first", "last", "first_value", "last_value", "any_value", "stddev", "stddev_samp",
  "stddev_pop", "std", "variance", "var_samp", "var_pop", "median", "bool_and", "bool_or", "every", "some", "any",
]);
/** Aggregates that give 0 over no rows (the "COUNT bug": the LEFT join's NULL must become 0). */
const ZERO_ON_EMPTY = new Set(["count", "count_if"]);

/**
 * The correlated form as a LEFT join on an aggregate; undefined unless the subquery is
 * `SELECT agg(...) FROM ... WHERE inner = outer AND ...` with one aggregate whose answer over
 * no rows is known (others run per outer value, which is always right).
 */
function joinCorrelated(
  left: LogicalPlan, s: Extract<Expr, { kind: "scalarSubquery" }>, scope: QueryScope, sql: string,
): { plan: LogicalPlan; value: PlanExpr } | undefined {
  try {
    return tryJoinCorrelated(left, s, scope, sql);
  } catch (e) {
    // A shape this rewrite does not handle (e.g. a derived table reading the outer query).
    if (e instanceof PijarError && e.errorClass.startsWith("UNRESOLVED_COLUMN")) return undefined;
    throw e;
  }
}

function tryJoinCorrelated(
  left: LogicalPlan, s: Extract<Expr, { kind: "scalarSubquery" }>, scope: QueryScope, sql: string,
): { plan: LogicalPlan; value: PlanExpr } | undefined {
  const q = s.query;
  const b = q.body;
  if (q.ctes.length || q.orderBy.length || q.limit || q.offset || b.kind !== "select" || !b.from || b.groupBy || b.having
    || b.distinct || b.lateralViews.length || b.pivot || b.items.length !== 1) return undefined;
  const item = b.items[0]!.expr;
  if (item.kind !== "function" || item.over || item.name.length !== 1 || item.args.some(hasAggregateCall)) return undefined;
  const fnName = item.name[0]!.toLowerCase();
  if (!NULL_ON_EMPTY.has(fnName) && !ZERO_ON_EMPTY.has(fnName)) return undefined;
  const inner = scope.child();
  const tx = new ExprTranslator(inner, sql);
  const fn = inner.build.fn;
  const opts = inner.build.resolveOptions;
  const resolves = (e: PlanExpr, attrs: readonly Attr[]) => {
    try {
      return resolveExpr(e, { attrs }, fn, opts);
    } catch (err) {
      if (err instanceof PijarError && err.errorClass.startsWith("UNRESOLVED_COLUMN")) return undefined;
      throw err;
    }
  };
  let right = freshIds(translateRelation(b.from, inner, sql), left);
  const local: Expr[] = [];
  const keys: { inner: PlanExpr; outer: PlanExpr }[] = [];
  for (const c of b.where ? conjuncts(b.where) : []) {
    if (resolves(tx.translate(c), right.output)) {
      local.push(c);
      continue;
    }
    // A correlation must be `inner = outer` (either order); anything else is not supported here.
    if (c.kind !== "binary" || (c.op !== "=" && c.op !== "==")) return undefined;
    const [l, r] = [tx.translate(c.left), tx.translate(c.right)];
    const lIn = resolves(l, right.output);
    const rIn = resolves(r, right.output);
    const lOut = lIn ? undefined : resolves(l, left.output);
    const rOut = rIn ? undefined : resolves(r, left.output);
    if (lIn && rOut) keys.push({ inner: l, outer: rOut });
    else if (rIn && lOut) keys.push({ inner: r, outer: lOut });
    else return undefined;
  }
  if (keys.length === 0) return undefined;
  if (local.length) right = buildFilter(right, tx.translate(andAll(local)), inner.build);
  const itemExpr = b.items[0]!.expr;
  const aggs = [...keys.map((k, i) => alias(k.inner, `__pijar_key_${i}`)), alias(tx.translate(itemExpr), "__pijar_value")];
  const agg = buildAggregate(right, keys.map((k) => k.inner), aggs, null, inner.build);
  const condition = keys.map((k, i) => call("=", [k.outer, agg.output[i]!]) as PlanExpr).reduce((x, y) => call("and", [x, y]));
  const plan = buildJoin(left, agg, condition, "left", scope.build);
  let value: PlanExpr = agg.output[keys.length]!;
  // COUNT over no matching rows is 0 in Spark, not NULL.
  if (ZERO_ON_EMPTY.has(fnName)) {
    value = call("coalesce", [value, literal(0, longType)]);
  }
  const outerNames = keys.map((k) => exprName(k.outer)).join(", ");
  return { plan, value: alias(value, `scalarsubquery(${outerNames})`) };
}
