/**
 * What collect() returns for a day-time interval, as PySpark returns a datetime.timedelta:
 * exact microseconds plus Python's normalised days / seconds / microseconds (days may be
 * negative; seconds and microseconds never are), and Python's str() text.
 */
import type { Long } from "./long.js";

const US_PER_DAY = 86_400_000_000n;

export class TimeDelta {
  /** The whole interval in microseconds (a JS bigint beyond 2^53). */
  readonly micros: Long;

  constructor(micros: Long) {
    this.micros = micros;
  }

  /** PySpark-style construction: `TimeDelta.of({ days: 1, seconds: 5 })`. */
  static of(parts: { days?: number; hours?: number; minutes?: number; seconds?: number; milliseconds?: number; microseconds?: number }): TimeDelta {
    const us = (((parts.days ?? 0) * 24 + (parts.hours ?? 0)) * 60 + (parts.minutes ?? 0)) * 60_000_000
      + Math.round((parts.seconds ?? 0) * 1_000_000) + (parts.milliseconds ?? 0) * 1000 + (parts.microseconds ?? 0);
    return new TimeDelta(us);
  }

  private get big(): bigint { return BigInt(this.micros); }
  private get floorDays(): bigint {
    const b = this.big;
    const q = b / US_PER_DAY;
    return b % US_PER_DAY !== 0n && b < 0n ? q - 1n : q;
  }
  /** Python's timedelta.days (floor, so -1 day + 5 s has days -1). */
  get days(): number { return Number(this.floorDays); }
  /** Python's timedelta.seconds: 0..86399. */
  get seconds(): number { return Number((this.big - this.floorDays * US_PER_DAY) / 1_000_000n); }
  /** Python's timedelta.microseconds: 0..999999. */
  get microseconds(): number { return Number((this.big - this.floorDays * US_PER_DAY) % 1_000_000n); }
  /** Python's total_seconds(). */
  totalSeconds(): number { return Number(this.micros) / 1e6; }
  valueOf(): number { return Number(this.micros); }

  /** Python's str(timedelta): `1 day, 0:00:05`, `-1 day, 23:59:55.000007`, `3:04:05.789000`. */
  toString(): string {
    const d = this.days;
    const s = this.seconds;
    const us = this.microseconds;
    const hms = `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
    const frac = us ? `.${String(us).padStart(6, "0")}` : "";
    return `${d !== 0 ? `${d} day${Math.abs(d) === 1 ? "" : "s"}, ` : ""}${hms}${frac}`;
  }

  /** Python's repr: `datetime.timedelta(days=1, seconds=5)`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const parts = [["days", this.days], ["seconds", this.seconds], ["microseconds", this.microseconds]].filter(([, v]) => v !== 0);
    return `datetime.timedelta(${parts.length ? parts.map(([k, v]) => `${k}=${v}`).join(", ") : "0"})`;
  }
}
