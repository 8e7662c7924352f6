/**
 * to_binary / try_to_binary(str[, fmt]): text to BINARY read as 'hex' (the default), 'utf-8'
 * ('utf8') or 'base64', the format case-insensitive. Malformed input raises
 * CONVERSION_INVALID_INPUT (an unknown format INVALID_PARAMETER_VALUE.BINARY_FORMAT); the
 * try_ form gives null for both.
 */
import { binaryType, stringType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { expectType, literalArg } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const utf8 = new TextEncoder();

/** The bytes of `s` in format `fmt`, null when malformed, undefined when fmt is unknown. */
export function toBinary(s: string, fmt: string): Uint8Array | null | undefined {
  switch (fmt.toLowerCase()) {
    case "hex": {
      const t = s.length % 2 ? "0" + s : s;
      return /^[0-9a-fA-F]*$/.test(t) ? new Uint8Array(Buffer.from(t, "hex")) : null;
    }
    case "utf-8": case "utf8":
      return utf8.encode(s);
    case "base64": {
      const clean = s.replace(/\s+/g, "");
      return /^[A-Za-z0-9+/]*={0,2}$/.test(clean) && clean.length % 4 !== 1 ? new Uint8Array(Buffer.from(clean, "base64")) : null;
    }
    default:
      return undefined;
  }
}

for (const name of ["to_binary", "try_to_binary"]) {
  const tolerant = name === "try_to_binary";
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 2,
    resolve: (args) => {
      const fmt = args.length === 2 ? literalArg(args, 1) : "hex";
      if (!tolerant && typeof fmt === "string" && toBinary("", fmt) === undefined) {
        throw new PijarError("INVALID_PARAMETER_VALUE.BINARY_FORMAT", { parameter: "`format`", functionName: "`to_binary`", invalidFormat: `'${fmt}'` });
      }
      return { args: args.map((_, i) => expectType(name, args, i, stringType)), dataType: binaryType };
    },
    eval(args, n) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const s = args[0]![i] as string | null;
        const fmt = args.length === 2 ? (args[1]![i] as string | null) : "hex";
        if (s == null || fmt == null) { out[i] = null; continue; }
        const b = toBinary(s, fmt);
        if (b === undefined && !tolerant) {
          throw new PijarError("INVALID_PARAMETER_VALUE.BINARY_FORMAT", { parameter: "`format`", functionName: "`to_binary`", invalidFormat: `'${fmt}'` });
        }
        if (b === null && !tolerant) {
          throw new PijarError("CONVERSION_INVALID_INPUT", { str: `'${s}'`, fmt: `'${fmt.toUpperCase()}'`, targetType: "\"BINARY\"", suggestion: "`try_to_binary`" });
        }
        out[i] = b ?? null;
      }
      return out;
    },
  });
}
