/**
 * Streaming CSV tokenizer with Spark's (univocity's) rules. Text arrives in chunks of any size;
 * a record cut by a chunk boundary (even inside quotes, or between \r and \n) is kept and
 * completed by the next chunk, so results never depend on chunk size.
 *
 * Rules reproduced from Spark's reader:
 * - unquoted empty field -> null; quoted empty field ("") -> the emptyValue (the caller decides)
 * - inside quotes, `escape` + quote is a literal quote (default escape is backslash, so "" is not
 *   an escaped quote unless escape is set to '"')
 * - a closing quote followed by anything but the separator or a line end makes the whole field
 *   raw text up to the next separator, quotes included (univocity's STOP_AT_DELIMITER)
 * - without multiLine a record is one line: an unclosed quote ends at the line end; with
 *   multiLine, quoted fields may contain line breaks
 * - empty lines and lines starting with the comment character are skipped
 */

import type { CsvRecord, RecordSink } from "./csv-record.js";

export interface CsvSyntax {
  readonly sep: string;
  /** "\u0000" disables quoting. */
  readonly quote: string;
  readonly escape: string;
  /** "\u0000" disables comments. */
  readonly comment: string;
  readonly multiLine: boolean;
  /** A custom one-character line separator, or null for \n, \r\n and \r. */
  readonly lineSep: string | null;
  readonly ignoreLeadingWhiteSpace: boolean;
  readonly ignoreTrailingWhiteSpace: boolean;
}


const INCOMPLETE = -1;

/**
 * The text tokenizer: used for encodings other than UTF-8 and for non-ASCII syntax characters
 * (csv-byte-tokenizer.ts handles the usual case from bytes, with the same rules). Field text is
 * only cut out of the buffer when asked for, so pruned columns cost nothing.
 */
export class CsvTokenizer implements CsvRecord {
  /** No byte view: field readers take the text path. */
  readonly bytes = null;
  private rest = "";
  private line = 1;
  /** Materialized text of field i (unescaped quoted values), or null: then starts/ends hold it. */
  private fields: (string | null)[] = [];
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  /** quoted[i] = 1 when field i of the current record was quoted. */
  quoted = new Uint8Array(64);
  private stopped = false;
  private recBuf = "";
  private recStart = 0;
  private recEnd = 0;
  /** 1-based line where the current record starts. */
  recordLine = 0;
  private readonly sep: number;
  private readonly quote: number;
  private readonly escape: number;
  private readonly comment: number;
  private readonly lineSep: number;
  private readonly trimLeading: boolean;
  private readonly trimTrailing: boolean;
  private readonly multiLine: boolean;

  constructor(private readonly syntax: CsvSyntax, private readonly sink: RecordSink) {
    this.sep = syntax.sep.charCodeAt(0);
    this.quote = syntax.quote === "\u0000" ? -2 : syntax.quote.charCodeAt(0);
    this.escape = syntax.escape.charCodeAt(0);
    this.comment = syntax.comment === "\u0000" ? -2 : syntax.comment.charCodeAt(0);
    this.lineSep = syntax.lineSep === null ? -1 : syntax.lineSep.charCodeAt(0);
    this.trimLeading = syntax.ignoreLeadingWhiteSpace;
    this.trimTrailing = syntax.ignoreTrailingWhiteSpace;
    this.multiLine = syntax.multiLine;
  }

  /** Feeds decoded text. Returns false once the sink asked to stop. */
  push(text: string): boolean {
    if (this.stopped) return false;
    const buf = this.rest.length ? this.rest + text : text;
    const pos = this.run(buf, false);
    this.rest = buf.slice(pos);
    return !this.stopped;
  }

  private growFields(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.quoted = grow(this.quoted);
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
  }

  /** Text of field i of the current record. */
  text(i: number): string {
    return this.fields[i] ?? this.recBuf.slice(this.starts[i]!, this.ends[i]!);
  }

  /** True when field i is empty text. */
  isEmpty(i: number): boolean {
    const m = this.fields[i];
    return m != null ? m === "" : this.ends[i] === this.starts[i];
  }

  plain(): boolean {
    return false;
  }

  fieldStart(i: number): number {
    return this.starts[i]!;
  }

  fieldEnd(i: number): number {
    return this.ends[i]!;
  }

  /** Raw text of the record being delivered to the sink (without its line break). */
  rawRecord(): string {
    return this.recBuf.slice(this.recStart, this.recEnd);
  }

  /** Flushes the final record (one without a trailing line break). */
  end(): boolean {
    if (!this.stopped && this.rest.length) this.run(this.rest, true);
    this.rest = "";
    return !this.stopped;
  }

  private isLineEnd(c: number): boolean {
    return this.lineSep >= 0 ? c === this.lineSep : c === 10 || c === 13;
  }

  /** Processes complete records of buf; returns where the unprocessed rest starts. */
  private run(buf: string, final: boolean): number {
    let pos = 0;
    const len = buf.length;
    while (pos < len && !this.stopped) {
      const c = buf.charCodeAt(pos);
      // Skip empty lines and comment lines.
      if (this.lineSep < 0 ? c === 10 || c === 13 : c === this.lineSep) {
        const after = this.skipLineEnd(buf, pos, final);
        if (after === INCOMPLETE) return pos;
        pos = after;
        continue;
      }
      if (c === this.comment) {
        let e = pos;
        while (e < len && !this.isLineEnd(buf.charCodeAt(e))) e++;
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
  private skipLineEnd(buf: string, pos: number, final: boolean): number {
    this.line++;
    if (this.lineSep < 0 && buf.charCodeAt(pos) === 13) {
      if (pos + 1 >= buf.length) {
        if (!final) {
          this.line--;
          return INCOMPLETE;
        }
        return pos + 1;
      }
      if (buf.charCodeAt(pos + 1) === 10) return pos + 2;
    }
    return pos + 1;
  }

  /** Tokenizes one record starting at `start`; returns the position after it or INCOMPLETE. */
  private record(buf: string, start: number, final: boolean): number {
    const len = buf.length;
    const { sep, quote, escape } = this;
    const multiLine = this.multiLine;
    const lineAtStart = this.line;
    let linesInside = 0;
    this.recBuf = buf;
    let pos = start;
    let n = 0;
    for (;;) {
      const fieldStart = pos;
      if (this.trimLeading) {
        while (pos < len && isSpace(buf.charCodeAt(pos)) && buf.charCodeAt(pos) !== sep && !this.isLineEnd(buf.charCodeAt(pos))) pos++;
      }
      let mat: string | null = null;
      let vs = 0;
      let ve = 0;
      let wasQuoted = 0;
      if (pos < len && buf.charCodeAt(pos) === quote) {
        pos++;
        let acc = "";
        let seg = pos;
        let closed = false;
        for (;;) {
          if (pos >= len) {
            if (!final) return INCOMPLETE;
            break; // unclosed quote at the end of input: keep what we have
          }
          const ch = buf.charCodeAt(pos);
          if (ch === escape && escape !== quote) {
            if (pos + 1 >= len && !final) return INCOMPLETE;
            const nx = buf.charCodeAt(pos + 1);
            // escape + quote -> quote; escape + escape -> escape (charToEscapeQuoteEscaping).
            if (nx === quote || nx === escape) {
              acc += buf.slice(seg, pos) + buf[pos + 1];
              pos += 2;
              seg = pos;
              continue;
            }
          } else if (ch === quote) {
            if (escape === quote) {
              if (pos + 1 >= len && !final) return INCOMPLETE;
              if (buf.charCodeAt(pos + 1) === quote) {
                acc += buf.slice(seg, pos) + buf[pos];
                pos += 2;
                seg = pos;
                continue;
              }
            }
            closed = true;
            break;
          } else if (this.isLineEnd(ch)) {
            if (!multiLine) break; // one record per line: the quote ends here
            linesInside++;
          }
          pos++;
        }
        if (acc === "") {
          vs = seg;
          ve = pos;
        } else mat = acc + buf.slice(seg, pos);
        // univocity normalizes line breaks inside quoted values to \n.
        if (linesInside > 0 && this.lineSep < 0) {
          const v = mat ?? buf.slice(vs, ve);
          if (v.includes("\r")) mat = v.replace(/\r\n?/g, "\n");
        }
        wasQuoted = 1;
        if (closed) {
          pos++;
          let p2 = pos;
          if (this.trimTrailing) while (p2 < len && isSpace(buf.charCodeAt(p2)) && buf.charCodeAt(p2) !== sep && !this.isLineEnd(buf.charCodeAt(p2))) p2++;
          if (p2 >= len && !final) return INCOMPLETE;
          const after = p2 < len ? buf.charCodeAt(p2) : -1;
          if (after === -1 || after === sep || this.isLineEnd(after)) {
            pos = p2;
          } else {
            // Text after the closing quote: the field is raw text up to the separator.
            while (pos < len && buf.charCodeAt(pos) !== sep && !this.isLineEnd(buf.charCodeAt(pos))) pos++;
            if (pos >= len && !final) return INCOMPLETE;
            let value = buf.slice(fieldStart, pos);
            if (this.trimLeading) value = value.trimStart();
            if (this.trimTrailing) value = value.trimEnd();
            mat = value;
            wasQuoted = 0;
          }
        }
      } else {
        let e = pos;
        const ls = this.lineSep;
        if (ls < 0) {
          while (e < len) {
            const ch = buf.charCodeAt(e);
            if (ch === sep || ch === 10 || ch === 13) break;
            e++;
          }
        } else {
          while (e < len) {
            const ch = buf.charCodeAt(e);
            if (ch === sep || ch === ls) break;
            e++;
          }
        }
        if (e >= len && !final) return INCOMPLETE;
        vs = pos;
        ve = e;
        if (this.trimTrailing) while (ve > vs && isSpace(buf.charCodeAt(ve - 1))) ve--;
        pos = e;
      }
      if (n >= this.quoted.length) this.growFields();
      this.fields[n] = mat;
      this.starts[n] = vs;
      this.ends[n] = ve;
      this.quoted[n] = wasQuoted;
      n++;
      if (pos < len && buf.charCodeAt(pos) === sep) {
        pos++;
        continue;
      }
      // End of record: line end or end of input.
      const recEnd = pos;
      let next = pos;
      if (pos < len) {
        next = this.skipLineEnd(buf, pos, final);
        if (next === INCOMPLETE) return INCOMPLETE;
      }
      this.line += linesInside;
      this.recStart = start;
      this.recEnd = recEnd;
      this.recordLine = lineAtStart;
      if (!this.sink(this, n)) this.stopped = true;
      return next;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
