/**
 * Hadoop's block framing (BlockCompressorStream / BlockDecompressorStream), which Spark's
 * `lz4` and `snappy` text codecs write and read: not the lz4 frame format nor snappy's
 * framing format, and without checksums. A file is a run of blocks, each
 *
 *   uint32 BE  raw length of the block
 *   then chunks until the raw length is produced:  uint32 BE compressed length, bytes
 *
 * Pijar writes one chunk per block and blocks of 128 KiB raw: Hadoop's decompressor holds a
 * chunk in a 256 KiB buffer (io.compression.codec.{lz4,snappy}.buffersize), and 128 KiB
 * compresses to well under that even when incompressible.
 */
import { ByteQueue, type ByteTransform } from "./byte-transform.js";

/** One block codec: raw bytes in, compressed bytes out, and back. */
export interface BlockCodec {
  readonly name: string;
  compress(raw: Uint8Array): Uint8Array;
  /** Decompresses one chunk into at most `limit` bytes; throws on malformed input. */
  decompress(chunk: Uint8Array, limit: number): Uint8Array;
}

export const RAW_BLOCK = 128 * 1024;
/** Larger lengths in a header are damage, not data: refuse them before allocating. */
const MAX_LENGTH = 64 * 1024 * 1024;

export class HadoopBlockEncoder implements ByteTransform {
  private pending = new Uint8Array(RAW_BLOCK);
  private fill = 0;

  constructor(private readonly codec: BlockCodec) {}

  push(chunk: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    let i = 0;
    while (i < chunk.length) {
      const n = Math.min(RAW_BLOCK - this.fill, chunk.length - i);
      this.pending.set(chunk.subarray(i, i + n), this.fill);
      this.fill += n;
      i += n;
      if (this.fill === RAW_BLOCK) out.push(this.block());
    }
    return out;
  }

  end(): Uint8Array[] {
    return this.fill ? [this.block()] : [];
  }

  private block(): Uint8Array {
    const raw = this.pending.subarray(0, this.fill);
    const packed = this.codec.compress(raw);
    const out = new Uint8Array(8 + packed.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, raw.length);
    v.setUint32(4, packed.length);
    out.set(packed, 8);
    this.fill = 0;
    return out;
  }
}

export class HadoopBlockDecoder implements ByteTransform {
  private readonly q = new ByteQueue();
  /** Raw bytes still owed by the current block; -1 between blocks. */
  private owed = -1;

  constructor(private readonly codec: BlockCodec) {}

  push(chunk: Uint8Array): Uint8Array[] {
    this.q.append(chunk);
    const out: Uint8Array[] = [];
    for (;;) {
      if (this.owed < 0) {
        const raw = this.q.readInt();
        if (raw < 0) return out;
        if (raw > MAX_LENGTH) throw new Error(`a ${this.codec.name} block header claims ${raw} bytes (damaged Hadoop block framing)`);
        this.owed = raw === 0 ? -1 : raw;
        continue;
      }
      const len = this.q.readInt();
      if (len < 0) return out;
      if (len === 0 || len > MAX_LENGTH) throw new Error(`a ${this.codec.name} chunk header claims ${len} bytes (damaged Hadoop block framing)`);
      const body = this.q.take(len);
      if (!body) {
        this.q.unread(4);
        return out;
      }
      const raw = this.codec.decompress(body, this.owed);
      if (raw.length === 0 || raw.length > this.owed) throw new Error(`a ${this.codec.name} chunk decompressed to ${raw.length} bytes where ${this.owed} were due`);
      this.owed -= raw.length;
      if (this.owed === 0) this.owed = -1;
      out.push(raw);
    }
  }

  end(): Uint8Array[] {
    if (this.owed >= 0 || this.q.available > 0) throw new Error(`the ${this.codec.name} stream ends inside a block (truncated file)`);
    return [];
  }
}
