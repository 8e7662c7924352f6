/**
 * + - * / % and unary minus with Spark 4 ANSI typing: integral results overflow with
 * ARITHMETIC_OVERFLOW, `/` is double unless decimals are involved, division by zero raises
 * DIVIDE_BY_ZERO, decimals follow Spark's precision/scale rules and round HALF_UP.
 */
import type { Call, Expr } from "../../plan/expr/expr.js";
import { DataType, DayTimeIntervalType, DecimalType, doubleType, longType, DateType, YearMonthIntervalType } from "../../types/data-types.js";
import {
  adjustPrecisionScale, decimalForType, isDecimal, isFractional, isIntegral, isNumeric, isString, isNull, widerType,
  isAnsiInterval, isYearMonthInterval,
} from "../../types/type-utils.js";
import { PijarError } from "../../errors/pijar-error.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { POW10, divRoundHalfUp, fitsPrecision, formatDecimal, literalPrecisionScale } from "../../values/decimal.js";
import { addLong, checkedLong, longFromDouble, divLong, modLong, mulLong, negLong, subLong, type Long } from "../../values/long.js";
import type { FunctionContext, ResolveResult, ScalarFunctionDef } from "../registry.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];
import { evalIntervalArith, isIntervalState, negateInterval, resolveIntervalArith } from "./interval-arith.js";

type Op = "+" | "-" | "*" | "/" | "%";

/** An integral literal's exact decimal type (Spark's DecimalType.fromLiteral). */
function decimalOf(e: Expr, t: DataType): DecimalType {
  if (e.kind === "literal" && isIntegral(t) && e.value != null) {
    const { precision, scale } = literalPrecisionScale(String(e.value));
    return new DecimalType(precision, scale);
  }
  return decimalForType(t);
}

function mismatch(op: Op, args: readonly Expr[]): PijarError {
  const [l, r] = args;
  return new PijarError("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
    sqlExpr: `"(${exprName(l!)} ${op} ${exprName(r!)})"`, left: `"${typeOf(l!).sql()}"`, right: `"${typeOf(r!).sql()}"`,
  });
}

function resultDecimal(op: Op, a: DecimalType, b: DecimalType): DecimalType {
  const [p1, s1, p2, s2] = [a.precision, a.scale, b.precision, b.scale];
  switch (op) {
    case "+":
    case "-": {
      const s = Math.max(s1, s2);
      return adjustPrecisionScale(Math.max(p1 - s1, p2 - s2) + s + 1, s);
    }
    case "*": return adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
    case "/": {
      const s = Math.max(6, s1 + p2 + 1);
      return adjustPrecisionScale(p1 - s1 + s2 + s, s);
    }
    case "%": {
      const s = Math.max(s1, s2);
      return adjustPrecisionScale(Math.min(p1 - s1, p2 - s2) + s, s);
    }
  }
}

const OP_NAMES: Record<Op, string> = { "+": "add", "-": "subtract", "*": "multiply", "/": "divide", "%": "mod" };

function resolveArith(op: Op, args: readonly Expr[]): ResolveResult {
  let [l, r] = args as [Expr, Expr];
  const temporal = resolveIntervalArith(op, l, r, OP_NAMES[op]);
  if (temporal) return temporal;
  let lt = typeOf(l);
  let rt = typeOf(r);
  // ANSI: a string meeting an integral number is read as bigint, otherwise as double
  // ("5" + 1 is 6L; "2.5" + 1 fails with CAST_INVALID_INPUT); null literals take the other side's type.
  const stringTarget = (other: DataType) => (isIntegral(other) || isNull(other) ? longType : doubleType);
  if (isString(lt) && (isNumeric(rt) || isNull(rt))) { const t = stringTarget(rt); l = castTo(l, t); lt = t; }
  if (isString(rt) && (isNumeric(lt) || isNull(lt))) { const t = stringTarget(lt); r = castTo(r, t); rt = t; }
  if (isString(lt) && isString(rt)) { l = castTo(l, doubleType); r = castTo(r, doubleType); lt = rt = doubleType; }
  if (isNull(lt) && isNull(rt)) return { args: [castTo(l, doubleType), castTo(r, doubleType)], dataType: doubleType };
  if (isNull(lt)) { l = castTo(l, rt); lt = rt; }
  if (isNull(rt)) { r = castTo(r, lt); rt = lt; }
  if (!isNumeric(lt) || !isNumeric(rt)) throw mismatch(op, args);
  if (isDecimal(lt) || isDecimal(rt)) {
    if (isFractional(lt) || isFractional(rt)) {
      return { args: [castTo(l, doubleType), castTo(r, doubleType)], dataType: doubleType };
    }
    const a = decimalOf(l, lt);
    const b = decimalOf(r, rt);
    const res = resultDecimal(op, a, b);
    return { args: [castTo(l, a), castTo(r, b)], dataType: res, state: { a, b, res } };
  }
  if (op === "/") return { args: [castTo(l, doubleType), castTo(r, doubleType)], dataType: doubleType };
  const common = widerType(lt, rt)!;
  return { args: [castTo(l, common), castTo(r, common)], dataType: common };
}

function overflow(kind: string): PijarError {
  return new PijarError("ARITHMETIC_OVERFLOW", { message: `${kind} overflow`, alternative: "", config: "\"spark.sql.ansi.enabled\"" });
}

const divideByZero = () => new PijarError("DIVIDE_BY_ZERO", { config: "\"spark.sql.ansi.enabled\"" });
// Spark 4.3 names a zero divisor of `%` / mod its own class (4.0 said DIVIDE_BY_ZERO).
export const remainderByZero = () => new PijarError("REMAINDER_BY_ZERO", { config: "\"spark.sql.ansi.enabled\"" });

function integralLimits(t: DataType): [number, number, string] {
  switch (t.typeName()) {
    case "byte": return [-128, 127, "byte"];
    case "short": return [-32768, 32767, "short"];
    case "integer": return [-2147483648, 2147483647, "integer"];
    default: return [-9223372036854775808, 9223372036854775807, "long"];
  }
}

/** Evaluates one operator over two columns of the resolved common type. */
function evalArith(op: Op) {
  return (args: readonly unknown[][], n: number, call: Call, ctx: FunctionContext): unknown[] => {
    if (isIntervalState(call.state)) return evalIntervalArith(args, n, call, ctx);
    const a = args[0]!;
    const b = args[1]!;
    const out = new Array<unknown>(n);
    const t = call.dataType;
    if (t instanceof DecimalType) {
      const { a: ta, b: tb, res } = call.state as { a: DecimalType; b: DecimalType; res: DecimalType };
      for (let i = 0; i < n; i++) {
        const x = a[i] as bigint | null;
        const y = b[i] as bigint | null;
        if (x == null || y == null) { out[i] = null; continue; }
        const v = decimalOp(op, x, ta.scale, y, tb.scale, res.scale);
        if (!fitsPrecision(v, res.precision)) {
          throw new PijarError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", {
            value: formatDecimal(v, res.scale), precision: String(res.precision), scale: String(res.scale), config: "\"spark.sql.ansi.enabled\"",
          });
        }
        out[i] = v;
      }
      return out;
    }
    if (t.typeName() === "long") return evalLong(op, a, b, n);
    const integral = isIntegral(t);
    const float32 = t.typeName() === "float";
    const [lo, hi, name] = integral ? integralLimits(t) : [0, 0, ""];
    for (let i = 0; i < n; i++) {
      const x = a[i] as number | null;
      const y = b[i] as number | null;
      if (x == null || y == null) { out[i] = null; continue; }
      let v: number;
      switch (op) {
        case "+": v = x + y; break;
        case "-": v = x - y; break;
        case "*": v = x * y; break;
        case "/":
          if (y === 0) throw divideByZero();
          v = x / y;
          break;
        case "%":
          if (y === 0) {
            if (integral) throw remainderByZero();
            v = NaN;
          } else v = x % y;
          break;
      }
      if (integral && (v < lo || v > hi)) throw overflow(name);
      // FLOAT computes in float32 as the JVM: round every result.
      if (float32) v = Math.fround(v);
      out[i] = v === 0 ? 0 : v;
    }
    return out;
  };
}

/** BIGINT + - * %: exact over +-2^63 on canonical longs (number when safe, else bigint). */
function evalLong(op: Op, a: readonly unknown[], b: readonly unknown[], n: number): unknown[] {
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const x = a[i] as Long | null;
    const y = b[i] as Long | null;
    if (x == null || y == null) { out[i] = null; continue; }
    switch (op) {
      case "+": out[i] = addLong(x, y); break;
      case "-": out[i] = subLong(x, y); break;
      case "*": out[i] = mulLong(x, y); break;
      case "/":
        if (y === 0) throw divideByZero();
        out[i] = divLong(x, y);
        break;
      case "%":
        if (y === 0) throw divideByZero();
        out[i] = modLong(x, y);
        break;
    }
  }
  return out;
}

function decimalOp(op: Op, x: bigint, sx: number, y: bigint, sy: number, sr: number): bigint {
  switch (op) {
    case "+":
    case "-": {
      const s = Math.max(sx, sy);
      const xx = x * POW10[s - sx]!;
      const yy = y * POW10[s - sy]!;
      const v = op === "+" ? xx + yy : xx - yy;
      return rescaleTo(v, s, sr);
    }
    case "*": return rescaleTo(x * y, sx + sy, sr);
    case "/": {
      if (y === 0n) throw divideByZero();
      // x/10^sx / (y/10^sy) at scale sr = x * 10^(sy + sr - sx) / y
      const shift = sy + sr - sx;
      return shift >= 0 ? divRoundHalfUp(x * POW10[shift]!, y) : divRoundHalfUp(x, y * POW10[-shift]!);
    }
    case "%": {
      if (y === 0n) throw remainderByZero();
      const s = Math.max(sx, sy);
      const xx = x * POW10[s - sx]!;
      const yy = y * POW10[s - sy]!;
      return rescaleTo(xx % yy, s, sr);
    }
  }
}

function rescaleTo(v: bigint, from: number, to: number): bigint {
  if (from === to) return v;
  return to > from ? v * POW10[to - from]! : divRoundHalfUp(v, POW10[from - to]!);
}

function binaryOp(name: string, op: Op, aliases: string[] = []): ScalarFunctionDef {
  return {
    kind: "scalar", name, aliases, minArgs: 2, maxArgs: 2,
    // Spark's Divide and Remainder are always nullable (x / 0 is NULL without ANSI), whatever
    // their inputs; + - * follow their inputs. An interval divided by a number is not: Spark's
    // DivideDTInterval / DivideYMInterval raise INTERVAL_DIVIDED_BY_ZERO instead of a NULL.
    resolve: (args) => {
      const r = resolveArith(op, args);
      const intervalResult = r.dataType instanceof DayTimeIntervalType || r.dataType instanceof YearMonthIntervalType;
      return (op === "/" || op === "%") && !intervalResult ? { ...r, nullable: true } : r;
    },
    eval: evalArith(op),
    sql: (a) => `(${a[0]} ${op} ${a[1]})`,
  };
}

definitions.push(binaryOp("add", "+", ["+"]));
definitions.push(binaryOp("subtract", "-", ["-"]));
definitions.push(binaryOp("multiply", "*", ["*"]));
definitions.push(binaryOp("divide", "/", ["/"]));
definitions.push(binaryOp("mod", "%", ["%", "remainder"]));

const negativeDef: ScalarFunctionDef = {
  kind: "scalar", name: "negative", aliases: ["negate"], minArgs: 1, maxArgs: 1,
  resolve(args) {
    const t = typeOf(args[0]!);
    if (isString(t)) return { args: [castTo(args[0]!, doubleType)], dataType: doubleType };
    if (isAnsiInterval(t)) return { args, dataType: t, state: "interval" };
    if (!isNumeric(t) && !isNull(t)) throw mismatch("-", [args[0]!, args[0]!]);
    return { args, dataType: isNull(t) ? doubleType : t };
  },
  eval(args, n, call) {
    const a = args[0]!;
    const out = new Array<unknown>(n);
    if (call.state === "interval") {
      for (let i = 0; i < n; i++) out[i] = a[i] == null ? null : negateInterval(a[i], call.dataType);
      return out;
    }
    const integral = isIntegral(call.dataType);
    const isLong = call.dataType.typeName() === "long";
    const [lo] = integral ? integralLimits(call.dataType) : [0];
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v == null) out[i] = null;
      else if (isLong) out[i] = negLong(v as Long);
      else if (typeof v === "bigint") out[i] = -v;
      else {
        if (integral && v === lo) throw overflow(call.dataType.typeName());
        out[i] = v === 0 ? 0 : -(v as number);
      }
    }
    return out;
  },
  // PySpark 4 names both -col and F.negative(col) `negative(col)`.
  sql: (a) => `negative(${a[0]})`,
};
definitions.push(negativeDef);
/** SQL's prefix minus (`-x`), which Spark names `(- x)`: the SQL front end should call this. */
definitions.push({ ...negativeDef, name: "unary_minus", aliases: [], sql: (a) => `(- ${a[0]})` });


definitions.push({
  kind: "scalar", name: "positive", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args, dataType: typeOf(args[0]!) }),
  eval: (args) => args[0]!,
  sql: (a) => `(+ ${a[0]})`,
});

/** Integral division: `div`. */
definitions.push({
  kind: "scalar", name: "div", minArgs: 2, maxArgs: 2,
  resolve(args) {
    const [lt, rt] = [typeOf(args[0]!), typeOf(args[1]!)];
    // Two intervals of one kind divide as whole months or microseconds (Spark's IntegralDivide).
    if (isAnsiInterval(lt) || isAnsiInterval(rt)) {
      if (isYearMonthInterval(lt) !== isYearMonthInterval(rt) || !isAnsiInterval(lt) || !isAnsiInterval(rt)) {
        throw new PijarError("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
          sqlExpr: `"(${exprName(args[0]!)} div ${exprName(args[1]!)})"`, left: `"${lt.sql()}"`, right: `"${rt.sql()}"`,
        });
      }
      return { args, dataType: longType, state: "interval", nullable: true };
    }
    const r = resolveArith("-", args);
    return { args: r.args, dataType: longType, state: r.state, nullable: true };
  },
  eval(args, n, call) {
    const out = new Array<unknown>(n);
    if (call.state === "interval") {
      for (let i = 0; i < n; i++) {
        const x = args[0]![i] as Long | null;
        const y = args[1]![i] as Long | null;
        if (x == null || y == null) { out[i] = null; continue; }
        if (Number(y) === 0) throw divideByZero();
        out[i] = divLong(x, y);
      }
      return out;
    }
    const dec = call.state as { a: DecimalType; b: DecimalType } | undefined;
    const integral = dec === undefined && isIntegral(typeOf(call.args[0]!));
    for (let i = 0; i < n; i++) {
      const x = args[0]![i];
      const y = args[1]![i];
      if (x == null || y == null) { out[i] = null; continue; }
      if (dec !== undefined && typeof dec === "object") {
        // x/10^sa div y/10^sb = (x * 10^sb) / (y * 10^sa), truncated.
        if (y === 0n) throw divideByZero();
        out[i] = checkedLong(((x as bigint) * POW10[dec.b.scale]!) / ((y as bigint) * POW10[dec.a.scale]!));
      } else if (integral) {
        if (y === 0) throw divideByZero();
        out[i] = divLong(x as Long, y as Long);
      } else {
        if (y === 0) throw divideByZero();
        const q = Math.trunc((x as number) / (y as number));
        if (!Number.isFinite(q) || q < -(2 ** 63) || q >= 2 ** 63) throw overflow("long");
        out[i] = longFromDouble(q);
      }
    }
    return out;
  },
  sql: (a) => `(${a[0]} div ${a[1]})`,
});

export { resolveArith, DateType };
