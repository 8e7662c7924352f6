/**
 * Less common string functions: btrim, split_part, elt, find_in_set, overlay, bin, hex,
 * unhex, conv, bit_length, encode/decode, regexp_substr/regexp_instr, url_encode/url_decode,
 * str_to_map, mask.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { MapType, binaryType, integerType, longType, stringType } from "../../types/data-types.js";
import { isBinary, isIntegral } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { keyOf } from "../../values/compare.js";
import { widerTypeOfAll } from "../../types/type-utils.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, expectType, fixedSignature, map1, map2, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { javaRegex } from "./java-regex.js";
import { javaSplit } from "./regexp.js";
import { charLength, sliceChars } from "./text.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const strLit = (v: string): Expr => ({ kind: "literal", value: v, dataType: stringType });
const intLit = (v: number): Expr => ({ kind: "literal", value: v, dataType: integerType });

definitions.push({
  kind: "scalar", name: "btrim", minArgs: 1, maxArgs: 2,
  // BINARY arguments are read as UTF-8 text (Spark casts them), so the result is a STRING.
  resolve: (args) => fixedSignature("btrim", [stringType, stringType], stringType)(args.map((a) => (isBinary(typeOf(a)) ? castTo(a, stringType) : a))),
  eval: mapN(([s, set]: [string, string | undefined]) => {
    const cs = new Set(Array.from(set ?? " "));
    const c = Array.from(s);
    let a = 0;
    let b = c.length;
    while (a < b && cs.has(c[a]!)) a++;
    while (b > a && cs.has(c[b - 1]!)) b--;
    return c.slice(a, b).join("");
  }),
});

definitions.push({
  kind: "scalar", name: "split_part", minArgs: 3, maxArgs: 3,
  resolve: fixedSignature("split_part", [stringType, stringType, integerType], stringType),
  eval: mapN(([s, delim, k]: [string, string, number]) => {
    if (k === 0) {
      throw new PijarError("INVALID_INDEX_OF_ZERO", {}, { message: "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).", exceptionType: "ArrayIndexOutOfBoundsException" });
    }
    const parts = delim === "" ? [s] : s.split(delim);
    const j = k > 0 ? k - 1 : parts.length + k;
    return parts[j] ?? "";
  }),
});

definitions.push({
  kind: "scalar", name: "elt", minArgs: 2, maxArgs: Infinity,
  resolve: (args) => ({ args: args.map((_, i) => expectType("elt", args, i, i === 0 ? integerType : stringType)), dataType: stringType }),
  eval(args, n) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const k = args[0]![i] as number | null;
      if (k == null) { out[i] = null; continue; }
      if (k < 1 || k >= args.length) {
        throw new PijarError("INVALID_ARRAY_INDEX", { indexValue: String(k), arraySize: String(args.length - 1) });
      }
      out[i] = args[k]![i] ?? null;
    }
    return out;
  },
});

definitions.push({
  kind: "scalar", name: "find_in_set", minArgs: 2, maxArgs: 2,
  resolve: fixedSignature("find_in_set", [stringType, stringType], integerType),
  eval: map2((s: string, list: string) => (s.includes(",") ? 0 : list.split(",").indexOf(s) + 1)),
});

definitions.push({
  kind: "scalar", name: "overlay", minArgs: 3, maxArgs: 4,
  resolve(args) {
    const full = args.length === 3 ? [...args, intLit(-1)] : args;
    // Two binaries overlay bytes (Spark's Overlay keeps BINARY); otherwise strings, by code point.
    const bytes = isBinary(typeOf(full[0]!)) && isBinary(typeOf(full[1]!));
    const text = bytes ? binaryType : stringType;
    return { args: full.map((_, i) => expectType("overlay", full, i, i >= 2 ? integerType : text)), dataType: text };
  },
  eval: mapN(([s, rep, pos, len]: [string | Uint8Array, string | Uint8Array, number, number]) => {
    if (s instanceof Uint8Array) {
      const r = rep as Uint8Array;
      const l = len >= 0 ? len : r.length;
      const head = s.subarray(0, Math.max(pos - 1, 0));
      const tail = s.subarray(Math.min(Math.max(pos - 1 + l, 0), s.length));
      const out = new Uint8Array(head.length + r.length + tail.length);
      out.set(head, 0);
      out.set(r, head.length);
      out.set(tail, head.length + r.length);
      return out;
    }
    rep = rep as string;
    const l = len >= 0 ? len : charLength(rep);
    return sliceChars(s, 0, Math.max(pos - 1, 0)) + rep + sliceChars(s, Math.max(pos - 1 + l, 0), Number.MAX_SAFE_INTEGER);
  }),
});

definitions.push({
  kind: "scalar", name: "bin", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("bin", [longType], stringType),
  eval: map1((v: number) => BigInt.asUintN(64, BigInt(v)).toString(2)),
});

definitions.push({
  kind: "scalar", name: "hex", minArgs: 1, maxArgs: 1,
  resolve(args) {
    const t = typeOf(args[0]!);
    if (isIntegral(t)) return { args: [expectType("hex", args, 0, longType)], dataType: stringType, state: "long" };
    if (isBinary(t)) return { args, dataType: stringType, state: "bytes" };
    return { args: [expectType("hex", args, 0, stringType)], dataType: stringType, state: "string" };
  },
  eval: (args, n, call, ctx) => map1((v: number | string | Uint8Array) => {
    if (call.state === "long") return BigInt.asUintN(64, BigInt(v as number)).toString(16).toUpperCase();
    const bytes = typeof v === "string" ? Buffer.from(v, "utf8") : Buffer.from(v as Uint8Array);
    return bytes.toString("hex").toUpperCase();
  })(args, n, call, ctx),
});

definitions.push({
  kind: "scalar", name: "unhex", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("unhex", [stringType], binaryType),
  eval: map1((s: string) => {
    const t = s.length % 2 ? "0" + s : s;
    return /^[0-9a-fA-F]*$/.test(t) ? new Uint8Array(Buffer.from(t, "hex")) : null;
  }),
});

definitions.push({
  kind: "scalar", name: "conv", minArgs: 3, maxArgs: 3,
  resolve: fixedSignature("conv", [stringType, integerType, integerType], stringType),
  eval: mapN(([s, from, to]: [string, number, number]) => {
    if (from < 2 || from > 36 || Math.abs(to) < 2 || Math.abs(to) > 36) return null;
    const digits = "0123456789abcdefghijklmnopqrstuvwxyz".slice(0, from);
    const t = s.trim().toLowerCase();
    const neg = t.startsWith("-");
    let v = 0n;
    for (const ch of neg ? t.slice(1) : t) {
      const d = digits.indexOf(ch);
      if (d < 0) break;
      v = v * BigInt(from) + BigInt(d);
    }
    if (neg) v = -v;
    // Unsigned 64-bit result for a positive base, as Spark's NumberConverter.
    const out = to > 0 ? BigInt.asUintN(64, v) : v;
    return out.toString(Math.abs(to)).toUpperCase();
  }),
});

definitions.push({
  kind: "scalar", name: "bit_length", minArgs: 1, maxArgs: 1,
  resolve: (args) => (isBinary(typeOf(args[0]!)) ? { args, dataType: integerType } : { args: [expectType("bit_length", args, 0, stringType)], dataType: integerType }),
  eval: map1((v: string | Uint8Array) => (typeof v === "string" ? Buffer.byteLength(v, "utf8") : v.length) * 8),
});

const CHARSETS: Record<string, BufferEncoding> = { "utf-8": "utf8", utf8: "utf8", "us-ascii": "ascii", "iso-8859-1": "latin1", "utf-16le": "utf16le" };
function charset(name: string): BufferEncoding {
  const c = CHARSETS[name.toLowerCase()];
  if (!c) {
    throw new PijarError("INVALID_PARAMETER_VALUE.CHARSET", {}, { message: `The value of parameter(s) \`charset\` is invalid: expects one of ${Object.keys(CHARSETS).join(", ")}, but got ${name}.` });
  }
  return c;
}
definitions.push({
  kind: "scalar", name: "encode", minArgs: 2, maxArgs: 2,
  // Always nullable, as Spark's (a StaticInvoke), even over literals.
  resolve: (args) => ({ ...fixedSignature("encode", [stringType, stringType], binaryType)(args), nullable: true }),
  eval: map2((s: string, cs: string) => new Uint8Array(Buffer.from(s, charset(cs)))),
});
definitions.push({
  kind: "scalar", name: "decode", minArgs: 2, maxArgs: Infinity,
  resolve(args) {
    if (args.length === 2) return { args: fixedSignature("decode", [binaryType, stringType], stringType)(args).args, dataType: stringType };
    // decode(expr, search1, result1, ..., [default]): Spark's CASE WHEN expr <=> search1 THEN ...
    const searches = args.filter((_, i) => i >= 1 && i % 2 === 1 && i < args.length - (args.length % 2 === 0 ? 1 : 0));
    const results = args.filter((_, i) => i >= 2 && (i % 2 === 0 || (args.length % 2 === 0 && i === args.length - 1)));
    const keyType = widerTypeOfAll([args[0]!, ...searches].map(typeOf));
    const resultType = widerTypeOfAll(results.map(typeOf));
    if (!keyType || !resultType) {
      throw new PijarError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
        sqlExpr: `"${callSql("decode", args)}"`, functionName: "`decode`",
        dataType: "[" + (keyType ? results : [args[0]!, ...searches]).map((a) => `"${typeOf(a).sql()}"`).join(", ") + "]",
      });
    }
    const searchSet = new Set(searches);
    return { args: args.map((a) => castTo(a, a === args[0] || searchSet.has(a) ? keyType : resultType)), dataType: resultType, nullable: true };
  },
  eval(args, n, call, ctx) {
    if (args.length === 2) return map2((b: Uint8Array, cs: string) => Buffer.from(b).toString(charset(cs)))(args, n, call, ctx);
    const pairs = Math.floor((args.length - 1) / 2);
    const hasDefault = args.length % 2 === 0;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const k = keyOf(args[0]![i]);
      out[i] = hasDefault ? args[args.length - 1]![i] : null;
      for (let j = 0; j < pairs; j++) {
        // Null-safe: a null expr matches a null search, as <=> does.
        if (keyOf(args[1 + 2 * j]![i]) === k) { out[i] = args[2 + 2 * j]![i]; break; }
      }
    }
    return out;
  },
});

definitions.push({
  kind: "scalar", name: "regexp_substr", minArgs: 2, maxArgs: 2,
  resolve: fixedSignature("regexp_substr", [stringType, stringType], stringType),
  eval: map2((s: string, p: string) => javaRegex(p).exec(s)?.[0] ?? null),
});

definitions.push({
  kind: "scalar", name: "regexp_instr", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const full = args.length === 2 ? [...args, intLit(0)] : args;
    return { args: full.map((_, i) => expectType("regexp_instr", full, i, i === 2 ? integerType : stringType)), dataType: integerType };
  },
  eval: mapN(([s, p]: [string, string]) => {
    const m = javaRegex(p).exec(s);
    return m ? charLength(s.slice(0, m.index)) + 1 : 0;
  }),
});

definitions.push({
  kind: "scalar", name: "url_encode", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("url_encode", [stringType], stringType),
  // Java's URLEncoder: spaces become '+', and *-._ stay as they are.
  eval: map1((s: string) => encodeURIComponent(s).replace(/%20/g, "+").replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())),
});

definitions.push({
  kind: "scalar", name: "url_decode", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("url_decode", [stringType], stringType),
  eval: map1((s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      throw new PijarError("CANNOT_DECODE_URL", { url: s }, { message: `The provided URL cannot be decoded: ${s}. Please ensure that the URL is properly formatted and try again.` });
    }
  }),
});

definitions.push({
  kind: "scalar", name: "str_to_map", minArgs: 1, maxArgs: 3,
  resolve(args) {
    const full = [...args];
    if (full.length < 2) full.push(strLit(","));
    if (full.length < 3) full.push(strLit(":"));
    return { args: full.map((_, i) => expectType("str_to_map", full, i, stringType)), dataType: new MapType(stringType, stringType, true) };
  },
  eval: mapN(([s, pairDelim, kvDelim]: [string, string, string]) => {
    const m = new Map<unknown, unknown>();
    for (const pair of javaSplit(s, pairDelim, -1)) {
      const [k, v] = javaSplit(pair, kvDelim, 2);
      if (m.has(k)) {
        throw new PijarError("DUPLICATED_MAP_KEY", { key: String(k) }, { message: `Duplicate map key ${k} was found, please check the input data.`, exceptionType: "SparkRuntimeException" });
      }
      m.set(k, v ?? null);
    }
    return m;
  }),
});

definitions.push({
  kind: "scalar", name: "mask", minArgs: 1, maxArgs: 5,
  resolve(args) {
    const full = [...args];
    const defaults = ["X", "x", "n"];
    while (full.length < 4) full.push(strLit(defaults[full.length - 1]!));
    // otherChar defaults to NULL: other characters are kept.
    if (full.length < 5) full.push({ kind: "literal", value: null, dataType: stringType });
    return { args: full.map((_, i) => expectType("mask", full, i, stringType)), dataType: stringType };
  },
  eval(args, n) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const s = args[0]![i] as string | null;
      if (s == null) { out[i] = null; continue; }
      const [up, low, dig, other] = [1, 2, 3, 4].map((j) => (args[j] ? (args[j]![i] as string | null) : null));
      let r = "";
      for (const ch of s) {
        if (/[A-Z]/.test(ch)) r += up ?? ch;
        else if (/[a-z]/.test(ch)) r += low ?? ch;
        else if (/[0-9]/.test(ch)) r += dig ?? ch;
        else r += other ?? ch;
      }
      out[i] = r;
    }
    return out;
  },
});
