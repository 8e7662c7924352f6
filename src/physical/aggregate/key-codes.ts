/**
 * Group keys as small integers. Each key column gets a `KeyCoder` that turns a batch's vector
 * into one int32 code per row: a dictionary string maps its dictionary entries to codes once
 * per batch (so rows cost an index lookup), a plain string column hashes into the same
 * string -> code table, and 8/16/32-bit integers, dates and booleans are their own codes.
 * Null gets its own flag, so a code table never confuses null with a value.
 * On a slice, value and offset buffers start at the slice's first row (Arrow's `Data.slice`);
 * only boolean bits are read at `offset + row`.
 */
import * as A from "apache-arrow";
import type { DataType } from "../../types/data-types.js";
import { validBytes, type Vector } from "../../columnar/vector.js";
import { dictionaryStrings } from "../kernels/compare.js";

export interface KeyCodes {
  readonly codes: Int32Array;
  /** 1 = valid, per row; null when no row is null. */
  readonly valid: Uint8Array | null;
}

/** The Spark types whose values a KeyCoder can code. */
export function isCodableKey(t: DataType): boolean {
  const name = t.typeName();
  return name === "string" || name === "integer" || name === "short" || name === "byte" || name === "date" || name === "boolean";
}

const decoder = new TextDecoder();

export class KeyCoder {
  private readonly strings = new Map<string, number>();
  private readonly values: string[] = [];
  private lastDict: A.Data | undefined;
  private lastDictCodes: Int32Array = new Int32Array(0);

  constructor(readonly type: DataType) {}

  private stringCode(s: string): number {
    let c = this.strings.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(s);
      this.strings.set(s, c);
    }
    return c;
  }

  /** Codes of every row of v, or undefined when v's representation has no coding here. */
  encode(v: Vector): KeyCodes | undefined {
    const n = v.length;
    const valid = validBytes(v);
    const codes = new Int32Array(n);
    switch (v.type.typeId) {
      case A.Type.Dictionary: {
        const dictData = v.dictionary?.data[0];
        if (!dictData || v.dictionary!.data.length !== 1) return undefined;
        // Scans share one growing dictionary, so the previous batch's codes usually still apply.
        if (dictData !== this.lastDict || this.lastDictCodes.length !== dictData.length) {
          const strs = dictionaryStrings(v);
          if (!strs) return undefined;
          const map = new Int32Array(strs.length);
          for (let i = 0; i < strs.length; i++) map[i] = this.stringCode(strs[i]!);
          this.lastDict = dictData;
          this.lastDictCodes = map;
        }
        const map = this.lastDictCodes;
        const idx = v.values as Int32Array;
        for (let i = 0; i < n; i++) codes[i] = valid && !valid[i] ? 0 : map[idx[i]!]!;
        return { codes, valid };
      }
      case A.Type.Utf8: {
        const offsets = v.valueOffsets as Int32Array;
        const bytes = v.values as Uint8Array;
        for (let i = 0; i < n; i++) {
          if (valid && !valid[i]) continue;
          codes[i] = this.stringCode(decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!)));
        }
        return { codes, valid };
      }
      case A.Type.Int:
      case A.Type.Date: {
        const vals = v.values;
        if (!(vals instanceof Int32Array || vals instanceof Int16Array || vals instanceof Int8Array)) return undefined;
        for (let i = 0; i < n; i++) codes[i] = vals[i]!;
        return { codes, valid };
      }
      case A.Type.Bool: {
        const bits = v.values as Uint8Array;
        const off = v.offset; // bits: the buffer is not cut at the slice
        for (let i = 0; i < n; i++) {
          const j = off + i;
          codes[i] = (bits[j >> 3]! >> (j & 7)) & 1;
        }
        return { codes, valid };
      }
      default:
        return undefined;
    }
  }

  /** The internal value a code stands for (the key's output value). */
  decode(code: number): unknown {
    const name = this.type.typeName();
    if (name === "string") return this.values[code]!;
    if (name === "boolean") return code === 1;
    return code;
  }
}
