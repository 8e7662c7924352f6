/**
 * WHERE-clause subqueries as joins, as Spark's optimizer plans them: `EXISTS (...)` and
 * `x IN (SELECT ...)` become LEFT SEMI joins, `NOT EXISTS` and `NOT IN` LEFT ANTI joins (NOT
 * IN null-aware: a NULL on either side rejects the row, as SQL requires). This also gives
 * correlated subqueries (`WHERE u.a = t.a` inside) their meaning: the correlated predicates
 * become the join condition. Only top-level AND-ed predicates are rewritten; others stay
 * subquery expressions.
 */
import type { Attr, Expr as PlanExpr, NamedExpr } from "../../plan/expr/expr.js";
import { alias, call, exists, newExprId } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { buildFilter, buildJoin } from "../../plan/builder/index.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import type { Scope } from "../../analyzer/scope.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { Expr, Query } from "../ast.js";
import type { QueryScope } from "./context.js";
import { ExprTranslator } from "./expressions.js";
import { translateQuery } from "./query.js";
import { translateRelation } from "./relations.js";
import { hasAggregateCall } from "./select.js";

/** Applies a WHERE clause: plain predicates as a Filter, subquery predicates as joins. */
export function applyWhere(input: LogicalPlan, where: Expr, scope: QueryScope, sql: string, tx: ExprTranslator): LogicalPlan {
  const plain: Expr[] = [];
  const subs: SubqueryPredicate[] = [];
  for (const c of conjuncts(where)) {
    const s = asSubqueryPredicate(c);
    if (s) subs.push(s);
    else plain.push(c);
  }
  let plan = input;
  if (plain.length) {
    const cond = tx.translate(andAll(plain));
    // Window functions run after WHERE; Spark rejects them there (filter in an outer query).
    if (exists(cond, (x) => x.kind === "window")) {
      throw new PijarError("WINDOW_FUNCTION_NOT_ALLOWED_IN_CLAUSE", { clauseName: "WHERE" }, {
        message: "It is not allowed to use window functions inside WHERE clause: compute the window function in a subquery or CTE, then filter its result in the outer query.",
      });
    }
    plan = buildFilter(plan, cond, scope.build);
  }
  for (const s of subs) plan = subqueryJoin(plan, s, scope, sql, tx);
  return plan;
}

interface SubqueryPredicate {
  query: Query;
  /** The tested values for IN; undefined for EXISTS. */
  args?: Expr[];
  negated: boolean;
}

export function conjuncts(e: Expr): Expr[] {
  return e.kind === "binary" && e.op === "AND" ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

export function andAll(es: Expr[]): Expr {
  return es.reduce((l, r) => ({ kind: "binary", op: "AND", left: l, right: r, start: l.start, end: r.end }));
}

function asSubqueryPredicate(e: Expr): SubqueryPredicate | undefined {
  if (e.kind === "exists") return { query: e.query, negated: false };
  if (e.kind === "inSubquery") return { query: e.query, args: e.args, negated: e.negated };
  if (e.kind === "unary" && e.op === "NOT") {
    const inner = asSubqueryPredicate(e.arg);
    if (inner) return { ...inner, negated: !inner.negated };
  }
  return undefined;
}

function subqueryJoin(left: LogicalPlan, s: SubqueryPredicate, scope: QueryScope, sql: string, tx: ExprTranslator): LogicalPlan {
  const sub = prepareSubquery(s.query, left, scope, sql);
  const fn = scope.build.fn;
  const opts = scope.build.resolveOptions;
  let condition = sub.correlation;
  if (s.args) {
    const values = s.args.map((a) => resolveExpr(tx.translate(a), { attrs: left.output }, fn, opts));
    if (values.length !== sub.selected.length) {
      throw new PijarError("DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH", {}, {
        message: `Cannot resolve IN subquery due to data type mismatch: the number of columns in the left hand side of an IN subquery does not match the number of columns in the output of subquery. Left hand side columns(length: ${values.length}), right hand side columns(length: ${sub.selected.length}).`,
      });
    }
    let eq = values.map((v, i) => call("=", [v, sub.selected[i]!]) as PlanExpr).reduce((a, b) => call("and", [a, b]));
    // NOT IN is null-aware: a NULL comparison (either side) must reject the outer row.
    if (s.negated) eq = call("or", [eq, call("isnull", [eq])]);
    condition = condition ? call("and", [condition, eq]) : eq;
  }
  if (condition) condition = resolveExpr(condition, { attrs: [...left.output, ...sub.right.output] }, fn, opts);
  return buildJoin(left, sub.right, condition, s.negated ? "left_anti" : "left_semi", scope.build);
}

interface PreparedSubquery {
  right: LogicalPlan;
  /** The subquery's select list, resolved against `right`. */
  selected: PlanExpr[];
  /** Predicates that refer to the outer query, resolved (inner names first). */
  correlation: PlanExpr | null;
}

function prepareSubquery(q: Query, left: LogicalPlan, scope: QueryScope, sql: string): PreparedSubquery {
  try {
    const plan = freshIds(translateQuery(q, scope.child(), sql), left);
    return { right: plan, selected: [...plan.output], correlation: null };
  } catch (e) {
    if (!(e instanceof PijarError && e.errorClass.startsWith("UNRESOLVED_COLUMN")) || !isSimpleSelect(q)) throw e;
  }
  // Correlated: FROM + inner predicates form the right side; the rest joins it to the outer row.
  const body = q.body as Extract<Query["body"], { kind: "select" }>;
  const inner = scope.child();
  const tx = new ExprTranslator(inner, sql);
  let right = freshIds(translateRelation(body.from!, inner, sql), left);
  // Scalar subqueries inside may read the FROM columns (correlated to this subquery).
  tx.outer = { attrs: right.output, outer: scope.build.outer };
  const fn = inner.build.fn;
  const opts = inner.build.resolveOptions;
  const local: Expr[] = [];
  const correlated: Expr[] = [];
  for (const c of body.where ? conjuncts(body.where) : []) {
    try {
      resolveExpr(tx.translate(c), { attrs: right.output }, fn, opts);
      local.push(c);
    } catch (err) {
      if (!(err instanceof PijarError && err.errorClass.startsWith("UNRESOLVED_COLUMN"))) throw err;
      correlated.push(c);
    }
  }
  if (local.length) right = buildFilter(right, tx.translate(andAll(local)), inner.build);
  const both: Scope = { attrs: right.output, outer: { attrs: left.output } };
  const correlation = correlated.length ? resolveExpr(tx.translate(andAll(correlated)), both, fn, opts) : null;
  const selected = body.items.map((i) => resolveExpr(tx.translate(i.expr), both, fn, opts));
  return { right, selected, correlation };
}

/** A SELECT ... FROM ... WHERE ... with nothing that depends on whole groups or row order. */
function isSimpleSelect(q: Query): boolean {
  const b = q.body;
  return q.ctes.length === 0 && q.orderBy.length === 0 && !q.limit && !q.offset && b.kind === "select" && !!b.from
    && !b.groupBy && !b.having && !b.distinct && b.lateralViews.length === 0 && !b.items.some((i) => hasAggregateCall(i.expr));
}

/** Re-aliases columns whose ids the outer side already uses (the same view on both sides). */
export function freshIds(right: LogicalPlan, left: LogicalPlan): LogicalPlan {
  const leftIds = new Set(left.output.map((a) => a.id));
  if (!right.output.some((a) => leftIds.has(a.id))) return right;
  const exprs: NamedExpr[] = right.output.map((a) => (leftIds.has(a.id) ? { ...alias(a, a.name), id: newExprId() } : a));
  const output: Attr[] = exprs.map((e, i) => (e.kind === "attr" ? e : { ...right.output[i]!, id: e.id }));
  return { kind: "project", child: right, exprs, output };
}
