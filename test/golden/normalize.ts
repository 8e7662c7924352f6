/**
 * Value normalization to JSON, Pijar side. Twin of test/sparkoracle/normalize.py, which states the rules.
 *
 * Pijar's collect() gives Row objects; values are JS numbers (ints, floats; bigint for longs
 * past 2^53), a Decimal value whose toString() is exact (a plain string is accepted too),
 * Date at UTC midnight for dates, Date for timestamps, arrays, Map or plain objects for maps,
 * Row for structs, Uint8Array for binary and TimeDelta for day-time intervals. The column's Spark type (from df.schema) says
 * how to read a value, so a Date becomes "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS[.ffffff]".
 */

/** The duck-typed subset of Pijar's DataType that normalization needs. */
export interface TypeLike {
  typeName(): string;
  elementType?: TypeLike;
  keyType?: TypeLike;
  valueType?: TypeLike;
  fields?: readonly { name: string; dataType: TypeLike }[];
  scale?: number;
}

const MAX_SAFE = 2n ** 53n;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function isRowLike(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return typeof o.asDict === "function" || typeof o.toJSON === "function" || o.constructor?.name === "Row";
}

/** A Row's values in field order; tolerant of how Pijar stores them. */
export function rowValues(row: unknown, names?: readonly string[]): unknown[] {
  if (Array.isArray(row)) return row;
  const o = row as Record<string, unknown> & { toArray?: () => unknown[]; values?: unknown };
  if (typeof o.toArray === "function") return o.toArray();
  if (Array.isArray(o.values)) return o.values as unknown[];
  if (typeof (o as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") return [...(o as unknown as Iterable<unknown>)];
  const dict = rowDict(row);
  return (names ?? Object.keys(dict)).map((n) => dict[n]);
}

/** A Row as a plain object of fields. */
export function rowDict(row: unknown): Record<string, unknown> {
  const o = row as { asDict?: (recursive?: boolean) => Record<string, unknown>; toJSON?: () => unknown };
  if (typeof o.asDict === "function") return o.asDict(false);
  if (typeof o.toJSON === "function") return o.toJSON() as Record<string, unknown>;
  return { ...(row as Record<string, unknown>) };
}

function normInt(v: unknown): unknown {
  if (typeof v === "bigint") return v > MAX_SAFE || v < -MAX_SAFE ? v.toString() : Number(v);
  return normFloat(v);
}

function normFloat(v: unknown): unknown {
  if (typeof v !== "number") return v;
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  return v;
}

function formatDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Microseconds since the epoch -> "YYYY-MM-DD HH:MM:SS[.ffffff]" (UTC). */
function formatMicros(micros: bigint): string {
  const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const frac = Number(((micros % 1000000n) + 1000000n) % 1000000n);
  const d = new Date(Number(ms));
  const s = `${formatDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return frac ? `${s}.${pad(frac, 6)}` : s;
}

function normTimestamp(v: unknown): unknown {
  if (v instanceof Date) {
    // Pijar's Timestamp keeps microseconds; a plain Date has milliseconds.
    const micros = (v as Date & { epochMicros?: number }).epochMicros;
    return formatMicros(micros !== undefined ? BigInt(micros) : BigInt(v.getTime()) * 1000n);
  }
  if (typeof v === "bigint") return formatMicros(v); // tolerated: raw microseconds
  return v;
}

function normDate(v: unknown): unknown {
  if (v instanceof Date) return formatDate(v);
  if (typeof v === "number") return formatDate(new Date(v * 86_400_000)); // tolerated: epoch days
  return v;
}

function hex(v: Uint8Array): string {
  return [...v].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Normalizes one value of Spark type `t`; without a type, guesses from the JS value. */
export function normalizeValue(v: unknown, t?: TypeLike): unknown {
  if (v === null || v === undefined) return null;
  if (!t) return normalizeUntyped(v);
  switch (t.typeName()) {
    case "byte": case "short": case "integer": case "long":
      return normInt(v);
    case "float": case "double":
      return normFloat(v);
    case "decimal":
      if (typeof v === "number" && t.scale !== undefined) return v.toFixed(t.scale); // tolerated
      return String(v);
    case "date":
      return normDate(v);
    case "timestamp": case "timestamp_ntz":
      return normTimestamp(v);
    case "binary":
      return v instanceof Uint8Array ? hex(v) : v;
    case "daytimeinterval":
      // A TimeDelta's toString() is Python's str(timedelta), the rule normalize.py states.
      return String(v);
    case "array":
      return (v as unknown[]).map((x) => normalizeValue(x, t.elementType));
    case "map": {
      const out: Record<string, unknown> = {};
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v as object);
      for (const [k, x] of entries) out[String(normalizeValue(k, t.keyType))] = normalizeValue(x, t.valueType);
      return out;
    }
    case "struct": {
      const fields = t.fields ?? [];
      const vals = rowValues(v, fields.map((f) => f.name));
      const out: Record<string, unknown> = {};
      fields.forEach((f, i) => (out[f.name] = normalizeValue(vals[i], f.dataType)));
      return out;
    }
    default:
      return normalizeUntyped(v);
  }
}

/** For the `value` check, where no schema is at hand: a Date at UTC midnight is taken as a date. */
export function normalizeUntyped(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return normInt(v);
  if (typeof v === "number") return normFloat(v);
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    const midnight = v.getUTCHours() + v.getUTCMinutes() + v.getUTCSeconds() + v.getUTCMilliseconds() === 0;
    return midnight ? formatDate(v) : normTimestamp(v);
  }
  if (v instanceof Uint8Array) return hex(v);
  if (Array.isArray(v)) return v.map(normalizeUntyped);
  if (v instanceof Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [String(normalizeUntyped(k)), normalizeUntyped(x)]));
  if (isRowLike(v)) {
    const d = rowDict(v);
    return Object.fromEntries(Object.entries(d).map(([k, x]) => [k, normalizeUntyped(x)]));
  }
  if (typeof v === "object" && v.constructor?.name && v.constructor.name !== "Object") return String(v); // e.g. Decimal
  return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, normalizeUntyped(x)]));
}

/** A collected top-level row -> array of normalized values (see sparkoracle/normalize.py for why an array). */
export function normalizeRow(row: unknown, schema: { fields: readonly { name: string; dataType: TypeLike }[] }): unknown[] {
  const vals = rowValues(row, schema.fields.map((f) => f.name));
  return schema.fields.map((f, i) => normalizeValue(vals[i], f.dataType));
}

/** Canonical JSON (sorted keys) used to order rows_unordered results on both sides of a comparison. */
export function sortKey(v: unknown): string {
  return JSON.stringify(canonical(v));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** Deep equality on normalized JSON; doubles compare with a 1e-9 relative tolerance (summation order). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return true;
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return jsonEqual(ka, kb) && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}
