/** Structural identity of resolved expressions (Spark's semanticEquals), via a canonical key. */
import type { Expr } from "./expr.js";
import { keyOf } from "../../values/compare.js";

/**
 * `vars` names the parameters of the enclosing lambdas by nesting depth and position, so
 * `x -> x + 1` written twice (two sets of ids) gives one key, as Spark's canonical form.
 */
export function exprKey(e: Expr): string {
  return keyIn(e, new Map(), 0);
}

function keyIn(e: Expr, vars: ReadonlyMap<number, string>, depth: number): string {
  const k = (x: Expr) => keyIn(x, vars, depth);
  switch (e.kind) {
    case "attr": return `#${e.id}`;
    case "bound": return `@${e.index}`;
    case "literal": return `lit(${e.dataType.simpleString()}:${keyOf(e.value)})`;
    case "alias": return k(e.child);
    case "call": return `${e.fn.name}${e.distinct ? "!d" : ""}${e.isStar ? "*" : ""}(${e.args.map(k).join(",")})${e.filter ? `filter(${k(e.filter)})` : ""}`;
    case "cast": return `cast(${k(e.child)}:${e.to.simpleString()}:${e.mode})`;
    case "case": return `case(${e.branches.map((b) => k(b.when) + "=>" + k(b.then)).join(";")};${e.otherwise ? k(e.otherwise) : ""})`;
    case "sort": return `sort(${k(e.child)},${e.ascending},${e.nullsFirst})`;
    case "window": return `win(${k(e.fn)})`;
    case "lambda": {
      const inner = new Map(vars);
      e.params.forEach((p, i) => inner.set(p.id, `${depth}.${i}`));
      return `lambda(${e.params.length}:${keyIn(e.body, inner, depth + 1)})`;
    }
    case "lambda_var": return `$${vars.get(e.id) ?? e.id}`;
    default: return `?${e.kind}:${Math.random()}`;
  }
}

export function semanticEquals(a: Expr, b: Expr): boolean {
  return exprKey(a) === exprKey(b);
}
