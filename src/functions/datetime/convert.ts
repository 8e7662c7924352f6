/**
 * Text <-> datetime: to_date, to_timestamp (and try_ forms, _ltz / _ntz), date_format, unix_timestamp,
 * to_unix_timestamp, from_unixtime, timestamp_seconds; and current_date / current_timestamp /
 * now, which read the query's fixed `ctx.nowMicros`. Without a format, parsing follows the
 * CAST rules (CAST_INVALID_INPUT); with one, a mismatch raises CANNOT_PARSE_TIMESTAMP.
 */
import type { Call, Expr } from "../../plan/expr/expr.js";
import { dateType, doubleType, integerType, longType, stringType, timestampNTZType, timestampType, type DataType } from "../../types/data-types.js";
import { isDate, isNull, isNumeric, isString, isTimestamp } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { compilePattern } from "../../values/datetime-pattern.js";
import { daysOfTimestamp, fromLocal, civilFromDays, MICROS_PER_DAY } from "../../values/datetime.js";
import { castColumn } from "../cast/cast-value.js";
import { callSql, expectType, map1, unexpectedType } from "../helpers.js";
import type { FunctionContext, FunctionDef } from "../registry.js";
import { cannotParse, timestampArg } from "./args.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss";
const strLit = (v: string): Expr => ({ kind: "literal", value: v, dataType: stringType });

function parseArgs(name: string, args: readonly Expr[]) {
  const t = typeOf(args[0]!);
  if (!isString(t) && !isDate(t) && !isTimestamp(t) && !isNull(t)) throw unexpectedType(callSql(name, args), 0, "(\"STRING\" or \"DATE\" or \"TIMESTAMP\")", args[0]!);
  return args.length === 2 ? [args[0]!, expectType(name, args, 1, stringType)] : [...args];
}

/** Parses or converts column values to `to` (DATE or TIMESTAMP). */
function toDatetime(args: readonly unknown[][], n: number, call: Call, ctx: FunctionContext, to: DataType, tolerant: boolean): unknown[] {
  const from = typeOf(call.args[0]!);
  if (call.args.length === 1 || !isString(from)) return castColumn(args[0]!, from, to, tolerant ? "try" : "ansi", ctx);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const text = args[0]![i] as string | null;
    const fmt = args[1]![i] as string | null;
    if (text == null || fmt == null) { out[i] = null; continue; }
    const p = compilePattern(fmt);
    const v = to === dateType ? p.parseDate(text) : to === timestampNTZType ? p.parseTimestampNTZ(text) : p.parseTimestamp(text, ctx.timeZone);
    if (v === null && !tolerant) throw cannotParse(text);
    out[i] = v;
  }
  return out;
}

for (const [name, to, tolerant] of [
  ["to_date", dateType, false], ["try_to_date", dateType, true],
  ["to_timestamp", timestampType, false], ["try_to_timestamp", timestampType, true],
  // The _ltz form is to_timestamp under its explicit name; _ntz reads wall-clock time, no zone.
  ["to_timestamp_ltz", timestampType, false], ["to_timestamp_ntz", timestampNTZType, false],
] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 2,
    resolve: (args) => ({ args: parseArgs(name, args), dataType: to, nullable: true }),
    eval: (args, n, call, ctx) => toDatetime(args, n, call, ctx, to, tolerant),
  });
}

definitions.push({
  kind: "scalar", name: "date_format", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [timestampArg("date_format", args, 0), expectType("date_format", args, 1, stringType)], dataType: stringType }),
  eval(args, n, _call, ctx) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = args[0]![i] as number | null;
      const fmt = args[1]![i] as string | null;
      out[i] = v == null || fmt == null ? null : compilePattern(fmt).formatTimestamp(v, ctx.timeZone);
    }
    return out;
  },
});

/** Seconds since the epoch of a string (parsed with the format), date or timestamp. */
function unixSeconds(v: unknown, t: DataType, fmt: string, ctx: FunctionContext): number | null {
  if (isTimestamp(t)) return Math.floor((v as number) / 1_000_000);
  if (isDate(t)) {
    const { y, m, d } = civilFromDays(v as number);
    return Math.floor(fromLocal(y, m, d, 0, 0, 0, 0, ctx.timeZone) / 1_000_000);
  }
  const micros = compilePattern(fmt).parseTimestamp(v as string, ctx.timeZone);
  if (micros === null) throw cannotParse(v as string);
  return Math.floor(micros / 1_000_000);
}

for (const name of ["unix_timestamp", "to_unix_timestamp"]) {
  definitions.push({
    kind: "scalar", name, minArgs: name === "unix_timestamp" ? 0 : 1, maxArgs: 2,
    resolve(args) {
      if (args.length === 0) return { args: [], dataType: longType, state: "now" };
      const full = args.length === 1 ? [args[0]!, strLit(DEFAULT_FORMAT)] : args;
      return { args: parseArgs(name, full), dataType: longType };
    },
    eval(args, n, call, ctx) {
      if (call.state === "now") return new Array(n).fill(Math.floor(ctx.nowMicros / 1_000_000));
      const t = typeOf(call.args[0]!);
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const v = args[0]![i];
        const fmt = args[1]![i] as string | null;
        out[i] = v == null || fmt == null ? null : unixSeconds(v, t, fmt, ctx);
      }
      return out;
    },
    sql: (a) => (a.length === 0 ? `${name}(current_timestamp(), ${DEFAULT_FORMAT})` : `${name}(${a.join(", ")})`),
  });
}

definitions.push({
  kind: "scalar", name: "from_unixtime", minArgs: 1, maxArgs: 2,
  resolve(args) {
    const full = args.length === 1 ? [args[0]!, strLit(DEFAULT_FORMAT)] : args;
    return { args: [expectType("from_unixtime", full, 0, longType), expectType("from_unixtime", full, 1, stringType)], dataType: stringType };
  },
  eval(args, n, _call, ctx) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const s = args[0]![i] as number | null;
      const fmt = args[1]![i] as string | null;
      out[i] = s == null || fmt == null ? null : compilePattern(fmt).formatTimestamp(s * 1_000_000, ctx.timeZone);
    }
    return out;
  },
});

definitions.push({
  kind: "scalar", name: "timestamp_seconds", minArgs: 1, maxArgs: 1,
  resolve(args) {
    const t = typeOf(args[0]!);
    if (!isNumeric(t) && !isNull(t)) throw unexpectedType(callSql("timestamp_seconds", args), 0, "\"NUMERIC\"", args[0]!);
    return { args: [castTo(args[0]!, doubleType)], dataType: timestampType };
  },
  eval: map1((s: number) => Math.trunc(s * 1_000_000)),
});

definitions.push({
  kind: "scalar", name: "unix_date", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args: [expectType("unix_date", args, 0, dateType)], dataType: integerType }),
  eval: map1((d: number) => d),
});

for (const name of ["current_date", "curdate"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 0, maxArgs: 0, deterministic: false,
    resolve: () => ({ args: [], dataType: dateType, nullable: false }),
    eval: (_a, n, _c, ctx) => new Array(n).fill(daysOfTimestamp(ctx.nowMicros, ctx.timeZone)),
  });
}
for (const name of ["current_timestamp", "now", "localtimestamp"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 0, maxArgs: 0, deterministic: false,
    resolve: () => ({ args: [], dataType: timestampType, nullable: false }),
    eval: (_a, n, _c, ctx) => new Array(n).fill(ctx.nowMicros),
  });
}
