/**
 * Value conversion between database drivers and Pijar's internal values (see
 * src/columnar/convert/read.ts): raw driver values (text from PostgreSQL/MySQL, typed JS values
 * from SQLite) to internal values, and internal values to the text of bulk-load formats.
 */
import * as T from "../../types/data-types.js";
import { formatDecimal, parseDecimal, rescale } from "../../values/decimal.js";
import { formatDate, parseDate, parseTimestamp, formatTimestamp } from "../../values/datetime.js";
import { PijarError } from "../../errors/pijar-error.js";

export type ReadConverter = (raw: unknown) => unknown;

const MS_PER_DAY = 86_400_000;

/**
 * Converts a raw value to the internal value of type t. `naiveZone` is the zone a timestamp
 * text without offset is read in (PostgreSQL `timestamp`: the session zone; Pijar-written
 * MySQL/SQLite timestamps: UTC).
 */
export function readConverter(t: T.DataType, naiveZone: string, column: string): ReadConverter {
  const bad = (raw: unknown): never => {
    throw new PijarError("FAILED_JDBC.UNCLASSIFIED", { url: "", message: "" }, {
      message: `Cannot read the value ${JSON.stringify(String(raw)).slice(0, 60)} of column ${column} as ${t.simpleString()}. Set a 'customSchema' option (e.g. "${column} STRING") or cast it in a 'query'.`,
    });
  };
  if (t instanceof T.BooleanType) {
    return (r) => {
      if (r === null || r === undefined) return null;
      if (typeof r === "boolean") return r;
      if (typeof r === "number" || typeof r === "bigint") return r !== 0 && r !== 0n;
      if (r instanceof Uint8Array) return r.some((b) => b !== 0);
      const s = String(r).toLowerCase();
      if (s === "t" || s === "true" || s === "1" || s === "y" || s === "yes") return true;
      if (s === "f" || s === "false" || s === "0" || s === "n" || s === "no") return false;
      return bad(r);
    };
  }
  if (t instanceof T.ByteType || t instanceof T.ShortType || t instanceof T.IntegerType || t instanceof T.LongType) {
    return (r) => {
      if (r === null || r === undefined) return null;
      const n = typeof r === "boolean" ? (r ? 1 : 0) : Number(r);
      return Number.isFinite(n) ? Math.trunc(n) : bad(r);
    };
  }
  if (t instanceof T.FloatType) return (r) => (r === null || r === undefined ? null : Math.fround(Number(r)));
  if (t instanceof T.DoubleType) return (r) => (r === null || r === undefined ? null : Number(r));
  if (t instanceof T.DecimalType) {
    const scale = t.scale;
    return (r) => {
      if (r === null || r === undefined) return null;
      if (typeof r === "bigint") return rescale(r, 0, scale);
      const v = parseDecimal(String(r), scale);
      return v === null ? bad(r) : v;
    };
  }
  if (t instanceof T.StringType) {
    return (r) => (r === null || r === undefined ? null : r instanceof Uint8Array ? new TextDecoder().decode(r) : String(r));
  }
  if (t instanceof T.BinaryType) {
    return (r) => {
      if (r === null || r === undefined) return null;
      if (r instanceof Uint8Array) return new Uint8Array(r.buffer, r.byteOffset, r.byteLength).slice();
      const s = String(r);
      // PostgreSQL's bytea text output is hex: \x6162.
      if (s.startsWith("\\x")) return Uint8Array.from(Buffer.from(s.slice(2), "hex"));
      return new TextEncoder().encode(s);
    };
  }
  if (t instanceof T.DateType) {
    return (r) => {
      if (r === null || r === undefined) return null;
      if (typeof r === "number") return Math.floor(r / MS_PER_DAY);
      const d = parseDate(String(r));
      return d === null ? bad(r) : d;
    };
  }
  if (t instanceof T.TimestampType || t instanceof T.TimestampNTZType) {
    const zone = t instanceof T.TimestampNTZType ? "UTC" : naiveZone;
    return (r) => {
      if (r === null || r === undefined) return null;
      if (typeof r === "number") return r * 1000;
      const s = String(r);
      // A NTZ value ignores any offset: it is the wall-clock text.
      const text = t instanceof T.TimestampNTZType ? s.replace(/(?:Z|[+-]\d{2}(?::?\d{2})?)$/, "") : s;
      const v = parseTimestamp(text, zone);
      return v === null ? bad(r) : v;
    };
  }
  throw new PijarError("UNSUPPORTED_DATATYPE", { typeName: t.sql() }, {
    message: `Unsupported data type ${t.sql()} for column ${column} in a jdbc read. Use a 'customSchema' with a simple type.`,
  });
}

/** Text-format flavours of the bulk loaders (COPY text / LOAD DATA): they differ in booleans and binary. */
export type TextFlavour = "postgresql" | "mysql";

/** Escapes a field for COPY text format / LOAD DATA (backslash escapes, tab-separated). */
export function escapeText(s: string): string {
  if (!/[\\\n\r\t]/.test(s)) return s;
  return s.replace(/[\\\n\r\t]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t"));
}

/**
 * An encoder of internal values to one escaped text field (NULL is `\N`). Timestamps (an
 * instant) are written in UTC: with an explicit `+00` offset for PostgreSQL's timestamptz,
 * as UTC wall-clock time for MySQL (the connection's time zone is UTC).
 */
export function textEncoder(t: T.DataType, flavour: TextFlavour, column: string): (v: unknown) => string {
  const nul = "\\N";
  if (t instanceof T.BooleanType) {
    const [yes, no] = flavour === "postgresql" ? ["t", "f"] : ["1", "0"];
    return (v) => (v === null || v === undefined ? nul : v ? yes : no);
  }
  if (t instanceof T.ByteType || t instanceof T.ShortType || t instanceof T.IntegerType || t instanceof T.LongType) {
    return (v) => (v === null || v === undefined ? nul : String(v));
  }
  if (t instanceof T.FloatType || t instanceof T.DoubleType) {
    return (v) => {
      if (v === null || v === undefined) return nul;
      if (flavour === "mysql" && !Number.isFinite(v as number)) throw nonFinite(column, v as number);
      return String(v);
    };
  }
  if (t instanceof T.DecimalType) {
    const scale = t.scale;
    return (v) => (v === null || v === undefined ? nul : formatDecimal(v as bigint, scale));
  }
  if (t instanceof T.StringType) return (v) => (v === null || v === undefined ? nul : escapeText(v as string));
  if (t instanceof T.BinaryType) {
    // PostgreSQL: bytea hex input (backslash escaped for COPY); MySQL: hex, UNHEX()ed by LOAD DATA's SET.
    const prefix = flavour === "postgresql" ? "\\\\x" : "";
    return (v) => (v === null || v === undefined ? nul : prefix + Buffer.from(v as Uint8Array).toString("hex"));
  }
  if (t instanceof T.DateType) return (v) => (v === null || v === undefined ? nul : formatDate(v as number));
  if (t instanceof T.TimestampType) {
    const suffix = flavour === "postgresql" ? "+00" : "";
    return (v) => (v === null || v === undefined ? nul : formatTimestamp(v as number, "UTC") + suffix);
  }
  if (t instanceof T.TimestampNTZType) return (v) => (v === null || v === undefined ? nul : formatTimestamp(v as number, "UTC"));
  throw unsupportedWrite(t, column);
}

/** An encoder of internal values to SQLite parameters (numbers, text, blobs). */
export function sqliteParam(t: T.DataType, column: string): (v: unknown) => number | bigint | string | Uint8Array | null {
  if (t instanceof T.BooleanType) return (v) => (v === null || v === undefined ? null : v ? 1 : 0);
  if (t instanceof T.ByteType || t instanceof T.ShortType || t instanceof T.IntegerType || t instanceof T.LongType ||
    t instanceof T.FloatType || t instanceof T.DoubleType) {
    return (v) => (v === null || v === undefined ? null : (v as number));
  }
  if (t instanceof T.DecimalType) {
    const scale = t.scale;
    return (v) => (v === null || v === undefined ? null : formatDecimal(v as bigint, scale));
  }
  // A string with a NUL is bound as its UTF-8 bytes (the INSERT casts them to TEXT).
  if (t instanceof T.StringType) return (v) => (v === null || v === undefined ? null : (v as string).includes("\0") ? new TextEncoder().encode(v as string) : (v as string));
  if (t instanceof T.BinaryType) return (v) => (v === null || v === undefined ? null : (v as Uint8Array));
  if (t instanceof T.DateType) return (v) => (v === null || v === undefined ? null : formatDate(v as number));
  if (t instanceof T.TimestampType || t instanceof T.TimestampNTZType) {
    return (v) => (v === null || v === undefined ? null : formatTimestamp(v as number, "UTC"));
  }
  throw unsupportedWrite(t, column);
}

function nonFinite(column: string, v: number): PijarError {
  return new PijarError("FAILED_JDBC.UNCLASSIFIED", { url: "", message: "" }, {
    message: `MySQL cannot store ${v} (column ${column}): it has no NaN or Infinity. Replace them first, e.g. with F.nanvl or a when() to null.`,
  });
}

function unsupportedWrite(t: T.DataType, column: string): PijarError {
  return new PijarError("UNSUPPORTED_DATATYPE", { typeName: t.sql() }, {
    message: `Unsupported data type ${t.sql()} for column ${column} in a jdbc write: databases have no such column type. Convert it first, e.g. F.to_json(${column}) to write JSON text.`,
  });
}
