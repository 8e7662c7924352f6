/**
 * The tab-separated text both bulk loaders read (PostgreSQL `COPY ... FROM STDIN` text format,
 * MySQL `LOAD DATA` defaults): backslash escapes, `\N` for NULL, one line per row.
 *
 * Why bytes, not strings: building one JS string per row and joining them cost more than the
 * database's own load; each field writer here puts its bytes straight into a reusable
 * Buffer (ASCII fast paths for numbers, dates and timestamps, UTF-8 only where needed),
 * which makes Pijar's load run close to `psql \copy` speed.
 */
import * as T from "../../../types/data-types.js";
import { formatDecimal } from "../../../values/decimal.js";
import { civilFromDays, formatDate, formatTimestamp } from "../../../values/datetime.js";
import { escapeText, type TextFlavour } from "../values.js";
import { PijarError } from "../../../errors/pijar-error.js";

const CHUNK = 1 << 20;
const TAB = 9;
const NL = 10;
const BACKSLASH = 92;
const MICROS_PER_DAY = 86_400_000_000;

/** A growable byte buffer handed out in ~1 MB chunks. */
export class ByteWriter {
  buf = Buffer.allocUnsafe(CHUNK + 4096);
  pos = 0;

  ensure(n: number): void {
    if (this.pos + n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
      this.buf.copy(bigger, 0, 0, this.pos);
      this.buf = bigger;
    }
  }

  /** Takes the bytes written so far and starts a new buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK + 4096);
    this.pos = 0;
    return out;
  }

  ascii(s: string): void {
    const n = s.length;
    this.ensure(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A non-negative integer below 2^53, zero-padded to `width` digits. */
  digits(v: number, width: number): void {
    this.ensure(20);
    const b = this.buf;
    let len = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) len++;
    const total = Math.max(len, width);
    let p = this.pos + total;
    this.pos = p;
    for (let i = 0; i < total; i++) {
      b[--p] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
  }

  int(v: number): void {
    if (!Number.isSafeInteger(v)) return this.ascii(String(v));
    if (v < 0) {
      this.ensure(1);
      this.buf[this.pos++] = 45;
      v = -v;
    }
    this.digits(v, 1);
  }

  /** Text with COPY/LOAD DATA escapes; ASCII bytes directly, UTF-8 otherwise. */
  text(s: string): void {
    const n = s.length;
    this.ensure(n * 2);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        const e = escapeText(s);
        this.ensure(Buffer.byteLength(e));
        this.pos = start + this.buf.write(e, start, "utf8");
        return;
      }
      if (c === BACKSLASH || c === NL || c === TAB || c === 13) {
        b[p++] = BACKSLASH;
        b[p++] = c === BACKSLASH ? BACKSLASH : c === NL ? 110 : c === TAB ? 116 : 114;
      } else b[p++] = c;
    }
    this.pos = p;
  }
}

export type FieldWriter = (w: ByteWriter, v: unknown) => void;

/** The field writer of a Spark type (see values.ts textEncoder for the formats). */
export function fieldWriter(t: T.DataType, flavour: TextFlavour, column: string): FieldWriter {
  if (t instanceof T.ByteType || t instanceof T.ShortType || t instanceof T.IntegerType || t instanceof T.LongType) {
    return (w, v) => w.int(v as number);
  }
  if (t instanceof T.BooleanType) {
    const [yes, no] = flavour === "postgresql" ? [116, 102] : [49, 48];
    return (w, v) => {
      w.ensure(1);
      w.buf[w.pos++] = v ? yes : no;
    };
  }
  if (t instanceof T.FloatType || t instanceof T.DoubleType) {
    return (w, v) => {
      if (flavour === "mysql" && !Number.isFinite(v as number)) {
        throw new PijarError("FAILED_JDBC.UNCLASSIFIED", { url: "", message: "" }, {
          message: `MySQL cannot store ${v} (column ${column}): it has no NaN or Infinity. Replace them first, e.g. with F.nanvl or a when() to null.`,
        });
      }
      w.ascii(String(v));
    };
  }
  if (t instanceof T.DecimalType) return decimalWriter(t.scale);
  if (t instanceof T.StringType) return (w, v) => w.text(v as string);
  if (t instanceof T.BinaryType) {
    const prefix = flavour === "postgresql" ? "\\\\x" : "";
    return (w, v) => w.ascii(prefix + Buffer.from((v as Uint8Array).buffer, (v as Uint8Array).byteOffset, (v as Uint8Array).byteLength).toString("hex"));
  }
  if (t instanceof T.DateType) {
    let lastDay = NaN;
    let lastText = "";
    return (w, v) => {
      if (v !== lastDay) {
        lastDay = v as number;
        lastText = formatDate(lastDay);
      }
      w.ascii(lastText);
    };
  }
  if (t instanceof T.TimestampType || t instanceof T.TimestampNTZType) {
    return timestampWriter(flavour === "postgresql" && t instanceof T.TimestampType ? "+00" : "");
  }
  throw new PijarError("UNSUPPORTED_DATATYPE", { typeName: t.sql() }, {
    message: `Unsupported data type ${t.sql()} for column ${column} in a jdbc write. Convert it first, e.g. F.to_json(${column}).`,
  });
}

function decimalWriter(scale: number): FieldWriter {
  const pow = 10 ** scale;
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  return (w, v) => {
    const u = v as bigint;
    if (scale > 15 || u > limit || u < -limit) return w.ascii(formatDecimal(u, scale));
    let n = Number(u);
    if (n < 0) {
      w.ensure(1);
      w.buf[w.pos++] = 45;
      n = -n;
    }
    if (scale === 0) return w.digits(n, 1);
    const ip = Math.floor(n / pow);
    w.digits(ip, 1);
    w.ensure(1);
    w.buf[w.pos++] = 46;
    w.digits(n - ip * pow, scale);
  };
}

/** "yyyy-MM-dd HH:mm:ss[.ffffff]" in UTC; the date part is cached (rows of a load share days). */
function timestampWriter(suffix: string): FieldWriter {
  let lastDay = NaN;
  let prefix = "";
  return (w, v) => {
    const micros = v as number;
    const day = Math.floor(micros / MICROS_PER_DAY);
    if (day !== lastDay) {
      const { y } = civilFromDays(day);
      lastDay = day;
      prefix = y >= 1 && y <= 9999 ? formatDate(day) + " " : "";
    }
    if (!prefix) return w.ascii(formatTimestamp(micros, "UTC") + suffix);
    w.ascii(prefix);
    let rem = micros - day * MICROS_PER_DAY;
    const us = rem % 1_000_000;
    rem = (rem - us) / 1_000_000;
    w.digits(Math.floor(rem / 3600), 2);
    w.ensure(1);
    w.buf[w.pos++] = 58;
    w.digits(Math.floor(rem / 60) % 60, 2);
    w.ensure(1);
    w.buf[w.pos++] = 58;
    w.digits(rem % 60, 2);
    if (us) {
      w.ensure(1);
      w.buf[w.pos++] = 46;
      w.digits(us, 6);
    }
    if (suffix) w.ascii(suffix);
  };
}

/** Encodes rows as text lines, yielding ~1 MB Buffers. */
export function* encodeTextRows(cols: readonly unknown[][], numRows: number, writers: readonly FieldWriter[]): Generator<Buffer> {
  const w = new ByteWriter();
  const n = writers.length;
  for (let r = 0; r < numRows; r++) {
    for (let c = 0; c < n; c++) {
      const v = cols[c]![r];
      if (v === null || v === undefined) {
        w.ensure(2);
        w.buf[w.pos++] = BACKSLASH;
        w.buf[w.pos++] = 78;
      } else writers[c]!(w, v);
      w.ensure(1);
      w.buf[w.pos++] = c === n - 1 ? NL : TAB;
    }
    if (w.pos >= CHUNK) yield w.take();
  }
  if (w.pos) yield w.take();
}
