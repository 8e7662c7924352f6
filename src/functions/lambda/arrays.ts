/** transform, filter, exists, forall, zip_with: higher-order functions over arrays. */
import { ArrayType, booleanType, integerType } from "../../types/data-types.js";
import { nullableOf, typeOf } from "../../plan/expr/type-of.js";
import type { FunctionDef } from "../registry.js";
import { arrayArg, checkPredicate, elementRows, elementsOf, lambdaArity, needLambdas, runnerAt } from "./elements.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const INDEX = { dataType: integerType, nullable: false };

/** Element (and, when the lambda takes two parameters, the 0-based index) for transform/filter. */
function elementLambda(name: string, args: readonly import("../../plan/expr/expr.js").Expr[], lambdas: import("../../plan/expr/function-def.js").LambdaResolver | undefined) {
  const t = arrayArg(name, args, 0);
  const element = { dataType: t.elementType, nullable: t.containsNull };
  const f = needLambdas(name, lambdas)(args[1]!, lambdaArity(args[1]!) === 2 ? [element, INDEX] : [element]);
  return { t, f };
}

definitions.push({
  kind: "scalar", name: "transform", minArgs: 2, maxArgs: 2, higherOrder: true,
  resolve(args, _ctx, lambdas) {
    const { f } = elementLambda("transform", args, lambdas);
    return { args: [args[0]!, f], dataType: new ArrayType(typeOf(f), nullableOf(f)) };
  },
  eval(args, n, call, _ctx, lambdas) {
    const el = elementsOf(args[0]!, n);
    const arity = (call.args[1] as { params: readonly unknown[] }).params.length;
    const out = runnerAt("transform", lambdas, 1)(el.rows, el.cols.slice(0, arity));
    return Array.from({ length: n }, (_, i) => (args[0]![i] == null ? null : out.slice(el.starts[i], el.starts[i + 1])));
  },
});

definitions.push({
  kind: "scalar", name: "filter", minArgs: 2, maxArgs: 2, higherOrder: true,
  resolve(args, _ctx, lambdas) {
    const { t, f } = elementLambda("filter", args, lambdas);
    const resolved = [args[0]!, f];
    checkPredicate("filter", resolved, 1);
    return { args: resolved, dataType: t };
  },
  eval(args, n, call, _ctx, lambdas) {
    const el = elementsOf(args[0]!, n);
    const arity = (call.args[1] as { params: readonly unknown[] }).params.length;
    const keep = runnerAt("filter", lambdas, 1)(el.rows, el.cols.slice(0, arity));
    return Array.from({ length: n }, (_, i) => {
      if (args[0]![i] == null) return null;
      const kept: unknown[] = [];
      for (let j = el.starts[i]!; j < el.starts[i + 1]!; j++) if (keep[j] === true) kept.push(el.cols[0]![j]);
      return kept;
    });
  },
});

/**
 * exists / forall: element by element as Spark, stopping at the first element that decides
 * (true for exists, false for forall), so a later element that would fail is never computed.
 * An undecided array with a null answer gives null (three-valued logic).
 */
function quantifier(name: "exists" | "forall", decides: boolean): FunctionDef {
  return {
    kind: "scalar", name, minArgs: 2, maxArgs: 2, higherOrder: true,
    resolve(args, _ctx, lambdas) {
      const t = arrayArg(name, args, 0);
      const f = needLambdas(name, lambdas)(args[1]!, [{ dataType: t.elementType, nullable: t.containsNull }]);
      const resolved = [args[0]!, f];
      checkPredicate(name, resolved, 1);
      return { args: resolved, dataType: booleanType };
    },
    eval(args, n, _call, _ctx, lambdas) {
      const run = runnerAt(name, lambdas, 1);
      const arrays = args[0]! as (unknown[] | null)[];
      const out: unknown[] = arrays.map((a) => (a == null ? null : !decides));
      const sawNull = new Uint8Array(n);
      let open = arrays.flatMap((a, i) => (a != null && a.length > 0 ? [i] : []));
      for (let k = 0; open.length > 0; k++) {
        const answers = run(open, [open.map((i) => arrays[i]![k] ?? null)]);
        const next: number[] = [];
        open.forEach((i, j) => {
          if (answers[j] === decides) { out[i] = decides; return; }
          if (answers[j] == null) sawNull[i] = 1;
          if (k + 1 < arrays[i]!.length) next.push(i);
          else if (sawNull[i]) out[i] = null;
        });
        open = next;
      }
      return out;
    },
  };
}
definitions.push(quantifier("exists", true), quantifier("forall", false));

definitions.push({
  kind: "scalar", name: "zip_with", minArgs: 3, maxArgs: 3, higherOrder: true,
  resolve(args, _ctx, lambdas) {
    const l = arrayArg("zip_with", args, 0);
    const r = arrayArg("zip_with", args, 1);
    // The shorter array is padded with nulls, so both parameters can be null.
    const f = needLambdas("zip_with", lambdas)(args[2]!, [{ dataType: l.elementType, nullable: true }, { dataType: r.elementType, nullable: true }]);
    return { args: [args[0]!, args[1]!, f], dataType: new ArrayType(typeOf(f), nullableOf(f)) };
  },
  eval(args, n, _call, _ctx, lambdas) {
    const { rows, cols, starts } = elementRows(n, 2, (i, add) => {
      const a = args[0]![i] as unknown[] | null;
      const b = args[1]![i] as unknown[] | null;
      if (a != null && b != null) for (let k = 0; k < Math.max(a.length, b.length); k++) add(a[k], b[k]);
    });
    const out = runnerAt("zip_with", lambdas, 2)(rows, cols);
    return Array.from({ length: n }, (_, i) => (args[0]![i] == null || args[1]![i] == null ? null : out.slice(starts[i], starts[i + 1])));
  },
});
