/** Turning resolved expressions into named output columns. */
import type { Attr, Expr, NamedExpr } from "../expr/expr.js";
import { newExprId } from "../expr/expr.js";
import { exprName } from "../expr/sql-text.js";
import { nullableOf, typeOf } from "../expr/type-of.js";

/** An output column for an expression: attributes keep their identity, others get an alias. */
export function toNamed(e: Expr): NamedExpr {
  if (e.kind === "attr" || e.kind === "alias") return e;
  // Spark's ResolveAliases: a cast of a column keeps the column's name (SELECT CAST(d AS DATE) gives `d`).
  if (e.kind === "cast" && (e.child.kind === "attr" || e.child.kind === "alias")) {
    return { kind: "alias", child: e, name: e.child.name, id: newExprId() };
  }
  return { kind: "alias", child: e, name: exprName(e), id: newExprId() };
}

/** The attribute a named expression produces. */
export function attrOfNamed(e: NamedExpr): Attr {
  if (e.kind === "attr") return e;
  const inner = e.child.kind === "attr" ? e.child : null;
  return {
    kind: "attr", name: e.name, id: e.id, dataType: typeOf(e.child), nullable: nullableOf(e.child),
    qualifier: inner && inner.name === e.name ? [] : [],
  };
}

/** Same attribute with a new qualifier (for aliases of relations). */
export function requalify(a: Attr, qualifier: readonly string[]): Attr {
  return { ...a, qualifier };
}
