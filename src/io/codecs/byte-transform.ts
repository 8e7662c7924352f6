/**
 * The one shape every codec has in Pijar: a synchronous, incremental byte transform. `push`
 * takes the next input chunk and returns the output it completed; `end` returns the rest, or
 * throws when the input stopped early (a truncated file). Being synchronous lets the same
 * decoder serve the streaming scan and the synchronous schema inference (which runs inside
 * `spark.read.csv`), and being incremental keeps both from holding a whole file.
 */
export interface ByteTransform {
  push(chunk: Uint8Array): Uint8Array[];
  end(): Uint8Array[];
}

/** Bytes that arrive in chunks, consumed from the front (the framing decoders' input). */
export class ByteQueue {
  private buf = new Uint8Array(0);
  private pos = 0;

  append(chunk: Uint8Array): void {
    const rest = this.buf.length - this.pos;
    const next = new Uint8Array(rest + chunk.length);
    next.set(this.buf.subarray(this.pos));
    next.set(chunk, rest);
    this.buf = next;
    this.pos = 0;
  }

  get available(): number {
    return this.buf.length - this.pos;
  }

  /** A big-endian uint32, or -1 when fewer than 4 bytes are there. */
  readInt(): number {
    if (this.available < 4) return -1;
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  }

  /** `n` bytes (a view valid until the next append), or null when not all there yet. */
  take(n: number): Uint8Array | null {
    if (this.available < n) return null;
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Gives back the last `n` bytes read (a header whose body has not arrived yet). */
  unread(n: number): void {
    this.pos -= n;
  }
}
