/**
 * Group ids for tuples of int32 key codes: an open-addressing hash table in typed arrays
 * (linear probing, kept at most half full). A tuple is its codes plus a null mask, stored once
 * per group in `tuples`; slots hold group id + 1, so a zeroed slot means empty. No JS object
 * or string is made per row, which is what the Map-of-values path paid for.
 */
import type { KeyCodes } from "./key-codes.js";

export class GroupTable {
  private slots: Int32Array;
  private mask: number;
  /** Codes of group g at [g * width, g * width + k), its null mask at g * width + k. */
  tuples: Int32Array;
  size = 0;
  readonly width: number;

  constructor(readonly numKeys: number, initialCapacity = 1024) {
    this.width = numKeys + 1;
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.tuples = new Int32Array(initialCapacity * this.width);
  }

  /** Writes the group id of each of the n rows into gids, adding new groups. */
  assign(keys: readonly KeyCodes[], n: number, gids: Int32Array): void {
    const k = this.numKeys;
    const w = this.width;
    const row = new Int32Array(w);
    for (let i = 0; i < n; i++) {
      let nulls = 0;
      let h = 0x9e3779b9 | 0;
      for (let j = 0; j < k; j++) {
        const kc = keys[j]!;
        const isNull = kc.valid !== null && kc.valid[i] === 0;
        const c = isNull ? 0 : kc.codes[i]!;
        if (isNull) nulls |= 1 << j;
        row[j] = c;
        h = Math.imul(h ^ c, 0x85ebca6b);
        h ^= h >>> 13;
      }
      row[k] = nulls;
      h = Math.imul(h ^ nulls, 0xc2b2ae35);
      h ^= h >>> 16;
      gids[i] = this.find(row, h);
    }
  }

  private find(row: Int32Array, h: number): number {
    const w = this.width;
    let s = h & this.mask;
    for (;;) {
      const slot = this.slots[s]!;
      if (slot === 0) return this.insert(row, s);
      const g = slot - 1;
      const base = g * w;
      let same = true;
      for (let j = 0; j < w; j++) if (this.tuples[base + j] !== row[j]) { same = false; break; }
      if (same) return g;
      s = (s + 1) & this.mask;
    }
  }

  private insert(row: Int32Array, s: number): number {
    const g = this.size++;
    const w = this.width;
    if ((g + 1) * w > this.tuples.length) {
      const t = new Int32Array(this.tuples.length * 2);
      t.set(this.tuples);
      this.tuples = t;
    }
    this.tuples.set(row, g * w);
    this.slots[s] = g + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return g;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    const w = this.width;
    const k = this.numKeys;
    for (let g = 0; g < this.size; g++) {
      let h = 0x9e3779b9 | 0;
      for (let j = 0; j < k; j++) {
        h = Math.imul(h ^ this.tuples[g * w + j]!, 0x85ebca6b);
        h ^= h >>> 13;
      }
      h = Math.imul(h ^ this.tuples[g * w + k]!, 0xc2b2ae35);
      h ^= h >>> 16;
      let s = h & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = g + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * Distinct (group, value code) pairs, for count(DISTINCT x): the same open addressing over
 * pairs; `add` says whether the pair is new.
 */
export class PairSet {
  private keys: Int32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.keys = new Int32Array(cap * 2);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  add(g: number, c: number): boolean {
    let h = Math.imul(g ^ 0x27d4eb2d, 0x85ebca6b) ^ c;
    h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
    h ^= h >>> 13;
    let s = h & this.mask;
    for (;;) {
      if (this.used[s] === 0) {
        this.used[s] = 1;
        this.keys[2 * s] = g;
        this.keys[2 * s + 1] = c;
        if (++this.size * 2 > this.used.length) this.rehash();
        return true;
      }
      if (this.keys[2 * s] === g && this.keys[2 * s + 1] === c) return false;
      s = (s + 1) & this.mask;
    }
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldUsed = this.used;
    const cap = oldUsed.length * 2;
    this.keys = new Int32Array(cap * 2);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let s = 0; s < oldUsed.length; s++) if (oldUsed[s]) this.add(oldKeys[2 * s]!, oldKeys[2 * s + 1]!);
  }
}
