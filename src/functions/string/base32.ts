/** to_base32 / from_base32: RFC 4648 base 32 (A-Z, 2-7, `=` padding), as Spark's (commons-codec). */
import { binaryType, stringType } from "../../types/data-types.js";
import { fixedSignature, map1 } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function toBase32(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let j = 0; j < 5; j++) bits = (bits << 8n) | BigInt(chunk[j] ?? 0);
    // 5 bytes give 8 symbols; a short last chunk gives ceil(8n/5) of them, then padding.
    const symbols = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) {
      out += k < symbols ? ALPHABET[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : "=";
    }
  }
  return out;
}

/** Characters outside the alphabet (padding, whitespace) are skipped, as commons-codec does. */
export function fromBase32(s: string): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let n = 0;
  for (const c of s.toUpperCase()) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) continue;
    acc = ((acc << 5) | v) & 0x1fff;
    n += 5;
    if (n >= 8) {
      n -= 8;
      out.push((acc >> n) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

definitions.push({
  kind: "scalar", name: "to_base32", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("to_base32", [binaryType], stringType),
  eval: map1(toBase32),
});

definitions.push({
  kind: "scalar", name: "from_base32", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("from_base32", [stringType], binaryType),
  eval: map1(fromBase32),
});
