/**
 * array_sort(array, (left, right) -> int): a sort by the user's comparator, which sees null
 * elements too. The sort is stable, as the JVM's object sort Spark uses.
 */
import type { Expr } from "../../plan/expr/expr.js";
import type { LambdaResolver, LambdaRunner } from "../../plan/expr/function-def.js";
import type { ArrayType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";
import { needLambdas, unexpectedReturnType } from "./elements.js";

/** The comparator lambda over two elements; it must return INT. */
export function resolveComparator(args: readonly Expr[], t: ArrayType, lambdas: LambdaResolver | undefined): Expr {
  const element = { dataType: t.elementType, nullable: true };
  const cmp = needLambdas("array_sort", lambdas)(args[1]!, [element, element]);
  if (typeOf(cmp).typeName() !== "integer") throw unexpectedReturnType("array_sort", [args[0]!, cmp], cmp, "INT");
  return cmp;
}

export function sortWithComparator(arrays: readonly unknown[], n: number, run: LambdaRunner): unknown[] {
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const a = arrays[i] as unknown[] | null;
    if (a == null) { out[i] = null; continue; }
    const row = [i];
    out[i] = a.slice().sort((l, r) => {
      const c = run(row, [[l], [r]])[0];
      if (c == null) {
        throw new PijarError("COMPARATOR_RETURNS_NULL", { firstValue: String(l), secondValue: String(r) }, {
          message: `The comparator has returned a NULL for a comparison between ${String(l)} and ${String(r)}. Make it return a negative number, 0 or a positive number for every pair, e.g. with coalesce(..., 0).`,
          exceptionType: "SparkException",
        });
      }
      return c as number;
    });
  }
  return out;
}
