/** The syntax options of a CSV file, as the tokenizer (csv-byte-tokenizer.ts) reads them. */
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

/**
 * What the CSV tokenizer shows its sink about the record being delivered. In byte mode (UTF-8
 * input, ASCII syntax characters: the fast, usual case) it has a byte view; in UTF-16 mode (any
 * other encoding or syntax character) it has none. Field readers use the byte view when there
 * is one and fall back to `text(i)` otherwise, so both give identical values.
 */
export interface CsvRecord {
  /** quoted[i] = 1 when field i of the current record was quoted. */
  readonly quoted: Uint8Array;
  /** 1-based line where the current record starts. */
  readonly recordLine: number;
  /** Text of field i (escapes resolved). */
  text(i: number): string;
  /** True when field i is empty text. */
  isEmpty(i: number): boolean;
  /** Raw text of the record (without its line break), for corrupt-record columns and errors. */
  rawRecord(): string;
  /** UTF-8 bytes holding the current record, or null in UTF-16 mode. */
  readonly bytes: Uint8Array | null;
  /**
   * True when field i is exactly bytes[fieldStart(i), fieldEnd(i)) (no escapes or line-break rewriting
   * to apply), so it can be parsed or copied from the bytes. Always false without bytes.
   */
  plain(i: number): boolean;
  /** Byte range of field i in `bytes` (meaningful when plain(i)). */
  fieldStart(i: number): number;
  fieldEnd(i: number): number;
}

/**
 * Receives each record and its field count n. Returns false to stop tokenizing (e.g. a limit
 * was reached).
 */
export type RecordSink = (record: CsvRecord, n: number) => boolean;

/** Feeds a file's chunks to a tokenizer. */
export interface ChunkTokenizer {
  /** Feeds the next bytes of the file. Returns false once the sink asked to stop. */
  push(chunk: Uint8Array): boolean;
  /** Flushes the final record (one without a trailing line break). */
  end(): boolean;
}
