/**
 * jaro_winkler_similarity: Jaro similarity with Winkler's prefix boost (scale 0.1, prefix up to
 * 4 characters, boost only when the Jaro score reaches 0.7), as commons-text computes it.
 */
import { doubleType, stringType } from "../../types/data-types.js";
import { fixedSignature, map2 } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const s = Array.from(a);
  const t = Array.from(b);
  const [short, long] = s.length <= t.length ? [s, t] : [t, s];
  const window = Math.max(Math.floor(long.length / 2) - 1, 0);
  const usedLong = new Array<boolean>(long.length).fill(false);
  const fromShort: string[] = [];
  const matchedShort = new Array<boolean>(short.length).fill(false);
  for (let i = 0; i < short.length; i++) {
    for (let j = Math.max(i - window, 0); j < Math.min(i + window + 1, long.length); j++) {
      if (!usedLong[j] && short[i] === long[j]) {
        usedLong[j] = matchedShort[i] = true;
        fromShort.push(short[i]!);
        break;
      }
    }
  }
  const m = fromShort.length;
  if (m === 0) return 0;
  const fromLong = long.filter((_, j) => usedLong[j]);
  let halfTranspositions = 0;
  for (let k = 0; k < m; k++) if (fromShort[k] !== fromLong[k]) halfTranspositions++;
  let prefix = 0;
  while (prefix < Math.min(4, short.length) && s[prefix] === t[prefix]) prefix++;
  const jaro = (m / s.length + m / t.length + (m - halfTranspositions / 2) / m) / 3;
  return jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1 - jaro);
}

definitions.push({
  kind: "scalar", name: "jaro_winkler_similarity", minArgs: 2, maxArgs: 2,
  resolve: fixedSignature("jaro_winkler_similarity", [stringType, stringType], doubleType),
  eval: map2(jaroWinkler),
});
