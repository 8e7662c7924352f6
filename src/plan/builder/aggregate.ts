/**
 * groupBy().agg() and SQL GROUP BY: resolves keys and aggregate expressions and checks that
 * every column outside an aggregate is a grouping key (else MISSING_AGGREGATION).
 */
import type { Attr, Expr, NamedExpr } from "../expr/expr.js";
import { children, transform } from "../expr/expr.js";
import type { LogicalPlan } from "../logical/plan.js";
import { scopeOf, type BuildContext } from "./context.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { attrOfNamed, toNamed } from "./named.js";
import { exprKey } from "../expr/equality.js";
import { exprName } from "../expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";
import { projectWithWindows } from "./windows.js";

export function buildAggregate(
  child: LogicalPlan,
  groupBy: readonly Expr[],
  aggs: readonly Expr[],
  groupingSets: readonly (readonly number[])[] | null,
  ctx: BuildContext,
  aggsResolved = false,
): LogicalPlan {
  const scope = scopeOf(child.output, ctx);
  const keys = groupBy.map((g) => resolveExpr(g, scope, ctx.fn, ctx.resolveOptions));
  const named = aggs.map((a) => (aggsResolved ? (a as NamedExpr) : toNamed(resolveExpr(a, scope, ctx.fn, ctx.resolveOptions))));
  const keyIds = new Set(keys.map(exprKey));
  // Window expressions over aggregates are computed after the aggregate: split them out.
  // So are subqueries over the groups (their outer references must be keys), as Spark's
  // rewrite puts them above the Aggregate.
  const windowed = named.some((n) => containsWindow(n) || containsSubquery(n));
  const childIds = new Set(child.output.map((a) => a.id));
  for (const n of named) checkGrouped(n, keyIds, childIds);
  const nullableKeys = groupingSets !== null;
  const outputOf = (n: NamedExpr): Attr => {
    const a = attrOfNamed(n);
    return nullableKeys && keyIds.has(exprKey(n.kind === "alias" ? n.child : n)) ? { ...a, nullable: true } : a;
  };
  if (!windowed) {
    return { kind: "aggregate", child, groupBy: keys, aggs: named, groupingSets, output: named.map(outputOf) };
  }
  // Aggregate computes keys and plain aggregate calls; Window + Project compute the rest.
  const inner: NamedExpr[] = [];
  const seen = new Map<string, Attr>();
  const lift = (e: Expr): Expr =>
    transform(e, (x) => {
      if (x.kind === "window") return { ...x, fn: liftAggArgs(x.fn), spec: { ...x.spec, partitionBy: x.spec.partitionBy.map(lift), orderBy: x.spec.orderBy.map((o) => ({ ...o, child: lift(o.child) })) } };
      if ((x.kind === "call" && x.fn.kind === "agg") || keyIds.has(exprKey(x))) return liftOne(x);
      return undefined;
    });
  const liftOne = (x: Expr): Expr => {
    const k = exprKey(x);
    let a = seen.get(k);
    if (!a) {
      const n = toNamed(x);
      inner.push(n);
      a = attrOfNamed(n);
      seen.set(k, a);
    }
    return a;
  };
  const liftAggArgs = (fn: Expr): Expr => (fn.kind === "call" ? { ...fn, args: fn.args.map(lift) } : fn);
  const outer = named.map((n) => lift(n) as NamedExpr);
  const agg: LogicalPlan = { kind: "aggregate", child, groupBy: keys, aggs: inner, groupingSets, output: inner.map(outputOf) };
  return projectWithWindows(agg, outer);
}

function containsWindow(e: Expr): boolean {
  if (e.kind === "window") return true;
  if (e.kind === "alias") return containsWindow(e.child);
  if (e.kind === "call") return e.args.some(containsWindow);
  if (e.kind === "cast") return containsWindow(e.child);
  if (e.kind === "case") return e.branches.some((b) => containsWindow(b.when) || containsWindow(b.then)) || (!!e.otherwise && containsWindow(e.otherwise));
  return false;
}

function containsSubquery(e: Expr): boolean {
  if (e.kind === "subquery") return true;
  if (e.kind === "call" && e.fn.kind === "agg") return false;
  return children(e).some(containsSubquery);
}

/**
 * Raises MISSING_AGGREGATION if e uses a column that is neither grouped nor aggregated.
 * Columns of an enclosing query (not in the child's output) are constants here: the
 * subquery checks judge them.
 */
function checkGrouped(e: Expr, keyIds: Set<string>, childIds: Set<number>): void {
  const visit = (x: Expr): void => {
    if (keyIds.has(exprKey(x))) return;
    if (x.kind === "call" && x.fn.kind === "agg") return;
    if (x.kind === "window") {
      if (x.fn.kind === "call") x.fn.args.forEach(visit);
      x.spec.partitionBy.forEach(visit);
      x.spec.orderBy.forEach((o) => visit(o.child));
      return;
    }
    if (x.kind === "subquery") {
      for (const r of x.outerRefs ?? []) {
        if (childIds.has(r.id) && !keyIds.has(exprKey(r))) {
          throw new PijarError("SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION", { sqlExpr: exprName(x) }, {
            message: `The correlated scalar subquery '${exprName(x)}' is neither present in GROUP BY, nor in an aggregate function. Its outer column ${r.name} is not grouped: add ${r.name} to GROUP BY, or wrap the subquery in \`first()\` (or \`first_value\`).`,
          });
        }
      }
      return;
    }
    if (x.kind === "attr") {
      if (!childIds.has(x.id)) return;
      throw new PijarError("MISSING_AGGREGATION", {
        expression: `"${x.name}"`, expressionAnyValue: `"any_value(${x.name})"`,
      });
    }
    switch (x.kind) {
      case "alias": return visit(x.child);
      case "call": return x.args.forEach(visit);
      case "cast": return visit(x.child);
      case "case": x.branches.forEach((b) => { visit(b.when); visit(b.then); }); if (x.otherwise) visit(x.otherwise); return;
      default: return;
    }
  };
  visit(e);
}
