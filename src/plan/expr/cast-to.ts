/** Implicit casts the analyzer inserts (hidden from column names, as Spark's). */
import type { Expr } from "./expr.js";
import type { DataType } from "../../types/data-types.js";
import { typeOf } from "./type-of.js";

export function castTo(e: Expr, to: DataType): Expr {
  const from = typeOf(e);
  if (from.equals(to)) return e;
  if (e.kind === "literal" && e.value === null) return { kind: "literal", value: null, dataType: to };
  return { kind: "cast", child: e, to, mode: "ansi", implicit: true };
}
