/**
 * A bzip2 compressor, written for Pijar: the npm packages that write bzip2 in pure JS are GPL
 * or CC-SA licensed, which an Apache-2.0 project cannot ship. It produces standard bzip2
 * streams (what `bunzip2` and Hadoop's BZip2Codec read): RLE1, a Burrows-Wheeler transform
 * (cyclic rotations sorted by prefix doubling with counting sorts, O(n log n) for any input,
 * so repetitive text cannot make it quadratic), move-to-front with RUNA/RUNB zero runs, and
 * one Huffman table (sent twice: the format needs at least two). It favours simplicity over
 * ratio: files are a little larger than `bzip2 -9` makes them, and equally valid.
 *
 * Streaming: `push` takes any amount of input and returns the bytes of every block it
 * completed; `end` returns the rest and the stream trailer.
 */

/** Bytes of RLE1 output per block: the "BZh9" limit (900,000) less the reserve bzip2 keeps. */
const BLOCK_LIMIT = 900_000 - 19;
const MAX_CODE_LENGTH = 17;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

class BitWriter {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private acc = 0;
  private nbits = 0;

  write(n: number, value: number): void {
    for (let i = n - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >>> i) & 1);
      if (++this.nbits === 8) this.byte();
    }
  }

  private byte(): void {
    if (this.len === this.buf.length) {
      const b = new Uint8Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.len++] = this.acc & 0xff;
    this.acc = 0;
    this.nbits = 0;
  }

  /** Whole bytes written so far (a partial byte stays for the next block). */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.len);
    this.len = 0;
    return out;
  }

  /** Pads the last byte with zero bits. */
  pad(): void {
    while (this.nbits !== 0) this.write(1, 0);
  }
}

/** Sorted rotation starts of `s` (cyclic suffix array by prefix doubling). */
function sortRotations(s: Uint8Array): Int32Array {
  const n = s.length;
  const sa = new Int32Array(n);
  const tmp = new Int32Array(n);
  let rank = new Int32Array(n);
  const count = new Int32Array(Math.max(256, n) + 1);
  for (let i = 0; i < n; i++) count[s[i]! + 1]!++;
  for (let i = 1; i <= 256; i++) count[i]! += count[i - 1]!;
  for (let i = 0; i < n; i++) sa[count[s[i]!]!++] = i;
  let classes = 1;
  rank[sa[0]!] = 0;
  for (let i = 1; i < n; i++) {
    if (s[sa[i]!] !== s[sa[i - 1]!]) classes++;
    rank[sa[i]!] = classes - 1;
  }
  let next = new Int32Array(n);
  for (let k = 1; k < n && classes < n; k *= 2) {
    // Order by the second half (rank at i + k) comes for free from sa shifted back by k.
    for (let i = 0; i < n; i++) tmp[i] = (sa[i]! - k + n) % n;
    count.fill(0, 0, classes + 1);
    for (let i = 0; i < n; i++) count[rank[tmp[i]!]! + 1]!++;
    for (let i = 1; i <= classes; i++) count[i]! += count[i - 1]!;
    for (let i = 0; i < n; i++) sa[count[rank[tmp[i]!]!]!++] = tmp[i]!;
    next[sa[0]!] = 0;
    classes = 1;
    for (let i = 1; i < n; i++) {
      const a = sa[i]!, b = sa[i - 1]!;
      if (rank[a] !== rank[b] || rank[(a + k) % n] !== rank[(b + k) % n]) classes++;
      next[a] = classes - 1;
    }
    [rank, next] = [next, rank];
  }
  return sa;
}

/** Huffman code lengths (1..MAX_CODE_LENGTH) for every symbol, each counted at least once. */
function codeLengths(freq: Uint32Array): Uint8Array {
  const n = freq.length;
  const f = Array.from(freq, (x) => Math.max(1, x));
  for (;;) {
    // Package the two lightest nodes repeatedly; parent[] records the tree.
    const weight = f.slice();
    const parent = new Int32Array(2 * n).fill(-1);
    const live: number[] = Array.from({ length: n }, (_, i) => i);
    while (live.length > 1) {
      live.sort((a, b) => weight[b]! - weight[a]!);
      const a = live.pop()!, b = live.pop()!;
      const p = weight.length;
      weight.push(weight[a]! + weight[b]!);
      parent[a] = p;
      parent[b] = p;
      live.push(p);
    }
    const lengths = new Uint8Array(n);
    let longest = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = i; parent[j] !== -1; j = parent[j]!) d++;
      lengths[i] = d;
      longest = Math.max(longest, d);
    }
    if (longest <= MAX_CODE_LENGTH) return lengths;
    // Too deep: flatten the weights and try again (what bzip2 itself does).
    for (let i = 0; i < n; i++) f[i] = 1 + (f[i]! >> 1);
  }
}

export class Bzip2Encoder {
  private readonly out = new BitWriter();
  private block = new Uint8Array(BLOCK_LIMIT);
  private blockLen = 0;
  private crc = 0xffffffff;
  private combined = 0;
  private runByte = -1;
  private runLen = 0;

  constructor() {
    this.out.write(8, 0x42); // "BZh9"
    this.out.write(8, 0x5a);
    this.out.write(8, 0x68);
    this.out.write(8, 0x39);
  }

  push(input: Uint8Array): Uint8Array[] {
    for (let i = 0; i < input.length; i++) {
      const b = input[i]!;
      if (b === this.runByte && this.runLen < 255) {
        this.runLen++;
      } else {
        this.endRun();
        this.runByte = b;
        this.runLen = 1;
      }
    }
    const done = this.out.take();
    return done.length ? [done] : [];
  }

  end(): Uint8Array[] {
    this.endRun();
    if (this.blockLen) this.writeBlock();
    const w = this.out;
    w.write(24, 0x177245);
    w.write(24, 0x385090);
    w.write(32, this.combined >>> 0);
    w.pad();
    return [w.take()];
  }

  /** Appends the pending run to the block in RLE1 form, starting a new block when it would not fit. */
  private endRun(): void {
    if (this.runLen === 0) return;
    const encoded = this.runLen >= 4 ? 5 : this.runLen;
    if (this.blockLen + encoded > BLOCK_LIMIT) this.writeBlock();
    for (let k = 0; k < this.runLen; k++) this.crc = ((this.crc << 8) ^ CRC_TABLE[((this.crc >>> 24) ^ this.runByte) & 0xff]!) >>> 0;
    const b = this.runByte;
    for (let k = 0; k < Math.min(4, this.runLen); k++) this.block[this.blockLen++] = b;
    if (this.runLen >= 4) this.block[this.blockLen++] = this.runLen - 4;
    this.runLen = 0;
  }

  private writeBlock(): void {
    const data = this.block.subarray(0, this.blockLen);
    const crc = ~this.crc >>> 0;
    this.combined = (((this.combined << 1) | (this.combined >>> 31)) ^ crc) >>> 0;
    const w = this.out;
    w.write(24, 0x314159);
    w.write(24, 0x265359);
    w.write(32, crc);
    w.write(1, 0); // not randomised

    const n = data.length;
    const sa = sortRotations(data);
    let origPtr = 0;
    const last = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const p = sa[i]!;
      if (p === 0) origPtr = i;
      last[i] = data[(p - 1 + n) % n]!;
    }
    w.write(24, origPtr);

    // Symbol map: which bytes occur, in 16 groups of 16.
    const used = new Uint8Array(256);
    for (let i = 0; i < n; i++) used[last[i]!] = 1;
    let groups = 0;
    for (let g = 0; g < 16; g++) for (let k = 0; k < 16; k++) if (used[g * 16 + k]) groups |= 0x8000 >>> g;
    w.write(16, groups);
    for (let g = 0; g < 16; g++) {
      if (!(groups & (0x8000 >>> g))) continue;
      let bits = 0;
      for (let k = 0; k < 16; k++) if (used[g * 16 + k]) bits |= 0x8000 >>> k;
      w.write(16, bits);
    }
    const seq = new Uint8Array(256);
    const mtf: number[] = [];
    for (let b = 0; b < 256; b++) if (used[b]) { seq[b] = mtf.length; mtf.push(mtf.length); }
    const inUse = mtf.length;
    const eob = inUse + 1;
    const alphaSize = inUse + 2;

    // Move-to-front, zero runs as RUNA (0) / RUNB (1) in bijective base 2.
    const symbols = new Uint16Array(n + 1);
    let ns = 0;
    let zeros = 0;
    const flushZeros = () => {
      while (zeros > 0) {
        if (zeros & 1) { symbols[ns++] = 0; zeros = (zeros - 1) >> 1; }
        else { symbols[ns++] = 1; zeros = (zeros - 2) >> 1; }
      }
    };
    for (let i = 0; i < n; i++) {
      const v = seq[last[i]!]!;
      let j = 0;
      while (mtf[j] !== v) j++;
      if (j === 0) { zeros++; continue; }
      flushZeros();
      mtf.splice(j, 1);
      mtf.unshift(v);
      symbols[ns++] = j + 1;
    }
    flushZeros();
    symbols[ns++] = eob;

    const freq = new Uint32Array(alphaSize);
    for (let i = 0; i < ns; i++) freq[symbols[i]!]!++;
    const lengths = codeLengths(freq);
    const codes = new Uint32Array(alphaSize);
    let code = 0;
    for (let len = 1; len <= MAX_CODE_LENGTH; len++) {
      for (let s = 0; s < alphaSize; s++) if (lengths[s] === len) codes[s] = code++;
      code <<= 1;
    }

    const selectors = Math.ceil(ns / 50);
    w.write(3, 2); // two tables
    w.write(15, selectors);
    for (let i = 0; i < selectors; i++) w.write(1, 0); // every group uses table 0
    for (let t = 0; t < 2; t++) {
      let cur = lengths[0]!;
      w.write(5, cur);
      for (let s = 0; s < alphaSize; s++) {
        while (cur < lengths[s]!) { w.write(2, 2); cur++; }
        while (cur > lengths[s]!) { w.write(2, 3); cur--; }
        w.write(1, 0);
      }
    }
    for (let i = 0; i < ns; i++) w.write(lengths[symbols[i]!]!, codes[symbols[i]!]!);

    this.blockLen = 0;
    this.crc = 0xffffffff;
  }
}
