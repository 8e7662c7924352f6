/** rlike/regexp/regexp_like, regexp_replace, regexp_extract(_all), split: Java regex semantics. */
import type { Expr } from "../../plan/expr/expr.js";
import { ArrayType, booleanType, integerType, stringType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { expectType, fixedSignature, map2, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { expandReplacement, javaRegex } from "./java-regex.js";
import { chars } from "./text.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const intLit = (v: number): Expr => ({ kind: "literal", value: v, dataType: integerType });

// rlike shows as RLIKE(s, p); its aliases keep their own upper-case names.
for (const name of ["rlike", "regexp", "regexp_like"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: fixedSignature(name, [stringType, stringType], booleanType),
    eval: map2((s: string, p: string) => javaRegex(p).test(s)),
    sql: (a) => `${name.toUpperCase()}(${a[0]}, ${a[1]})`,
  });
}

definitions.push({
  kind: "scalar", name: "regexp_replace", minArgs: 3, maxArgs: 4,
  resolve(args) {
    const full = args.length === 3 ? [...args, intLit(1)] : args;
    return { args: full.map((_, i) => expectType("regexp_replace", full, i, i === 3 ? integerType : stringType)), dataType: stringType };
  },
  eval: mapN(([s, p, rep, pos]: [string, string, string, number]) => {
    if (pos <= 0) {
      throw new PijarError("INVALID_PARAMETER_VALUE.REGEX_POSITION", {}, {
        message: `The value of parameter(s) \`position\` in \`regexp_replace\` is invalid: Expects a positive int literal, but got ${pos}.`,
      });
    }
    const c = chars(s);
    const startChars = Math.min(pos - 1, c.length);
    const head = typeof c === "string" ? c.slice(0, startChars) : c.slice(0, startChars).join("");
    const tail = s.slice(head.length);
    const re = javaRegex(p);
    let out = "";
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(tail))) {
      out += tail.slice(last, m.index) + expandReplacement(rep, m);
      last = m.index + m[0].length;
      if (m[0].length === 0) {
        if (re.lastIndex < tail.length) out += tail[re.lastIndex];
        last = ++re.lastIndex;
        if (last > tail.length) break;
      }
    }
    return head + out + tail.slice(Math.min(last, tail.length));
  }),
});

function groupIndexCheck(re: RegExp, idx: number, name: string): void {
  const groups = new RegExp(re.source + "|", re.flags).exec("")!.length - 1;
  if (idx < 0 || idx > groups) {
    throw new PijarError("INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", {}, {
      message: `The value of parameter(s) \`idx\` in \`${name}\` is invalid: Expects group index between 0 and ${groups}, but got ${idx}.`,
    });
  }
}

definitions.push({
  kind: "scalar", name: "regexp_extract", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const full = args.length === 2 ? [...args, intLit(1)] : args;
    return { args: full.map((_, i) => expectType("regexp_extract", full, i, i === 2 ? integerType : stringType)), dataType: stringType };
  },
  eval: mapN(([s, p, idx]: [string, string, number]) => {
    const re = javaRegex(p);
    groupIndexCheck(re, idx, "regexp_extract");
    const m = re.exec(s);
    return m ? (m[idx] ?? "") : "";
  }),
});

definitions.push({
  kind: "scalar", name: "regexp_extract_all", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const full = args.length === 2 ? [...args, intLit(1)] : args;
    return { args: full.map((_, i) => expectType("regexp_extract_all", full, i, i === 2 ? integerType : stringType)), dataType: new ArrayType(stringType, true) };
  },
  eval: mapN(([s, p, idx]: [string, string, number]) => {
    const re = javaRegex(p);
    groupIndexCheck(re, idx, "regexp_extract_all");
    const out: string[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      out.push(m[idx] ?? "");
      if (m[0].length === 0) re.lastIndex++;
    }
    return out;
  }),
});

definitions.push({
  kind: "scalar", name: "regexp_count", minArgs: 2, maxArgs: 2,
  resolve: fixedSignature("regexp_count", [stringType, stringType], integerType),
  eval: map2((s: string, p: string) => {
    const re = javaRegex(p);
    let k = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      k++;
      if (m[0].length === 0) re.lastIndex++;
    }
    return k;
  }),
});

/** Java's String.split(regex, limit) as Spark uses it (limit <= 0: no limit, trailing empties kept). */
export function javaSplit(s: string, pattern: string, limit: number): string[] {
  if (pattern === "") {
    const c = Array.from(s);
    if (limit > 0 && c.length > limit) return [...c.slice(0, limit - 1), c.slice(limit - 1).join("")];
    return c;
  }
  const re = javaRegex(pattern);
  const out: string[] = [];
  let index = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[0].length === 0) re.lastIndex++;
    if (limit > 0 && out.length >= limit - 1) break;
    // A zero-width match at the very start never yields a leading empty string.
    if (index === 0 && m.index === 0 && m[0].length === 0) continue;
    out.push(s.slice(index, m.index));
    index = m.index + m[0].length;
  }
  if (index === 0 && out.length === 0) return [s];
  out.push(s.slice(index));
  return out;
}

definitions.push({
  kind: "scalar", name: "split", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const full = args.length === 2 ? [...args, intLit(-1)] : args;
    return { args: full.map((_, i) => expectType("split", full, i, i === 2 ? integerType : stringType)), dataType: new ArrayType(stringType, false) };
  },
  eval: mapN(([s, p, limit]: [string, string, number]) => javaSplit(s, p, limit)),
});
