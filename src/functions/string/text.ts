/**
 * Code-point helpers: Spark counts characters as Unicode code points (UTF8String), while JS
 * strings index UTF-16 units, so anything positional goes through these.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

/** The characters of s as code points (cheap when s has no surrogate pairs). */
export function chars(s: string): string[] | string {
  return SURROGATE.test(s) ? Array.from(s) : s;
}

/** Number of code points. */
export function charLength(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

/** Code points [start, end) as a string (0-based, clamped). */
export function sliceChars(s: string, start: number, end: number): string {
  const c = chars(s);
  return typeof c === "string" ? c.slice(start, end) : c.slice(start, end).join("");
}

/** Spark's UTF8String.substringSQL: 1-based pos, negative from the end, 0 treated as 1. */
export function substringSQL(s: string, pos: number, len: number): string {
  const n = charLength(s);
  let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  const end = len >= 2147483647 ? Number.MAX_SAFE_INTEGER : start + len;
  start = Math.max(start, 0);
  if (start >= end) return "";
  return sliceChars(s, start, end);
}

/** substringSQL on bytes (Spark's ByteArray.subStringSQL): the same positions, counted in bytes. */
export function substringBytes(b: Uint8Array, pos: number, len: number): Uint8Array {
  const n = b.length;
  let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  const end = len >= 2147483647 ? n : Math.min(start + len, n);
  start = Math.max(start, 0);
  return start >= end ? new Uint8Array(0) : b.slice(start, end);
}
