/**
 * The string column builder of text readers. Values arrive as UTF-8 byte ranges (CSV byte
 * tokenizer) or as JS strings. While the column has few distinct values it is dictionary
 * encoded: byte ranges are interned by hashing their bytes, so a repeated value is never
 * decoded again. The dictionary is shared by every batch of the scan (later batches see a
 * longer dictionary with the same prefix, so an index means the same string in every batch);
 * once it would reach `maxDistinct` values the column switches to plain Utf8 for the rest of
 * the scan, and plain values are copied as bytes without becoming strings.
 */
import * as A from "apache-arrow";
import type { DataType } from "../../types/data-types.js";
import { buildData, packValidity } from "../../physical/vector/build.js";
import type { ColumnBuilder } from "../text-columns.js";
import { utf8Text } from "./csv-bytes.js";

const encoder = new TextEncoder();
const EMPTY_TABLE = new Int32Array(0);

export class StringColumnBuilder implements ColumnBuilder {
  private static nextId = 1_000_000;
  private readonly dictId = StringColumnBuilder.nextId++;
  // The batch being built.
  private n = 0;
  private nulls = 0;
  private valid: Uint8Array;
  private idx: Int32Array;
  private data = new Uint8Array(1024);
  private offsets: Int32Array;
  private dictMode: boolean;
  // The scan's dictionary: its values, and byte keys -> value index in an open-addressing table.
  private values: string[] = [];
  private byString = new Map<string, number>();
  private table: Int32Array;
  private keyHash: Int32Array;
  private keyStart: Int32Array;
  private keyLen: Int32Array;
  private keyDict: Int32Array;
  private keyBytes = new Uint8Array(4096);
  private keyPos = 0;
  private nKeys = 0;

  constructor(private readonly type: DataType, private readonly cap: number, private readonly maxDistinct: number) {
    this.valid = new Uint8Array(cap);
    this.idx = new Int32Array(cap);
    this.offsets = new Int32Array(cap + 1);
    this.dictMode = maxDistinct > 0;
    // Keys may outnumber values only for invalid UTF-8 (two byte spellings of one string).
    const maxKeys = this.dictMode ? maxDistinct * 2 : 0;
    this.table = this.dictMode ? new Int32Array(nextPow2(maxKeys * 2)) : EMPTY_TABLE;
    this.keyHash = new Int32Array(maxKeys);
    this.keyStart = new Int32Array(maxKeys);
    this.keyLen = new Int32Array(maxKeys);
    this.keyDict = new Int32Array(maxKeys);
  }

  private grow(): void {
    const m = this.valid.length * 2 || 16;
    const valid = new Uint8Array(m);
    valid.set(this.valid);
    this.valid = valid;
    const idx = new Int32Array(m);
    idx.set(this.idx);
    this.idx = idx;
    const offsets = new Int32Array(m + 1);
    offsets.set(this.offsets);
    this.offsets = offsets;
  }

  /** Appends a string or null. */
  push(v: unknown): void {
    if (this.n === this.valid.length) this.grow();
    const n = this.n;
    if (v == null) {
      this.nulls++;
      this.valid[n] = 0;
      this.offsets[n + 1] = this.offsets[n]!;
      this.n = n + 1;
      return;
    }
    const s = v as string;
    if (this.dictMode) {
      const d = this.lookupString(s);
      if (d >= 0) {
        this.idx[n] = d;
        this.valid[n] = 1;
        this.n = n + 1;
        return;
      }
    }
    this.appendText(s);
  }

  /** Appends the UTF-8 text in bytes [s, e). */
  pushBytes(buf: Uint8Array, s: number, e: number): void {
    if (this.n === this.valid.length) this.grow();
    if (!this.dictMode) {
      this.appendBytes(buf, s, e);
      return;
    }
    let h = 0x811c9dc5 | 0;
    for (let p = s; p < e; p++) h = Math.imul(h ^ buf[p]!, 0x01000193);
    const table = this.table;
    const mask = table.length - 1;
    const len = e - s;
    const { keyHash, keyLen, keyStart, keyBytes } = this;
    let slot = h & mask;
    probe: for (;;) {
      const k = table[slot]!;
      if (k === 0) break;
      const key = k - 1;
      if (keyHash[key] === h && keyLen[key] === len) {
        const o = keyStart[key]! - s;
        for (let p = s; p < e; p++) {
          if (keyBytes[p + o] !== buf[p]) {
            slot = (slot + 1) & mask;
            continue probe;
          }
        }
        const n = this.n;
        this.idx[n] = this.keyDict[key]!;
        this.valid[n] = 1;
        this.n = n + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
    // A new byte spelling: decode it once, find or add its string, remember the bytes.
    const d = this.lookupString(utf8Text(buf, s, e));
    if (d < 0) {
      this.appendBytes(buf, s, e);
      return;
    }
    if (this.nKeys < this.keyHash.length) {
      const key = this.nKeys++;
      if (this.keyPos + len > this.keyBytes.length) {
        const kb = new Uint8Array(Math.max(this.keyBytes.length * 2, this.keyPos + len));
        kb.set(this.keyBytes.subarray(0, this.keyPos));
        this.keyBytes = kb;
      }
      this.keyBytes.set(buf.subarray(s, e), this.keyPos);
      this.keyHash[key] = h;
      this.keyStart[key] = this.keyPos;
      this.keyLen[key] = len;
      this.keyDict[key] = d;
      this.keyPos += len;
      table[slot] = key + 1;
    }
    this.idx[this.n] = d;
    this.valid[this.n++] = 1;
  }

  /**
   * Dictionary index of s (added if new), or -1 when the dictionary is full: then the column
   * has switched to plain strings (this batch included) and the caller appends s as text.
   */
  private lookupString(s: string): number {
    let d = this.byString.get(s);
    if (d !== undefined) return d;
    // Spark-compatible cut-off kept from the first reader: reaching maxDistinct goes plain.
    if (this.values.length + 1 >= this.maxDistinct) {
      this.toPlain();
      return -1;
    }
    d = this.values.length;
    this.values.push(s);
    this.byString.set(s, d);
    return d;
  }

  /** Rewrites the batch so far as plain strings and stops dictionary encoding for the scan. */
  private toPlain(): void {
    this.dictMode = false;
    const n = this.n;
    this.n = 0;
    this.offsets[0] = 0;
    const { idx, valid, values } = this;
    for (let i = 0; i < n; i++) {
      if (valid[i]) this.appendText(values[idx[i]!]!);
      else {
        this.offsets[i + 1] = this.offsets[i]!;
        this.n++;
      }
    }
    this.values = [];
    this.byString = new Map();
    this.table = EMPTY_TABLE;
  }

  private ensure(extra: number): void {
    const pos = this.offsets[this.n]!;
    if (this.data.length - pos >= extra) return;
    const nb = new Uint8Array(Math.max(this.data.length * 2, pos + extra));
    nb.set(this.data.subarray(0, pos));
    this.data = nb;
  }

  private appendText(s: string): void {
    this.ensure(s.length * 3);
    const n = this.n;
    const pos = this.offsets[n]!;
    this.offsets[n + 1] = pos + encoder.encodeInto(s, this.data.subarray(pos)).written;
    this.valid[n] = 1;
    this.n = n + 1;
  }

  private appendBytes(buf: Uint8Array, s: number, e: number): void {
    this.ensure(e - s);
    const n = this.n;
    const pos = this.offsets[n]!;
    const data = this.data;
    let any = 0;
    for (let p = s, q = pos; p < e; p++, q++) {
      const b = buf[p]!;
      any |= b;
      data[q] = b;
    }
    if (any & 0x80) {
      // Non-ASCII: decode and re-encode, so invalid UTF-8 becomes U+FFFD as in decoded text.
      this.appendText(utf8Text(buf, s, e));
      return;
    }
    this.offsets[n + 1] = pos + e - s;
    this.valid[n] = 1;
    this.n = n + 1;
  }

  truncate(n: number): void {
    for (let i = n; i < this.n; i++) if (!this.valid[i]) this.nulls--;
    if (n < this.n) this.n = n;
  }

  finish(): A.Data {
    const n = this.n;
    const { bitmap, nullCount } = this.nulls ? packValidity(this.valid, n) : { bitmap: undefined, nullCount: 0 };
    let out: A.Data;
    if (this.dictMode) {
      const dictData = buildData(this.type, this.values);
      const type = new A.Dictionary(new A.Utf8(), new A.Int32(), this.dictId);
      out = A.makeData({ type, length: n, nullCount, nullBitmap: bitmap, data: this.idx.subarray(0, n), dictionary: new A.Vector([dictData]) as A.Vector<A.Utf8> }) as unknown as A.Data;
    } else {
      const end = this.offsets[n]!;
      out = A.makeData({ type: new A.Utf8(), length: n, nullCount, nullBitmap: bitmap, data: this.data.subarray(0, end), valueOffsets: this.offsets.subarray(0, n + 1) });
      this.data = new Uint8Array(Math.max(1024, end));
    }
    this.n = 0;
    this.nulls = 0;
    this.valid = new Uint8Array(this.cap);
    this.idx = new Int32Array(this.cap);
    this.offsets = new Int32Array(this.cap + 1);
    return out;
  }
}

function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
