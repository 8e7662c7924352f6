/**
 * What the higher-order functions share: reading their lambda arguments, checking the
 * collection argument, and laying a batch's arrays out as element rows, so a lambda's body
 * runs once over every element of the batch rather than once per element.
 */
import type { Expr, LambdaFunction } from "../../plan/expr/expr.js";
import type { LambdaResolver, LambdaRunner } from "../../plan/expr/function-def.js";
import { ArrayType, MapType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError, internalError } from "../../errors/pijar-error.js";
import { callSql, unexpectedType } from "../helpers.js";

/** The resolver a higher-order function needs (only the analyzer calls these resolves). */
export function needLambdas(name: string, lambdas: LambdaResolver | undefined): LambdaResolver {
  if (!lambdas) throw internalError(`${name} resolved without a lambda resolver`);
  return lambdas;
}

/** The runner of the lambda at argument i. */
export function runnerAt(name: string, lambdas: readonly (LambdaRunner | undefined)[] | undefined, i: number): LambdaRunner {
  const run = lambdas?.[i];
  if (!run) throw internalError(`${name} evaluated without its lambda at argument ${i + 1}`);
  return run;
}

/** Parameters the lambda at `arg` declares (a plain expression declares none of its own). */
export const lambdaArity = (arg: Expr): number => (arg.kind === "lambda" ? arg.params.length : 1);

export function arrayArg(name: string, args: readonly Expr[], i: number): ArrayType {
  const t = typeOf(args[i]!);
  if (!(t instanceof ArrayType)) throw unexpectedType(callSql(name, args), i, "\"ARRAY\"", args[i]!);
  return t;
}

export function mapArg(name: string, args: readonly Expr[], i: number): MapType {
  const t = typeOf(args[i]!);
  if (!(t instanceof MapType)) throw unexpectedType(callSql(name, args), i, "\"MAP\"", args[i]!);
  return t;
}

/** A predicate lambda (filter, exists, forall, map_filter) must return BOOLEAN (or NULL). */
export function checkPredicate(name: string, args: readonly Expr[], i: number): void {
  const t = typeOf(args[i]!).typeName();
  if (t !== "boolean" && t !== "void") throw unexpectedType(callSql(name, args), i, "\"BOOLEAN\"", args[i]!);
}

/** The return type check Spark words as UNEXPECTED_RETURN_TYPE (array_sort's comparator). */
export function unexpectedReturnType(name: string, args: readonly Expr[], lambda: LambdaFunction, expected: string): PijarError {
  return new PijarError("DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE", {
    sqlExpr: `"${callSql(name, args)}"`, functionName: "`lambdafunction`", expectedType: `"${expected}"`, actualType: `"${typeOf(lambda).sql()}"`,
  });
}

/**
 * Element rows: `cols[k][j]` is value k of element j, which belongs to input row `rows[j]`;
 * row i's elements are [starts[i], starts[i + 1]).
 */
export interface ElementRows {
  readonly rows: number[];
  readonly cols: unknown[][];
  readonly starts: Int32Array;
}

/** Lays out the elements `emit` adds for each input row (`add(v0, v1...)` once per element). */
export function elementRows(n: number, width: number, emit: (i: number, add: (...values: unknown[]) => void) => void): ElementRows {
  const rows: number[] = [];
  const cols = Array.from({ length: width }, (): unknown[] => []);
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    starts[i] = rows.length;
    emit(i, (...values) => {
      rows.push(i);
      for (let k = 0; k < width; k++) cols[k]!.push(values[k] ?? null);
    });
  }
  starts[n] = rows.length;
  return { rows, cols, starts };
}

/** Every element of the batch's non-null arrays, with its 0-based position: cols = [value, position]. */
export function elementsOf(arrays: readonly unknown[], n: number): ElementRows {
  return elementRows(n, 2, (i, add) => {
    const a = arrays[i] as unknown[] | null;
    if (a != null) for (let k = 0; k < a.length; k++) add(a[k], k);
  });
}
