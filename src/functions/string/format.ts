/**
 * format_number (Java DecimalFormat "#,##0.00", HALF_EVEN) and format_string/printf (a Java
 * Formatter subset: %s %d %f %e %x %o %c %b %% %n with flags -+0,( and space, width, precision
 * and `n$` argument indexes).
 */
import type { DataType } from "../../types/data-types.js";
import { integerType, stringType } from "../../types/data-types.js";
import { isDecimal, isFractional, isIntegral, isNumeric, isString } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";
import { formatDecimal } from "../../values/decimal.js";
import { valueToString } from "../cast/cast-value.js";
import { callSql, expectType, unexpectedType } from "../helpers.js";
import type { FunctionContext, FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** Rounds a plain decimal string (digits, optional '.') to `d` places; `even` = HALF_EVEN else HALF_UP. */
export function roundDecimalString(text: string, d: number, even: boolean): string {
  const neg = text.startsWith("-");
  const t = neg ? text.slice(1) : text;
  const [ip = "0", fp = ""] = t.split(".");
  const digits = BigInt(ip + fp.padEnd(d, "0").slice(0, d));
  const rest = fp.slice(d);
  let q = digits;
  if (rest.length) {
    const first = Number(rest[0]);
    const beyond = /[1-9]/.test(rest.slice(1));
    const up = first > 5 || (first === 5 && (beyond || !even || (q & 1n) === 1n));
    if (up) q += 1n;
  }
  const s = formatDecimal(q, d);
  return neg ? "-" + s : s;
}

/** Exact decimal expansion of a double (enough digits for correct ties). */
function exactDouble(x: number): string {
  const s = Math.abs(x).toFixed(100).replace(/0+$/, "").replace(/\.$/, "");
  return (x < 0 ? "-" : "") + s;
}

function groupThousands(s: string): string {
  const neg = s.startsWith("-");
  const [ip, fp] = (neg ? s.slice(1) : s).split(".");
  const g = ip!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + g + (fp !== undefined ? "." + fp : "");
}

definitions.push({
  kind: "scalar", name: "format_number", minArgs: 2, maxArgs: 2,
  resolve(args) {
    const t = typeOf(args[0]!);
    if (!isNumeric(t) && t.typeName() !== "void") throw unexpectedType(callSql("format_number", args), 0, "\"NUMERIC\"", args[0]!);
    if (isString(typeOf(args[1]!))) throw new PijarError("UNSUPPORTED_FEATURE", { feature: "format_number with a DecimalFormat pattern string: pass the number of decimal places instead." });
    return { args: [args[0]!, expectType("format_number", args, 1, integerType)], dataType: stringType, state: t };
  },
  eval(args, n, call) {
    const t = call.state as DataType;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = args[0]![i];
      const d = args[1]![i] as number | null;
      if (v == null || d == null || d < 0) { out[i] = null; continue; }
      let text: string;
      if (isDecimal(t)) text = formatDecimal(v as bigint, t.scale);
      else if (typeof v === "number" && !Number.isFinite(v)) { out[i] = Number.isNaN(v) ? "NaN" : v > 0 ? "\u221E" : "-\u221E"; continue; }
      else text = isIntegral(t) ? String(v) : exactDouble(v as number);
      const r = roundDecimalString(text, d, true);
      // Java keeps the sign of a negative value that rounds to zero ("-0.00").
      out[i] = groupThousands(r);
    }
    return out;
  },
});

// ---- format_string / printf ---------------------------------------------------------------------

const SPEC = /%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([a-zA-Z%])/g;

function formatError(msg: string): PijarError {
  return new PijarError("INVALID_PARAMETER_VALUE", { parameter: "`strfmt`", functionName: "`format_string`", message: msg });
}

function applyWidth(s: string, flags: string, width: number | null): string {
  if (width === null || s.length >= width) return s;
  if (flags.includes("-")) return s.padEnd(width);
  if (flags.includes("0") && /^[+-]?[\d(]/.test(s)) {
    const sign = /^[+\-( ]/.test(s) ? s[0]! : "";
    return sign + s.slice(sign.length).padStart(width - sign.length, "0");
  }
  return s.padStart(width);
}

function signed(body: string, neg: boolean, flags: string): string {
  if (neg) return flags.includes("(") ? `(${body})` : "-" + body;
  if (flags.includes("+")) return "+" + body;
  if (flags.includes(" ")) return " " + body;
  return body;
}

function asNumber(v: unknown, t: DataType): number | bigint {
  if (isDecimal(t)) return Number(formatDecimal(v as bigint, t.scale));
  return v as number;
}

/** Java's String.format for the common conversions. */
export function javaFormat(fmt: string, vals: readonly unknown[], types: readonly DataType[], ctx: FunctionContext): string {
  let next = 0;
  return fmt.replace(SPEC, (_m, idx: string | undefined, flags = "", w: string | undefined, p: string | undefined, conv: string) => {
    if (conv === "%") return applyWidth("%", flags, w ? Number(w) : null);
    if (conv === "n") return "\n";
    const k = idx ? Number(idx.slice(0, -1)) - 1 : next++;
    if (k >= vals.length) throw formatError(`Format specifier '%${conv}' has no matching argument.`);
    const v = vals[k];
    const t = types[k]!;
    const width = w ? Number(w) : null;
    const prec = p ? Number(p.slice(1)) : null;
    const lower = conv.toLowerCase();
    const up = conv !== lower;
    let s: string;
    if (v == null) s = lower === "b" ? "false" : "null";
    else if (lower === "s") s = valueToString(v, t, ctx);
    else if (lower === "b") s = String(!!v);
    else if (lower === "c") s = typeof v === "number" ? String.fromCodePoint(v) : String(v)[0] ?? "";
    else if (lower === "d" || lower === "x" || lower === "o") {
      if (!isIntegral(t)) throw formatError(`'%${conv}' needs an integer argument, got ${t.sql()}: cast it or use %s / %f.`);
      const x = v as number;
      if (lower === "d") {
        let body = String(Math.abs(x));
        if (flags.includes(",")) body = groupThousands(body);
        s = signed(body, x < 0, flags);
      } else {
        const big = x < 0 ? BigInt.asUintN(t.typeName() === "long" ? 64 : t.typeName() === "integer" ? 32 : t.typeName() === "short" ? 16 : 8, BigInt(x)) : BigInt(x);
        s = big.toString(lower === "x" ? 16 : 8);
        if (flags.includes("#")) s = (lower === "x" ? "0x" : "0") + s;
      }
    } else if (lower === "f" || lower === "e" || lower === "g") {
      if (!isNumeric(t) || isIntegral(t)) {
        if (!isFractional(t) && !isDecimal(t)) throw formatError(`'%${conv}' needs a floating-point argument, got ${t.sql()}: cast it to DOUBLE.`);
      }
      const x = Number(asNumber(v, t));
      if (!Number.isFinite(x)) s = Number.isNaN(x) ? "NaN" : signed("Infinity", x < 0, flags);
      else if (lower === "f") {
        let body = roundDecimalString(isDecimal(t) ? formatDecimal(v as bigint, t.scale).replace("-", "") : plainDouble(Math.abs(x)), prec ?? 6, false);
        if (flags.includes(",")) body = groupThousands(body);
        s = signed(body, x < 0 || Object.is(x, -0), flags);
      } else {
        const e = Math.abs(x).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
        s = signed(e, x < 0, flags);
      }
    } else throw formatError(`The conversion '%${conv}' is not supported; use %s, %d, %f, %e, %x, %o, %c, %b.`);
    if (prec !== null && lower === "s") s = s.slice(0, prec);
    if (up) s = s.toUpperCase();
    return applyWidth(s, flags, width);
  });
}

/** A double as plain (non-exponent) decimal text of its shortest representation, as Java's Formatter rounds. */
function plainDouble(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  const [m, e] = s.split(/e/i) as [string, string];
  const exp = Number(e);
  const [ip, fp = ""] = m.split(".");
  const digits = ip! + fp;
  const point = ip!.length + exp;
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}

for (const name of ["format_string", "printf"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: Infinity,
    resolve(args) {
      return { args: [expectType(name, args, 0, stringType), ...args.slice(1)], dataType: stringType, state: args.map(typeOf) };
    },
    eval(args, n, call, ctx) {
      const types = (call.state as DataType[]).slice(1);
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const f = args[0]![i] as string | null;
        out[i] = f == null ? null : javaFormat(f, args.slice(1).map((a) => a[i]), types, ctx);
      }
      return out;
    },
  });
}
