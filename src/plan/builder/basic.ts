/** filter, sort, limit, distinct/dropDuplicates, alias, sample: the one-input relations. */
import type { Expr, SortOrder } from "../expr/expr.js";
import type { LogicalPlan } from "../logical/plan.js";
import { scopeOf, type BuildContext } from "./context.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { typeOf } from "../expr/type-of.js";
import { BooleanType, NullType } from "../../types/data-types.js";
import { isOrderable } from "../../types/type-utils.js";
import { PijarError } from "../../errors/pijar-error.js";
import { exprName } from "../expr/sql-text.js";
import { hasAggregate } from "./project.js";
import { requalify } from "./named.js";
import { lookup } from "../../analyzer/scope.js";
import { unresolvedColumn } from "../../analyzer/scope.js";
import { references, splitName } from "../expr/expr.js";

/**
 * Spark's "missing references" rule: `df.select("name").filter(col("age") > 30)` may name a
 * column the projection dropped. The column is carried through the projection for the
 * filter (or sort) and projected away again above it.
 */
function withMissingReferences(
  child: LogicalPlan,
  exprs: readonly Expr[],
  ctx: BuildContext,
  build: (input: LogicalPlan, resolved: Expr[]) => LogicalPlan,
): LogicalPlan {
  try {
    return build(child, exprs.map((e) => resolveExpr(e, scopeOf(child.output, ctx), ctx.fn, ctx.resolveOptions)));
  } catch (err) {
    const unresolved = err instanceof PijarError && err.errorClass.startsWith("UNRESOLVED_COLUMN");
    if (!unresolved || child.kind !== "project") throw err;
    const below = child.child.output;
    let resolved: Expr[];
    try {
      resolved = exprs.map((e) => resolveExpr(e, { attrs: child.output, outer: scopeOf(below, ctx) }, ctx.fn, ctx.resolveOptions));
    } catch {
      throw err;
    }
    const have = new Set(child.output.map((a) => a.id));
    const missing = below.filter((a) => !have.has(a.id) && resolved.some((r) => references(r).some((x) => x.id === a.id)));
    const widened: LogicalPlan = { ...child, exprs: [...child.exprs, ...missing], output: [...child.output, ...missing] };
    const inner = build(widened, resolved);
    return { kind: "project", child: inner, exprs: child.output, output: child.output };
  }
}

export function buildFilter(child: LogicalPlan, condition: Expr, ctx: BuildContext): LogicalPlan {
  return withMissingReferences(child, [condition], ctx, (input, [c]) => filterOf(input, c!));
}

function filterOf(child: LogicalPlan, c: Expr): LogicalPlan {
  const t = typeOf(c);
  if (!(t instanceof BooleanType) && !(t instanceof NullType)) {
    throw new PijarError("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", {}, {
      message: `Cannot resolve "${exprName(c)}" due to data type mismatch: Filter expression "${exprName(c)}" of type "${t.sql()}" is not a boolean.`,
    });
  }
  if (hasAggregate(c)) {
    throw new PijarError("INVALID_WHERE_CONDITION", {}, {
      message: `The WHERE condition "${exprName(c)}" contains invalid expressions: aggregate functions. Rewrite the query to avoid aggregates in the WHERE clause (use HAVING, or filter after groupBy().agg()).`,
    });
  }
  return { kind: "filter", child, condition: c, output: child.output };
}

export function buildSort(child: LogicalPlan, orders: readonly Expr[], ctx: BuildContext): LogicalPlan {
  return withMissingReferences(child, orders, ctx, (input, rs) => {
    const resolved: SortOrder[] = rs.map((r) => (r.kind === "sort" ? r : { kind: "sort", child: r, ascending: true, nullsFirst: true }));
    for (const o of resolved) {
      const t = typeOf(o.child);
      if (!isOrderable(t)) {
        throw new PijarError("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", {
          sqlExpr: `"${exprName(o)}"`, functionName: "`sortorder`", dataType: `"${t.sql()}"`,
        });
      }
    }
    return { kind: "sort", child: input, orders: resolved, output: input.output };
  });
}

export function buildLimit(child: LogicalPlan, limit: number, offset = 0): LogicalPlan {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new PijarError("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", {}, {
      message: `The limit like expression "${limit}" is invalid. The limit expression must be equal to or greater than 0, but got ${limit}.`,
    });
  }
  return { kind: "limit", child, limit, offset, output: child.output };
}

export function buildOffset(child: LogicalPlan, offset: number): LogicalPlan {
  return { kind: "limit", child, limit: Number.MAX_SAFE_INTEGER, offset, output: child.output };
}

/** distinct() when subset is null, else dropDuplicates(subset). */
export function buildDeduplicate(child: LogicalPlan, subset: readonly string[] | null): LogicalPlan {
  const keys = subset === null ? child.output : subset.map((name) => {
    const hit = lookup(splitName(name), { attrs: child.output });
    if (!hit) throw unresolvedColumn(name, { attrs: child.output });
    return hit.attr;
  });
  return { kind: "deduplicate", child, keys, output: child.output };
}

/** df.alias("t") / FROM x AS t: the same columns, qualified by the new name. */
export function buildSubqueryAlias(child: LogicalPlan, alias: string): LogicalPlan {
  return { kind: "subquery_alias", child, alias, output: child.output.map((a) => requalify(a, [alias])) };
}

export function buildSample(child: LogicalPlan, fraction: number, withReplacement: boolean, seed: number): LogicalPlan {
  if (!(fraction >= 0) || (!withReplacement && fraction > 1)) {
    throw new PijarError("INVALID_ARGUMENT", { message: `Sampling fraction (${fraction}) must be between 0 and 1 without replacement, or >= 0 with replacement.` }, { exceptionType: "IllegalArgumentException" });
  }
  return { kind: "sample", child, fraction, withReplacement, seed, output: child.output };
}
