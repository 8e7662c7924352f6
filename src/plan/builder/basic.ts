/** filter, sort, limit, distinct/dropDuplicates, alias, sample: the one-input relations. */
import type { Expr, SortOrder } from "../expr/expr.js";
import type { LogicalPlan } from "../logical/plan.js";
import type { BuildContext } from "./context.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { typeOf } from "../../analyzer/type-of.js";
import { BooleanType, NullType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { exprName } from "../expr/sql-text.js";
import { hasAggregate } from "./project.js";
import { requalify } from "./named.js";
import { lookup } from "../../analyzer/scope.js";
import { unresolvedColumn } from "../../analyzer/scope.js";
import { splitName } from "../expr/expr.js";

export function buildFilter(child: LogicalPlan, condition: Expr, ctx: BuildContext): LogicalPlan {
  const c = resolveExpr(condition, { attrs: child.output }, ctx.fn, ctx.resolveOptions);
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
  const resolved: SortOrder[] = orders.map((o) => {
    const r = resolveExpr(o, { attrs: child.output }, ctx.fn, ctx.resolveOptions);
    return r.kind === "sort" ? r : { kind: "sort", child: r, ascending: true, nullsFirst: true };
  });
  return { kind: "sort", child, orders: resolved, output: child.output };
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
