/**
 * Spark's `lz4` text codec: Hadoop's Lz4Codec, raw LZ4 blocks in Hadoop's block framing
 * (hadoop-block.ts). The block compressor and decompressor are lz4js (pure JS, MIT-style
 * ISC licence, no dependencies); its raw-block functions are exactly what the framing needs,
 * which the frame-format packages do not expose.
 */
import * as lz4js from "lz4js";
import type { BlockCodec } from "./hadoop-block.js";

/** A block of literals only: what LZ4 stores when nothing matched (lz4js then returns 0). */
function literalsOnly(raw: Uint8Array): Uint8Array {
  const head: number[] = [];
  if (raw.length < 15) head.push(raw.length << 4);
  else {
    head.push(0xf0);
    let n = raw.length - 15;
    for (; n >= 255; n -= 255) head.push(255);
    head.push(n);
  }
  const out = new Uint8Array(head.length + raw.length);
  out.set(head);
  out.set(raw, head.length);
  return out;
}

export const LZ4_BLOCK: BlockCodec = {
  name: "lz4",
  compress(raw) {
    const dst = new Uint8Array(lz4js.compressBound(raw.length));
    const n = lz4js.compressBlock(raw, dst, 0, raw.length, new Uint32Array(1 << 16));
    return n > 0 ? dst.subarray(0, n) : literalsOnly(raw);
  },
  decompress(chunk, limit) {
    // lz4js does not bounds-check: writes past `dst` are dropped by the typed array and
    // show as an end beyond `limit`, which the framing rejects.
    const dst = new Uint8Array(limit);
    const end = lz4js.decompressBlock(chunk, dst, 0, chunk.length, 0);
    if (!(end > 0 && end <= limit)) throw new Error(`an lz4 block decoded to ${end} bytes where at most ${limit} were due`);
    return dst.subarray(0, end);
  },
};
