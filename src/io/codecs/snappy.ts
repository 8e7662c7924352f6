/**
 * Spark's `snappy` text codec: Hadoop's SnappyCodec, raw snappy blocks in Hadoop's block
 * framing (hadoop-block.ts). Blocks go through snappyjs (pure JS, MIT, no dependencies, the
 * raw format with its length prefix checked, so malformed input throws instead of looping).
 */
import * as snappyjs from "snappyjs";
import type { BlockCodec } from "./hadoop-block.js";

export const SNAPPY_BLOCK: BlockCodec = {
  name: "snappy",
  compress: (raw) => snappyjs.compress(raw),
  decompress: (chunk, limit) => snappyjs.uncompress(chunk, limit),
};
