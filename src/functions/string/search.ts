/** LIKE / ILIKE, startswith/endswith/contains, instr/locate/position, replace, translate. */
import type { Expr } from "../../plan/expr/expr.js";
import { booleanType, integerType, stringType } from "../../types/data-types.js";
import { isBinary } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";
import { expectType, fixedSignature, map2, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { charLength, chars, substringSQL } from "./text.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const likeCache = new Map<string, RegExp>();

/** Compiles a SQL LIKE pattern (`%`, `_`, escape char) to an anchored RegExp. */
export function likeRegex(pattern: string, escape: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? "i" : "c"}${escape}${pattern}`;
  let r = likeCache.get(key);
  if (r) return r;
  let src = "";
  const c = Array.from(pattern);
  for (let i = 0; i < c.length; i++) {
    const ch = c[i]!;
    if (ch === escape) {
      const next = c[i + 1];
      if (next === undefined || (next !== "%" && next !== "_" && next !== escape)) {
        throw new PijarError("INVALID_FORMAT.ESC_IN_THE_MIDDLE", {}, {
          message: `The format is invalid: '${pattern}'. The escape character '${escape}' must be followed by '%', '_' or itself; write '${escape}${escape}' for a literal '${escape}'.`,
        });
      }
      src += next.replace(/[\\^$.*+?()[\]{}|\/]/g, "\\$&");
      i++;
    } else if (ch === "%") src += "[\\s\\S]*";
    else if (ch === "_") src += "[\\s\\S]";
    else src += ch.replace(/[\\^$.*+?()[\]{}|\/]/g, "\\$&");
  }
  r = new RegExp(`^${src}$`, ignoreCase ? "iu" : "u");
  if (likeCache.size > 512) likeCache.clear();
  likeCache.set(key, r);
  return r;
}

const strLit = (v: string): Expr => ({ kind: "literal", value: v, dataType: stringType });

for (const [name, ignoreCase] of [["like", false], ["ilike", true]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 3,
    resolve(args) {
      const full = args.length === 2 ? [...args, strLit("\\")] : args;
      return { args: full.map((_, i) => expectType(name, full, i, stringType)), dataType: booleanType };
    },
    eval: mapN(([s, p, esc]: [string, string, string]) => likeRegex(p, esc, ignoreCase).test(s)),
    sql(a, call) {
      const esc = call.args[2];
      const custom = esc && esc.kind === "literal" && esc.value !== "\\" ? ` ESCAPE '${String(esc.value)}'` : "";
      return name === "like" ? `${a[0]} LIKE ${a[1]}${custom}` : `ilike(${a[0]}, ${a[1]}${custom ? ", " + a[2] : ""})`;
    },
  });
}

function bytesOrString(name: string, args: readonly Expr[]) {
  if (args.every((a) => isBinary(typeOf(a)))) return { args, dataType: booleanType };
  return { args: args.map((_, i) => expectType(name, args, i, stringType)), dataType: booleanType };
}

const startsWithBytes = (a: Uint8Array, b: Uint8Array, at: number) => b.every((x, i) => a[at + i] === x);
definitions.push({
  kind: "scalar", name: "startswith", minArgs: 2, maxArgs: 2,
  resolve: (args) => bytesOrString("startswith", args),
  eval: map2((s: string | Uint8Array, p: string | Uint8Array) => (typeof s === "string" ? s.startsWith(p as string) : startsWithBytes(s, p as Uint8Array, 0))),
});
definitions.push({
  kind: "scalar", name: "endswith", minArgs: 2, maxArgs: 2,
  resolve: (args) => bytesOrString("endswith", args),
  eval: map2((s: string | Uint8Array, p: string | Uint8Array) => (typeof s === "string" ? s.endsWith(p as string) : s.length >= p.length && startsWithBytes(s, p as Uint8Array, s.length - p.length))),
});
definitions.push({
  kind: "scalar", name: "contains", minArgs: 2, maxArgs: 2,
  resolve: (args) => bytesOrString("contains", args),
  eval: map2((s: string | Uint8Array, p: string | Uint8Array) => {
    if (typeof s === "string") return s.includes(p as string);
    for (let i = 0; i + p.length <= s.length; i++) if (startsWithBytes(s, p as Uint8Array, i)) return true;
    return false;
  }),
});

/** 1-based code-point position of `sub` in `s` at or after code point `from` (0-based), 0 if absent. */
function indexOfChars(s: string, sub: string, from: number): number {
  const c = chars(s);
  const startUnits = typeof c === "string" ? from : c.slice(0, from).join("").length;
  const at = s.indexOf(sub, startUnits);
  if (at < 0) return 0;
  return charLength(s.slice(0, at)) + 1;
}

/**
 * instr(str, substr[, position[, occurrence]]): the 1-based code-point position of the
 * occurrence-th match (matches may overlap), searching forward from `position`, or, when it is
 * negative, backward from that many characters before the end (Spark 4.3's Oracle-style form).
 * Position 0 or past either end finds nothing (0); an empty substr is found at 1.
 */
definitions.push({
  kind: "scalar", name: "instr", minArgs: 2, maxArgs: 4,
  resolve(args) {
    const full: Expr[] = args.length === 3 ? [...args, { kind: "literal", value: 1, dataType: integerType }] : [...args];
    return { args: full.map((_, i) => expectType("instr", full, i, i >= 2 ? integerType : stringType)), dataType: integerType };
  },
  eval: mapN(([s, sub, position, occurrence]: [string, string, number?, number?]) => {
    if (position === undefined) return indexOfChars(s, sub, 0);
    if (occurrence! < 1) {
      throw new PijarError("INVALID_PARAMETER_VALUE.OCCURRENCE", { parameter: "`occurrence`", functionName: "`instr`", actual: String(occurrence) });
    }
    if (position === 0) return 0;
    if (sub === "") return 1;
    return nthMatch(Array.from(s), Array.from(sub), position, occurrence!);
  }),
});

/** The 1-based start of the n-th match of `sub` in `s` (code points), from `position` on (backward when < 0). */
function nthMatch(s: string[], sub: string[], position: number, n: number): number {
  const at = (i: number) => sub.every((c, j) => s[i + j] === c);
  const last = s.length - sub.length;
  if (position > 0) {
    for (let i = position - 1; i <= last; i++) if (at(i) && --n === 0) return i + 1;
    return 0;
  }
  for (let i = Math.min(s.length + position, last); i >= 0; i--) if (at(i) && --n === 0) return i + 1;
  return 0;
}

/** locate(substr, str[, pos]): pos is 1-based; pos < 1 gives 0; nulls give null except a null pos (0). */
for (const name of ["locate", "position"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 3,
    resolve(args) {
      const full: Expr[] = args.length === 2 ? [...args, { kind: "literal", value: 1, dataType: integerType }] : [...args];
      return { args: full.map((_, i) => expectType(name, full, i, i === 2 ? integerType : stringType)), dataType: integerType };
    },
    eval(args, n) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const sub = args[0]![i] as string | null;
        const s = args[1]![i] as string | null;
        const pos = args[2]![i] as number | null;
        if (pos == null) out[i] = 0;
        else if (sub == null || s == null) out[i] = null;
        else if (pos < 1) out[i] = 0;
        else out[i] = indexOfChars(s, sub, pos - 1);
      }
      return out;
    },
  });
}

definitions.push({
  kind: "scalar", name: "replace", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const full = args.length === 2 ? [...args, strLit("")] : args;
    return { args: full.map((_, i) => expectType("replace", full, i, stringType)), dataType: stringType };
  },
  eval: mapN(([s, search, rep]: [string, string, string]) => (search === "" ? s : s.split(search).join(rep))),
});

definitions.push({
  kind: "scalar", name: "translate", minArgs: 3, maxArgs: 3,
  resolve: fixedSignature("translate", [stringType, stringType, stringType], stringType),
  eval: mapN(([s, from, to]: [string, string, string]) => {
    const f = Array.from(from);
    const t = Array.from(to);
    const dict = new Map<string, string | null>();
    // The first occurrence of a character in `from` wins; characters beyond `to` are deleted.
    f.forEach((ch, i) => { if (!dict.has(ch)) dict.set(ch, i < t.length ? t[i]! : null); });
    let out = "";
    for (const ch of s) {
      if (dict.has(ch)) { const r = dict.get(ch); if (r != null) out += r; }
      else out += ch;
    }
    return out;
  }),
});

definitions.push({
  kind: "scalar", name: "substring_index", minArgs: 3, maxArgs: 3,
  resolve: fixedSignature("substring_index", [stringType, stringType, integerType], stringType),
  eval: mapN(([s, delim, count]: [string, string, number]) => {
    if (delim === "" || count === 0) return "";
    const parts = s.split(delim);
    return count > 0 ? parts.slice(0, count).join(delim) : parts.slice(Math.max(parts.length + count, 0)).join(delim);
  }),
});
