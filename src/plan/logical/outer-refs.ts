/**
 * Outer references of a subquery plan: the columns it reads that none of its own nodes
 * produce, i.e. the enclosing queries' columns (Spark's OuterReference). Pijar keeps them as
 * plain attributes; a subquery is run once its outer references are bound to values.
 */
import type { Attr, Expr, Literal } from "../expr/expr.js";
import { references, transform } from "../expr/expr.js";
import type { LogicalPlan } from "./plan.js";
import { planChildren, planExpressions, withChildren, withExpressions } from "./plan.js";

/**
 * Ids the expressions of `p` may read without reaching outside: its inputs' columns (a leaf,
 * e.g. a scan's pushed filters, reads its own). Not a node's own output otherwise: a
 * projection that passes an outer column on outputs that very column.
 */
function producedAt(p: LogicalPlan): Set<number> {
  const kids = planChildren(p);
  if (!kids.length) return new Set(p.output.map((a) => a.id));
  const ids = new Set<number>();
  for (const k of kids) for (const a of k.output) ids.add(a.id);
  return ids;
}

/** The outer references read by node `p` itself (not its children), once per occurrence. */
export function outerRefsAt(p: LogicalPlan): Attr[] {
  const local = producedAt(p);
  const out = planExpressions(p).flatMap((e) => references(e)).filter((a) => !local.has(a.id));
  if (p.kind === "apply_subquery") {
    const childIds = new Set(p.child.output.map((a) => a.id));
    out.push(...outerReferences(p.subquery).filter((a) => !childIds.has(a.id)));
  }
  return out;
}

/** Every outer reference of the plan, once per occurrence, in plan order (node, then its inputs). */
export function outerReferences(plan: LogicalPlan): Attr[] {
  return [...outerRefsAt(plan), ...planChildren(plan).flatMap(outerReferences)];
}

/** The same attributes without repeats (first occurrence kept). */
export function distinctAttrs(attrs: readonly Attr[]): Attr[] {
  return [...new Map(attrs.map((a) => [a.id, a])).values()];
}

/**
 * The plan with outer references replaced by constants (`values` by attribute id), also
 * inside nested subqueries, so that it can be optimized and run on its own. A projection
 * that passed an outer column on as it is keeps the column's id under an alias.
 */
export function bindOuterValues(plan: LogicalPlan, values: ReadonlyMap<number, Literal>): LogicalPlan {
  const expr = (e: Expr): Expr =>
    transform(e, (x) => {
      if (x.kind === "attr") return values.get(x.id);
      if (x.kind !== "subquery") return undefined;
      return {
        ...x,
        plan: bindOuterValues(x.plan, values),
        values: x.values.map(expr),
        ...(x.outerRefs ? { outerRefs: x.outerRefs.filter((a) => !values.has(a.id)) } : {}),
      };
    });
  const named = (e: Expr): Expr => {
    if (e.kind === "attr") {
      const v = values.get(e.id);
      return v ? { kind: "alias", child: v, name: e.name, id: e.id } : e;
    }
    if (e.kind === "alias") {
      const child = expr(e.child);
      return child === e.child ? e : { ...e, child };
    }
    return expr(e);
  };
  let p = withChildren(plan, planChildren(plan).map((k) => bindOuterValues(k, values)));
  // Key lists (deduplicate) and outer-reference lists must stay attributes: only the
  // enclosing query's columns are replaced, and those never appear there.
  if (p.kind === "deduplicate") return p;
  if (p.kind === "apply_subquery") p = { ...p, subquery: bindOuterValues(p.subquery, values) };
  const local = producedAt(p);
  const exprs = planExpressions(p);
  if (!exprs.some((e) => references(e).some((a) => values.has(a.id) && !local.has(a.id)) || hasSubquery(e))) return p;
  return withExpressions(p, exprs.map((e) => (p.kind === "apply_subquery" && e.kind === "attr" ? e : named(e))));
}

function hasSubquery(e: Expr): boolean {
  let found = false;
  transform(e, (x) => {
    if (x.kind === "subquery") found = true;
    return found ? x : undefined;
  });
  return found;
}
