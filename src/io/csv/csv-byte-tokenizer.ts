/**
 * The one CSV state machine, with Spark's (univocity's) rules:
 * - unquoted empty field -> null; quoted empty field ("") -> the emptyValue (the caller decides)
 * - inside quotes, `escape` + quote is a literal quote (default escape is backslash, so "" is not
 *   an escaped quote unless escape is set to '"')
 * - a closing quote followed by anything but the separator or a line end makes the whole field
 *   raw text up to the next separator, quotes included (univocity's STOP_AT_DELIMITER)
 * - without multiLine a record is one line: an unclosed quote ends at the line end; with
 *   multiLine, quoted fields may contain line breaks
 * - empty lines and lines starting with the comment character are skipped
 *
 * It scans code units: UTF-8 bytes in the usual case (UTF-8 input, ASCII syntax characters),
 * where fields are byte ranges, so numbers, timestamps and repeated strings never become JS
 * strings (see csv-field-readers.ts); or UTF-16 code units (`utf16`) of text decoded from any
 * other encoding, or when a syntax character is not ASCII (a multi-byte character cannot be
 * matched one byte at a time). csv-reader.ts picks the mode.
 *
 * A record cut by a chunk boundary (inside quotes, between \r and \n, inside a multi-byte
 * character) is kept and completed by the next chunk: results never depend on chunk size.
 */
import type { ChunkTokenizer, CsvRecord, CsvSyntax, RecordSink } from "./csv-record.js";
import { utf8Text } from "./csv-bytes.js";

const INCOMPLETE = -1;
const EMPTY = new Uint8Array(0);

/** What the tokenizer scans: UTF-8 bytes, or UTF-16 code units of decoded text. */
export type CodeUnits = Uint8Array | Uint16Array;

/** The UTF-16 code units of `text`, for the state machine to scan. */
function codeUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

export class CsvByteTokenizer implements CsvRecord, ChunkTokenizer {
  private line = 1;
  /** Materialized text of field i when mat[i] = 1 (unescaped quoted values); else starts/ends hold it. */
  private fields: string[] = [];
  /** Per field of the current record: 1 when materialized (see `fields`), else its byte range. */
  mat = new Uint8Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  quoted = new Uint8Array(64);
  private stopped = false;
  /** The UTF-8 bytes holding the current record; null in UTF-16 mode (field readers use text). */
  bytes: Uint8Array | null;
  /** The code units holding the current record (the bytes, or the UTF-16 units). */
  private units: CodeUnits = EMPTY;
  private readonly utf16: boolean;
  private recStart = 0;
  private recEnd = 0;
  recordLine = 0;
  private readonly sep: number;
  private readonly quote: number;
  private readonly escape: number;
  private readonly comment: number;
  private readonly lineSep: number;
  private readonly trimLeading: boolean;
  private readonly trimTrailing: boolean;
  private readonly multiLine: boolean;

  constructor(syntax: CsvSyntax, private readonly sink: RecordSink, utf16 = false) {
    this.utf16 = utf16;
    this.bytes = utf16 ? null : EMPTY;
    this.sep = syntax.sep.charCodeAt(0);
    this.quote = syntax.quote === "\u0000" ? -2 : syntax.quote.charCodeAt(0);
    this.escape = syntax.escape.charCodeAt(0);
    this.comment = syntax.comment === "\u0000" ? -2 : syntax.comment.charCodeAt(0);
    this.lineSep = syntax.lineSep === null ? -1 : syntax.lineSep.charCodeAt(0);
    this.trimLeading = syntax.ignoreLeadingWhiteSpace;
    this.trimTrailing = syntax.ignoreTrailingWhiteSpace;
    this.multiLine = syntax.multiLine;
  }

  /** True when every syntax character is one byte in UTF-8 (the byte tokenizer can match it). */
  static supports(syntax: CsvSyntax): boolean {
    const chars = [syntax.sep, syntax.quote, syntax.escape, syntax.comment, syntax.lineSep ?? "\n"];
    return chars.every((c) => c.length === 1 && c.charCodeAt(0) < 128);
  }

  /** Unprocessed bytes (an incomplete record) at the start of `work`, then the next chunk. */
  private work = new Uint8Array(0);
  private restLen = 0;
  /** UTF-16 mode: the text being scanned (fields are sliced from it), and its unprocessed rest. */
  private text16 = "";
  private rest16 = "";

  /** Byte mode: feeds the next UTF-8 bytes. Returns false once the sink asked to stop. */
  push(chunk: Uint8Array): boolean {
    if (this.stopped) return false;
    // One reusable buffer (a new one per chunk would keep the garbage collector busy): the
    // rest of the last chunk, then this chunk. The caller may reuse the chunk's memory.
    const need = this.restLen + chunk.length;
    if (this.work.length < need) {
      const w = new Uint8Array(Math.max(need, this.work.length * 2));
      w.set(this.work.subarray(0, this.restLen));
      this.work = w;
    }
    this.work.set(chunk, this.restLen);
    const buf = this.work.subarray(0, need);
    const pos = this.run(buf, false);
    this.restLen = need - pos;
    if (pos > 0 && this.restLen > 0) this.work.copyWithin(0, pos, need);
    return !this.stopped;
  }

  /** UTF-16 mode: feeds the next decoded text. Returns false once the sink asked to stop. */
  pushText(text: string): boolean {
    if (this.stopped) return false;
    this.text16 = this.rest16.length ? this.rest16 + text : text;
    const pos = this.run(codeUnits(this.text16), false);
    this.rest16 = this.text16.slice(pos);
    return !this.stopped;
  }

  /** Flushes the final record (one without a trailing line break). */
  end(): boolean {
    if (!this.stopped && this.restLen) this.run(this.work.subarray(0, this.restLen), true);
    this.restLen = 0;
    if (!this.stopped && this.rest16.length) this.run(codeUnits((this.text16 = this.rest16)), true);
    this.rest16 = "";
    return !this.stopped;
  }

  /** Text of units [s, e) of the buffer being scanned. */
  private slice(buf: CodeUnits, s: number, e: number): string {
    return this.utf16 ? this.text16.slice(s, e) : utf8Text(buf as Uint8Array, s, e);
  }

  text(i: number): string {
    return this.mat[i] ? this.fields[i]! : this.slice(this.units, this.starts[i]!, this.ends[i]!);
  }

  isEmpty(i: number): boolean {
    return this.mat[i] ? this.fields[i] === "" : this.ends[i] === this.starts[i];
  }

  plain(i: number): boolean {
    return this.mat[i] === 0 && !this.utf16;
  }

  fieldStart(i: number): number {
    return this.starts[i]!;
  }

  fieldEnd(i: number): number {
    return this.ends[i]!;
  }

  rawRecord(): string {
    return this.slice(this.units, this.recStart, this.recEnd);
  }

  private growFields(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.quoted = grow(this.quoted);
    this.mat = grow(this.mat);
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
  }

  private isLineEnd(c: number): boolean {
    return this.lineSep >= 0 ? c === this.lineSep : c === 10 || c === 13;
  }

  /** Processes complete records of buf; returns where the unprocessed rest starts. */
  private run(buf: CodeUnits, final: boolean): number {
    let pos = 0;
    const len = buf.length;
    this.units = buf;
    if (!this.utf16) this.bytes = buf as Uint8Array;
    while (pos < len && !this.stopped) {
      const c = buf[pos]!;
      // Skip empty lines and comment lines.
      if (this.lineSep < 0 ? c === 10 || c === 13 : c === this.lineSep) {
        const after = this.skipLineEnd(buf, pos, final);
        if (after === INCOMPLETE) return pos;
        pos = after;
        continue;
      }
      if (c === this.comment) {
        let e = pos;
        while (e < len && !this.isLineEnd(buf[e]!)) e++;
        if (e >= len && !final) return pos;
        const after = e >= len ? len : this.skipLineEnd(buf, e, final);
        if (after === INCOMPLETE) return pos;
        pos = after;
        continue;
      }
      const next = this.record(buf, pos, final);
      if (next === INCOMPLETE) return pos;
      pos = next;
    }
    return this.stopped ? len : pos;
  }

  /** Position after the line terminator at pos (\r\n counts once), or INCOMPLETE. */
  private skipLineEnd(buf: CodeUnits, pos: number, final: boolean): number {
    this.line++;
    if (this.lineSep < 0 && buf[pos] === 13) {
      if (pos + 1 >= buf.length) {
        if (!final) {
          this.line--;
          return INCOMPLETE;
        }
        return pos + 1;
      }
      if (buf[pos + 1] === 10) return pos + 2;
    }
    return pos + 1;
  }

  // Result of slowField (a quoted field or one with whitespace trimming).
  private fStart = 0;
  private fEnd = 0;
  private fText: string | null = null;
  private fQuoted = 0;
  private linesInside = 0;

  /** Tokenizes one record starting at `start`; returns the position after it or INCOMPLETE. */
  private record(buf: CodeUnits, start: number, final: boolean): number {
    const len = buf.length;
    const { sep, quote, lineSep } = this;
    // The three bytes that end an unquoted field, and the largest of them: most bytes of a
    // file are above it and need a single comparison.
    const nl = lineSep < 0 ? 10 : lineSep;
    const cr = lineSep < 0 ? 13 : lineSep;
    const top = Math.max(sep, nl, cr);
    const slow = this.trimLeading || this.trimTrailing;
    const lineAtStart = this.line;
    this.linesInside = 0;
    let starts = this.starts;
    let ends = this.ends;
    let pos = start;
    let n = 0;
    for (;;) {
      if (n >= starts.length) {
        this.growFields();
        starts = this.starts;
        ends = this.ends;
      }
      if (slow || (pos < len && buf[pos] === quote)) {
        pos = this.slowField(buf, pos, final);
        if (pos === INCOMPLETE) return INCOMPLETE;
        if (this.fText !== null) {
          this.fields[n] = this.fText;
          this.mat[n] = 1;
        } else this.mat[n] = 0;
        starts[n] = this.fStart;
        ends[n] = this.fEnd;
        this.quoted[n] = this.fQuoted;
        n++;
        if (pos < len && buf[pos] === sep) {
          pos++;
          continue;
        }
      } else {
        // Unquoted fields one after another, until the line ends or a quote follows a separator.
        const mat = this.mat;
        const quoted = this.quoted;
        const cap = starts.length;
        let e = pos;
        let more = false;
        for (;;) {
          let ch = -1;
          while (e < len) {
            ch = buf[e]!;
            if (ch > top) {
              e++;
              continue;
            }
            if (ch === sep || ch === nl || ch === cr) break;
            e++;
          }
          if (e >= len) {
            if (!final) return INCOMPLETE;
            ch = -1;
          }
          starts[n] = pos;
          ends[n] = e;
          mat[n] = 0;
          quoted[n] = 0;
          n++;
          if (ch !== sep) break;
          pos = ++e;
          if (n >= cap || (pos < len && buf[pos] === quote)) {
            more = true;
            break;
          }
        }
        if (more) continue;
        pos = e;
      }
      // End of record: line end or end of input.
      const recEnd = pos;
      let next = pos;
      if (pos < len) {
        next = this.skipLineEnd(buf, pos, final);
        if (next === INCOMPLETE) return INCOMPLETE;
      }
      this.line += this.linesInside;
      this.recStart = start;
      this.recEnd = recEnd;
      this.recordLine = lineAtStart;
      if (!this.sink(this, n)) this.stopped = true;
      return next;
    }
  }

  /**
   * One field that is quoted or needs whitespace trimming, starting at pos: sets fStart/fEnd
   * (or fText when the value had to be rewritten) and fQuoted; returns the position after the
   * field (at the separator or line end) or INCOMPLETE.
   */
  private slowField(buf: CodeUnits, pos: number, final: boolean): number {
    const len = buf.length;
    const { sep, quote, escape, lineSep } = this;
    const fieldStart = pos;
    if (this.trimLeading) {
      while (pos < len && isSpace(buf[pos]!) && buf[pos] !== sep && !this.isLineEnd(buf[pos]!)) pos++;
    }
    let mat: string | null = null;
    let vs = 0;
    let ve = 0;
    let wasQuoted = 0;
    if (pos < len && buf[pos] === quote) {
      pos++;
      let acc = "";
      let seg = pos;
      let closed = false;
      let linesInside = 0;
      for (;;) {
        if (pos >= len) {
          if (!final) return INCOMPLETE;
          break; // unclosed quote at the end of input: keep what we have
        }
        const ch = buf[pos]!;
        if (ch === escape && escape !== quote) {
          if (pos + 1 >= len && !final) return INCOMPLETE;
          const nx = pos + 1 < len ? buf[pos + 1]! : -1;
          // escape + quote -> quote; escape + escape -> escape (charToEscapeQuoteEscaping).
          if (nx === quote || nx === escape) {
            acc += this.slice(buf, seg, pos) + String.fromCharCode(nx);
            pos += 2;
            seg = pos;
            continue;
          }
        } else if (ch === quote) {
          if (escape === quote) {
            if (pos + 1 >= len && !final) return INCOMPLETE;
            if (pos + 1 < len && buf[pos + 1] === quote) {
              acc += this.slice(buf, seg, pos) + String.fromCharCode(ch);
              pos += 2;
              seg = pos;
              continue;
            }
          }
          closed = true;
          break;
        } else if (lineSep >= 0 ? ch === lineSep : ch === 10 || ch === 13) {
          if (!this.multiLine) break; // one record per line: the quote ends here
          linesInside++;
        }
        pos++;
      }
      this.linesInside += linesInside;
      if (acc === "") {
        vs = seg;
        ve = pos;
      } else mat = acc + this.slice(buf, seg, pos);
      // univocity normalizes line breaks inside quoted values to \n.
      if (linesInside > 0 && lineSep < 0) {
        const v = mat ?? this.slice(buf, vs, ve);
        if (v.includes("\r")) mat = v.replace(/\r\n?/g, "\n");
      }
      wasQuoted = 1;
      if (closed) {
        pos++;
        let p2 = pos;
        if (this.trimTrailing) while (p2 < len && isSpace(buf[p2]!) && buf[p2] !== sep && !this.isLineEnd(buf[p2]!)) p2++;
        if (p2 >= len && !final) return INCOMPLETE;
        const after = p2 < len ? buf[p2]! : -1;
        if (after === -1 || after === sep || this.isLineEnd(after)) {
          pos = p2;
        } else {
          // Text after the closing quote: the field is raw text up to the separator.
          while (pos < len && buf[pos] !== sep && !this.isLineEnd(buf[pos]!)) pos++;
          if (pos >= len && !final) return INCOMPLETE;
          let value = this.slice(buf, fieldStart, pos);
          if (this.trimLeading) value = value.trimStart();
          if (this.trimTrailing) value = value.trimEnd();
          mat = value;
          wasQuoted = 0;
        }
      }
    } else {
      let e = pos;
      while (e < len && buf[e] !== sep && !this.isLineEnd(buf[e]!)) e++;
      if (e >= len && !final) return INCOMPLETE;
      vs = pos;
      ve = e;
      if (this.trimTrailing) while (ve > vs && isSpace(buf[ve - 1]!)) ve--;
      pos = e;
    }
    this.fStart = vs;
    this.fEnd = ve;
    this.fText = mat;
    this.fQuoted = wasQuoted;
    return pos;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
