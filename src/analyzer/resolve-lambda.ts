/**
 * Lambda arguments of higher-order functions (Spark's ResolveLambdaVariables): the function
 * says what each parameter receives, the lambda's parameters take those types, and the body is
 * resolved with the parameters in scope, where they name the innermost lambda first and hide
 * columns of the same name.
 */
import type { Expr, LambdaFunction, LambdaVar } from "../plan/expr/expr.js";
import { newExprId } from "../plan/expr/expr.js";
import type { LambdaParam } from "../plan/expr/function-def.js";
import { PijarError } from "../errors/pijar-error.js";

/** Resolves a lambda's body with its (typed) parameters in scope. */
export type BodyResolver = (body: Expr, params: readonly LambdaVar[]) => Expr;

export function resolveLambda(arg: Expr, params: readonly LambdaParam[], resolveBody: BodyResolver): LambdaFunction {
  if (arg.kind !== "lambda") {
    // Spark takes a plain expression where a lambda goes as a lambda ignoring its parameters:
    // transform(a, 1) is transform(a, lambdafunction(1, namedlambdavariable())).
    const vars = params.map((p, i): LambdaVar => ({ kind: "lambda_var", name: `col${i}`, id: newExprId(), ...p }));
    return { kind: "lambda", params: vars, body: arg };
  }
  if (arg.params.length !== params.length) {
    throw new PijarError("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH", {
      expectedNumArgs: String(arg.params.length), actualNumArgs: String(params.length),
    });
  }
  const names = arg.params.map((p) => p.name.toLowerCase());
  if (new Set(names).size !== names.length) {
    throw new PijarError("INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES", {
      args: arg.params.map((p) => "`" + p.name + "`").join(", "), caseSensitiveConfig: "\"spark.sql.caseSensitive\"",
    });
  }
  const vars = arg.params.map((v, i): LambdaVar => ({ ...v, dataType: params[i]!.dataType, nullable: params[i]!.nullable }));
  return { kind: "lambda", params: vars, body: resolveBody(arg.body, vars) };
}

/** The parameter of the innermost enclosing lambda named `name` (case-insensitively), if any. */
export function lambdaVarNamed(name: string, inScope: readonly LambdaVar[] | undefined): LambdaVar | undefined {
  if (!inScope) return undefined;
  const lower = name.toLowerCase();
  for (let i = inScope.length - 1; i >= 0; i--) if (inScope[i]!.name.toLowerCase() === lower) return inScope[i];
  return undefined;
}

/** The typed form of a parameter the DataFrame API put in a body (found by id). */
export function lambdaVarById(v: LambdaVar, inScope: readonly LambdaVar[] | undefined): LambdaVar {
  const hit = inScope?.find((x) => x.id === v.id);
  if (hit) return hit;
  if (v.dataType) return v;
  throw new PijarError("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", { objectName: "`" + v.name + "`" }, {
    message: `A column, variable, or function parameter with name \`${v.name}\` cannot be resolved: a lambda parameter is used outside its lambda. Use the parameter only inside the function passed to F.transform / F.filter / F.aggregate ...`,
  });
}

/** A lambda anywhere but as an argument of a higher-order function. */
export function lambdaOutsideHigherOrder(where: string): PijarError {
  return new PijarError("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", { class: where }, {
    message: `Invalid lambda function call. A lambda function should only be used in a higher order function. However, its class is ${where}, which is not a higher order function. Pass the lambda to transform, filter, exists, forall, aggregate, reduce, zip_with, map_filter, map_zip_with, transform_keys, transform_values or array_sort.`,
  });
}
