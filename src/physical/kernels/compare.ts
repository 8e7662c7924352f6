/**
 * Comparison kernels over typed vectors: one loop per representation, three-valued result
 * (see TriBool). Dictionary-encoded strings compare each dictionary entry once and then look
 * the answer up by index, so `status = 'completed'` costs one byte read per row.
 * Row i of a vector is `values[i]` / `valueOffsets[i]` even on a slice: Arrow's `Data.slice`
 * cuts those buffers and keeps `offset` only for the validity bits (read via validBytes).
 */
import * as A from "apache-arrow";
import { NULL, TRUE, FALSE, validBytes, isNumberVector, numbersOf, type TriBool, type Vector } from "../../columnar/vector.js";

export type CompareOp = "eq" | "lt" | "le" | "gt" | "ge";

const FLIP: Record<CompareOp, CompareOp> = { eq: "eq", lt: "gt", le: "ge", gt: "lt", ge: "le" };

/** The operator seen from the other side (`1 < x` is `x > 1`). */
export function flip(op: CompareOp): CompareOp {
  return FLIP[op];
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

/** Spark orders strings by their UTF-8 bytes (JS `<` compares UTF-16 units: differs past U+FFFF). */
function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array): number {
  const la = ae - as;
  const n = Math.min(la, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[as + i]! - b[i]!;
    if (d !== 0) return d;
  }
  return la - b.length;
}

function test(op: CompareOp, c: number): boolean {
  switch (op) {
    case "eq": return c === 0;
    case "lt": return c < 0;
    case "le": return c <= 0;
    case "gt": return c > 0;
    case "ge": return c >= 0;
  }
}

/**
 * Compares a vector with a non-null scalar of the same Spark type (the analyzer has cast both
 * sides to one type). Returns undefined when the representation has no kernel here.
 */
export function compareScalar(v: Vector, op: CompareOp, scalar: unknown): TriBool | undefined {
  const n = v.length;
  const out = new Uint8Array(n);
  const valid = validBytes(v);
  if (isNumberVector(v) && typeof scalar === "number") {
    const x = numbersOf(v);
    // NaN: Spark treats NaN as equal to itself and larger than any other value.
    if (Number.isNaN(scalar)) return undefined;
    switch (op) {
      case "eq": for (let i = 0; i < n; i++) out[i] = x[i] === scalar ? TRUE : FALSE; break;
      case "lt": for (let i = 0; i < n; i++) out[i] = x[i]! < scalar ? TRUE : FALSE; break;
      case "le": for (let i = 0; i < n; i++) out[i] = x[i]! <= scalar ? TRUE : FALSE; break;
      case "gt": for (let i = 0; i < n; i++) out[i] = x[i]! > scalar || Number.isNaN(x[i]) ? TRUE : FALSE; break;
      case "ge": for (let i = 0; i < n; i++) out[i] = x[i]! >= scalar || Number.isNaN(x[i]) ? TRUE : FALSE; break;
    }
    if (valid) for (let i = 0; i < n; i++) if (!valid[i]) out[i] = NULL;
    return out;
  }
  if (v.values instanceof BigInt64Array && (typeof scalar === "number" || typeof scalar === "bigint")) {
    if (typeof scalar === "number" && !Number.isInteger(scalar)) return undefined;
    const s = BigInt(scalar);
    const x = v.values;
    for (let i = 0; i < n; i++) {
      const a = x[i]!;
      out[i] = test(op, a < s ? -1 : a > s ? 1 : 0) ? TRUE : FALSE;
    }
    if (valid) for (let i = 0; i < n; i++) if (!valid[i]) out[i] = NULL;
    return out;
  }
  if (typeof scalar === "string" && v.type.typeId === A.Type.Dictionary) {
    const dict = v.dictionary!;
    if (dict.data.length !== 1 || dict.data[0]!.type.typeId !== A.Type.Utf8) return undefined;
    const answers = compareScalar(dict.data[0]!, op, scalar);
    if (!answers) return undefined;
    const idx = v.values as Int32Array;
    for (let i = 0; i < n; i++) out[i] = answers[idx[i]!]!;
    if (valid) for (let i = 0; i < n; i++) if (!valid[i]) out[i] = NULL;
    return out;
  }
  if (typeof scalar === "string" && v.type.typeId === A.Type.Utf8) {
    const s = utf8.encode(scalar);
    const offsets = v.valueOffsets as Int32Array;
    const bytes = v.values as Uint8Array;
    if (op === "eq") {
      const len = s.length;
      for (let i = 0; i < n; i++) {
        const st = offsets[i]!;
        if (offsets[i + 1]! - st !== len) { out[i] = FALSE; continue; }
        let eq = TRUE;
        for (let k = 0; k < len; k++) if (bytes[st + k] !== s[k]) { eq = FALSE; break; }
        out[i] = eq;
      }
    } else {
      for (let i = 0; i < n; i++) out[i] = test(op, compareBytes(bytes, offsets[i]!, offsets[i + 1]!, s)) ? TRUE : FALSE;
    }
    if (valid) for (let i = 0; i < n; i++) if (!valid[i]) out[i] = NULL;
    return out;
  }
  return undefined;
}

/** Compares two number vectors of one type row by row (NaN equal to NaN and largest, as Spark). */
export function compareVectors(a: Vector, op: CompareOp, b: Vector): TriBool | undefined {
  if (!isNumberVector(a) || !isNumberVector(b)) return undefined;
  const n = a.length;
  const x = numbersOf(a);
  const y = numbersOf(b);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = x[i]!;
    const q = y[i]!;
    const c = p < q ? -1 : p > q ? 1 : p === q ? 0 : Number.isNaN(p) ? (Number.isNaN(q) ? 0 : 1) : -1;
    out[i] = test(op, c) ? TRUE : FALSE;
  }
  const va = validBytes(a);
  const vb = validBytes(b);
  if (va) for (let i = 0; i < n; i++) if (!va[i]) out[i] = NULL;
  if (vb) for (let i = 0; i < n; i++) if (!vb[i]) out[i] = NULL;
  return out;
}

/** A dictionary's string values, decoded once (for grouping and join keys). */
export function dictionaryStrings(v: Vector): string[] | undefined {
  const dict = v.dictionary;
  if (!dict || dict.data.length !== 1) return undefined;
  const d = dict.data[0]!;
  if (d.type.typeId !== A.Type.Utf8) return undefined;
  const offsets = d.valueOffsets as Int32Array;
  const bytes = d.values as Uint8Array;
  const out = new Array<string>(d.length);
  for (let i = 0; i < d.length; i++) out[i] = decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!)); // sliced offsets start at row 0
  return out;
}
