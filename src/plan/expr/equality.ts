/** Structural identity of resolved expressions (Spark's semanticEquals), via a canonical key. */
import type { Expr } from "./expr.js";
import { keyOf } from "../../values/compare.js";

export function exprKey(e: Expr): string {
  switch (e.kind) {
    case "attr": return `#${e.id}`;
    case "bound": return `@${e.index}`;
    case "literal": return `lit(${e.dataType.simpleString()}:${keyOf(e.value)})`;
    case "alias": return exprKey(e.child);
    case "call": return `${e.fn.name}${e.distinct ? "!d" : ""}${e.isStar ? "*" : ""}(${e.args.map(exprKey).join(",")})${e.filter ? `filter(${exprKey(e.filter)})` : ""}`;
    case "cast": return `cast(${exprKey(e.child)}:${e.to.simpleString()}:${e.mode})`;
    case "case": return `case(${e.branches.map((b) => exprKey(b.when) + "=>" + exprKey(b.then)).join(";")};${e.otherwise ? exprKey(e.otherwise) : ""})`;
    case "sort": return `sort(${exprKey(e.child)},${e.ascending},${e.nullsFirst})`;
    case "window": return `win(${exprKey(e.fn)})`;
    default: return `?${e.kind}:${Math.random()}`;
  }
}

export function semanticEquals(a: Expr, b: Expr): boolean {
  return exprKey(a) === exprKey(b);
}
