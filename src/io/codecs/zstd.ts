/**
 * Zstandard input (`.zst`, `.zstd`; Spark reads both through Hadoop's ZStandardCodec but
 * cannot write them as text: its `compression` option has no zstd for CSV/JSON/text).
 * Decoded by fzstd: pure JS, MIT, no dependencies, a streaming decoder that keeps only the
 * window it needs and reports a stream that ends early. Node 20's zlib has no zstd (22.15+).
 * fzstd does not check a frame's content checksum, so ZstdFrameWalker cuts the stream into
 * frames, each gets its own decoder, and the output is hashed (XXH64 by @node-rs/xxhash, native)
 * and compared with the checksum at the frame's end: a damaged file fails instead of reading
 * as other rows.
 */
import { Xxh64 } from "@node-rs/xxhash";
import { Decompress } from "fzstd";
import type { ByteTransform } from "./byte-transform.js";
import { ZstdFrameWalker } from "./zstd-frame.js";

/** One frame's decoder and, when the frame carries a checksum, the running hash of its output. */
class FrameDecoder {
  private readonly hash: Xxh64 | null;
  private readonly d: Decompress;

  constructor(
    hasChecksum: boolean,
    emit: (chunk: Uint8Array) => void,
  ) {
    this.hash = hasChecksum ? new Xxh64(0n) : null;
    this.d = new Decompress((chunk) => {
      this.hash?.update(chunk);
      emit(chunk);
    });
  }

  push(bytes: Uint8Array): void {
    this.d.push(bytes);
  }

  finish(checksum: number | null, tail: Uint8Array, index: number): void {
    this.d.push(tail, true);
    if (checksum === null || this.hash === null) return;
    const actual = Number(this.hash.digest() & 0xffffffffn);
    if (actual !== checksum) {
      throw new Error(`zstd frame ${index + 1} fails its content checksum (0x${actual.toString(16)} where 0x${checksum.toString(16)} was due): the file is damaged`);
    }
  }
}

export class ZstdDecoder implements ByteTransform {
  private out: Uint8Array[] = [];
  private readonly walker = new ZstdFrameWalker();
  private frame: FrameDecoder | null = null;
  private frames = 0;
  private sawInput = false;

  push(chunk: Uint8Array): Uint8Array[] {
    if (chunk.length) this.sawInput = true;
    for (const piece of this.walker.push(chunk)) {
      if (piece.kind === "start") {
        this.frame = new FrameDecoder(piece.hasChecksum, (c) => this.out.push(c));
        this.frame.push(piece.bytes);
      } else if (piece.kind === "bytes") {
        this.frame!.push(piece.bytes);
      } else {
        this.frame!.finish(piece.checksum, piece.bytes, this.frames++);
        this.frame = null;
      }
    }
    return this.drain();
  }

  end(): Uint8Array[] {
    // An empty file is an empty input (as Hadoop reads it); anything else must end a frame.
    if (this.sawInput && (this.frames === 0 || !this.walker.atFrameBoundary)) {
      throw new Error("the zstd stream ends inside a frame (truncated file)");
    }
    return this.drain();
  }

  private drain(): Uint8Array[] {
    const o = this.out;
    this.out = [];
    return o;
  }
}
