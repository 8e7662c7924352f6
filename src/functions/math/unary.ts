/**
 * Double-valued math: sqrt, exp, logs, trigonometry, pow, sign... Arguments are cast to DOUBLE;
 * logarithms of values at or below their asymptote give null (as Spark), not NaN. Column names
 * follow Spark's case: `SQRT(x)`, `ln(x)`, `LOG(2.0, x)`, `POWER(x, 2)`.
 */
import { DecimalType, doubleType } from "../../types/data-types.js";
import { POW10 } from "../../values/decimal.js";
import { big, canonLong, modLong, negLong, type Long } from "../../values/long.js";
import { remainderByZero, resolveArith } from "../operators/arithmetic.js";
import { isAnsiInterval, isDecimal, isIntegral, isNull, isNumeric, isString, widerType } from "../../types/type-utils.js";
import { negateInterval } from "../operators/interval-arith.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, fixedSignature, map1, map2, unexpectedType } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** name, function, upper-case column name?, asymptote below/at which the result is null */
const UNARY: [string, (x: number) => number, boolean, number?][] = [
  ["sqrt", Math.sqrt, true], ["cbrt", Math.cbrt, true], ["exp", Math.exp, true], ["expm1", Math.expm1, true],
  ["ln", Math.log, false, 0], ["log10", Math.log10, true, 0], ["log2", Math.log2, true, 0], ["log1p", Math.log1p, true, -1],
  ["sin", Math.sin, true], ["cos", Math.cos, true], ["tan", Math.tan, true], ["asin", Math.asin, true], ["acos", Math.acos, true],
  ["atan", Math.atan, true], ["sinh", Math.sinh, true], ["cosh", Math.cosh, true], ["tanh", Math.tanh, true],
  ["asinh", Math.asinh, true], ["acosh", Math.acosh, true], ["atanh", Math.atanh, true],
  ["cot", (x) => 1 / Math.tan(x), true], ["sec", (x) => 1 / Math.cos(x), true], ["csc", (x) => 1 / Math.sin(x), true],
  ["degrees", (x) => (x * 180) / Math.PI, true], ["radians", (x) => (x / 180) * Math.PI, true],
  ["signum", Math.sign, true], ["sign", Math.sign, false], ["rint", (x) => {
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  }, true],
];

/** sign and signum also take an ANSI interval, whose sign they give as a double (Spark's Signum). */
const TAKES_INTERVAL = new Set(["sign", "signum"]);

for (const [name, f, upper, asymptote] of UNARY) {
  const numeric = fixedSignature(name, [doubleType], doubleType);
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve: (args) =>
      TAKES_INTERVAL.has(name) && isAnsiInterval(typeOf(args[0]!)) ? { args, dataType: doubleType } : numeric(args),
    eval: map1((v: number | bigint) => {
      const x = Number(v);
      if (asymptote !== undefined && x <= asymptote) return null;
      const r = f(x);
      return r === 0 ? 0 : r;
    }),
    ...(upper ? { sql: (a: readonly string[]) => `${name.toUpperCase()}(${a[0]})` } : {}),
  });
}

/** log(x) is ln(x) (shown as LOG(E(), x)); log(base, x). */
definitions.push({
  kind: "scalar", name: "log", minArgs: 1, maxArgs: 2,
  resolve: fixedSignature("log", [doubleType, doubleType], doubleType),
  eval(args, n) {
    const out = new Array<unknown>(n);
    const one = args.length === 1;
    for (let i = 0; i < n; i++) {
      const b = one ? Math.E : (args[0]![i] as number | null);
      const x = (one ? args[0]![i] : args[1]![i]) as number | null;
      out[i] = b == null || x == null || x <= 0 || b <= 0 ? null : one ? Math.log(x) : Math.log(x) / Math.log(b);
    }
    return out;
  },
  sql: (a) => (a.length === 1 ? `LOG(E(), ${a[0]})` : `LOG(${a[0]}, ${a[1]})`),
});

for (const [name, f, shown] of [
  ["pow", Math.pow, "pow"], ["power", Math.pow, "POWER"], ["atan2", Math.atan2, "ATAN2"], ["hypot", Math.hypot, "HYPOT"],
] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: fixedSignature(name, [doubleType, doubleType], doubleType),
    eval: map2((a: number, b: number) => f(a, b)),
    sql: (a) => `${shown}(${a[0]}, ${a[1]})`,
  });
}

for (const [name, v] of [["pi", Math.PI], ["e", Math.E]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 0, maxArgs: 0,
    resolve: () => ({ args: [], dataType: doubleType, nullable: false }),
    eval: (_a, n) => new Array(n).fill(v),
    sql: () => `${name.toUpperCase()}()`,
  });
}

const INT_MIN: Record<string, number> = { byte: -128, short: -32768, integer: -2147483648, long: -9223372036854775808 };

definitions.push({
  kind: "scalar", name: "abs", minArgs: 1, maxArgs: 1,
  resolve(args) {
    let x = args[0]!;
    let t = typeOf(x);
    if (isString(t) || isNull(t)) { x = castTo(x, doubleType); t = doubleType; }
    if (isAnsiInterval(t)) return { args: [x], dataType: t, state: "interval" };
    if (!isNumeric(t)) throw unexpectedType(callSql("abs", args), 0, "(\"NUMERIC\" or \"INTERVAL\")", x);
    return { args: [x], dataType: t };
  },
  eval(args, n, call, ctx) {
    const t = call.dataType;
    // An interval's magnitude: negating the most negative one overflows, as in Spark.
    if (call.state === "interval") return map1((v: number | bigint) => (v < 0 ? negateInterval(v, t) : v))(args, n, call, ctx);
    const min = INT_MIN[t.typeName()];
    return map1((v: number | bigint) => {
      if (typeof v === "bigint") return t.typeName() === "long" ? (v < 0n ? negLong(v) : v) : v < 0n ? -v : v;
      if (isIntegral(t) && v === min) throw new PijarError("ARITHMETIC_OVERFLOW", { message: `${t.typeName()} overflow`, alternative: "", config: "\"spark.sql.ansi.enabled\"" });
      return Math.abs(v);
    })(args, n, call, ctx);
  },
});

/** Positive modulus: integral types stay integral, others double; decimals via their values. */
definitions.push({
  kind: "scalar", name: "pmod", minArgs: 2, maxArgs: 2,
  resolve(args) {
    let [a, b] = args as [typeof args[0], typeof args[0]];
    let ta = typeOf(a!);
    let tb = typeOf(b!);
    if (isString(ta) || isNull(ta)) { a = castTo(a!, doubleType); ta = doubleType; }
    if (isString(tb) || isNull(tb)) { b = castTo(b!, doubleType); tb = doubleType; }
    if (!isNumeric(ta)) throw unexpectedType(callSql("pmod", args), 0, "\"NUMERIC\"", a!);
    if (!isNumeric(tb)) throw unexpectedType(callSql("pmod", args), 1, "\"NUMERIC\"", b!);
    const common = widerType(ta, tb)!;
    // Decimals stay exact with the remainder operator's result type, as Spark's Pmod.
    // Always nullable, as Spark's Pmod.
    if (isDecimal(common)) return { ...resolveArith("%", [a!, b!]), nullable: true };
    return { args: [castTo(a!, common), castTo(b!, common)], dataType: common, nullable: true };
  },
  eval(args, n, call, ctx) {
    if (call.dataType instanceof DecimalType) {
      const { a, b } = call.state as { a: DecimalType; b: DecimalType };
      const s = Math.max(a.scale, b.scale);
      return map2((x: bigint, y: bigint) => {
        const xx = x * POW10[s - a.scale]!;
        const yy = y * POW10[s - b.scale]!;
        if (yy === 0n) throw remainderByZero();
        const r = xx % yy;
        return r < 0n ? (r + yy) % yy : r;
      })(args, n, call, ctx);
    }
    if (call.dataType.typeName() === "long") {
      return map2((a: Long, b: Long) => {
        if (b === 0) throw new PijarError("DIVIDE_BY_ZERO", { config: "\"spark.sql.ansi.enabled\"" });
        const r = modLong(a, b);
        // Java's (r + n) % n wraps on overflow; do it on 64 bits exactly.
        return r < 0 ? canonLong(BigInt.asIntN(64, big(r) + big(b)) % big(b)) : r;
      })(args, n, call, ctx);
    }
    const integral = isIntegral(call.dataType);
    const float32 = call.dataType.typeName() === "float";
    return map2((a: number, b: number) => {
      if (b === 0) {
        if (integral) throw remainderByZero();
        return NaN;
      }
      const r = a % b;
      // FLOAT stays float32: the JVM rounds r + b before the second %, which is exact.
      const m = r < 0 ? (float32 ? Math.fround(r + b) : r + b) % b : r;
      return m === 0 ? 0 : m;
    })(args, n, call, ctx);
  },
});
