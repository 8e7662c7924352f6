/**
 * Casts into and out of interval types, as Spark 4: text in ANSI form (`1-2`, `3 04:05:06`,
 * or the whole `INTERVAL '1-2' YEAR TO MONTH`) or multi-unit form for the legacy calendar
 * interval; whole numbers to and from single-field intervals, counted in the interval's last
 * field (CAST(10 AS INTERVAL MONTH) is 10 months, CAST(INTERVAL '3' DAY AS BIGINT) is 3).
 */
import {
  CalendarIntervalType, DataType, DayTimeIntervalType, YearMonthIntervalType,
} from "../../types/data-types.js";
import { isAnsiInterval, isDayTimeInterval, isIntegral, isString, isYearMonthInterval } from "../../types/type-utils.js";
import { PijarError } from "../../errors/pijar-error.js";
import {
  CalendarInterval, MICROS_PER_DAY_N, MICROS_PER_HOUR_N, MICROS_PER_MINUTE_N, MICROS_PER_SECOND_N,
  parseAnsiIntervalValue, parseMultiUnitInterval, unmatchedIntervalFormat,
} from "../../values/interval.js";
import { LONG_MAX, LONG_MIN, canonLong, type Long } from "../../values/long.js";

const DT_UNIT = [MICROS_PER_DAY_N, MICROS_PER_HOUR_N, MICROS_PER_MINUTE_N, MICROS_PER_SECOND_N];
const YM_UNIT = [12n, 1n];

/** Whether Spark allows CAST(from AS to) when either side is an interval. */
export function canCastInterval(from: DataType, to: DataType): boolean | undefined {
  const fromIv = isAnsiInterval(from) || from instanceof CalendarIntervalType;
  const toIv = isAnsiInterval(to) || to instanceof CalendarIntervalType;
  if (!fromIv && !toIv) return undefined;
  if (isString(from) || isString(to)) return true;
  if (isYearMonthInterval(from) && isYearMonthInterval(to)) return true;
  if (isDayTimeInterval(from) && isDayTimeInterval(to)) return true;
  const single = (t: DataType) => (t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType) && t.startField === t.endField;
  if (isIntegral(from) && single(to)) return true;
  if (isIntegral(to) && single(from)) return true;
  return false;
}

function overflow(v: unknown, from: DataType, to: DataType): PijarError {
  return new PijarError("CAST_OVERFLOW", { value: String(v), sourceType: `"${from.sql()}"`, targetType: `"${to.sql()}"` });
}

/** `INTERVAL '1-2' YEAR TO MONTH` (or `INTERVAL -'1-2' ...`) split into its sign, value and fields. */
function ansiForm(text: string): { value: string; fields: string[] } | null {
  const m = /^\s*interval\s+([+-])?\s*'([^']*)'\s+([a-z]+)(?:\s+to\s+([a-z]+))?\s*$/i.exec(text);
  if (!m) return null;
  const inner = m[2]!.trim();
  const value = m[1] === "-" ? (inner.startsWith("-") ? inner.slice(1) : "-" + inner) : inner;
  return { value, fields: [m[3]!.toLowerCase(), (m[4] ?? m[3]!).toLowerCase()] };
}

/** Casts one non-null value into an interval type. */
export function castToInterval(v: unknown, from: DataType, to: DataType): unknown {
  if (to instanceof CalendarIntervalType) {
    if (!isString(from)) throw overflow(v, from, to);
    const p = parseMultiUnitInterval(v as string);
    return new CalendarInterval(p.months, p.days, canonLong(p.micros));
  }
  const ym = to instanceof YearMonthIntervalType;
  const t = to as YearMonthIntervalType | DayTimeIntervalType;
  if (isString(from)) {
    const text = v as string;
    const form = ansiForm(text);
    if (form) {
      const names = ym ? ["year", "month"] : ["day", "hour", "minute", "second"];
      const start = names.indexOf(form.fields[0]!);
      const end = names.indexOf(form.fields[1]!);
      if (start < 0 || end < start) throw unmatchedIntervalFormat(text, ym, t.startField, t.endField);
      const x = parseAnsiIntervalValue(form.value, ym, start, end, text);
      return ym ? Number(x) : canonLong(x);
    }
    const x = parseAnsiIntervalValue(text, ym, t.startField, t.endField, text);
    return ym ? Number(x) : canonLong(x);
  }
  if (isYearMonthInterval(from) || isDayTimeInterval(from)) return truncateTo(v as Long, ym, t.endField);
  // A whole number counts units of the interval's (only) field.
  const n = BigInt(v as Long) * (ym ? YM_UNIT[t.endField]! : DT_UNIT[t.endField]!);
  if (ym ? n > 2147483647n || n < -2147483648n : n > LONG_MAX || n < LONG_MIN) throw overflow(v, from, to);
  return ym ? Number(n) : canonLong(n);
}

/** Narrowing the last field drops the finer part (INTERVAL '1 12:00' DAY TO HOUR AS INTERVAL DAY is 1 day). */
function truncateTo(v: Long, ym: boolean, endField: number): Long {
  const unit = ym ? YM_UNIT[endField]! : DT_UNIT[endField]!;
  const b = BigInt(v);
  const out = (b / unit) * unit;
  return ym ? Number(out) : canonLong(out);
}

/** Casts one non-null interval to a whole number of its last field's units. */
export function castIntervalToIntegral(v: unknown, from: DataType): bigint {
  const f = from as YearMonthIntervalType | DayTimeIntervalType;
  const unit = from instanceof YearMonthIntervalType ? YM_UNIT[f.endField]! : DT_UNIT[f.endField]!;
  return BigInt(v as Long) / unit;
}
