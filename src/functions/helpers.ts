/** Small building blocks shared by function definitions. */
import type { Call, Expr } from "../plan/expr/expr.js";
import { exprName } from "../plan/expr/sql-text.js";
import type { DataType } from "../types/data-types.js";
import { PijarError } from "../errors/pijar-error.js";
import { typeOf } from "../plan/expr/type-of.js";
import { castTo } from "../plan/expr/cast-to.js";
import { canCast } from "./cast/can-cast.js";
import type { FunctionContext, ResolveResult, ScalarFunctionDef } from "./registry.js";

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** Raises DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for argument `index` (0-based). */
export function unexpectedType(fnSql: string, index: number, required: string, arg: Expr): PijarError {
  return new PijarError("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
    sqlExpr: `"${fnSql}"`, paramIndex: ORDINALS[index] ?? `${index + 1}th`, requiredType: required,
    inputSql: `"${exprName(arg)}"`, inputType: `"${typeOf(arg).sql()}"`,
  });
}

/** Text of a call for error messages, before it is resolved. */
export function callSql(name: string, args: readonly Expr[]): string {
  return `${name}(${args.map(exprName).join(", ")})`;
}

/**
 * Casts `arg` to `to` when Spark would do it implicitly (e.g. a number where a string is
 * expected), or raises UNEXPECTED_INPUT_TYPE.
 */
export function expectType(name: string, args: readonly Expr[], index: number, to: DataType, required = `"${to.sql()}"`): Expr {
  const arg = args[index]!;
  const t = typeOf(arg);
  if (t.equals(to)) return arg;
  if (t.typeName() === "void" || (canCast(t, to) && implicitOk(t, to))) return castTo(arg, to);
  throw unexpectedType(callSql(name, args), index, required, arg);
}

/** ANSI implicit casts: numbers/dates/bools to string, strings to numbers/dates, numeric widening. */
function implicitOk(from: DataType, to: DataType): boolean {
  const f = from.typeName();
  const t = to.typeName();
  const numeric = ["byte", "short", "integer", "long", "float", "double", "decimal"];
  if (t === "string") return f !== "binary" && f !== "array" && f !== "struct" && f !== "map";
  if (f === "string") return numeric.includes(t) || t === "date" || t === "timestamp" || t === "binary" || t === "boolean";
  if (numeric.includes(f) && numeric.includes(t)) return true;
  if (f === "date" && t === "timestamp") return true;
  if (f === "timestamp" && t === "date") return true;
  return false;
}

type Eval = ScalarFunctionDef["eval"];

/** A null-intolerant function of one argument, applied row by row. */
export function map1(f: (a: any, call: Call, ctx: FunctionContext) => unknown): Eval {
  return (args, n, call, ctx) => {
    const a = args[0]!;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = a[i];
      out[i] = x == null ? null : f(x, call, ctx);
    }
    return out;
  };
}

/** A null-intolerant function of two arguments. */
export function map2(f: (a: any, b: any, call: Call, ctx: FunctionContext) => unknown): Eval {
  return (args, n, call, ctx) => {
    const a = args[0]!;
    const b = args[1]!;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      out[i] = x == null || y == null ? null : f(x, y, call, ctx);
    }
    return out;
  };
}

/** A null-intolerant function of any number of arguments (null if any argument is null). */
export function mapN(f: (vals: any, call: Call, ctx: FunctionContext) => unknown): Eval {
  return (args, n, call, ctx) => {
    const out = new Array<unknown>(n);
    const k = args.length;
    const row = new Array<unknown>(k);
    outer: for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const v = args[j]![i];
        if (v == null) {
          out[i] = null;
          continue outer;
        }
        row[j] = v;
      }
      out[i] = f(row, call, ctx);
    }
    return out;
  };
}

/** A function whose result type is fixed and whose arguments are cast to fixed types. */
export function fixedSignature(name: string, argTypes: readonly DataType[], result: DataType) {
  return (args: readonly Expr[]): ResolveResult => ({
    args: args.map((_, i) => expectType(name, args, i, argTypes[Math.min(i, argTypes.length - 1)]!)),
    dataType: result,
  });
}

/** Value of a literal argument (for formats, patterns...), or undefined if not a literal. */
export function literalArg(args: readonly Expr[], i: number): unknown {
  let a = args[i];
  while (a && a.kind === "cast" && a.implicit) a = a.child;
  return a && a.kind === "literal" ? a.value : undefined;
}

export function isFoldableLiteral(e: Expr | undefined): boolean {
  return !!e && e.kind === "literal";
}

/**
 * A numeric literal argument as a JS number (SQL's `0.5` is a DECIMAL literal holding an
 * unscaled bigint), or undefined if the argument is not a numeric literal.
 */
export function numericLiteralArg(args: readonly Expr[], i: number): number | undefined {
  let a = args[i];
  while (a && a.kind === "cast" && a.implicit) a = a.child;
  if (!a || a.kind !== "literal" || a.value == null) return undefined;
  if (typeof a.value === "number") return a.value;
  if (typeof a.value === "bigint") {
    const scale = (a.dataType as { scale?: number }).scale ?? 0;
    return Number(a.value) / 10 ** scale;
  }
  return undefined;
}

/** The options argument of from_csv, from_json, to_json...: map('k', 'v', ...) of string literals, keys lower-cased. */
export function optionsArg(name: string, args: readonly Expr[], i: number): Record<string, string> {
  const a = args[i];
  if (!a) return {};
  if (a.kind !== "call" || a.fn.name !== "map") {
    throw new PijarError("INVALID_OPTIONS.NON_MAP_FUNCTION", {}, { message: `Invalid options: the options of ${name} must be given with map(), e.g. map('sep', '|').` });
  }
  const out: Record<string, string> = {};
  for (let k = 0; k + 1 < a.args.length; k += 2) {
    const key = literalArg(a.args, k);
    const value = literalArg(a.args, k + 1);
    if (typeof key !== "string" || typeof value !== "string") {
      throw new PijarError("INVALID_OPTIONS.NON_STRING_TYPE", { mapType: `"${callSql("map", a.args)}"` }, { message: `Invalid options: a type of keys and values in map() must be string, e.g. map('sep', '|'), in ${callSql(name, args)}.` });
    }
    out[key.toLowerCase()] = value;
  }
  return out;
}
