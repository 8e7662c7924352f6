/**
 * Zstandard input (`.zst`, `.zstd`; Spark reads both through Hadoop's ZStandardCodec but
 * cannot write them as text: its `compression` option has no zstd for CSV/JSON/text).
 * Decoded by fzstd: pure JS, MIT, no dependencies, a streaming decoder that keeps only the
 * window it needs and reports a stream that ends early. Node 20's zlib has no zstd (22.15+).
 */
import { Decompress } from "fzstd";
import type { ByteTransform } from "./byte-transform.js";

export class ZstdDecoder implements ByteTransform {
  private out: Uint8Array[] = [];
  private readonly d = new Decompress((chunk) => {
    this.out.push(chunk);
  });
  private sawInput = false;

  push(chunk: Uint8Array): Uint8Array[] {
    if (chunk.length) this.sawInput = true;
    this.d.push(chunk.slice()); // fzstd may keep unconsumed input, and callers reuse buffers
    return this.drain();
  }

  end(): Uint8Array[] {
    // An empty file is an empty input (as Hadoop reads it); anything else must end a frame.
    if (this.sawInput) this.d.push(new Uint8Array(0), true);
    return this.drain();
  }

  private drain(): Uint8Array[] {
    const o = this.out;
    this.out = [];
    return o;
  }
}
