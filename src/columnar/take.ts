/**
 * Gathering rows of a vector by a selection vector (row indexes), the way a filter or a join
 * hands rows on without decoding them into JS values. Fixed-width values, booleans, UTF-8
 * strings and binaries, and dictionaries (indexes gathered, the dictionary shared) are copied
 * buffer to buffer; nested types return undefined and the caller falls back to values.
 *
 * On a slice (Arrow's `Data.slice`) only bit buffers (validity, booleans) are read at
 * `offset + row`: value and offset buffers already start at the slice's first row.
 */
import * as A from "apache-arrow";

/** Rows `sel` of `v`, or undefined when the type has no typed gather. */
export function takeVector(v: A.Data, sel: Int32Array): A.Data | undefined {
  const n = sel.length;
  const { bitmap, nullCount } = takeValidity(v, sel);
  const t = v.type;
  switch (t.typeId) {
    case A.Type.Int:
    case A.Type.Float:
    case A.Type.Date:
    case A.Type.Timestamp:
    case A.Type.Dictionary: {
      const src = v.values as Int32Array;
      const Ctor = src.constructor as { new (n: number): Int32Array };
      const out = new Ctor(n);
      for (let k = 0; k < n; k++) out[k] = src[sel[k]!]!;
      if (t.typeId === A.Type.Dictionary) {
        return A.makeData({ type: t as A.Dictionary, length: n, nullCount, nullBitmap: bitmap, data: out, dictionary: v.dictionary });
      }
      return A.makeData({ type: t as A.Int32, length: n, nullCount, nullBitmap: bitmap, data: out });
    }
    case A.Type.Bool: {
      const src = v.values as Uint8Array;
      const out = new Uint8Array((n + 7) >> 3);
      const off = v.offset; // boolean values are bits: the buffer is not cut at the slice
      for (let k = 0; k < n; k++) {
        const j = off + sel[k]!;
        if ((src[j >> 3]! >> (j & 7)) & 1) out[k >> 3]! |= 1 << (k & 7);
      }
      return A.makeData({ type: t as A.Bool, length: n, nullCount, nullBitmap: bitmap, data: out });
    }
    case A.Type.Utf8:
    case A.Type.Binary: {
      const offsets = v.valueOffsets as Int32Array;
      const bytes = v.values as Uint8Array;
      const outOffsets = new Int32Array(n + 1);
      let total = 0;
      for (let k = 0; k < n; k++) {
        const r = sel[k]!;
        total += offsets[r + 1]! - offsets[r]!;
        outOffsets[k + 1] = total;
      }
      const out = new Uint8Array(total);
      for (let k = 0; k < n; k++) {
        const r = sel[k]!;
        const s = offsets[r]!;
        const e = offsets[r + 1]!;
        if (e - s < 16) for (let b = s, o = outOffsets[k]!; b < e; b++, o++) out[o] = bytes[b]!;
        else out.set(bytes.subarray(s, e), outOffsets[k]!);
      }
      return A.makeData({ type: t as A.Utf8, length: n, nullCount, nullBitmap: bitmap, data: out, valueOffsets: outOffsets });
    }
    default:
      return undefined;
  }
}

function takeValidity(v: A.Data, sel: Int32Array): { bitmap: Uint8Array | undefined; nullCount: number } {
  if (v.nullCount === 0) return { bitmap: undefined, nullCount: 0 };
  const bits = v.nullBitmap;
  const n = sel.length;
  if (!bits || bits.length === 0) return { bitmap: undefined, nullCount: 0 };
  const out = new Uint8Array((n + 7) >> 3);
  const off = v.offset;
  let nulls = 0;
  for (let k = 0; k < n; k++) {
    const j = off + sel[k]!;
    if ((bits[j >> 3]! >> (j & 7)) & 1) out[k >> 3]! |= 1 << (k & 7);
    else nulls++;
  }
  return nulls === 0 ? { bitmap: undefined, nullCount: 0 } : { bitmap: out, nullCount: nulls };
}
