/**
 * Java regular expressions (what Spark's rlike, regexp_replace, split... take) translated to
 * JS RegExp. Most syntax is shared; the differences handled here are \Q..\E quoting, inline
 * flags at the start ((?i), (?s), (?m)), \A \z \Z anchors, POSIX classes (\p{Alpha}...),
 * possessive quantifiers (treated as greedy) and Java's `$1` / `${name}` replacement syntax.
 * Constructs with no JS equivalent (atomic groups, class intersection) raise a clear error.
 */
import { PijarError } from "../../errors/pijar-error.js";

const POSIX: Record<string, string> = {
  Lower: "a-z", Upper: "A-Z", ASCII: "\\x00-\\x7F", Alpha: "a-zA-Z", Digit: "0-9", Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~", Graph: "!-~", Print: " -~", Blank: " \\t", Cntrl: "\\x00-\\x1F\\x7F", XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r", javaLowerCase: "a-z", javaUpperCase: "A-Z", javaWhitespace: " \\t\\n\\x0B\\f\\r",
};

function unsupported(pattern: string, what: string): PijarError {
  return new PijarError("INVALID_PARAMETER_VALUE.PATTERN", {
    parameter: "`regexp`", functionName: "`regexp`", value: `'${pattern}'`,
  }, {
    message: `The regular expression '${pattern}' uses ${what}, which Pijar cannot translate from Java to JavaScript. Rewrite the pattern without it.`,
  });
}

function invalid(pattern: string, err: unknown): PijarError {
  return new PijarError("INVALID_PARAMETER_VALUE.PATTERN", { parameter: "`regexp`", functionName: "`regexp`", value: `'${pattern}'` }, {
    message: `The value of parameter(s) \`regexp\` is invalid: '${pattern}' is not a valid regular expression (${(err as Error).message}).`,
  });
}

/** True when `head` ends with an (unescaped) quantifier, so a following `+` makes it possessive. */
function endsWithQuantifier(head: string): boolean {
  if (/\{\d+(,\d*)?\}$/.test(head)) return !/\\[pPk]\{[^}]*\}$/.test(head);
  const m = /(\\*)([*+?])$/.exec(head);
  if (!m || m[1]!.length % 2 === 1) return false;
  return !(m[2] === "?" && head.endsWith("(?"));
}

const escapeLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|\/-]/g, "\\$&");

/** Translates a Java regex into a JS source and flags. */
export function translateJavaRegex(pattern: string): { source: string; flags: string } {
  let flags = "";
  let src = "";
  let i = 0;
  let inClass = 0;
  // Leading inline flags: (?i), (?s), (?m), (?is)...
  const lead = /^\(\?([imsxu]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1]!) {
      if (f === "i" && !flags.includes("i")) flags += "i";
      if (f === "s" && !flags.includes("s")) flags += "s";
      if (f === "m" && !flags.includes("m")) flags += "m";
      if (f === "x") throw unsupported(pattern, "the COMMENTS flag (?x)");
    }
    i = lead[0].length;
  }
  let needU = false;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const d = pattern[i + 1];
      if (d === undefined) throw invalid(pattern, new Error("trailing backslash"));
      if (d === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        const lit = end < 0 ? pattern.slice(i + 2) : pattern.slice(i + 2, end);
        src += escapeLiteral(lit);
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if (d === "A" && !inClass) { src += "(?<![\\s\\S])"; i += 2; continue; }
      if (d === "z" && !inClass) { src += "(?![\\s\\S])"; i += 2; continue; }
      if (d === "Z" && !inClass) { src += "(?=\\n?(?![\\s\\S]))"; i += 2; continue; }
      if (d === "h") { src += inClass ? " \\t\\xA0" : "[ \\t\\xA0]"; i += 2; continue; }
      if ((d === "p" || d === "P") && pattern[i + 2] === "{") {
        const close = pattern.indexOf("}", i + 3);
        const name = pattern.slice(i + 3, close).replace(/^Is/, "");
        const posix = POSIX[name];
        if (posix) {
          if (d === "P") src += inClass ? (() => { throw unsupported(pattern, `\\P{${name}} inside a character class`); })() : `[^${posix}]`;
          else src += inClass ? posix : `[${posix}]`;
        } else {
          needU = true;
          src += `\\${d}{${name}}`;
        }
        i = close + 1;
        continue;
      }
      src += c + d;
      i += 2;
      continue;
    }
    if (c === "[") {
      if (inClass && pattern[i - 1] !== "\\") throw unsupported(pattern, "a nested character class or class intersection ([a-z&&[...]])");
      inClass++;
      src += c;
      if (pattern[i + 1] === "^") { src += "^"; i++; }
      if (pattern[i + 1] === "]") { src += "\\]"; i++; }
      i++;
      continue;
    }
    if (c === "]" && inClass) { inClass--; src += c; i++; continue; }
    if (inClass && c === "&" && pattern[i + 1] === "&") throw unsupported(pattern, "character class intersection (&&)");
    if (!inClass && c === "(" && pattern.startsWith("(?>", i)) throw unsupported(pattern, "an atomic group (?>...)");
    if (!inClass && c === "(" && /^\(\?[imsx-]+[:)]/.test(pattern.slice(i))) throw unsupported(pattern, "inline flags inside the pattern (only leading flags like (?i) are supported)");
    // Possessive quantifiers (a*+, a++, a?+, a{n}+): JS has none; greedy matches the same text in most uses.
    if (!inClass && c === "+" && endsWithQuantifier(pattern.slice(0, i))) { i++; continue; }
    src += c;
    i++;
  }
  if (needU) {
    flags += "u";
    // With the u flag JS rejects identity escapes Java accepts (\- outside classes, \_ ...).
    src = src.replace(/\\([^A-Za-z0-9\\^$.*+?()[\]{}|\/-])/g, "$1");
  }
  return { source: src, flags };
}

const cache = new Map<string, RegExp>();

/** A global JS RegExp for a Java pattern (cached; callers must reset lastIndex). */
export function javaRegex(pattern: string): RegExp {
  let r = cache.get(pattern);
  if (!r) {
    const { source, flags } = translateJavaRegex(pattern);
    try {
      r = new RegExp(source, flags + "g");
    } catch (e) {
      throw invalid(pattern, e);
    }
    if (cache.size > 512) cache.clear();
    cache.set(pattern, r);
  }
  r.lastIndex = 0;
  return r;
}

/**
 * Expands a Java replacement string for one match: `$n` (the longest group number that
 * exists), `${name}`, and `\x` for a literal x.
 */
export function expandReplacement(rep: string, m: RegExpExecArray): string {
  if (!rep.includes("$") && !rep.includes("\\")) return rep;
  let out = "";
  const groups = m.length - 1;
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === "\\") {
      i++;
      if (i < rep.length) out += rep[i];
      else throw new PijarError("INVALID_PARAMETER_VALUE.PATTERN", {}, { message: `character to be escaped is missing in the replacement '${rep}'.` });
    } else if (c === "$") {
      if (rep[i + 1] === "{") {
        const close = rep.indexOf("}", i);
        const name = rep.slice(i + 2, close);
        if (!m.groups || !(name in m.groups)) throw new PijarError("INVALID_PARAMETER_VALUE.PATTERN", {}, { message: `No group with name {${name}} in the replacement '${rep}'.` });
        out += m.groups[name] ?? "";
        i = close;
      } else {
        let j = i + 1;
        if (!/[0-9]/.test(rep[j] ?? "")) throw new PijarError("INVALID_PARAMETER_VALUE.PATTERN", {}, { message: `Illegal group reference in the replacement '${rep}': escape a literal $ as \\$.` });
        let num = Number(rep[j]);
        if (num > groups) throw new PijarError("INVALID_PARAMETER_VALUE.PATTERN", {}, { message: `No group ${num} in the replacement '${rep}'.` });
        j++;
        while (j < rep.length && /[0-9]/.test(rep[j]!) && num * 10 + Number(rep[j]) <= groups) {
          num = num * 10 + Number(rep[j]);
          j++;
        }
        out += m[num] ?? "";
        i = j - 1;
      }
    } else out += c;
  }
  return out;
}
