/**
 * Interval values. A year-month interval is a whole number of months (an int); a day-time
 * interval is microseconds (a canonical long, see long.ts); the legacy calendar interval
 * (`make_interval`) is a CalendarInterval of months, days and microseconds kept apart, because
 * a month has no fixed length. This file reads and writes their text the way Spark's
 * IntervalUtils does: ANSI text (`INTERVAL '1-2' YEAR TO MONTH`, what CAST AS STRING and show()
 * print), Hive text (`1-2`, `3 04:05:06.789000000`, what Spark's golden files hold) and the
 * multi-unit strings (`1 day 2 hours`) that interval literals and casts accept.
 */
import { PijarError } from "../errors/pijar-error.js";
import { LONG_MAX, LONG_MIN, canonLong, type Long } from "./long.js";

export const MICROS_PER_SECOND_N = 1_000_000n;
export const MICROS_PER_MINUTE_N = 60n * MICROS_PER_SECOND_N;
export const MICROS_PER_HOUR_N = 60n * MICROS_PER_MINUTE_N;
export const MICROS_PER_DAY_N = 24n * MICROS_PER_HOUR_N;
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

const YM_NAMES = ["YEAR", "MONTH"];
const DT_NAMES = ["DAY", "HOUR", "MINUTE", "SECOND"];

/** Spark's CalendarInterval: what `make_interval` returns and what a legacy INTERVAL holds. */
export class CalendarInterval {
  constructor(readonly months: number, readonly days: number, readonly microseconds: Long) {}
  /** Spark's CalendarInterval.toString: `1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds`. */
  toString(): string {
    const us = BigInt(this.microseconds);
    if (this.months === 0 && this.days === 0 && us === 0n) return "0 seconds";
    const parts: string[] = [];
    const unit = (v: number | bigint, name: string) => { if (v !== 0 && v !== 0n) parts.push(`${v} ${name}`); };
    if (this.months !== 0) {
      unit(Math.trunc(this.months / 12), "years");
      unit(this.months % 12, "months");
    }
    unit(this.days, "days");
    if (us !== 0n) {
      unit(us / MICROS_PER_HOUR_N, "hours");
      let rest = us % MICROS_PER_HOUR_N;
      unit(rest / MICROS_PER_MINUTE_N, "minutes");
      rest %= MICROS_PER_MINUTE_N;
      if (rest !== 0n) parts.push(`${plainSeconds(rest)} seconds`);
    }
    return parts.join(" ");
  }
  equals(o: CalendarInterval): boolean {
    return this.months === o.months && this.days === o.days && BigInt(this.microseconds) === BigInt(o.microseconds);
  }
}

/** Microseconds as Java's `BigDecimal.valueOf(us, 6).stripTrailingZeros.toPlainString`. */
function plainSeconds(us: bigint): string {
  const neg = us < 0n;
  const a = neg ? -us : us;
  const whole = a / MICROS_PER_SECOND_N;
  const frac = (a % MICROS_PER_SECOND_N).toString().padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? "." + frac : ""}`;
}

/** ANSI text of a year-month interval: `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '-3' YEAR`. */
export function yearMonthAnsiText(months: number, start: number, end: number): string {
  const sign = months < 0 ? "-" : "";
  const abs = Math.abs(months);
  const year = `${sign}${Math.floor(abs / 12)}`;
  let body: string;
  if (start !== end) body = `${year}-${abs % 12}`;
  else body = start === 0 ? year : String(months);
  return `INTERVAL '${body}' ${YM_NAMES[start]}${start !== end ? ` TO ${YM_NAMES[end]}` : ""}`;
}

/** Hive text of a year-month interval (`10-11`, `-1-0`), as Spark's golden files show it. */
export function yearMonthHiveText(months: number): string {
  const sign = months < 0 ? "-" : "";
  const abs = Math.abs(months);
  return `${sign}${Math.floor(abs / 12)}-${abs % 12}`;
}

const pad2 = (v: bigint) => v.toString().padStart(2, "0");

/** ANSI text of a day-time interval: `INTERVAL '3 04:05:06.789' DAY TO SECOND`, `INTERVAL '02' SECOND`. */
export function dayTimeAnsiText(micros: Long, start: number, end: number): string {
  let rest = BigInt(micros);
  let sign = "";
  if (rest < 0n) { sign = "-"; rest = -rest; }
  let body: string;
  const seconds = (us: bigint) => (us < 10n * MICROS_PER_SECOND_N ? "0" : "") + plainSeconds(us);
  switch (start) {
    case 0: body = String(rest / MICROS_PER_DAY_N); rest %= MICROS_PER_DAY_N; break;
    case 1: body = pad2(rest / MICROS_PER_HOUR_N); rest %= MICROS_PER_HOUR_N; break;
    case 2: body = pad2(rest / MICROS_PER_MINUTE_N); rest %= MICROS_PER_MINUTE_N; break;
    default: body = seconds(rest);
  }
  if (start < 1 && end >= 1) { body += ` ${pad2(rest / MICROS_PER_HOUR_N)}`; rest %= MICROS_PER_HOUR_N; }
  if (start < 2 && end >= 2) { body += `:${pad2(rest / MICROS_PER_MINUTE_N)}`; rest %= MICROS_PER_MINUTE_N; }
  if (start < 3 && end >= 3) body += `:${seconds(rest)}`;
  return `INTERVAL '${sign}${body}' ${DT_NAMES[start]}${start !== end ? ` TO ${DT_NAMES[end]}` : ""}`;
}

/** Hive text of a day-time interval: `3 04:05:06.789000000`, `-0 00:00:13.123456000`. */
export function dayTimeHiveText(micros: Long): string {
  let rest = BigInt(micros);
  let sign = "";
  if (rest < 0n) { sign = "-"; rest = -rest; }
  const secs = rest % MICROS_PER_MINUTE_N;
  rest /= MICROS_PER_MINUTE_N;
  const minutes = rest % 60n;
  rest /= 60n;
  const hours = rest % 24n;
  const days = rest / 24n;
  const nanos = ((secs % MICROS_PER_SECOND_N) * 1000n).toString().padStart(9, "0");
  return `${sign}${days} ${pad2(hours)}:${pad2(minutes)}:${pad2(secs / MICROS_PER_SECOND_N)}.${nanos}`;
}

/** Spark's INVALID_INTERVAL_FORMAT subclasses raised while reading interval text. */
export function invalidInterval(input: string, sub: "ARITHMETIC_EXCEPTION" | "INPUT_IS_EMPTY" | "INTERVAL_PARSING" | "INVALID_FRACTION" | "INVALID_UNIT" | "INVALID_VALUE" | "MISSING_UNIT", params: Record<string, string> = {}): PijarError {
  const p = { input, ...params };
  switch (sub) {
    case "ARITHMETIC_EXCEPTION": return new PijarError("INVALID_INTERVAL_FORMAT.ARITHMETIC_EXCEPTION", p);
    case "INPUT_IS_EMPTY": return new PijarError("INVALID_INTERVAL_FORMAT.INPUT_IS_EMPTY", p);
    case "INTERVAL_PARSING": return new PijarError("INVALID_INTERVAL_FORMAT.INTERVAL_PARSING", p);
    case "INVALID_FRACTION": return new PijarError("INVALID_INTERVAL_FORMAT.INVALID_FRACTION", p);
    case "INVALID_UNIT": return new PijarError("INVALID_INTERVAL_FORMAT.INVALID_UNIT", p);
    case "INVALID_VALUE": return new PijarError("INVALID_INTERVAL_FORMAT.INVALID_VALUE", p);
    case "MISSING_UNIT": return new PijarError("INVALID_INTERVAL_FORMAT.MISSING_UNIT", p);
  }
}

/** The units of a multi-unit interval string, singular and lower case. */
export const INTERVAL_UNITS = ["year", "month", "week", "day", "hour", "minute", "second", "millisecond", "microsecond"] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/** A unit word (`days`, `HOUR`) as its singular lower-case name, or undefined. */
export function intervalUnit(word: string): IntervalUnit | undefined {
  const w = word.toLowerCase();
  const s = w.endsWith("s") ? w.slice(0, -1) : w;
  return (INTERVAL_UNITS as readonly string[]).includes(s) ? (s as IntervalUnit) : undefined;
}

/** A parsed multi-unit interval: its three parts and the units it named. */
export interface ParsedInterval {
  months: number;
  days: number;
  micros: bigint;
  units: IntervalUnit[];
}

/** Adds `value unit` (value as decimal text, maybe signed) into an interval being built. */
export function addUnit(acc: ParsedInterval, value: string, unit: IntervalUnit, input: string): void {
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw invalidInterval(input, "INVALID_VALUE", { value });
  const neg = m[1] === "-";
  const whole = BigInt(m[2] || "0");
  const frac = m[3] ?? "";
  if (frac !== "" && unit !== "second" && /[1-9]/.test(frac)) {
    throw invalidInterval(input, "INVALID_FRACTION", { unit });
  }
  const signed = (v: bigint) => (neg ? -v : v);
  const int = (v: bigint) => {
    if (v > BigInt(INT_MAX) || v < BigInt(INT_MIN)) throw invalidInterval(input, "ARITHMETIC_EXCEPTION");
    return Number(v);
  };
  switch (unit) {
    case "year": acc.months = int(BigInt(acc.months) + signed(whole) * 12n); break;
    case "month": acc.months = int(BigInt(acc.months) + signed(whole)); break;
    case "week": acc.days = int(BigInt(acc.days) + signed(whole) * 7n); break;
    case "day": acc.days = int(BigInt(acc.days) + signed(whole)); break;
    case "hour": acc.micros += signed(whole) * MICROS_PER_HOUR_N; break;
    case "minute": acc.micros += signed(whole) * MICROS_PER_MINUTE_N; break;
    case "second": {
      const us = BigInt((frac + "000000").slice(0, 6));
      acc.micros += signed(whole * MICROS_PER_SECOND_N + us);
      break;
    }
    case "millisecond": acc.micros += signed(whole) * 1000n; break;
    case "microsecond": acc.micros += signed(whole); break;
  }
  if (acc.micros > LONG_MAX || acc.micros < LONG_MIN) throw invalidInterval(input, "ARITHMETIC_EXCEPTION");
  acc.units.push(unit);
}

/** Parses `1 day 2 hours`, `interval -1 month 3 seconds` (Spark's stringToInterval). */
export function parseMultiUnitInterval(input: string): ParsedInterval {
  const acc: ParsedInterval = { months: 0, days: 0, micros: 0n, units: [] };
  let text = input.trim();
  if (text === "") throw invalidInterval(input, "INPUT_IS_EMPTY");
  if (/^interval(\s|$)/i.test(text)) text = text.slice(8).trim();
  const tokens = text.split(/\s+/).filter((t) => t !== "");
  if (tokens.length === 0) throw invalidInterval(input, "INTERVAL_PARSING", { interval: input });
  for (let i = 0; i < tokens.length; ) {
    let value = tokens[i]!;
    // `- 1 day`: a sign may stand alone before the number.
    if ((value === "-" || value === "+") && i + 1 < tokens.length) value = value + tokens[++i]!;
    // `1day`: the unit may be glued to the number.
    const glued = /^([+-]?[\d.]+)([a-z]+)$/i.exec(value);
    let unitWord: string | undefined;
    if (glued) { value = glued[1]!; unitWord = glued[2]!; i++; } else {
      if (!/^[+-]?[\d.]+$/.test(value)) throw invalidInterval(input, "INVALID_VALUE", { value });
      unitWord = tokens[i + 1];
      if (unitWord === undefined) throw invalidInterval(input, "MISSING_UNIT", { word: value });
      i += 2;
    }
    const unit = intervalUnit(unitWord);
    if (!unit) throw invalidInterval(input, "INVALID_UNIT", { unit: unitWord });
    addUnit(acc, value, unit, input);
  }
  return acc;
}

/** Spark's value shapes per field: y-m for year-month, d h:m:s.n for day-time. */
const YM_SHAPES = ["y", "m"];
const DT_SHAPES = ["d", "h", "m", "s.n"];
const DT_SEPARATORS = [" ", ":", ":"];

/** The `[+|-]d h:m:s.n` shape of an interval type's text, as Spark's supportedFormat spells it. */
function valueShape(ym: boolean, start: number, end: number): string {
  if (ym) return start === end ? YM_SHAPES[start]! : "y-m";
  let out = DT_SHAPES[start]!;
  for (let f = start + 1; f <= end; f++) out += DT_SEPARATORS[f - 1]! + DT_SHAPES[f]!;
  return out;
}

/**
 * Text that does not fit the interval type's fields (Spark's UNMATCHED_FORMAT_STRING). Day-time
 * text gets Spark's _WITH_NOTICE variant, which names the legacy fromDayTimeString switch.
 */
export function unmatchedIntervalFormat(input: string, ym: boolean, start: number, end: number): PijarError {
  const names = ym ? YM_NAMES : DT_NAMES;
  const shape = start === end ? names[start]! : `${names[start]} TO ${names[end]}`;
  const value = valueShape(ym, start, end);
  const errorClass = ym ? "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING" : "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE";
  return new PijarError(errorClass, {
    input, intervalStr: ym ? "year-month" : "day-time",
    supportedFormat: `\`[+|-]${value}\`, \`INTERVAL [+|-]'[+|-]${value}' ${shape}\``,
    typeName: `interval ${shape.toLowerCase()}`,
  });
}

/**
 * Parses the value of `INTERVAL '<text>' <start> TO <end>` (or a single field), Spark's
 * fromYearMonthString / fromDayTimeString: `1-2`, `-10 9:8:7.987654321`, `12:30`. Fractions
 * beyond microseconds are cut, as Spark does. Returns months for year-month fields, else micros.
 */
export function parseAnsiIntervalValue(text: string, ym: boolean, start: number, end: number, input = text): bigint {
  const t = text.trim();
  const m0 = /^([+-])?(.*)$/.exec(t)!;
  const neg = m0[1] === "-";
  const body = m0[2]!;
  const fail = () => unmatchedIntervalFormat(input, ym, start, end);
  if (ym) {
    let months: bigint;
    if (start !== end) {
      const m = /^(\d+)-(\d+)$/.exec(body);
      if (!m) throw fail();
      const mo = BigInt(m[2]!);
      if (mo > 11n) throw fail();
      months = BigInt(m[1]!) * 12n + mo;
    } else {
      if (!/^\d+$/.test(body)) throw fail();
      months = BigInt(body) * (start === 0 ? 12n : 1n);
    }
    const v = neg ? -months : months;
    if (v > BigInt(INT_MAX) || v < BigInt(INT_MIN)) throw fail();
    return v;
  }
  // Day-time: the fields from start to end, separated by ' ' (after DAY) or ':'.
  const patterns: Record<string, RegExp> = {
    "0-0": /^(\d+)$/, "0-1": /^(\d+) (\d{1,2})$/, "0-2": /^(\d+) (\d{1,2}):(\d{1,2})$/,
    "0-3": /^(\d+) (\d{1,2}):(\d{1,2}):(\d{1,2}(?:\.\d*)?)$/,
    "1-1": /^(\d+)$/, "1-2": /^(\d{1,2}):(\d{1,2})$/, "1-3": /^(\d{1,2}):(\d{1,2}):(\d{1,2}(?:\.\d*)?)$/,
    "2-2": /^(\d+)$/, "2-3": /^(\d{1,2}):(\d{1,2}(?:\.\d*)?)$/, "3-3": /^(\d+(?:\.\d*)?)$/,
  };
  const re = patterns[`${start}-${end}`];
  const m = re ? re.exec(body) : null;
  if (!m) throw fail();
  const unitMicros = [MICROS_PER_DAY_N, MICROS_PER_HOUR_N, MICROS_PER_MINUTE_N, MICROS_PER_SECOND_N];
  let micros = 0n;
  for (let f = start, g = 1; f <= end; f++, g++) {
    const part = m[g]!;
    if (f === 3) {
      const [w, fr = ""] = part.split(".");
      micros += BigInt(w!) * MICROS_PER_SECOND_N + BigInt((fr + "000000").slice(0, 6));
    } else {
      const v = BigInt(part);
      // Only the leading field may exceed its natural range (25 hours is fine in HOUR TO SECOND).
      if (f !== start && ((f === 1 && v > 23n) || (f === 2 && v > 59n))) throw fail();
      micros += v * unitMicros[f]!;
    }
    if (f === 3 && f !== start && BigInt(part.split(".")[0]!) > 59n) throw fail();
  }
  const v = neg ? -micros : micros;
  if (v > LONG_MAX || v < LONG_MIN) throw fail();
  return v;
}

/** A bigint count of microseconds as a canonical long. */
export const microsLong = (v: bigint): Long => canonLong(v);
