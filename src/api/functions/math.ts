/** Math and bitwise functions of the F namespace. */
import { literal } from "../../plan/expr/expr.js";
import { doubleType } from "../../types/data-types.js";
import { c, fn, l, Column, type ColumnOrName } from "./build.js";

/** HALF_UP rounding to `scale` decimals. `F.round("price", 2)` */
export function round(x: ColumnOrName, scale: number | Column = 0): Column { return fn("round", c(x), l(scale)); }
/** HALF_EVEN (banker's) rounding. `F.bround("price", 2)` */
export function bround(x: ColumnOrName, scale: number | Column = 0): Column { return fn("bround", c(x), l(scale)); }
/** Largest integer <= x (BIGINT; DECIMAL for decimals). `F.floor("x")` */
export function floor(x: ColumnOrName): Column { return fn("floor", c(x)); }
/** Smallest integer >= x. `F.ceil("x")` */
export function ceil(x: ColumnOrName): Column { return fn("ceil", c(x)); }
/** Same as ceil. `F.ceiling("x")` */
export function ceiling(x: ColumnOrName): Column { return fn("ceiling", c(x)); }
/** `F.abs("delta")` */
export function abs(x: ColumnOrName): Column { return fn("abs", c(x)); }
/** `F.sqrt("x")` */
export function sqrt(x: ColumnOrName): Column { return fn("sqrt", c(x)); }
/** `F.cbrt("x")` */
export function cbrt(x: ColumnOrName): Column { return fn("cbrt", c(x)); }
/** `F.exp("x")` */
export function exp(x: ColumnOrName): Column { return fn("exp", c(x)); }
/** `F.expm1("x")` */
export function expm1(x: ColumnOrName): Column { return fn("expm1", c(x)); }
/** Natural log, or log of `x` in base `a` when called with two arguments. `F.log("x")`, `F.log(10.0, "x")` */
export function log(a: ColumnOrName | number, x?: ColumnOrName): Column {
  if (x === undefined) return fn("ln", c(a as ColumnOrName));
  // PySpark's base is a float, so `log(10.0, x)` is named LOG(10.0, x): keep numbers DOUBLE.
  return fn("log", typeof a === "number" ? literal(a, doubleType) : c(a), c(x));
}
/** `F.ln("x")` */
export function ln(x: ColumnOrName): Column { return fn("ln", c(x)); }
/** `F.log10("x")` */
export function log10(x: ColumnOrName): Column { return fn("log10", c(x)); }
/** `F.log2("x")` */
export function log2(x: ColumnOrName): Column { return fn("log2", c(x)); }
/** `F.log1p("x")` */
export function log1p(x: ColumnOrName): Column { return fn("log1p", c(x)); }
/** x to the power y. `F.pow("x", 2)` */
export function pow(x: ColumnOrName | number, y: ColumnOrName | number): Column { return fn("power", num(x), num(y)); }
/** Same as pow. `F.power("x", 2)` */
export function power(x: ColumnOrName | number, y: ColumnOrName | number): Column { return fn("power", num(x), num(y)); }
/** -1.0, 0.0 or 1.0. `F.signum("x")` */
export function signum(x: ColumnOrName): Column { return fn("signum", c(x)); }
/** `F.sign("x")` */
export function sign(x: ColumnOrName): Column { return fn("sign", c(x)); }
/** Positive remainder. `F.pmod("x", F.lit(7))` */
export function pmod(a: ColumnOrName | number, b: ColumnOrName | number): Column { return fn("pmod", num(a), num(b)); }
/** `F.degrees("rad")` */
export function degrees(x: ColumnOrName): Column { return fn("degrees", c(x)); }
/** `F.radians("deg")` */
export function radians(x: ColumnOrName): Column { return fn("radians", c(x)); }
/** `F.sin("x")` */
export function sin(x: ColumnOrName): Column { return fn("sin", c(x)); }
/** `F.cos("x")` */
export function cos(x: ColumnOrName): Column { return fn("cos", c(x)); }
/** `F.tan("x")` */
export function tan(x: ColumnOrName): Column { return fn("tan", c(x)); }
/** `F.asin("x")` */
export function asin(x: ColumnOrName): Column { return fn("asin", c(x)); }
/** `F.acos("x")` */
export function acos(x: ColumnOrName): Column { return fn("acos", c(x)); }
/** `F.atan("x")` */
export function atan(x: ColumnOrName): Column { return fn("atan", c(x)); }
/** `F.atan2("y", "x")` */
export function atan2(y: ColumnOrName | number, x: ColumnOrName | number): Column { return fn("atan2", num(y), num(x)); }
/** `F.hypot("a", "b")` */
export function hypot(a: ColumnOrName | number, b: ColumnOrName | number): Column { return fn("hypot", num(a), num(b)); }
/** `F.sinh("x")` */
export function sinh(x: ColumnOrName): Column { return fn("sinh", c(x)); }
/** `F.cosh("x")` */
export function cosh(x: ColumnOrName): Column { return fn("cosh", c(x)); }
/** `F.tanh("x")` */
export function tanh(x: ColumnOrName): Column { return fn("tanh", c(x)); }
/** Nearest integer as double, ties to even. `F.rint("x")` */
export function rint(x: ColumnOrName): Column { return fn("rint", c(x)); }
/** Uniform random double in [0, 1). `F.rand(42)` */
export function rand(seed?: number): Column { return seed === undefined ? fn("rand") : fn("rand", l(seed)); }
/** Standard normal random double. `F.randn(42)` */
export function randn(seed?: number): Column { return seed === undefined ? fn("randn") : fn("randn", l(seed)); }
/** `F.pi()` */
export function pi(): Column { return fn("pi"); }
/** `F.e()` */
export function e(): Column { return fn("e"); }
/** Bitwise NOT. `F.bitwise_not("flags")` */
export function bitwise_not(x: ColumnOrName): Column { return fn("~", c(x)); }
/** Old name of bitwise_not. `F.bitwiseNOT("flags")` */
export const bitwiseNOT = bitwise_not;
/** `F.shiftleft("x", 2)` */
export function shiftleft(x: ColumnOrName, n: number): Column { return fn("shiftleft", c(x), l(n)); }
/** `F.shiftright("x", 2)` */
export function shiftright(x: ColumnOrName, n: number): Column { return fn("shiftright", c(x), l(n)); }
/** `F.shiftrightunsigned("x", 2)` */
export function shiftrightunsigned(x: ColumnOrName, n: number): Column { return fn("shiftrightunsigned", c(x), l(n)); }

/** Numbers are literals here (PySpark: `F.pow("x", 2)`); strings are column names. */
function num(x: ColumnOrName | number) {
  return typeof x === "number" ? l(x) : c(x);
}
/** `F.acosh("x")` */
export function acosh(x: ColumnOrName): Column { return fn("acosh", c(x)); }
/** `F.asinh("x")` */
export function asinh(x: ColumnOrName): Column { return fn("asinh", c(x)); }
/** `F.atanh("x")` */
export function atanh(x: ColumnOrName): Column { return fn("atanh", c(x)); }
/** `F.cot("x")` */
export function cot(x: ColumnOrName): Column { return fn("cot", c(x)); }
/** `F.csc("x")` */
export function csc(x: ColumnOrName): Column { return fn("csc", c(x)); }
/** `F.sec("x")` */
export function sec(x: ColumnOrName): Column { return fn("sec", c(x)); }
/** Old name of degrees. `F.toDegrees("rad")` */
export const toDegrees = degrees;
/** Old name of radians. `F.toRadians("deg")` */
export const toRadians = radians;
/** Old name of shiftleft. `F.shiftLeft("x", 1)` */
export const shiftLeft = shiftleft;
/** Old name of shiftright. `F.shiftRight("x", 1)` */
export const shiftRight = shiftright;
/** Old name of shiftrightunsigned. `F.shiftRightUnsigned("x", 1)` */
export const shiftRightUnsigned = shiftrightunsigned;
/** Unary minus. `F.negative("x")` */
export function negative(x: ColumnOrName): Column { return fn("negative", c(x)); }
/** Same as negative. `F.negate("x")` */
export const negate = negative;
/** Unary plus (returns x). `F.positive("x")` */
export function positive(x: ColumnOrName): Column { return fn("positive", c(x)); }
/** a + b, null on overflow. `F.try_add("a", "b")` */
export function try_add(a: ColumnOrName, b: ColumnOrName): Column { return fn("try_add", c(a), c(b)); }
/** a - b, null on overflow. `F.try_subtract("a", "b")` */
export function try_subtract(a: ColumnOrName, b: ColumnOrName): Column { return fn("try_subtract", c(a), c(b)); }
/** a * b, null on overflow. `F.try_multiply("a", "b")` */
export function try_multiply(a: ColumnOrName, b: ColumnOrName): Column { return fn("try_multiply", c(a), c(b)); }
/** a / b, null when b is 0. `F.try_divide("a", "b")` */
export function try_divide(a: ColumnOrName, b: ColumnOrName): Column { return fn("try_divide", c(a), c(b)); }
/** a % b, null when b is 0. `F.try_mod("a", "b")` */
export function try_mod(a: ColumnOrName, b: ColumnOrName): Column { return fn("try_mod", c(a), c(b)); }
