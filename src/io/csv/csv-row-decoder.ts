/**
 * Appends each CSV record to the column builders of a scan, with Spark's parse modes. The hot
 * loop: fields of the byte tokenizer are parsed straight from bytes when their column has a
 * fast kind (one `switch`, no per-column closure call), anything else takes the column's
 * text reader. Columns that can be malformed go first and strings (never malformed) last, so
 * a dropped row only has values to take back from typed builders, never from a dictionary.
 */
import { normalizeZone } from "../../values/datetime.js";
import type { StructField } from "../../types/data-types.js";
import type { ColumnBuilder, TextConversion, TypedBuilder } from "../text-columns.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { CsvRecord } from "./csv-record.js";
import type { CsvReadOptions } from "./csv-options.js";
import { CsvByteTokenizer } from "./csv-byte-tokenizer.js";
import { FastKind, fastKind, fieldReader, type FieldReader } from "./csv-field-readers.js";
import { NUM_OUT, bytesEqual, dateFromBytes, doubleFromBytes, intFromBytes, timestampFromBytes } from "./csv-bytes.js";
import { StringColumnBuilder } from "./string-column-builder.js";

const NO_FIELDS = new Uint8Array(0);
const NO_STARTS = new Int32Array(0);

export class CsvRowDecoder {
  /** Output columns read from tokens: typed first, strings last. */
  private readonly order: number[];
  private readonly typedCount: number;
  // Per position j of `order`: the field index, fast kind, builder and text reader.
  private readonly jToken: number[];
  private readonly jKind: FastKind[];
  private readonly jBuilder: ColumnBuilder[];
  private readonly jReader: FieldReader[];
  private readonly corrupt: number[];
  private readonly kinds: FastKind[];
  private readonly readers: FieldReader[];
  private readonly nullBytes: Uint8Array;
  private readonly zone: string;
  private readonly utc: boolean;

  /**
   * `tokenIndex[k]` is output column k's field index, or -1 for the corrupt-record column;
   * `builders[k]` receives its values.
   */
  constructor(
    outFields: readonly StructField[], private readonly tokenIndex: readonly number[], private readonly numTokens: number,
    private readonly o: CsvReadOptions, conv: TextConversion, private readonly builders: readonly ColumnBuilder[],
  ) {
    this.kinds = outFields.map((f) => fastKind(f.dataType, o, conv));
    this.readers = outFields.map((f) => fieldReader(f.dataType, o, conv));
    const all = outFields.map((_, k) => k);
    const isString = (k: number) => this.kinds[k] === FastKind.STRING;
    const typed = all.filter((k) => tokenIndex[k]! >= 0 && !isString(k));
    this.order = [...typed, ...all.filter((k) => tokenIndex[k]! >= 0 && isString(k))];
    this.typedCount = typed.length;
    this.jToken = this.order.map((k) => tokenIndex[k]!);
    this.jKind = this.order.map((k) => this.kinds[k]!);
    this.jBuilder = this.order.map((k) => builders[k]!);
    this.jReader = this.order.map((k) => this.readers[k]!);
    this.corrupt = all.filter((k) => tokenIndex[k] === -1);
    this.nullBytes = new TextEncoder().encode(o.nullValue);
    this.zone = conv.timeZone;
    this.utc = normalizeZone(conv.timeZone) === "UTC";
  }

  /**
   * Appends record t (n fields) as row `row` of the builders. Returns false when the row was
   * malformed and dropped (DROPMALFORMED); throws for a malformed row in FAILFAST mode.
   */
  append(t: CsvRecord, n: number, row: number, path: string): boolean {
    const { jToken: tokens, jKind: kinds, jBuilder: builders, jReader: readers } = this;
    // A byte view only in byte mode (UTF-16 mode has none: fields are read as text).
    const bytes = t.bytes;
    const bt = bytes !== null ? (t as CsvByteTokenizer) : null;
    // The tokenizer's per-field arrays, loaded once per record.
    const mat = bt !== null ? bt.mat : NO_FIELDS;
    const starts = bt !== null ? bt.starts : NO_STARTS;
    const ends = bt !== null ? bt.ends : NO_STARTS;
    const buf = bytes !== null ? bytes : NO_FIELDS;
    const typedCount = this.typedCount;
    let malformed = n !== this.numTokens;
    const len = tokens.length;
    for (let j = 0; j < len; j++) {
      if (j === typedCount && malformed && !this.keepMalformed(t, j, row, path)) return false;
      const ti = tokens[j]!;
      const b = builders[j]!;
      if (ti >= n) {
        b.push(null);
        continue;
      }
      if (ti < mat.length && mat[ti] === 0) {
        const s = starts[ti]!;
        const e = ends[ti]!;
        if (e > s) {
          switch (kinds[j]) {
            case FastKind.INT: {
              const v = intFromBytes(buf, s, e, -2147483648, 2147483647);
              if (v !== undefined) {
                (b as TypedBuilder).pushNumber(v);
                continue;
              }
              break;
            }
            case FastKind.LONG: {
              const v = intFromBytes(buf, s, e, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
              if (v !== undefined) {
                (b as TypedBuilder).pushNumber(v);
                continue;
              }
              break;
            }
            case FastKind.DOUBLE: {
              if (doubleFromBytes(buf, s, e)) {
                (b as TypedBuilder).pushNumber(NUM_OUT[0]!);
                continue;
              }
              break;
            }
            case FastKind.TIMESTAMP: {
              if (timestampFromBytes(buf, s, e, this.zone, this.utc)) {
                (b as TypedBuilder).pushNumber(NUM_OUT[0]!);
                continue;
              }
              break;
            }
            case FastKind.DATE: {
              const v = dateFromBytes(buf, s, e);
              if (v !== undefined) {
                (b as TypedBuilder).pushNumber(v);
                continue;
              }
              break;
            }
            case FastKind.STRING:
              if (this.nullBytes.length === 0 || !bytesEqual(buf, s, e, this.nullBytes)) {
                (b as StringColumnBuilder).pushBytes(buf, s, e);
                continue;
              }
              break;
          }
        }
      }
      if (!readers[j]!(t, ti, b)) malformed = true;
    }
    if (malformed && this.typedCount === len && !this.keepMalformed(t, len, row, path)) return false;
    for (const k of this.corrupt) this.builders[k]!.push(malformed ? t.rawRecord() : null);
    return true;
  }

  /**
   * A malformed row after its first `done` columns: throws (FAILFAST), takes their values
   * back and returns false (DROPMALFORMED), or returns true (PERMISSIVE keeps it).
   */
  private keepMalformed(t: CsvRecord, done: number, row: number, path: string): boolean {
    // Spark also flags bad values in columns that were pruned away; converting them just to
    // check would cost the pruning, so only type errors in read columns count.
    if (this.o.mode === "FAILFAST") throw malformedRecord(t.rawRecord(), path, t.recordLine);
    if (this.o.mode !== "DROPMALFORMED") return true;
    for (let q = 0; q < done; q++) this.builders[this.order[q]!]!.truncate(row);
    return false;
  }
}

function malformedRecord(raw: string, path: string, line: number): PijarError {
  return new PijarError("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: raw }, {
    context: `  (file ${path}, line ${line}). Fix the record, or read with mode DROPMALFORMED to skip bad rows or PERMISSIVE to get nulls.`,
  });
}
