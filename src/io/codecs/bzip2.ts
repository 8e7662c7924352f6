/**
 * bzip2 input and output (`.bz2`). Decoding is unbzip2-stream (pure JS, MIT, 40M weekly
 * downloads; block and stream CRCs checked, concatenated streams read, as Hadoop's
 * BZip2Codec does). It is a `through` stream whose writes decode synchronously, so it fits
 * the synchronous ByteTransform shape; it holds one bzip2 block (at most 900 kB) at a time.
 * Encoding is Pijar's own (bzip2-encoder.ts): the pure-JS encoders on npm are GPL or CC-SA.
 */
import unbzip2Stream from "unbzip2-stream";
import type { ByteTransform } from "./byte-transform.js";
import { Bzip2Encoder } from "./bzip2-encoder.js";

export class Bzip2Decoder implements ByteTransform {
  private out: Uint8Array[] = [];
  private error: unknown = null;
  private sawInput = false;
  private readonly s = unbzip2Stream();

  constructor() {
    this.s.on("data", (d: Buffer) => this.out.push(d));
    this.s.on("error", (e: unknown) => {
      this.error ??= e;
    });
  }

  push(chunk: Uint8Array): Uint8Array[] {
    if (chunk.length) this.sawInput = true;
    try {
      this.s.write(Buffer.from(chunk));
    } catch (e) {
      this.error ??= e;
    }
    return this.drain();
  }

  end(): Uint8Array[] {
    if (this.sawInput) {
      try {
        this.s.end();
      } catch (e) {
        this.error ??= e;
      }
    }
    return this.drain();
  }

  private drain(): Uint8Array[] {
    if (this.error) throw this.error instanceof Error ? this.error : new Error(String(this.error));
    const o = this.out;
    this.out = [];
    return o;
  }
}

export { Bzip2Encoder };
