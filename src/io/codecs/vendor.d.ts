// Types for the pure-JS codec packages that ship none (only what Pijar calls).
declare module "lz4js" {
  export function compressBound(n: number): number;
  export function compressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, hashTable: Uint32Array): number;
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
}
declare module "snappyjs" {
  export function compress(raw: Uint8Array): Uint8Array;
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
}
declare module "unbzip2-stream" {
  import type { Duplex } from "node:stream";
  export default function unbzip2Stream(): Duplex;
}
