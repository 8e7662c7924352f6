/**
 * select(): expands stars, resolves expressions, and splits out what a plain projection cannot
 * compute: aggregates without groupBy become a global Aggregate, window functions a Window
 * node, generators (explode) a Generate node.
 */
import type { Attr, Expr, NamedExpr, WindowExpr } from "../expr/expr.js";
import { alias, exists, newExprId, transform } from "../expr/expr.js";
import type { LogicalPlan } from "../logical/plan.js";
import type { BuildContext } from "./context.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { attrOfNamed, toNamed } from "./named.js";
import { expandStar } from "./star.js";
import { buildGenerate, generatorOf } from "./generate.js";
import { buildAggregate } from "./aggregate.js";
import { exprName } from "../expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";

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
  const scope = { attrs: input.output };
  const resolved: NamedExpr[] = [];
  for (const e of afterGen) {
    if (e.kind === "star") {
      for (const x of expandStar(e, input.output)) resolved.push(toNamed(resolveExpr(x, scope, ctx.fn, ctx.resolveOptions)));
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

/** Builds Project(Window(child)) when window expressions are present, else Project(child). */
export function projectWithWindows(child: LogicalPlan, exprs: readonly NamedExpr[]): LogicalPlan {
  const windowExprs: NamedExpr[] = [];
  const rewritten = exprs.map((e) =>
    transform(e, (x) => {
      if (x.kind !== "window") return undefined;
      const a: NamedExpr = { kind: "alias", child: x, name: exprName(x), id: newExprId() };
      windowExprs.push(a);
      return attrOfNamed(a);
    }) as NamedExpr,
  );
  let input = child;
  if (windowExprs.length) {
    for (const w of windowExprs) validateWindow((w as { child: WindowExpr }).child);
    input = { kind: "window", child, windowExprs, output: [...child.output, ...windowExprs.map(attrOfNamed)] };
  }
  // A projection that keeps the child's columns unchanged is dropped (select("*")).
  const out = rewritten.map(attrOfNamed);
  if (!windowExprs.length && sameAttrs(out, child.output) && rewritten.every((e) => e.kind === "attr")) return child;
  return { kind: "project", child: input, exprs: rewritten, output: out };
}

function sameAttrs(a: readonly Attr[], b: readonly Attr[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.name === b[i]!.name);
}

function validateWindow(w: WindowExpr): void {
  const fn = w.fn;
  if (fn.kind === "call" && fn.fn.kind === "window") {
    const needsOrder = !["lag", "lead"].includes(fn.fn.name) || true;
    if (needsOrder && w.spec.orderBy.length === 0) {
      throw new PijarError("WINDOW_FUNCTION_FRAME_NOT_ORDERED", { wf_name: fn.fn.name, wf_expr: `${fn.fn.name}()` }, {
        message: `Window function ${fn.fn.name}() requires the window to be ordered: add Window.orderBy(...), e.g. Window.partitionBy("city").orderBy("date").`,
      });
    }
  }
  if (exists(w.fn, (x) => x.kind === "window" && x !== w)) {
    throw new PijarError("UNSUPPORTED_FEATURE", { feature: "nested window functions" });
  }
}
