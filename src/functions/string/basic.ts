/**
 * Everyday string functions: case, trimming, length, substring, padding, repetition. Inputs
 * of other atomic types are cast to string implicitly, as Spark's ANSI coercion does.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { binaryType, integerType, stringType, type DataType } from "../../types/data-types.js";
import { isBinary } from "../../types/type-utils.js";
import { nullableOf, typeOf } from "../../plan/expr/type-of.js";
import { callSql, expectType, fixedSignature, map1, map2, mapN } from "../helpers.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { widerTypeOfAll } from "../../types/type-utils.js";
import type { ScalarFunctionDef, FunctionDef } from "../registry.js";
import { charLength, chars, sliceChars, substringBytes, substringSQL } from "./text.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** A string -> string function of one argument. */
function unaryString(name: string, f: (s: string) => string, aliases: string[] = []): void {
  for (const n of [name, ...aliases]) {
    definitions.push({
      kind: "scalar", name: n, minArgs: 1, maxArgs: 1,
      resolve: fixedSignature(n, [stringType], stringType),
      eval: map1(f),
    });
  }
}

unaryString("upper", (s) => s.toUpperCase(), ["ucase"]);
unaryString("lower", (s) => s.toLowerCase(), ["lcase"]);
/** reverse: characters of a string, bytes of a binary, or elements of an array. */
definitions.push({
  kind: "scalar", name: "reverse", minArgs: 1, maxArgs: 1,
  resolve(args) {
    const t = typeOf(args[0]!);
    if (t.typeName() === "array" || isBinary(t)) return { args, dataType: t };
    return { args: [expectType("reverse", args, 0, stringType)], dataType: stringType };
  },
  eval: map1((v: string | Uint8Array | unknown[]) => {
    if (Array.isArray(v)) return [...v].reverse();
    if (v instanceof Uint8Array) return v.slice().reverse();
    const c = chars(v);
    return (typeof c === "string" ? c.split("") : c).reverse().join("");
  }),
});
/** initcap: first letter of each space-separated word upper, the rest lower (Spark splits on ' ' only). */
unaryString("initcap", (s) => s.toLowerCase().replace(/(^|\s)(\S)/g, (_m, sp: string, ch: string) => sp + ch.toUpperCase()));

// ---- trim ------------------------------------------------------------------------------------

function trimChars(s: string, set: string | null, left: boolean, right: boolean): string {
  if (set === null) {
    // Spark trims only ASCII space (0x20) by default, not all whitespace.
    let a = 0;
    let b = s.length;
    if (left) while (a < b && s.charCodeAt(a) === 32) a++;
    if (right) while (b > a && s.charCodeAt(b - 1) === 32) b--;
    return s.slice(a, b);
  }
  const cs = new Set(Array.from(set));
  const c = Array.from(s);
  let a = 0;
  let b = c.length;
  if (left) while (a < b && cs.has(c[a]!)) a++;
  if (right) while (b > a && cs.has(c[b - 1]!)) b--;
  return c.slice(a, b).join("");
}

const TRIM_WORD = { trim: "BOTH", ltrim: "LEADING", rtrim: "TRAILING" } as const;
/**
 * trim(str) or, as Spark SQL's two-argument form, trim(trimStr, str): the characters of trimStr
 * are removed (`TRIM(BOTH trimStr FROM str)` parses to the same call).
 */
for (const [name, left, right] of [["trim", true, true], ["ltrim", true, false], ["rtrim", false, true]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 2,
    resolve: fixedSignature(name, [stringType], stringType),
    eval: (args, n) => {
      const s = args[args.length - 1]!;
      const t = args.length === 2 ? args[0]! : null;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const v = s[i] as string | null;
        const set = t ? (t[i] as string | null) : null;
        out[i] = v == null || (t && set == null) ? null : trimChars(v, set, left, right);
      }
      return out;
    },
    sql: (a) => (a.length === 2 ? `TRIM(${TRIM_WORD[name]} ${a[0]} FROM ${a[1]})` : `${name}(${a[0]})`),
  });
}

// ---- length ----------------------------------------------------------------------------------

function lengthDef(name: string): ScalarFunctionDef {
  return {
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve(args) {
      if (isBinary(typeOf(args[0]!))) return { args, dataType: integerType };
      return { args: [expectType(name, args, 0, stringType)], dataType: integerType };
    },
    eval: map1((v: string | Uint8Array) => (typeof v === "string" ? charLength(v) : v.length)),
  };
}
for (const n of ["length", "char_length", "character_length", "len"]) definitions.push(lengthDef(n));

definitions.push({
  kind: "scalar", name: "octet_length", minArgs: 1, maxArgs: 1,
  resolve: (args) => (isBinary(typeOf(args[0]!)) ? { args, dataType: integerType } : { args: [expectType("octet_length", args, 0, stringType)], dataType: integerType }),
  eval: map1((v: string | Uint8Array) => (typeof v === "string" ? Buffer.byteLength(v, "utf8") : v.length)),
});

// ---- substring, left, right ------------------------------------------------------------------

function substringDef(name: string): ScalarFunctionDef {
  return {
    kind: "scalar", name, minArgs: 2, maxArgs: 3,
    resolve(args) {
      // Spark shows the omitted length as Int.MaxValue in the column name.
      const full: Expr[] = args.length === 2 ? [...args, { kind: "literal", value: 2147483647, dataType: integerType }] : [...args];
      // BINARY stays BINARY, cut by bytes.
      const to = isBinary(typeOf(full[0]!)) ? binaryType : stringType;
      return {
        args: [expectType(name, full, 0, to), expectType(name, full, 1, integerType), expectType(name, full, 2, integerType)],
        dataType: to,
      };
    },
    eval: mapN(([s, p, l]: [string | Uint8Array, number, number]) => (typeof s === "string" ? substringSQL(s, p, l) : substringBytes(s, p, l))),
  };
}
definitions.push(substringDef("substring"));
definitions.push(substringDef("substr"));

definitions.push({
  kind: "scalar", name: "left", minArgs: 2, maxArgs: 2,
  resolve: (args) => {
    const to = isBinary(typeOf(args[0]!)) ? binaryType : stringType;
    return { args: [expectType("left", args, 0, to), expectType("left", args, 1, integerType)], dataType: to };
  },
  eval: map2((s: string | Uint8Array, len: number) => {
    if (typeof s !== "string") return substringBytes(s, 1, Math.max(len, 0));
    return len <= 0 ? "" : substringSQL(s, 1, len);
  }),
});
definitions.push({
  kind: "scalar", name: "right", minArgs: 2, maxArgs: 2,
  resolve: fixedSignature("right", [stringType, integerType], stringType),
  eval: map2((s: string, len: number) => (len <= 0 ? "" : substringSQL(s, -len, 2147483647))),
});

// ---- padding, repetition ---------------------------------------------------------------------

function pad(s: string, len: number, p: string, left: boolean): string {
  const c = Array.from(s);
  if (len <= 0) return "";
  if (c.length >= len) return c.slice(0, len).join("");
  const pc = Array.from(p);
  if (pc.length === 0) return s;
  const need = len - c.length;
  const filler: string[] = [];
  for (let i = 0; i < need; i++) filler.push(pc[i % pc.length]!);
  return left ? filler.join("") + s : s + filler.join("");
}

function padBytes(b: Uint8Array, len: number, p: Uint8Array, left: boolean): Uint8Array {
  if (len <= 0) return new Uint8Array(0);
  if (b.length >= len || p.length === 0) return b.slice(0, len);
  const out = new Uint8Array(len);
  const need = len - b.length;
  for (let i = 0; i < need; i++) out[left ? i : b.length + i] = p[i % p.length]!;
  out.set(b, left ? need : 0);
  return out;
}

for (const [name, left] of [["lpad", true], ["rpad", false]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 3,
    resolve(args) {
      // BINARY pads with bytes, a zero byte by default.
      const binary = isBinary(typeOf(args[0]!));
      const to = binary ? binaryType : stringType;
      const fill: Expr = binary ? { kind: "literal", value: new Uint8Array(1), dataType: binaryType } : { kind: "literal", value: " ", dataType: stringType };
      const full: Expr[] = args.length === 2 ? [...args, fill] : [...args];
      return { args: [expectType(name, full, 0, to), expectType(name, full, 1, integerType), expectType(name, full, 2, to)], dataType: to };
    },
    eval: mapN(([s, len, p]: [string | Uint8Array, number, string | Uint8Array]) =>
      (typeof s === "string" ? pad(s, len, p as string, left) : padBytes(s, len, p as Uint8Array, left))),
  });
}

definitions.push({
  kind: "scalar", name: "repeat", minArgs: 2, maxArgs: 2,
  resolve: fixedSignature("repeat", [stringType, integerType], stringType),
  eval: map2((s: string, k: number) => (k <= 0 ? "" : s.repeat(k))),
});

definitions.push({
  kind: "scalar", name: "space", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("space", [integerType], stringType),
  eval: map1((k: number) => (k <= 0 ? "" : " ".repeat(k))),
});

// ---- concat ----------------------------------------------------------------------------------

/** concat of strings (null if any is null); concat of arrays is in collection/. */
definitions.push({
  kind: "scalar", name: "concat", minArgs: 0, maxArgs: Infinity,
  resolve(args) {
    const types = args.map(typeOf);
    if (types.some((t) => t.typeName() === "array")) {
      const common = widerTypeOfAll(types, false);
      if (!common || !types.every((t) => t.typeName() === "array")) {
        throw new PijarError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
          sqlExpr: `"${callSql("concat", args)}"`, functionName: "`concat`", dataType: "[" + types.map((t) => `"${t.sql()}"`).join(", ") + "]",
        });
      }
      return { args: args.map((a) => castTo(a, common)), dataType: common, state: "array" };
    }
    if (types.length > 0 && types.every((t) => isBinary(t))) return { args, dataType: binaryType, state: "binary" };
    return { args: args.map((_, i) => expectType("concat", args, i, stringType)), dataType: stringType };
  },
  eval(args, n, call, ctx) {
    const mode = call.state as string | undefined;
    return mapN((vals: unknown[]) => {
      if (mode === "array") return (vals as unknown[][]).flat(0).reduce<unknown[]>((acc, a) => acc.concat(a as unknown[]), []);
      if (mode === "binary") return Buffer.concat(vals as Uint8Array[]);
      return (vals as string[]).join("");
    })(args, n, call, ctx);
  },
});

definitions.push({
  kind: "scalar", name: "concat_ws", minArgs: 1, maxArgs: Infinity,
  resolve(args) {
    const out = args.map((a, i) => (i > 0 && typeOf(a).typeName() === "array" ? a : expectType("concat_ws", args, i, stringType)));
    // Null values are skipped, so only a null separator gives null (Spark's ConcatWs).
    return { args: out, dataType: stringType, nullable: nullableOf(out[0]!) };
  },
  eval(args, n) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const sep = args[0]![i] as string | null;
      if (sep == null) { out[i] = null; continue; }
      const parts: string[] = [];
      for (let j = 1; j < args.length; j++) {
        const v = args[j]![i];
        if (v == null) continue;
        if (Array.isArray(v)) for (const e of v) { if (e != null) parts.push(e as string); }
        else parts.push(v as string);
      }
      out[i] = parts.join(sep);
    }
    return out;
  },
});
