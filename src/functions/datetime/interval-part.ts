/**
 * What date_part / extract / datepart take out of an ANSI interval (Spark's
 * ExtractIntervalPart): YEAR and MONTH of a year-month interval, DAY, HOUR, MINUTE and SECOND of
 * a day-time one, each only when the interval's own fields reach it (no HOUR of an
 * INTERVAL DAY). Parts keep the interval's sign, as Java's truncating division and remainder.
 */
import { type DataType, DayTimeIntervalType, DecimalType, YearMonthIntervalType, byteType, integerType } from "../../types/data-types.js";

export interface IntervalPart {
  readonly dataType: DataType;
  /** The part of one non-null interval value (months, or microseconds). */
  get(v: number | bigint): number | bigint;
}

const MICROS_PER = { day: 86_400_000_000n, hour: 3_600_000_000n, minute: 60_000_000n };

/** Field index in the interval type's own numbering (YEAR=0, MONTH=1; DAY=0 .. SECOND=3). */
const YM_INDEX: Record<string, number> = { year: 0, month: 1 };
const DT_INDEX: Record<string, number> = { day: 0, hour: 1, minute: 2, second: 3 };

/** The part `field` (date_part's normalized name) of interval type `t`, or undefined when it has none. */
export function intervalPart(field: string, t: DataType): IntervalPart | undefined {
  if (t instanceof YearMonthIntervalType) {
    const idx = YM_INDEX[field];
    if (idx === undefined || idx < t.startField || idx > t.endField) return undefined;
    return field === "year"
      ? { dataType: integerType, get: (v) => Math.trunc(Number(v) / 12) }
      : { dataType: byteType, get: (v) => Number(v) % 12 };
  }
  if (t instanceof DayTimeIntervalType) {
    const idx = DT_INDEX[field];
    if (idx === undefined || idx < t.startField || idx > t.endField) return undefined;
    switch (field) {
      case "day": return { dataType: integerType, get: (v) => Number(BigInt(v) / MICROS_PER.day) };
      case "hour": return { dataType: byteType, get: (v) => Number((BigInt(v) / MICROS_PER.hour) % 24n) };
      case "minute": return { dataType: byteType, get: (v) => Number((BigInt(v) / MICROS_PER.minute) % 60n) };
      // DECIMAL(8,6) seconds with the microseconds, held as its unscaled value.
      default: return { dataType: new DecimalType(8, 6), get: (v) => BigInt(v) % MICROS_PER.minute };
    }
  }
  return undefined;
}
