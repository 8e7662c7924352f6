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
import { buildData } from "../../columnar/convert/build.js";
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
  private keyW0: Int32Array;
  private keyW1: Int32Array;
  private keyW2: Int32Array;
  private keyStart: Int32Array;
  private keyLen: Int32Array;
  private keyDict: Int32Array;
  private keyBytes = new Uint8Array(4096);
  private keyPos = 0;
  private nKeys = 0;

  constructor(private readonly type: DataType, cap: number, private readonly maxDistinct: number) {
    this.valid = new Uint8Array(cap);
    this.idx = new Int32Array(cap);
    this.offsets = new Int32Array(cap + 1);
    this.dictMode = maxDistinct > 0;
    // Keys may outnumber values only for invalid UTF-8 (two byte spellings of one string).
    const maxKeys = this.dictMode ? maxDistinct * 2 : 0;
    this.table = this.dictMode ? new Int32Array(nextPow2(maxKeys * 2)) : EMPTY_TABLE;
    this.keyW0 = new Int32Array(maxKeys);
    this.keyW1 = new Int32Array(maxKeys);
    this.keyW2 = new Int32Array(maxKeys);
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
    // The first 12 bytes packed into three words: most values fit, and then comparing a key
    // is comparing three numbers. Longer values also hash and compare their remaining bytes.
    const len = e - s;
    const e0 = len < 4 ? e : s + 4;
    const e1 = len < 8 ? e : s + 8;
    const e2 = len < 12 ? e : s + 12;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let p = s;
    for (; p < e0; p++) w0 = (w0 << 8) | buf[p]!;
    for (; p < e1; p++) w1 = (w1 << 8) | buf[p]!;
    for (; p < e2; p++) w2 = (w2 << 8) | buf[p]!;
    let h = Math.imul(w0 ^ len, 0x9e3779b1) ^ Math.imul(w1, 0x85ebca77) ^ Math.imul(w2, 0xc2b2ae3d);
    for (; p < e; p++) h = Math.imul(h ^ buf[p]!, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const table = this.table;
    const mask = table.length - 1;
    const { keyW0, keyW1, keyW2, keyLen } = this;
    let slot = h & mask;
    probe: for (;;) {
      const k = table[slot]!;
      if (k === 0) break;
      const key = k - 1;
      if (keyW0[key] === w0 && keyW1[key] === w1 && keyW2[key] === w2 && keyLen[key] === len) {
        if (len > 12) {
          const kb = this.keyBytes;
          const o = this.keyStart[key]! - s;
          for (let q = s + 12; q < e; q++) {
            if (kb[q + o] !== buf[q]) {
              slot = (slot + 1) & mask;
              continue probe;
            }
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
    if (this.nKeys < this.keyLen.length) {
      const key = this.nKeys++;
      if (this.keyPos + len > this.keyBytes.length) {
        const kb = new Uint8Array(Math.max(this.keyBytes.length * 2, this.keyPos + len));
        kb.set(this.keyBytes.subarray(0, this.keyPos));
        this.keyBytes = kb;
      }
      this.keyBytes.set(buf.subarray(s, e), this.keyPos);
      this.keyW0[key] = w0;
      this.keyW1[key] = w1;
      this.keyW2[key] = w2;
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
    const { bitmap, nullCount } = packValid(this.valid, n, this.nulls);
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
    // Only arrays the output points to are replaced (validity was copied into a bitmap).
    // (Sized as `valid`, which may have grown past cap.)
    if (this.dictMode) this.idx = new Int32Array(this.valid.length);
    else this.offsets = new Int32Array(this.valid.length + 1);
    return out;
  }
}

/**
 * Arrow validity bits of valid[0, n) (each 0 or 1), or no bitmap when nothing is null: eight
 * flags per step, as builders of big batches call this for every column with a null.
 */
export function packValid(valid: Uint8Array, n: number, nulls: number): { bitmap: Uint8Array | undefined; nullCount: number } {
  if (nulls === 0) return { bitmap: undefined, nullCount: 0 };
  const bitmap = new Uint8Array((n + 7) >> 3);
  const full = n >> 3;
  for (let j = 0, o = 0; j < full; j++, o += 8) {
    bitmap[j] = valid[o]! | (valid[o + 1]! << 1) | (valid[o + 2]! << 2) | (valid[o + 3]! << 3) |
      (valid[o + 4]! << 4) | (valid[o + 5]! << 5) | (valid[o + 6]! << 6) | (valid[o + 7]! << 7);
  }
  for (let i = full * 8; i < n; i++) if (valid[i]) bitmap[i >> 3]! |= 1 << (i & 7);
  return { bitmap, nullCount: nulls };
}

function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
