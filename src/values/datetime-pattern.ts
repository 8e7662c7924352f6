/**
 * Spark datetime patterns (`yyyy-MM-dd`, `dd/MM/yyyy HH:mm:ss`, `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`...)
 * compiled once into a formatter (date_format, CSV/JSON writers) and a parser (to_date /
 * to_timestamp with a format, CSV/JSON dateFormat / timestampFormat).
 *
 * Spark 3+ uses java.time's DateTimeFormatter with its own restrictions; this follows those rules:
 * a letter repeated n times is a field of fixed width n when parsing (one letter = 1..n digits),
 * text fields are English and parsed case-insensitively, the whole input must be consumed, and
 * the week-based letters (Y, w, W, u, e, c) are rejected as Spark 3+ rejects them.
 */
import { PijarError } from "../errors/pijar-error.js";
import {
  civilFromDays, daysFromCivil, daysInMonth, fromLocal, isLeapYear, localFields, normalizeZone,
  parseDate, parseTimestamp,
} from "./datetime.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

type Node =
  | { kind: "lit"; text: string }
  | { kind: "field"; letter: string; count: number }
  | { kind: "opt"; nodes: Node[] };

/** Fields a parse collects before they are resolved into a date or an instant. */
interface Parsed {
  year?: number; month?: number; day?: number; doy?: number; quarter?: number; dow?: number;
  hour?: number; hour12?: number; pm?: boolean; minute?: number; second?: number; micros?: number;
  /** Offset in minutes, or a zone id. */
  offset?: number; zone?: string; era?: number;
}

/** Fields as they are laid out for formatting. */
interface Fields {
  y: number; m: number; d: number; days: number; hour: number; minute: number; second: number; micros: number;
  offsetMinutes: number; zone: string;
}

const SUPPORTED = new Set("GyDMLdQqEahKkHmsSVzOXxZ".split(""));
/** Letters Spark 3+ rejects with "Fail to recognize pattern" (week-based year/week, 'u'). */
const REJECTED = new Set("YwWu".split(""));
const WEEK_BASED = new Set("ec".split(""));
/** Letters allowed for formatting only (Spark: "can only be used for datetime formatting"). */
const FORMAT_ONLY = /[EFqQ]/;

function patternError(pattern: string, detail: string): PijarError {
  return new PijarError("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION", { pattern }, {
    message: `You may get a different result due to the upgrading to Spark >= 3.0: Fail to recognize '${pattern}' pattern in the DateTimeFormatter. ${detail}`,
    exceptionType: "SparkUpgradeException",
  });
}

function illegalCharacter(pattern: string, c: string): PijarError {
  return new PijarError("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER", { pattern, c }, {
    message: `Unrecognized datetime pattern: ${pattern}. Illegal pattern character found in datetime pattern: ${c}. Please provide legal character.`,
    exceptionType: "IllegalArgumentException",
  });
}

function tokenize(pattern: string): Node[] {
  const stack: Node[][] = [[]];
  let i = 0;
  const top = () => stack[stack.length - 1]!;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) {
        // Spark 4.3 reports it as WITH_SUGGESTION (4.0: a bare IllegalArgumentException).
        throw new PijarError("INVALID_DATETIME_PATTERN.WITH_SUGGESTION", { pattern, docroot: "https://spark.apache.org/docs/latest" }, {
          message: `Pattern ends with an incomplete string literal: ${pattern}. Close the quoted text with ' (write '' for a quote character).`,
          exceptionType: "IllegalArgumentException",
        });
      }
      const text = end === i + 1 ? "'" : pattern.slice(i + 1, end).replace(/''/g, "'");
      // 'it''s' is one literal with an embedded quote: keep scanning while doubled quotes follow.
      let j = end;
      let lit = text;
      while (end !== i + 1 && pattern[j + 1] === "'") {
        const e2 = pattern.indexOf("'", j + 2);
        if (e2 < 0) throw patternError(pattern, "A quoted literal is not closed.");
        lit += "'" + pattern.slice(j + 2, e2);
        j = e2;
      }
      top().push({ kind: "lit", text: lit });
      i = j + 1;
    } else if (c === "[") {
      stack.push([]);
      i++;
    } else if (c === "]") {
      if (stack.length === 1) throw patternError(pattern, "An optional section ']' has no matching '['.");
      const nodes = stack.pop()!;
      top().push({ kind: "opt", nodes });
      i++;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      const count = j - i;
      if (REJECTED.has(c)) throw patternError(pattern, `The letter '${c}' is not supported since Spark 3.0: use y (year), M (month), d (day), E (day name) or D (day of year).`);
      if (WEEK_BASED.has(c)) {
        throw new PijarError("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN", { c }, {
          message: `You may get a different result due to the upgrading to Spark >= 3.0: All week-based patterns are unsupported since Spark 3.0, detected week-based character: ${c}. Please use the SQL function EXTRACT instead.`,
          exceptionType: "IllegalArgumentException",
        });
      }
      if (!SUPPORTED.has(c)) throw illegalCharacter(pattern, c);
      if ((c === "a" && count > 1) || ((c === "M" || c === "L" || c === "Q" || c === "q" || c === "E") && count > 4) ||
          (c === "d" || c === "H" || c === "h" || c === "k" || c === "K" || c === "m" || c === "s") && count > 2 || (c === "D" && count > 3) ||
          ((c === "X" || c === "x" || c === "Z") && count > 5) || c === "S" && count > 9) {
        throw patternError(pattern, `Too many pattern letters: '${c.repeat(count)}'.`);
      }
      top().push({ kind: "field", letter: c, count });
      i = j;
    } else {
      top().push({ kind: "lit", text: c });
      i++;
    }
  }
  if (stack.length !== 1) throw patternError(pattern, "An optional section '[' is not closed with ']'.");
  return stack[0]!;
}

const pad = (n: number, w: number) => (n < 0 ? "-" + String(-n).padStart(w, "0") : String(n).padStart(w, "0"));

function formatOffset(min: number, letter: string, count: number): string {
  const zeroAsZ = letter === "X" || (letter === "Z" && count === 5);
  if (min === 0 && zeroAsZ) return "Z";
  const sign = min < 0 ? "-" : "+";
  const a = Math.abs(min);
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  if (letter === "O") {
    if (min === 0) return "GMT";
    return count === 4 ? `GMT${sign}${hh}:${mm}` : `GMT${sign}${Math.floor(a / 60)}${a % 60 ? ":" + mm : ""}`;
  }
  if (letter === "Z") return count === 4 ? (min === 0 ? "GMT" : `GMT${sign}${hh}:${mm}`) : count === 5 ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
  if (count === 1) return `${sign}${hh}${a % 60 ? mm : ""}`;
  if (count === 2 || count === 4) return `${sign}${hh}${mm}`;
  return `${sign}${hh}:${mm}`;
}

function formatField(letter: string, count: number, f: Fields): string {
  switch (letter) {
    case "G": return count === 4 ? (f.y > 0 ? "Anno Domini" : "Before Christ") : f.y > 0 ? "AD" : "BC";
    case "y": {
      const y = f.y > 0 ? f.y : 1 - f.y; // year of era
      if (count === 2) return pad(y % 100, 2);
      return pad(y, count);
    }
    case "M": case "L":
      if (count >= 4) return MONTHS[f.m - 1]!;
      if (count === 3) return MONTHS[f.m - 1]!.slice(0, 3);
      return pad(f.m, count);
    case "d": return pad(f.d, count);
    case "D": return pad(f.days - daysFromCivil(f.y, 1, 1) + 1, count);
    case "Q": case "q": {
      const q = Math.floor((f.m - 1) / 3) + 1;
      if (count === 3) return `Q${q}`;
      if (count === 4) return ["1st", "2nd", "3rd", "4th"][q - 1]! + " quarter";
      return pad(q, count);
    }
    case "E": {
      const dow = (((f.days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (index 3 from Monday)
      return count === 4 ? DAYS[dow]! : DAYS[dow]!.slice(0, 3);
    }
    case "a": return f.hour < 12 ? "AM" : "PM";
    case "h": return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case "K": return pad(f.hour % 12, count);
    case "k": return pad(f.hour === 0 ? 24 : f.hour, count);
    case "H": return pad(f.hour, count);
    case "m": return pad(f.minute, count);
    case "s": return pad(f.second, count);
    case "S": return pad(f.micros, 6).padEnd(9, "0").slice(0, count);
    case "V": return f.zone;
    case "z": return f.zone === "UTC" ? "UTC" : zoneShortName(f.zone, f);
    default: return formatOffset(f.offsetMinutes, letter, count);
  }
}

function zoneShortName(zone: string, f: Fields): string {
  try {
    const d = new Date(Date.UTC(f.y, f.m - 1, f.d, f.hour, f.minute) - f.offsetMinutes * 60000);
    const p = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }).formatToParts(d);
    return p.find((x) => x.type === "timeZoneName")?.value ?? zone;
  } catch {
    return zone;
  }
}

// ---- parsing -----------------------------------------------------------------------------------

const DIGIT = (c: number) => c >= 48 && c <= 57;

class Cursor {
  constructor(readonly s: string, public i = 0) {}
  digits(min: number, max: number): number | null {
    let j = this.i;
    while (j < this.s.length && j - this.i < max && DIGIT(this.s.charCodeAt(j))) j++;
    if (j - this.i < min) return null;
    const v = Number(this.s.slice(this.i, j));
    this.i = j;
    return v;
  }
  /** Case-insensitive match of one of the words; returns its index. */
  word(words: readonly string[]): number | null {
    const rest = this.s.slice(this.i).toLowerCase();
    let best = -1;
    for (let k = 0; k < words.length; k++) if (rest.startsWith(words[k]!.toLowerCase()) && (best < 0 || words[k]!.length > words[best]!.length)) best = k;
    if (best < 0) return null;
    this.i += words[best]!.length;
    return best;
  }
}

function parseOffset(c: Cursor, letter: string, count: number, p: Parsed): boolean {
  const s = c.s;
  if (letter === "V") {
    const m = /^[A-Za-z][A-Za-z0-9_+\-/]*/.exec(s.slice(c.i));
    if (!m) return false;
    p.zone = m[0];
    c.i += m[0].length;
    return true;
  }
  if (letter === "z" || letter === "O" || (letter === "Z" && count === 4)) {
    const m = /^(?:GMT|UTC|UT)(?=[+-]|$|[^A-Za-z])/.exec(s.slice(c.i));
    if (m) {
      c.i += m[0].length;
      if (s[c.i] !== "+" && s[c.i] !== "-") {
        p.offset = 0;
        return true;
      }
    } else if (letter === "z") {
      const z = /^[A-Za-z][A-Za-z0-9_+\-/]*/.exec(s.slice(c.i));
      if (!z) return false;
      p.zone = z[0];
      c.i += z[0].length;
      return true;
    } else return false;
  }
  if ((letter === "X" || (letter === "Z" && count === 5)) && (s[c.i] === "Z" || s[c.i] === "z")) {
    c.i++;
    p.offset = 0;
    return true;
  }
  const sign = s[c.i];
  if (sign !== "+" && sign !== "-") return false;
  c.i++;
  const h = c.digits(letter === "O" ? 1 : 2, 2);
  if (h === null) return false;
  let mi = 0;
  if (s[c.i] === ":") {
    c.i++;
    const v = c.digits(2, 2);
    if (v === null) return false;
    mi = v;
  } else if (DIGIT(s.charCodeAt(c.i))) {
    const v = c.digits(2, 2);
    if (v === null) return false;
    mi = v;
  }
  p.offset = (sign === "-" ? -1 : 1) * (h * 60 + mi);
  return true;
}

function parseField(c: Cursor, letter: string, count: number, p: Parsed, next: Node | undefined): boolean {
  // A numeric field directly followed by another numeric field (yyyyMMdd) must not be greedy.
  const adjacentNumber = next?.kind === "field" && /[yDMLdQqhKkHmsS]/.test(next.letter) && !(next.count >= 3 && /[MLQq]/.test(next.letter));
  const num = (min: number, max: number) => c.digits(min, adjacentNumber ? min : max);
  let v: number | null;
  switch (letter) {
    case "G": v = c.word(count === 4 ? ["Before Christ", "Anno Domini"] : ["BC", "AD"]); if (v === null) return false; p.era = v; return true;
    case "y": {
      if (count === 2) {
        v = c.digits(2, 2);
        if (v === null) return false;
        p.year = 2000 + v;
        return true;
      }
      const neg = c.s[c.i] === "-" || c.s[c.i] === "+" ? c.s[c.i++] : "";
      // "yyyy" is exactly four digits when parsing (Spark rejects "12345-01-05"); "y" is free.
      v = count >= 4 ? c.digits(count, count) : num(count, 10);
      if (v === null) return false;
      p.year = neg === "-" ? -v : v;
      return true;
    }
    case "M": case "L":
      if (count >= 3) {
        v = c.word(count === 3 ? MONTHS.map((m) => m.slice(0, 3)) : MONTHS);
        if (v === null) return false;
        p.month = v + 1;
        return true;
      }
      v = num(count, 2); if (v === null) return false; p.month = v; return true;
    case "d": v = num(count, 2); if (v === null) return false; p.day = v; return true;
    case "D": v = num(count, 3); if (v === null) return false; p.doy = v; return true;
    case "Q": case "q":
      if (count === 3) { if (c.s[c.i]?.toUpperCase() !== "Q") return false; c.i++; v = c.digits(1, 1); }
      else if (count === 4) { v = c.word(["1st quarter", "2nd quarter", "3rd quarter", "4th quarter"]); if (v !== null) v++; }
      else v = num(count, 2);
      if (v === null) return false; p.quarter = v; return true;
    case "E": v = c.word(count === 4 ? DAYS : DAYS.map((d) => d.slice(0, 3))); if (v === null) return false; p.dow = v; return true;
    case "a": v = c.word(["AM", "PM"]); if (v === null) return false; p.pm = v === 1; return true;
    case "h": v = num(count, 2); if (v === null || v < 1 || v > 12) return false; p.hour12 = v % 12; return true;
    case "K": v = num(count, 2); if (v === null || v > 11) return false; p.hour12 = v; return true;
    case "k": v = num(count, 2); if (v === null || v < 1 || v > 24) return false; p.hour = v % 24; return true;
    case "H": v = num(count, 2); if (v === null) return false; p.hour = v; return true;
    case "m": v = num(count, 2); if (v === null) return false; p.minute = v; return true;
    case "s": v = num(count, 2); if (v === null) return false; p.second = v; return true;
    case "S": {
      // Spark parses a fraction of 1..count digits (appendFraction), keeping microseconds.
      const start = c.i;
      v = c.digits(1, count);
      if (v === null) return false;
      const digits = c.s.slice(start, c.i);
      p.micros = Number((digits + "000000").slice(0, 6));
      return true;
    }
    default: return parseOffset(c, letter, count, p);
  }
}

function parseNodes(c: Cursor, nodes: readonly Node[], p: Parsed): boolean {
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.kind === "lit") {
      if (c.s.startsWith(n.text, c.i)) c.i += n.text.length;
      else return false;
    } else if (n.kind === "opt") {
      const save = c.i;
      const copy = { ...p };
      if (!parseNodes(c, n.nodes, copy)) c.i = save;
      else Object.assign(p, copy);
    } else if (!parseField(c, n.letter, n.count, p, nodes[k + 1])) return false;
  }
  return true;
}

/** Resolves parsed fields into a local date (days) and time, or null when invalid (strict). */
function resolve(p: Parsed): { days: number; secOfDay: number; micros: number } | null {
  let year = p.year ?? 1970;
  if (p.era === 0) year = 1 - year;
  let month = p.month;
  let day = p.day;
  if (p.doy !== undefined) {
    const len = isLeapYear(year) ? 366 : 365;
    if (p.doy < 1 || p.doy > len) return null;
    const fromDoy = civilFromDays(daysFromCivil(year, 1, 1) + p.doy - 1);
    if ((month !== undefined && month !== fromDoy.m) || (day !== undefined && day !== fromDoy.d)) return null;
    month = fromDoy.m;
    day = fromDoy.d;
  }
  month ??= p.quarter !== undefined ? (p.quarter - 1) * 3 + 1 : 1;
  day ??= 1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (p.quarter !== undefined && Math.floor((month - 1) / 3) + 1 !== p.quarter) return null;
  const days = daysFromCivil(year, month, day);
  if (p.dow !== undefined && (((days + 3) % 7) + 7) % 7 !== p.dow) return null;
  let hour = p.hour;
  if (p.hour12 !== undefined) {
    const h = p.hour12 + (p.pm ? 12 : 0);
    if (hour !== undefined && hour !== h) return null;
    hour = h;
  } else if (p.pm !== undefined && hour !== undefined && (hour >= 12) !== p.pm) return null;
  hour ??= 0;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { days, secOfDay: hour * 3600 + minute * 60 + second, micros: p.micros ?? 0 };
}

/** A compiled Spark datetime pattern. */
export interface DateTimePattern {
  readonly pattern: string;
  /** Formats an instant (micros since epoch) in time zone `tz`. */
  formatTimestamp(micros: number, tz: string): string;
  /** Formats a date (days since epoch); time fields print as midnight UTC, as Spark does. */
  formatDate(days: number): string;
  /** Parses an instant; a zone or offset in the text wins over `tz`. Null when the text does not match. */
  parseTimestamp(text: string, tz: string): number | null;
  /** Parses a local date-time as TIMESTAMP_NTZ micros (zone fields are ignored). */
  parseTimestampNTZ(text: string): number | null;
  /** Parses a date (days since epoch); time fields must still be valid. */
  parseDate(text: string): number | null;
}

function parseAll(nodes: readonly Node[], text: string): Parsed | null {
  const c = new Cursor(text);
  const p: Parsed = {};
  if (!parseNodes(c, nodes, p) || c.i !== text.length) return null;
  return p;
}

function compile(pattern: string): DateTimePattern {
  const nodes = tokenize(pattern);
  const flat: Node[] = [];
  const flatten = (ns: readonly Node[]) => {
    for (const n of ns) if (n.kind === "opt") flatten(n.nodes); else flat.push(n);
  };
  flatten(nodes);
  const parseError = FORMAT_ONLY.test(flat.map((n) => (n.kind === "field" ? n.letter : "")).join(""))
    ? patternError(pattern, "The letters E, F, q and Q can only be used for formatting (date_format), not for parsing.")
    : null;
  const check = () => {
    if (parseError) throw parseError;
  };
  const fmt = (f: Fields) => {
    let out = "";
    for (const n of flat) out += n.kind === "lit" ? n.text : formatField((n as { letter: string }).letter, (n as { count: number }).count, f);
    return out;
  };
  return {
    pattern,
    formatTimestamp(micros, tz) {
      const zone = normalizeZone(tz);
      const l = localFields(micros, zone);
      return fmt({ y: l.y, m: l.m, d: l.d, days: l.days, hour: l.hour, minute: l.minute, second: l.second, micros: l.micros, offsetMinutes: l.offsetMinutes, zone });
    },
    formatDate(days) {
      const { y, m, d } = civilFromDays(days);
      return fmt({ y, m, d, days, hour: 0, minute: 0, second: 0, micros: 0, offsetMinutes: 0, zone: "UTC" });
    },
    parseTimestamp(text, tz) {
      check();
      const p = parseAll(nodes, text);
      if (!p) return null;
      const r = resolve(p);
      if (!r) return null;
      const local = (r.days * 86400 + r.secOfDay) * 1_000_000 + r.micros;
      if (p.offset !== undefined) return local - p.offset * 60_000_000;
      const { y, m, d } = civilFromDays(r.days);
      return fromLocal(y, m, d, Math.floor(r.secOfDay / 3600), Math.floor(r.secOfDay / 60) % 60, r.secOfDay % 60, r.micros, p.zone ? normalizeZone(p.zone) : tz);
    },
    parseTimestampNTZ(text) {
      check();
      const p = parseAll(nodes, text);
      const r = p && resolve(p);
      return r ? (r.days * 86400 + r.secOfDay) * 1_000_000 + r.micros : null;
    },
    parseDate(text) {
      check();
      const p = parseAll(nodes, text);
      const r = p && resolve(p);
      return r ? r.days : null;
    },
  };
}

const cache = new Map<string, DateTimePattern>();

/** Compiles (and caches) a Spark datetime pattern; throws a classed error for an invalid one. */
export function compilePattern(pattern: string): DateTimePattern {
  let c = cache.get(pattern);
  if (!c) {
    c = compile(pattern);
    if (cache.size > 256) cache.clear();
    cache.set(pattern, c);
  }
  return c;
}

/**
 * Spark's parsing when no format is given (cast rules): "2024-01-15", "2024-1-5",
 * "2024-01-15 10:00:00.123", "2024-01-15T10:00:00Z"...
 */
export const defaultParser = {
  parseDate: (text: string): number | null => parseDate(text),
  parseTimestamp: (text: string, tz: string): number | null => parseTimestamp(text, tz),
};
