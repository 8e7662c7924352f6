/**
 * A JS callback as a lambda expression (PySpark's `_create_lambda`): the callback receives
 * Columns standing for the lambda's parameters and returns a Column; its declared parameter
 * count is the lambda's. Parameters are named x_N, y_N, z_N, as PySpark's Connect client
 * names them, so the same lambda lowers unchanged to Spark Connect.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { lambdaVar } from "../../plan/expr/expr.js";
import { PijarError } from "../../errors/pijar-error.js";
import { Column } from "../column.js";

// One signature per form, of the most parameters it takes: a callback declaring fewer still
// fits (and gets its parameter types from it), and its `length` says how many it declared.
export type Lambda1 = (x: Column) => Column;
export type Lambda2 = (x: Column, y: Column) => Column;
export type Lambda3 = (x: Column, y: Column, z: Column) => Column;
type AnyLambda = Lambda1 | Lambda2 | Lambda3;

let nextVarNameId = 0;

/** The lambda expression of a JS callback (PySpark's `_create_lambda`). */
export function lambdaOf(f: AnyLambda): Expr {
  const arity = f.length;
  if (arity < 1 || arity > 3) {
    throw new PijarError("WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION", { func_name: f.name || "<lambda>", num_args: String(arity) }, {
      message: `Function \`${f.name || "<lambda>"}\` should take between 1 and 3 arguments, but the provided function takes ${arity}. Declare the parameters, e.g. (x) => x.plus(1) or (acc, x) => acc.plus(x).`,
    });
  }
  const params = ["x", "y", "z"].slice(0, arity).map((n) => lambdaVar(`${n}_${nextVarNameId++}`));
  const result: unknown = (f as (...cols: Column[]) => unknown)(...params.map((p) => new Column(p)));
  if (!(result instanceof Column)) {
    const got = result === null ? "null" : typeof result === "object" ? (result as object).constructor?.name ?? "object" : typeof result;
    throw new PijarError("HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN", { func_name: f.name || "<lambda>", return_type: got }, {
      message: `Function \`${f.name || "<lambda>"}\` should return Column, got ${got}. Build the result from the Column parameters, e.g. (x) => x.plus(1), or wrap a value in F.lit(...).`,
    });
  }
  return { kind: "lambda", params, body: result.expr };
}

