/** withColumn(s), withColumnRenamed, drop, toDF: projections that edit the column list. */
import type { Expr, NamedExpr } from "../expr/expr.js";
import { alias } from "../expr/expr.js";
import type { LogicalPlan } from "../logical/plan.js";
import type { BuildContext } from "./context.js";
import { buildProject } from "./project.js";
import { PijarError } from "../../errors/pijar-error.js";
import { attrOfNamed } from "./named.js";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Replaces columns with the same name in place, appends the others (PySpark's withColumns). */
export function buildWithColumns(child: LogicalPlan, cols: readonly [string, Expr][], ctx: BuildContext): LogicalPlan {
  const exprs: Expr[] = child.output.map((a) => {
    const hit = cols.find(([n]) => same(n, a.name));
    return hit ? alias(hit[1], hit[0]) : a;
  });
  for (const [n, e] of cols) if (!child.output.some((a) => same(a.name, n))) exprs.push(alias(e, n));
  return buildProject(child, exprs, ctx);
}

export function buildWithColumnsRenamed(child: LogicalPlan, renames: readonly [string, string][]): LogicalPlan {
  if (!renames.some(([from]) => child.output.some((a) => same(a.name, from)))) return child;
  const exprs: NamedExpr[] = child.output.map((a) => {
    const hit = renames.find(([from]) => same(from, a.name));
    return hit ? alias(a, hit[1]) : a;
  });
  return { kind: "project", child, exprs, output: exprs.map(attrOfNamed) };
}

/** drop(names): unknown names are ignored, as in PySpark. */
export function buildDrop(child: LogicalPlan, names: readonly string[], attrIds: readonly number[] = []): LogicalPlan {
  const keep = child.output.filter((a) => !names.some((n) => same(n, a.name)) && !attrIds.includes(a.id));
  if (keep.length === child.output.length) return child;
  return { kind: "project", child, exprs: keep, output: keep };
}

export function buildToDF(child: LogicalPlan, names: readonly string[]): LogicalPlan {
  if (names.length !== child.output.length) {
    throw new PijarError("INVALID_ARGUMENT", {
      message: `The number of columns doesn't match. Old column names (${child.output.length}): ${child.output.map((a) => a.name).join(", ")}. New column names (${names.length}): ${names.join(", ")}.`,
    }, { exceptionType: "IllegalArgumentException" });
  }
  const exprs: NamedExpr[] = child.output.map((a, i) => (a.name === names[i] ? a : alias(a, names[i]!)));
  return { kind: "project", child, exprs, output: exprs.map(attrOfNamed) };
}
