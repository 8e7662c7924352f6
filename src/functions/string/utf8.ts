/**
 * is_valid_utf8, validate_utf8, make_valid_utf8, try_validate_utf8. Pijar's strings are JS
 * strings, decoded already (so always valid); these functions matter for BINARY input, whose
 * bytes are checked here as UTF-8 before they become text.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { booleanType, stringType, type DataType } from "../../types/data-types.js";
import { isBinary } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";
import { expectType, map1 } from "../helpers.js";
import type { FunctionDef, ResolveResult } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
// WHATWG's replacement rules (one U+FFFD per maximal invalid subpart) are Java's too.
const lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** The text of `b`, or null when it is not valid UTF-8. */
function decodeStrict(b: Uint8Array): string | null {
  try {
    return strict.decode(b);
  } catch {
    return null;
  }
}

/** A STRING argument (anything else cast to it), or BINARY kept as bytes. */
function textOrBytes(name: string, result: DataType) {
  return (args: readonly Expr[]): ResolveResult => ({
    args: [isBinary(typeOf(args[0]!)) ? args[0]! : expectType(name, args, 0, stringType)],
    dataType: result,
  });
}

const hexOf = (b: Uint8Array) => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, "0")).join("");

definitions.push({
  kind: "scalar", name: "is_valid_utf8", minArgs: 1, maxArgs: 1,
  resolve: textOrBytes("is_valid_utf8", booleanType),
  eval: map1((v: string | Uint8Array) => typeof v === "string" || decodeStrict(v) !== null),
});

definitions.push({
  kind: "scalar", name: "make_valid_utf8", minArgs: 1, maxArgs: 1,
  resolve: textOrBytes("make_valid_utf8", stringType),
  eval: map1((v: string | Uint8Array) => (typeof v === "string" ? v : lenient.decode(v))),
});

definitions.push({
  kind: "scalar", name: "validate_utf8", minArgs: 1, maxArgs: 1,
  resolve: textOrBytes("validate_utf8", stringType),
  eval: map1((v: string | Uint8Array) => {
    if (typeof v === "string") return v;
    const s = decodeStrict(v);
    if (s === null) throw new PijarError("INVALID_UTF8_STRING", { str: `X'${hexOf(v)}'` });
    return s;
  }),
});

definitions.push({
  kind: "scalar", name: "try_validate_utf8", minArgs: 1, maxArgs: 1,
  resolve: textOrBytes("try_validate_utf8", stringType),
  eval: map1((v: string | Uint8Array) => (typeof v === "string" ? v : decodeStrict(v))),
});
