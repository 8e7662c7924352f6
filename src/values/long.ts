/**
 * Exact 64-bit integers (Spark's BIGINT) in the boxed value model.
 *
 * Canonical form: a BIGINT cell is a JS `number` when it is a safe integer (|v| <= 2^53 - 1)
 * and a JS `bigint` otherwise. Because the form is unique per value, `===`, Map/Set keys
 * (SameValueZero compares bigints by value), grouping, joins and distinct stay correct, and
 * the common small values keep the fast number path. Every producer of BIGINT values must go
 * through `canonLong`; every kernel that does arithmetic on them through the helpers below,
 * which take the fast path while the result is a safe integer and fall back to BigInt math
 * with a range check at the true +-2^63 boundary.
 */
import { PijarError } from "../errors/pijar-error.js";

export type Long = number | bigint;

export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
const SAFE_MIN = -SAFE_MAX;

/** The canonical form of an integer already known to be within the 64-bit range. */
export function canonLong(x: Long): Long {
  if (typeof x === "number") return x === 0 ? 0 : x;
  return x >= SAFE_MIN && x <= SAFE_MAX ? Number(x) : x;
}

/** A BigInt for exact math on a canonical long. */
export function big(x: Long): bigint {
  return typeof x === "bigint" ? x : BigInt(x);
}

export function inLongRange(x: bigint): boolean {
  return x >= LONG_MIN && x <= LONG_MAX;
}

export function longOverflow(kind = "long"): PijarError {
  return new PijarError("ARITHMETIC_OVERFLOW", { message: `${kind} overflow`, alternative: "", config: "\"spark.sql.ansi.enabled\"" });
}

/** Canonical long of a BigInt result, or ARITHMETIC_OVERFLOW past +-2^63. */
export function checkedLong(x: bigint): Long {
  if (!inLongRange(x)) throw longOverflow();
  return canonLong(x);
}

export function addLong(a: Long, b: Long): Long {
  if (typeof a === "number" && typeof b === "number") {
    const v = a + b;
    if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
  }
  return checkedLong(big(a) + big(b));
}

export function subLong(a: Long, b: Long): Long {
  if (typeof a === "number" && typeof b === "number") {
    const v = a - b;
    if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
  }
  return checkedLong(big(a) - big(b));
}

export function mulLong(a: Long, b: Long): Long {
  if (typeof a === "number" && typeof b === "number") {
    const v = a * b;
    if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
  }
  return checkedLong(big(a) * big(b));
}

/** Truncating division (Java's `/` on longs); the caller checks for a zero divisor. */
export function divLong(a: Long, b: Long): Long {
  if (typeof a === "number" && typeof b === "number") {
    const v = Math.trunc(a / b);
    // a/b of two safe integers is exact enough to truncate unless |a| is huge; stay exact.
    if (Math.abs(a) < 2 ** 52) return v === 0 ? 0 : v;
  }
  return checkedLong(big(a) / big(b));
}

/** Java's `%` on longs (sign of the dividend); the caller checks for a zero divisor. */
export function modLong(a: Long, b: Long): Long {
  if (typeof a === "number" && typeof b === "number") {
    const v = a % b;
    return v === 0 ? 0 : v;
  }
  return canonLong(big(a) % big(b));
}

export function negLong(a: Long): Long {
  if (typeof a === "number") return a === 0 ? 0 : -a;
  return checkedLong(-a);
}

/** Total order on canonical longs (mixed number/bigint compare correctly with < and >). */
export function compareLong(a: Long, b: Long): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Exact decimal text of a canonical long. */
export function longToString(a: Long): string {
  return String(a);
}

/** Parses optional sign + digits exactly; null when malformed or beyond 64 bits. */
export function parseLong(s: string): Long | null {
  const m = /^\s*([+-]?)(\d+)\s*$/.exec(s);
  if (!m) return null;
  const digits = m[2]!;
  if (digits.length <= 15) {
    const n = Number(digits);
    return m[1] === "-" ? (n === 0 ? 0 : -n) : n;
  }
  const v = BigInt(m[1] === "-" ? "-" + digits : digits);
  return inLongRange(v) ? canonLong(v) : null;
}

/** The long nearest-to-zero of a finite double (Java's (long) d saturates; callers check range). */
export function longFromDouble(x: number): Long {
  const t = Math.trunc(x);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return canonLong(BigInt(t));
}
