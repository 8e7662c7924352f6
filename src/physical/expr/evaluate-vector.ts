/**
 * Evaluates a bound expression over a batch on typed vectors, where kernels exist: column
 * references, literals, comparisons, AND/OR/NOT/IS [NOT] NULL, + - * on numbers, widening
 * number casts and TIMESTAMP -> DATE. Anything else answers undefined and the caller uses the
 * value-at-a-time evaluator (evaluate.ts), which handles every function. Both paths give the
 * same answers; the typed one skips boxing each cell into a JS value.
 *
 * Errors: a kernel that would have to raise (an integer overflow) gives up instead, so the
 * value path raises Spark's error. AND/OR evaluate their right side on every row here, which
 * is only allowed when it cannot raise (`cannotRaise`): Spark evaluates it lazily, and
 * `b <> 0 AND a / b > 1` must not fail on the rows where b is 0.
 */
import type { Expr } from "../../plan/expr/expr.js";
import type { FunctionContext } from "../../functions/registry.js";
import type { DataType } from "../../types/data-types.js";
import { DateType, DoubleType, FloatType, IntegerType, ShortType, TimestampNTZType, TimestampType } from "../../types/data-types.js";
import type { Batch } from "../../columnar/batch.js";
import { boolVector, triOf, validBytes, NULL, TRUE, FALSE, type TriBool, type Vector } from "../../columnar/vector.js";
import { compareScalar, compareVectors, flip, type CompareOp } from "../kernels/compare.js";
import { arith, castNumber, timestampToDate, type ArithOp } from "../kernels/arithmetic.js";

/** A typed result: a vector, a three-valued boolean mask, or one value for every row. */
export type Typed =
  | { readonly k: "vector"; readonly v: Vector }
  | { readonly k: "tri"; readonly tri: TriBool }
  | { readonly k: "scalar"; readonly value: unknown };

const COMPARE: Record<string, CompareOp> = {
  equal_to: "eq", less_than: "lt", less_than_or_equal: "le", greater_than: "gt", greater_than_or_equal: "ge",
};
const ARITH: Record<string, ArithOp> = { add: "+", subtract: "-", multiply: "*" };

let enabled = true;

/**
 * Switches the typed kernels off (true = on). Tests run the same queries both ways and
 * compare; (Process-wide on purpose: it exists for differential tests, not for users.)
 */
export function setTypedKernels(on: boolean): void {
  enabled = on;
}

export function typedKernelsEnabled(): boolean {
  return enabled;
}

export function evaluateTyped(e: Expr, batch: Batch, ctx: FunctionContext): Typed | undefined {
  if (!enabled) return undefined;
  switch (e.kind) {
    case "bound": return { k: "vector", v: batch.column(e.index) };
    case "literal": return { k: "scalar", value: e.value };
    case "alias": return evaluateTyped(e.child, batch, ctx);
    case "cast": return evalCast(e.child, e.to, batch, ctx);
    case "call": return evalCall(e, batch, ctx);
    default: return undefined;
  }
}

/** The result as a vector (masks packed into booleans), or undefined. Scalars are not vectors. */
export function evaluateVector(e: Expr, batch: Batch, ctx: FunctionContext): Vector | undefined {
  // A column read as it is gains nothing here, and may already be decoded into values.
  if (e.kind === "bound" && !batch.hasVector(e.index)) return undefined;
  const r = evaluateTyped(e, batch, ctx);
  if (!r) return undefined;
  if (r.k === "vector") return r.v;
  if (r.k === "tri") return boolVector(r.tri);
  return undefined;
}

/** The result as a three-valued mask (for filters), or undefined. */
export function evaluateMask(e: Expr, batch: Batch, ctx: FunctionContext): TriBool | undefined {
  const r = evaluateTyped(e, batch, ctx);
  if (!r) return undefined;
  if (r.k === "tri") return r.tri;
  if (r.k === "vector" && r.v.type.typeId === 6 /* Bool */) return triOf(r.v);
  return undefined;
}

function typeOfTyped(e: Expr): DataType | undefined {
  switch (e.kind) {
    case "bound":
    case "literal":
    case "call": return e.dataType;
    case "cast": return e.to;
    case "alias": return typeOfTyped(e.child);
    default: return undefined;
  }
}

function evalCast(child: Expr, to: DataType, batch: Batch, ctx: FunctionContext): Typed | undefined {
  const from = typeOfTyped(child);
  if (!from) return undefined;
  if (from.equals(to)) return evaluateTyped(child, batch, ctx);
  const widening = (to instanceof DoubleType && (from instanceof IntegerType || from instanceof ShortType || from.typeName() === "byte" || from instanceof FloatType))
    || (to instanceof FloatType && (from instanceof ShortType || from.typeName() === "byte"))
    || (to instanceof IntegerType && (from instanceof ShortType || from.typeName() === "byte"))
    || (to instanceof DateType && (from instanceof TimestampType || from instanceof TimestampNTZType));
  if (!widening) return undefined;
  const r = evaluateTyped(child, batch, ctx);
  if (!r || r.k !== "vector") return undefined;
  // TIMESTAMP_NTZ is a wall-clock time already: its date needs no zone.
  const v = to instanceof DateType ? timestampToDate(r.v, from instanceof TimestampNTZType ? "UTC" : ctx.timeZone) : castNumber(r.v, to);
  return v ? { k: "vector", v } : undefined;
}

function evalCall(e: Extract<Expr, { kind: "call" }>, batch: Batch, ctx: FunctionContext): Typed | undefined {
  if (e.fn.kind !== "scalar") return undefined;
  const name = e.fn.name;
  const cmp = COMPARE[name];
  if (cmp) return evalCompare(cmp, e.args[0]!, e.args[1]!, batch, ctx);
  const ar = ARITH[name];
  if (ar) {
    if (e.state !== undefined) return undefined; // date +/- days, decimals: value path
    const a = evaluateTyped(e.args[0]!, batch, ctx);
    const b = a && evaluateTyped(e.args[1]!, batch, ctx);
    if (!a || !b || a.k === "tri" || b.k === "tri") return undefined;
    if (a.k === "scalar" && b.k === "scalar") return undefined;
    const sa = a.k === "scalar" ? a.value : a.v;
    const sb = b.k === "scalar" ? b.value : b.v;
    if (sa === null || sb === null) return undefined;
    if (typeof sa !== "number" && a.k === "scalar") return undefined;
    if (typeof sb !== "number" && b.k === "scalar") return undefined;
    const v = arith(ar, e.dataType, sa as Vector | number, sb as Vector | number, batch.numRows);
    return v ? { k: "vector", v } : undefined;
  }
  switch (name) {
    case "to_date": {
      // to_date(ts) with no format is CAST(ts AS DATE).
      const from = typeOfTyped(e.args[0]!);
      if (e.args.length !== 1 || !(from instanceof TimestampType || from instanceof TimestampNTZType)) return undefined;
      return evalCast(e.args[0]!, e.dataType, batch, ctx);
    }
    case "and":
    case "or": return evalLogic(name === "and", e.args[0]!, e.args[1]!, batch, ctx);
    case "not": {
      const m = evaluateMask(e.args[0]!, batch, ctx);
      if (!m) return undefined;
      const out = new Uint8Array(m.length);
      for (let i = 0; i < m.length; i++) out[i] = m[i] === NULL ? NULL : m[i] === TRUE ? FALSE : TRUE;
      return { k: "tri", tri: out };
    }
    case "isnull":
    case "isnotnull": {
      const r = evaluateTyped(e.args[0]!, batch, ctx);
      if (!r || r.k !== "vector") return undefined;
      const n = batch.numRows;
      const valid = validBytes(r.v);
      const out = new Uint8Array(n);
      const whenValid = name === "isnull" ? FALSE : TRUE;
      const whenNull = name === "isnull" ? TRUE : FALSE;
      for (let i = 0; i < n; i++) out[i] = !valid || valid[i] ? whenValid : whenNull;
      return { k: "tri", tri: out };
    }
    default: return undefined;
  }
}

function evalCompare(op: CompareOp, l: Expr, r: Expr, batch: Batch, ctx: FunctionContext): Typed | undefined {
  const a = evaluateTyped(l, batch, ctx);
  const b = a && evaluateTyped(r, batch, ctx);
  if (!a || !b || a.k === "tri" || b.k === "tri") return undefined;
  const n = batch.numRows;
  if (a.k === "scalar" && b.k === "scalar") return undefined;
  if (a.k === "scalar" || b.k === "scalar") {
    const [vec, scalar, o] = a.k === "vector" ? [a.v, (b as { value: unknown }).value, op] : [(b as { v: Vector }).v, a.value, flip(op)];
    if (scalar === null || scalar === undefined) return { k: "tri", tri: new Uint8Array(n).fill(NULL) };
    const tri = compareScalar(vec, o, scalar);
    return tri ? { k: "tri", tri } : undefined;
  }
  const tri = compareVectors(a.v, op, b.v);
  return tri ? { k: "tri", tri } : undefined;
}

function evalLogic(isAnd: boolean, l: Expr, r: Expr, batch: Batch, ctx: FunctionContext): Typed | undefined {
  if (!cannotRaise(r)) return undefined;
  const a = evaluateMask(l, batch, ctx);
  if (!a) return undefined;
  const b = evaluateMask(r, batch, ctx);
  if (!b) return undefined;
  const n = a.length;
  const out = new Uint8Array(n);
  // Three-valued AND / OR as a table: index = a * 3 + b with 0 false, 1 true, 2 null.
  const table = isAnd ? AND_TABLE : OR_TABLE;
  for (let i = 0; i < n; i++) out[i] = table[a[i]! * 3 + b[i]!]!;
  return { k: "tri", tri: out };
}

const AND_TABLE = Uint8Array.of(FALSE, FALSE, FALSE, FALSE, TRUE, NULL, FALSE, NULL, NULL);
const OR_TABLE = Uint8Array.of(FALSE, TRUE, NULL, TRUE, TRUE, TRUE, NULL, TRUE, NULL);

/** True when evaluating e on any row cannot raise an error (so it may run on every row). */
function cannotRaise(e: Expr): boolean {
  switch (e.kind) {
    case "bound":
    case "literal": return true;
    case "alias": return cannotRaise(e.child);
    case "cast": {
      const from = typeOfTyped(e.child);
      const safe = !!from && (from.equals(e.to) || (e.to instanceof DoubleType && (from instanceof IntegerType || from instanceof ShortType || from instanceof FloatType))
        || (e.to instanceof DateType && (from instanceof TimestampType || from instanceof TimestampNTZType)));
      return safe && cannotRaise(e.child);
    }
    case "call": {
      if (e.fn.kind !== "scalar") return false;
      const n = e.fn.name;
      const safe = COMPARE[n] !== undefined || n === "and" || n === "or" || n === "not" || n === "isnull" || n === "isnotnull"
        || (ARITH[n] !== undefined && (e.dataType instanceof DoubleType || e.dataType instanceof FloatType) && e.state === undefined);
      return safe && e.args.every(cannotRaise);
    }
    default: return false;
  }
}
