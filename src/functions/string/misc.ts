/** ascii, chr, base64/unbase64, levenshtein, soundex: small character-level functions. */
import { binaryType, integerType, longType, stringType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { fixedSignature, map1, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

definitions.push({
  kind: "scalar", name: "ascii", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("ascii", [stringType], integerType),
  eval: map1((s: string) => (s.length ? s.codePointAt(0)! : 0)),
});

for (const name of ["chr", "char"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve: fixedSignature(name, [longType], stringType),
    eval: map1((n: number) => (n < 0 ? "" : String.fromCharCode(n % 256))),
  });
}

definitions.push({
  kind: "scalar", name: "base64", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("base64", [binaryType], stringType),
  eval: map1((b: Uint8Array) => Buffer.from(b).toString("base64")),
});

definitions.push({
  kind: "scalar", name: "unbase64", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("unbase64", [stringType], binaryType),
  eval: map1((s: string) => {
    const clean = s.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) {
      throw new PijarError("CONVERSION_INVALID_INPUT", {}, {
        message: `The value '${s}' (STRING) cannot be converted to BINARY because it is malformed base64. Use \`try_to_binary\` to tolerate malformed input and return NULL instead.`,
      });
    }
    return new Uint8Array(Buffer.from(clean, "base64"));
  }),
});

/** Edit distance by code points; with a threshold, -1 when the distance exceeds it. */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

definitions.push({
  kind: "scalar", name: "levenshtein", minArgs: 2, maxArgs: 3,
  resolve: fixedSignature("levenshtein", [stringType, stringType, integerType], integerType),
  eval: mapN(([a, b, t]: [string, string, number | undefined]) => {
    const d = levenshtein(a, b);
    return t !== undefined && d > t ? -1 : d;
  }),
});

// A..Z -> soundex digit; '0' = vowel-like (separates codes), '7' = H/W (ignored).
const SOUNDEX = "01230127022455012623017202";

/** Spark's UTF8String.soundex: input not starting with a letter is returned unchanged. */
export function soundex(s: string): string {
  if (s.length === 0) return "";
  const first = s[0]!.toUpperCase();
  if (first < "A" || first > "Z") return s;
  let out = first;
  let last = SOUNDEX[first.charCodeAt(0) - 65]!;
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const c = s[i]!.toUpperCase();
    if (c < "A" || c > "Z" || c.length !== 1) { last = "0"; continue; }
    const code = SOUNDEX[c.charCodeAt(0) - 65]!;
    if (code === "7") continue;
    if (code !== "0" && code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, "0");
}

definitions.push({
  kind: "scalar", name: "soundex", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("soundex", [stringType], stringType),
  eval: map1(soundex),
});
