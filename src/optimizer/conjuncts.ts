/** Splitting and joining AND chains, used by predicate pushdown and join planning. */
import type { Expr } from "../plan/expr/expr.js";
import { lookupFunction } from "../functions/registry.js";
import { booleanType } from "../types/data-types.js";

export function splitConjuncts(e: Expr): Expr[] {
  if (e.kind === "call" && e.fn.name === "and") return [...splitConjuncts(e.args[0]!), ...splitConjuncts(e.args[1]!)];
  return [e];
}

export function conjunction(parts: readonly Expr[]): Expr | null {
  if (!parts.length) return null;
  return parts.reduce((a, b) => ({ kind: "call", fn: lookupFunction("and")!, args: [a, b], distinct: false, dataType: booleanType, nullable: true }));
}
