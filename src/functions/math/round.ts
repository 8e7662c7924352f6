/**
 * round (HALF_UP) and bround (HALF_EVEN) with Spark's result types: decimals stay exact and
 * take the new scale, integers stay integers, doubles round their decimal text (Spark uses
 * BigDecimal(Double.toString(x))). floor/ceil give BIGINT for numbers and DECIMAL(p-s+1, 0)
 * for decimals.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { DecimalType, doubleType, integerType, longType } from "../../types/data-types.js";
import { LONG_MAX, LONG_MIN, canonLong, longFromDouble } from "../../values/long.js";
import { isDecimal, isFractional, isIntegral, isNull, isNumeric, isString } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { POW10, fitsPrecision } from "../../values/decimal.js";
import { callSql, expectType, literalArg, unexpectedType } from "../helpers.js";
import type { FunctionDef, ScalarFunctionDef } from "../registry.js";
import { roundDecimalString } from "../string/format.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** Plain decimal text of a double's shortest representation (no exponent). */
export function plainNumber(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  const neg = s.startsWith("-");
  const [m, e] = (neg ? s.slice(1) : s).split(/e/i) as [string, string];
  const exp = Number(e);
  const [ip, fp = ""] = m.split(".");
  const digits = ip! + fp;
  const point = ip!.length + exp;
  let out: string;
  if (point <= 0) out = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = digits.slice(0, point) + "." + digits.slice(point);
  return (neg ? "-" : "") + out;
}

/** Rounds an unscaled decimal from scale `from` to scale `to` (to < from). */
function roundUnscaled(v: bigint, from: number, to: number, even: boolean): bigint {
  const div = POW10[from - to]!;
  const neg = v < 0n;
  const a = neg ? -v : v;
  let q = a / div;
  const r = a % div;
  const twice = r * 2n;
  if (twice > div || (twice === div && (!even || (q & 1n) === 1n))) q += 1n;
  return neg ? -q : q;
}

function roundDouble(x: number, scale: number, even: boolean): number {
  if (!Number.isFinite(x)) return x;
  if (scale >= 0) return Number(roundDecimalString(plainNumber(x), scale, even));
  const f = 10 ** -scale;
  const q = Number(roundDecimalString(plainNumber(x / f), 0, even));
  return q * f;
}

function roundIntegral(x: number | bigint, scale: number, even: boolean, t: string): number | bigint {
  if (scale >= 0) return x;
  const v = roundUnscaled(BigInt(x), -scale, 0, even) * POW10[-scale]!;
  const limit = t === "long" ? 2n ** 63n : t === "integer" ? 2n ** 31n : t === "short" ? 2n ** 15n : 2n ** 7n;
  if (v >= limit || v < -limit) {
    throw new PijarError("ARITHMETIC_OVERFLOW", { message: `Overflow in rounding ${x} to scale ${scale}`, alternative: "", config: "\"spark.sql.ansi.enabled\"" });
  }
  return canonLong(v);
}

for (const [name, even] of [["round", false], ["bround", true]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 2,
    resolve(args) {
      const full: Expr[] = args.length === 1 ? [args[0]!, { kind: "literal", value: 0, dataType: integerType }] : [...args];
      let x = full[0]!;
      let t = typeOf(x);
      if (isString(t) || isNull(t)) { x = castTo(x, doubleType); t = doubleType; }
      if (!isNumeric(t)) throw unexpectedType(callSql(name, full), 0, "\"NUMERIC\"", x);
      const scaleArg = expectType(name, full, 1, integerType);
      const scale = literalArg([scaleArg], 0);
      if (typeof scale !== "number") {
        throw new PijarError("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", {}, { message: `Cannot resolve "${callSql(name, full)}": the scale of ${name} must be a constant integer, e.g. ${name}(x, 2).` });
      }
      // Spark: rounding to fewer digits may carry into one more integral digit.
      const dataType = t instanceof DecimalType
        ? (scale >= t.scale ? t : new DecimalType(Math.min(38, t.precision - t.scale + Math.max(scale, 0) + 1), Math.max(scale, 0)))
        : t;
      return { args: [x, scaleArg], dataType, state: scale };
    },
    eval(args, n, call) {
      const scale = call.state as number;
      const t = typeOf(call.args[0]!);
      const out = new Array<unknown>(n);
      const a = args[0]!;
      for (let i = 0; i < n; i++) {
        const v = a[i];
        if (v == null) { out[i] = null; continue; }
        if (t instanceof DecimalType) {
          if (scale >= t.scale) { out[i] = v; continue; }
          let r = roundUnscaled(v as bigint, t.scale, Math.max(scale, 0), even);
          if (scale < 0) r = roundUnscaled(r, -scale, 0, even) * POW10[-scale]!;
          out[i] = r;
        } else if (isIntegral(t)) out[i] = roundIntegral(v as number | bigint, scale, even, t.typeName());
        else {
          const r = roundDouble(v as number, scale, even);
          out[i] = t.typeName() === "float" ? Math.fround(r) : r;
        }
      }
      return out;
    },
  });
}

/**
 * The one-argument ceil/floor. Not registered as they are: ceil-floor-scale.ts wraps each with
 * its two-argument (scale) form, and that wrapper is the registered function.
 */
export const oneArgCeilFloor: ScalarFunctionDef[] = [];

for (const [name, up] of [["floor", false], ["ceil", true], ["ceiling", true]] as const) {
  oneArgCeilFloor.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve(args) {
      let x = args[0]!;
      let t = typeOf(x);
      if (isString(t) || isNull(t)) { x = castTo(x, doubleType); t = doubleType; }
      if (!isNumeric(t)) throw unexpectedType(callSql(name, args), 0, "(\"DECIMAL\" or \"DOUBLE\" or \"BIGINT\")", x);
      if (t instanceof DecimalType) return { args: [x], dataType: new DecimalType(Math.min(38, t.precision - t.scale + 1), 0) };
      return { args: [isFractional(t) ? castTo(x, doubleType) : castTo(x, longType)], dataType: longType };
    },
    eval(args, n, call, ctx) {
      const t = typeOf(call.args[0]!);
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const v = args[0]![i];
        if (v == null) { out[i] = null; continue; }
        if (t instanceof DecimalType) {
          const d = POW10[t.scale]!;
          const b = v as bigint;
          let q = b / d;
          const r = b % d;
          if (r !== 0n && (up ? b > 0n : b < 0n)) q += up ? 1n : -1n;
          out[i] = q;
        } else if (isDecimal(t)) out[i] = v;
        else if (typeof v === "bigint" || !isFractional(t)) out[i] = v;
        else {
          const r = up ? Math.ceil(v as number) : Math.floor(v as number);
          // Spark 4.3 (ANSI) fails past the long range; NaN still becomes 0 as Java's (long) cast.
          if (ctx.ansi && (r >= 2 ** 63 || r < -(2 ** 63))) {
            throw new PijarError("ARITHMETIC_OVERFLOW", { message: "overflow", alternative: "", config: "\"spark.sql.ansi.enabled\"" });
          }
          out[i] = Number.isNaN(r) ? 0 : r >= 2 ** 63 ? LONG_MAX : r < -(2 ** 63) ? LONG_MIN : longFromDouble(r);
        }
      }
      return out;
    },
    sql: (a) => `${name === "ceiling" ? "ceiling" : name.toUpperCase()}(${a[0]})`,
  });
}
