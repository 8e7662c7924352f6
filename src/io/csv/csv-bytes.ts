/**
 * Values parsed straight from UTF-8 bytes, for the shapes almost every CSV has. Each parser
 * returns undefined for anything it is not sure about; the caller then takes the general text
 * path, so results stay bit-identical with parsing the decoded text.
 */
import { daysFromCivil, daysInMonth, fromLocal } from "../../values/datetime.js";

// Node's native UTF-8 slice: the fastest way to decode a short range (invalid bytes become
// U+FFFD, as with TextDecoder). Works on any Uint8Array.
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice(this: Uint8Array, s: number, e: number): string }).utf8Slice;

/** Text of bytes [s, e). */
export function utf8Text(buf: Uint8Array, s: number, e: number): string {
  return s === e ? "" : utf8Slice.call(buf, s, e);
}

/**
 * An integer of at most 15 digits with an optional '-' (a double holds it exactly), in
 * [min, max]; undefined otherwise (a '+' sign, long digit runs and bad text take the text path).
 */
export function intFromBytes(buf: Uint8Array, s: number, e: number, min: number, max: number): number | undefined {
  let p = s;
  const neg = buf[p] === 45;
  if (neg) p++;
  if (p === e || e - p > 15) return undefined;
  let v = 0;
  for (; p < e; p++) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  if (neg && v !== 0) v = -v; // "-0" is the integer 0
  return v < min || v > max ? undefined : v;
}

/**
 * Where timestampFromBytes and doubleFromBytes put their result: returning a double from a
 * call that is not inlined allocates a heap number per row; a typed array slot does not.
 */
export const NUM_OUT = new Float64Array(1);

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal `-?digits[.digits]` with at most 15 digits. Both the digits (< 2^53) and the
 * power of ten are exact doubles, so one division is correctly rounded: the same double as
 * Java's Double.parseDouble and JS's Number(text), stored in NUM_OUT[0]. Exponents, signs '+',
 * NaN... return false.
 */
export function doubleFromBytes(buf: Uint8Array, s: number, e: number): boolean {
  let p = s;
  const neg = buf[p] === 45;
  if (neg) p++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; p < e; p++) {
    const c = buf[p]!;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
    } else if (c === 46 && frac < 0) frac = p;
    else return false;
  }
  if (digits === 0 || digits > 15) return false;
  const v = frac < 0 ? m : m / POW10[e - frac - 1]!;
  NUM_OUT[0] = neg ? -v : v;
  return true;
}

const dig = (buf: Uint8Array, i: number) => buf[i]! - 48;

/** Days of a strict `yyyy-MM-dd` (10 bytes), or undefined (the text path decides). */
export function dateFromBytes(buf: Uint8Array, s: number, e: number): number | undefined {
  if (e - s !== 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return undefined;
  for (const k of DATE_DIGITS) {
    const d = buf[s + k]! - 48;
    if (d < 0 || d > 9) return undefined;
  }
  const y = dig(buf, s) * 1000 + dig(buf, s + 1) * 100 + dig(buf, s + 2) * 10 + dig(buf, s + 3);
  const m = dig(buf, s + 5) * 10 + dig(buf, s + 6);
  const d = dig(buf, s + 8) * 10 + dig(buf, s + 9);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/**
 * Sets NUM_OUT[0] to the microseconds of a `yyyy-MM-dd HH:mm:ss` (or `T` in the middle) local
 * time in `zone` and returns true, or returns false for any other shape or an out-of-range
 * field (the text path decides then).
 * `utc` says the zone is UTC (no offset lookup).
 */
export function timestampFromBytes(buf: Uint8Array, s: number, e: number, zone: string, utc: boolean): boolean {
  if (e - s !== 19 || buf[s + 4] !== 45 || buf[s + 7] !== 45 || buf[s + 13] !== 58 || buf[s + 16] !== 58) return false;
  const t = buf[s + 10];
  if (t !== 32 && t !== 84) return false;
  const y = num4(buf, s);
  const mo = num2(buf, s + 5);
  const d = num2(buf, s + 8);
  const h = num2(buf, s + 11);
  const mi = num2(buf, s + 14);
  const sec = num2(buf, s + 17);
  // A non-digit makes its number negative (see num2/num4).
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return false;
  if (!utc) {
    if (d > 28 && d > daysInMonth(y, mo)) return false;
    NUM_OUT[0] = fromLocal(y, mo, d, h, mi, sec, 0, zone);
    return true;
  }
  const days = civilDays(y, mo, d);
  if (days === undefined) return false;
  NUM_OUT[0] = (days * 86400 + h * 3600 + mi * 60 + sec) * 1_000_000;
  return true;
}

// Days of recently seen dates, by a hash of (y, m, d): a file's timestamps share few dates.
const DAY_KEYS = new Int32Array(4096).fill(-1);
const DAY_VALUES = new Int32Array(4096);

/** Days since the epoch of a valid y-m-d (m in 1..12, d >= 1), or undefined when d is past the month's end. */
function civilDays(y: number, m: number, d: number): number | undefined {
  const key = (y * 13 + m) * 32 + d;
  const slot = (key ^ (key >>> 12)) & 4095;
  if (DAY_KEYS[slot] === key) return DAY_VALUES[slot];
  if (d > 28 && d > daysInMonth(y, m)) return undefined;
  const days = daysFromCivil(y, m, d);
  DAY_KEYS[slot] = key;
  DAY_VALUES[slot] = days;
  return days;
}

/** Two ASCII digits as a number, or -1 when either is not a digit. */
function num2(buf: Uint8Array, i: number): number {
  const a = buf[i]! - 48;
  const b = buf[i + 1]! - 48;
  return (a >>> 0) > 9 || (b >>> 0) > 9 ? -1 : a * 10 + b;
}

function num4(buf: Uint8Array, i: number): number {
  const a = num2(buf, i);
  const b = num2(buf, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

/** True when bytes [s, e) spell `text` (ASCII or not: compared as UTF-8). */
export function bytesEqual(buf: Uint8Array, s: number, e: number, text: Uint8Array): boolean {
  if (e - s !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (buf[s + i] !== text[i]) return false;
  return true;
}
