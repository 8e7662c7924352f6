/**
 * The CSV tokenizer working on UTF-8 bytes: separators, quotes and line ends are found by byte
 * and fields are byte ranges, so numbers, timestamps and repeated strings never become JS
 * strings (see csv-field-readers.ts). It follows exactly the rules of the text tokenizer
 * (csv-tokenizer.ts, Spark's univocity behaviour); it needs ASCII syntax characters, because a
 * multi-byte character cannot be matched one byte at a time (csv-reader.ts picks the tokenizer).
 *
 * A record cut by a chunk boundary (inside quotes, between \r and \n, inside a multi-byte
 * character) is kept as bytes and completed by the next chunk: results never depend on chunk size.
 */
import type { CsvSyntax } from "./csv-tokenizer.js";
import type { ChunkTokenizer, CsvRecord, RecordSink } from "./csv-record.js";
import { utf8Text } from "./csv-bytes.js";

const INCOMPLETE = -1;
const EMPTY = new Uint8Array(0);

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
  bytes: Uint8Array = EMPTY;
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

  constructor(syntax: CsvSyntax, private readonly sink: RecordSink) {
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

  end(): boolean {
    if (!this.stopped && this.restLen) this.run(this.work.subarray(0, this.restLen), true);
    this.restLen = 0;
    return !this.stopped;
  }

  text(i: number): string {
    return this.mat[i] ? this.fields[i]! : utf8Text(this.bytes, this.starts[i]!, this.ends[i]!);
  }

  isEmpty(i: number): boolean {
    return this.mat[i] ? this.fields[i] === "" : this.ends[i] === this.starts[i];
  }

  plain(i: number): boolean {
    return this.mat[i] === 0;
  }

  fieldStart(i: number): number {
    return this.starts[i]!;
  }

  fieldEnd(i: number): number {
    return this.ends[i]!;
  }

  rawRecord(): string {
    return utf8Text(this.bytes, this.recStart, this.recEnd);
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
  private run(buf: Uint8Array, final: boolean): number {
    let pos = 0;
    const len = buf.length;
    this.bytes = buf;
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
  private skipLineEnd(buf: Uint8Array, pos: number, final: boolean): number {
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
  private record(buf: Uint8Array, start: number, final: boolean): number {
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
  private slowField(buf: Uint8Array, pos: number, final: boolean): number {
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
            acc += utf8Text(buf, seg, pos) + String.fromCharCode(nx);
            pos += 2;
            seg = pos;
            continue;
          }
        } else if (ch === quote) {
          if (escape === quote) {
            if (pos + 1 >= len && !final) return INCOMPLETE;
            if (pos + 1 < len && buf[pos + 1] === quote) {
              acc += utf8Text(buf, seg, pos) + String.fromCharCode(ch);
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
      } else mat = acc + utf8Text(buf, seg, pos);
      // univocity normalizes line breaks inside quoted values to \n.
      if (linesInside > 0 && lineSep < 0) {
        const v = mat ?? utf8Text(buf, vs, ve);
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
          let value = utf8Text(buf, fieldStart, pos);
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
