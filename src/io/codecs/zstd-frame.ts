/**
 * The layout of a Zstandard stream (RFC 8878 §3.1), read without decoding: where each frame
 * starts and ends, and whether it carries a content checksum. fzstd decodes but ignores the
 * checksum, so a damaged file could read as other rows; walking the frames lets ZstdDecoder give
 * every frame its own decoder and compare the checksum (low 32 bits of XXH64, seed 0) at its end.
 */
import { ByteQueue } from "./byte-transform.js";

const FRAME_MAGIC = 0xfd2fb528;
/** Skippable frames (user data) have magics 0x184D2A50..0x184D2A5F. */
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;

/** What the walker hands out: frame bytes to decode, or a frame's end with its checksum. */
export type FramePiece =
  | { kind: "start"; hasChecksum: boolean; bytes: Uint8Array }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "end"; checksum: number | null; bytes: Uint8Array };

type State =
  | { at: "magic" }
  | { at: "skip"; left: number }
  | { at: "header" }
  | { at: "block-header" }
  | { at: "block"; left: number; last: boolean }
  | { at: "checksum" }
  | { at: "end" };

function le32(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

export class ZstdFrameWalker {
  private readonly q = new ByteQueue();
  private state: State = { at: "magic" };
  private hasChecksum = false;

  /** Appends input and returns every piece it completed, in order. */
  push(chunk: Uint8Array): FramePiece[] {
    this.q.append(chunk);
    const out: FramePiece[] = [];
    for (;;) {
      const piece = this.step();
      if (piece === undefined) return out;
      if (piece !== null) out.push(piece);
    }
  }

  /** True when the input ended between frames (not inside one). */
  get atFrameBoundary(): boolean {
    return this.state.at === "magic" && this.q.available === 0;
  }

  /** One move of the state machine: a piece, null (moved, nothing to hand out), undefined (needs input). */
  private step(): FramePiece | null | undefined {
    const s = this.state;
    switch (s.at) {
      case "magic": {
        const b = this.q.take(4);
        if (!b) return undefined;
        const magic = le32(b, 0);
        if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
          const size = this.q.take(4);
          if (!size) return this.q.unread(4), undefined;
          this.state = { at: "skip", left: le32(size, 0) };
          return null;
        }
        if (magic !== FRAME_MAGIC) throw new Error(`not a zstd frame (magic number 0x${magic.toString(16)} where 0xfd2fb528 was due)`);
        this.q.unread(4);
        this.state = { at: "header" };
        return null;
      }
      case "skip": {
        const n = Math.min(s.left, this.q.available);
        this.q.take(n);
        s.left -= n;
        if (s.left > 0) return undefined;
        this.state = { at: "magic" };
        return null;
      }
      case "header": {
        const len = this.headerLength();
        if (len < 0) return undefined;
        const bytes = this.q.take(len)!.slice();
        this.hasChecksum = (bytes[4]! & 0x04) !== 0;
        this.state = { at: "block-header" };
        return { kind: "start", hasChecksum: this.hasChecksum, bytes };
      }
      case "block-header": {
        const h = this.q.take(3);
        if (!h) return undefined;
        const v = h[0]! | (h[1]! << 8) | (h[2]! << 16);
        const type = (v >> 1) & 3;
        if (type === 3) throw new Error("a zstd block has the reserved block type (damaged file)");
        // An RLE block stores one byte however long its run; the other types store `size` bytes.
        const stored = type === 1 ? 1 : v >>> 3;
        this.state = { at: "block", left: stored, last: (v & 1) === 1 };
        return { kind: "bytes", bytes: h.slice() };
      }
      case "block": {
        const n = Math.min(s.left, this.q.available);
        if (n === 0 && s.left > 0) return undefined;
        const bytes = this.q.take(n)!.slice();
        s.left -= n;
        if (s.left === 0) this.state = !s.last ? { at: "block-header" } : this.hasChecksum ? { at: "checksum" } : { at: "end" };
        return n ? { kind: "bytes", bytes } : null;
      }
      case "end":
        this.state = { at: "magic" };
        return { kind: "end", checksum: null, bytes: new Uint8Array(0) };
      case "checksum": {
        const b = this.q.take(4);
        if (!b) return undefined;
        this.state = { at: "magic" };
        // fzstd reads past the checksum itself, so it gets these bytes too.
        return { kind: "end", checksum: le32(b, 0), bytes: b.slice() };
      }
    }
  }

  /** Length of the frame header at the front (magic included), or -1 when not all there yet. */
  private headerLength(): number {
    const b = this.q.take(5);
    if (!b) return -1;
    const fhd = b[4]!;
    this.q.unread(5);
    if (fhd & 0x08) throw new Error("a zstd frame header sets its reserved bit (damaged file)");
    const singleSegment = (fhd & 0x20) !== 0;
    const fcsFlag = fhd >> 6;
    const didSize = [0, 1, 2, 4][fhd & 3]!;
    const fcsSize = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag]!;
    const len = 5 + (singleSegment ? 0 : 1) + didSize + fcsSize;
    return this.q.available >= len ? len : -1;
  }
}
