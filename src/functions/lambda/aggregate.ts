/**
 * aggregate / reduce(array, zero, merge, finish?): folds each array from `zero` through
 * `merge(acc, x)`, then applies `finish(acc)` (the identity when omitted, which Spark adds as a
 * visible `lambdafunction(namedlambdavariable(), namedlambdavariable())` argument).
 */
import type { Expr } from "../../plan/expr/expr.js";
import { lambdaVar } from "../../plan/expr/expr.js";
import type { LambdaResolver } from "../../plan/expr/function-def.js";
import { typeOf } from "../../plan/expr/type-of.js";
import type { FunctionDef } from "../registry.js";
import { callSql, unexpectedType } from "../helpers.js";
import { arrayArg, needLambdas, runnerAt } from "./elements.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

function fold(name: "aggregate" | "reduce"): FunctionDef {
  return {
    kind: "scalar", name, minArgs: 3, maxArgs: 4, higherOrder: true,
    resolve(args, _ctx, lambdas) {
      const resolve: LambdaResolver = needLambdas(name, lambdas);
      const t = arrayArg(name, args, 0);
      const zero = args[1]!;
      const acc = { dataType: typeOf(zero), nullable: true };
      const merge = resolve(args[2]!, [acc, { dataType: t.elementType, nullable: t.containsNull }]);
      // The accumulator keeps zero's type: a merge of another type is an error, as in Spark.
      if (typeOf(merge).simpleString() !== acc.dataType.simpleString()) {
        const shownFinish = resolve(args[3] ?? identity(), [{ dataType: typeOf(merge), nullable: true }]);
        throw unexpectedType(callSql(name, [args[0]!, zero, merge, shownFinish]), 2, `"${acc.dataType.sql()}"`, merge);
      }
      const finish = resolve(args[3] ?? identity(), [acc]);
      return { args: [args[0]!, zero, merge, finish], dataType: typeOf(finish), nullable: true };
    },
    eval(args, n, _call, _ctx, lambdas) {
      const arrays = args[0]! as (unknown[] | null)[];
      const accs = args[1]!.slice();
      const merge = runnerAt(name, lambdas, 2);
      let open = arrays.flatMap((a, i) => (a != null && a.length > 0 ? [i] : []));
      for (let k = 0; open.length > 0; k++) {
        const merged = merge(open, [open.map((i) => accs[i]), open.map((i) => arrays[i]![k] ?? null)]);
        open.forEach((i, j) => { accs[i] = merged[j]; });
        open = open.filter((i) => k + 1 < arrays[i]!.length);
      }
      const done = arrays.flatMap((a, i) => (a == null ? [] : [i]));
      const finished = runnerAt(name, lambdas, 3)(done, [done.map((i) => accs[i])]);
      const out = new Array<unknown>(n).fill(null);
      done.forEach((i, j) => { out[i] = finished[j]; });
      return out;
    },
  };
}

/** `acc -> acc`, the finish Spark supplies when none is given. */
function identity(): Expr {
  const acc = lambdaVar("acc");
  return { kind: "lambda", params: [acc], body: acc };
}

definitions.push(fold("aggregate"), fold("reduce"));
