/**
 * select(): expands stars, resolves expressions, and splits out what a plain projection cannot
 * compute: aggregates without groupBy become a global Aggregate, window functions a Window
 * node, generators (explode) a Generate node.
 */
import type { Attr, Expr, NamedExpr } from "../expr/expr.js";
import { alias, transform } from "../expr/expr.js";
import type { LogicalPlan } from "../logical/plan.js";
import { scopeOf, type BuildContext } from "./context.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { toNamed } from "./named.js";
import { expandStar } from "./star.js";
import { buildGenerate, generatorOf } from "./generate.js";
import { buildAggregate } from "./aggregate.js";
import { projectWithWindows } from "./windows.js";

export const isAggCall = (e: Expr) => e.kind === "call" && e.fn.kind === "agg";

/** True if e has an aggregate call outside any window expression. */
export function hasAggregate(e: Expr): boolean {
  if (e.kind === "window") return false;
  if (isAggCall(e)) return true;
  switch (e.kind) {
    case "alias": return hasAggregate(e.child);
    case "call": return e.args.some(hasAggregate);
    case "cast": return hasAggregate(e.child);
    case "case": return e.branches.some((b) => hasAggregate(b.when) || hasAggregate(b.then)) || (!!e.otherwise && hasAggregate(e.otherwise));
    case "sort": return hasAggregate(e.child);
    default: return false;
  }
}

/** `struct(t.*)`, `concat(*)`: a star among a function's arguments stands for the columns it names. */
function expandStarArgs(e: Expr, input: readonly Attr[]): Expr {
  return transform(e, (x) => {
    if (x.kind !== "unresolved_call" || x.isStar || !x.args.some((a) => a.kind === "star")) return undefined;
    return { ...x, args: x.args.flatMap((a) => (a.kind === "star" ? expandStar(a, input) : [expandStarArgs(a, input)])) };
  });
}

export function buildProject(child: LogicalPlan, exprs: readonly Expr[], ctx: BuildContext): LogicalPlan {
  // Generators first: they add rows, so they become their own node below the projection.
  let input = child;
  const afterGen: Expr[] = [];
  for (const e of exprs) {
    const gen = generatorOf(e);
    if (gen) {
      const g = buildGenerate(input, gen.call, gen.aliases, ctx);
      input = g;
      afterGen.push(...g.generatedOutput);
    } else afterGen.push(e);
  }
  const scope = scopeOf(input.output, ctx);
  const resolved: NamedExpr[] = [];
  for (const e0 of afterGen) {
    const e = e0.kind === "star" ? e0 : expandStarArgs(e0, input.output);
    if (e.kind === "star") {
      // `*` means the child's columns: a generator's columns beside it are listed on their own.
      for (const x of expandStar(e, child.output)) resolved.push(toNamed(resolveExpr(x, scope, ctx.fn, ctx.resolveOptions)));
    } else {
      const r = resolveExpr(e, scope, ctx.fn, ctx.resolveOptions);
      // select("info.score") names the column `score`, as Spark.
      if (e.kind === "unresolved_attr" && e.nameParts.length > 1 && r.kind !== "attr") {
        resolved.push(alias(r, e.nameParts[e.nameParts.length - 1]!));
      } else resolved.push(toNamed(r));
    }
  }
  if (resolved.some(hasAggregate)) {
    return buildAggregate(input, [], resolved, null, ctx, true);
  }
  return projectWithWindows(input, resolved);
}
