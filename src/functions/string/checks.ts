/** luhn_check (the Luhn checksum of a digit string) and quote (a string as a SQL literal). */
import { booleanType, stringType } from "../../types/data-types.js";
import { fixedSignature, map1 } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** Doubling every second digit from the right; anything but digits (or nothing) fails. */
export function luhn(s: string): boolean {
  if (!/^[0-9]+$/.test(s)) return false;
  let sum = 0;
  for (let i = s.length - 1, second = false; i >= 0; i--, second = !second) {
    let d = s.charCodeAt(i) - 48;
    if (second) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

definitions.push({
  kind: "scalar", name: "luhn_check", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("luhn_check", [stringType], booleanType),
  eval: map1(luhn),
});

definitions.push({
  kind: "scalar", name: "quote", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("quote", [stringType], stringType),
  // Backslashes first, so that the ones escaping quotes are not doubled.
  eval: map1((s: string) => "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'"),
});
