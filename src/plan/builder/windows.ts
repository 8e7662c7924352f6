/**
 * Window expressions in a projection become their own Window node below it, as Spark plans
 * them. Both select() and agg() end here, so this lives apart from either.
 */
import type { Attr, NamedExpr, WindowExpr } from "../expr/expr.js";
import { exists, newExprId, transform } from "../expr/expr.js";
import type { LogicalPlan } from "../logical/plan.js";
import { attrOfNamed } from "./named.js";
import { exprName } from "../expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";

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
