/** Data type and nullability of a resolved expression. */
import type { Expr } from "./expr.js";
import { booleanType, type DataType } from "../../types/data-types.js";
import { internalError } from "../../errors/pijar-error.js";

export function typeOf(e: Expr): DataType {
  switch (e.kind) {
    case "attr":
    case "literal":
    case "call":
    case "bound": return e.dataType;
    case "alias": return typeOf(e.child);
    case "cast": return e.to;
    case "case": return e.dataType ?? typeOf(e.branches[0]!.then);
    case "sort": return typeOf(e.child);
    case "window": return e.dataType ?? typeOf(e.fn);
    case "subquery": return e.subKind === "scalar" ? e.dataType! : booleanType;
    case "lambda_var":
      if (!e.dataType) throw internalError(`typeOf called on the unresolved lambda variable ${e.name}`);
      return e.dataType;
    case "lambda": return typeOf(e.body);
    default: throw internalError(`typeOf called on unresolved ${e.kind}`);
  }
}

export function nullableOf(e: Expr): boolean {
  switch (e.kind) {
    case "attr":
    case "call":
    case "bound": return e.nullable;
    case "literal": return e.value === null;
    case "alias": return nullableOf(e.child);
    case "cast": return nullableOf(e.child) || e.mode === "try";
    case "case": return !e.otherwise || [...e.branches.map((b) => b.then), e.otherwise].some(nullableOf);
    case "sort": return nullableOf(e.child);
    case "lambda_var": return e.nullable ?? true;
    case "lambda": return nullableOf(e.body);
    default: return true;
  }
}
