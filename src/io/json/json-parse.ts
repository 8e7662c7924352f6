/**
 * A small JSON parser that keeps what JSON.parse loses and Spark needs: the exact text of
 * numbers (so 1 is a bigint and 1.0 a double, and 20-digit integers stay exact), and the
 * order of object keys (objects are Maps). Strings are decoded as usual.
 */

/** A JSON number, kept as its text. */
export class JsonNumber {
  constructor(readonly text: string) {}
  get isIntegral(): boolean {
    return !/[.eE]/.test(this.text);
  }
  toNumber(): number {
    const n = Number(this.text);
    // Jackson reads "-0" as the integer 0, so Spark's double is 0.0 ("-0.0" stays -0.0).
    return n === 0 && this.isIntegral ? 0 : n;
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | Map<string, JsonValue>;

export class JsonSyntaxError extends Error {}

/**
 * Jackson's default StreamReadConstraints.maxNestingDepth (Spark 4's JSON parser): a deeper
 * document is malformed (a corrupt record), and the parser never recurses past it, so a
 * 100,000-deep document cannot overflow the stack.
 */
export const MAX_NESTING_DEPTH = 1000;

/** What a parse noticed besides the value (the first object key that appears twice). */
export interface ParseInfo {
  duplicateKey: string | null;
}

/** Parses one JSON document from text[start, end); throws JsonSyntaxError. */
export function parseJson(text: string, start = 0, end = text.length, info?: ParseInfo): JsonValue {
  const p = new Parser(text, start, end);
  p.ws();
  const v = p.value();
  p.ws();
  if (p.i < end) p.fail("unexpected text after the value");
  if (info) info.duplicateKey = p.duplicateKey;
  return v;
}

class Parser {
  private depth = 0;
  duplicateKey: string | null = null;
  constructor(readonly s: string, public i: number, readonly end: number) {}

  private enter(): void {
    if (++this.depth > MAX_NESTING_DEPTH) this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`);
  }

  fail(msg: string): never {
    throw new JsonSyntaxError(`${msg} at position ${this.i}`);
  }

  ws(): void {
    const s = this.s;
    while (this.i < this.end) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  value(): JsonValue {
    if (this.i >= this.end) this.fail("unexpected end of input");
    const c = this.s.charCodeAt(this.i);
    if (c === 123) return this.object();
    if (c === 91) return this.array();
    if (c === 34) return this.string();
    if (c === 116) return this.word("true", true);
    if (c === 102) return this.word("false", false);
    if (c === 110) return this.word("null", null);
    if (c === 78) return this.nonNumeric("NaN");
    if (c === 73) return this.nonNumeric("Infinity");
    if (c === 45 || c === 43 || (c >= 48 && c <= 57)) return this.number();
    return this.fail(`unexpected character '${this.s[this.i]}'`);
  }

  private word<T>(w: string, v: T): T {
    if (this.s.startsWith(w, this.i) && this.i + w.length <= this.end) {
      this.i += w.length;
      return v;
    }
    return this.fail("invalid literal");
  }

  /** Spark's allowNonNumericNumbers (default true): NaN, Infinity, -Infinity. */
  private nonNumeric(w: string): JsonNumber {
    this.word(w, null);
    return new JsonNumber(w);
  }

  private number(): JsonNumber {
    const s = this.s;
    const start = this.i;
    if (s[this.i] === "-" || s[this.i] === "+") {
      this.i++;
      if (s.startsWith("Infinity", this.i)) {
        this.i += 8;
        return new JsonNumber(s.slice(start, this.i));
      }
    }
    const digitsFrom = this.i;
    while (this.i < this.end && isDigit(s.charCodeAt(this.i))) this.i++;
    if (this.i === digitsFrom) this.fail("invalid number");
    // Jackson rejects leading zeros ("01").
    if (s.charCodeAt(digitsFrom) === 48 && this.i - digitsFrom > 1) this.fail("leading zeros are not allowed");
    if (s[this.i] === ".") {
      this.i++;
      const f = this.i;
      while (this.i < this.end && isDigit(s.charCodeAt(this.i))) this.i++;
      if (f === this.i) this.fail("invalid number");
    }
    if (s[this.i] === "e" || s[this.i] === "E") {
      this.i++;
      if (s[this.i] === "+" || s[this.i] === "-") this.i++;
      const e = this.i;
      while (this.i < this.end && isDigit(s.charCodeAt(this.i))) this.i++;
      if (e === this.i) this.fail("invalid exponent");
    }
    return new JsonNumber(s.slice(start, this.i));
  }

  string(): string {
    const s = this.s;
    this.i++;
    let out = "";
    let seg = this.i;
    for (;;) {
      if (this.i >= this.end) this.fail("unterminated string");
      const c = s.charCodeAt(this.i);
      if (c === 34) {
        out += s.slice(seg, this.i);
        this.i++;
        return out;
      }
      if (c === 92) {
        out += s.slice(seg, this.i);
        const e = s[this.i + 1];
        this.i += 2;
        switch (e) {
          case '"': out += '"'; break;
          case "\\": out += "\\"; break;
          case "/": out += "/"; break;
          case "b": out += "\b"; break;
          case "f": out += "\f"; break;
          case "n": out += "\n"; break;
          case "r": out += "\r"; break;
          case "t": out += "\t"; break;
          case "u": {
            const h = s.slice(this.i, this.i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) this.fail("invalid unicode escape");
            out += String.fromCharCode(parseInt(h, 16));
            this.i += 4;
            break;
          }
          default: this.fail("invalid escape");
        }
        seg = this.i;
        continue;
      }
      if (c < 32 && c !== 9) this.fail("control character in string");
      this.i++;
    }
  }

  private array(): JsonValue[] {
    this.enter();
    this.i++;
    const out: JsonValue[] = [];
    this.ws();
    if (this.s[this.i] === "]") {
      this.i++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value());
      this.ws();
      const c = this.s[this.i];
      this.i++;
      if (c === "]") {
        this.depth--;
        return out;
      }
      if (c !== ",") this.fail("expected ',' or ']'");
    }
  }

  private object(): Map<string, JsonValue> {
    this.enter();
    this.i++;
    const out = new Map<string, JsonValue>();
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail("expected a field name");
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ":") this.fail("expected ':'");
      this.i++;
      this.ws();
      if (this.duplicateKey === null && out.has(k)) this.duplicateKey = k;
      out.set(k, this.value()); // the last value wins, as Jackson's tree model
      this.ws();
      const c = this.s[this.i];
      this.i++;
      if (c === "}") {
        this.depth--;
        return out;
      }
      if (c !== ",") this.fail("expected ',' or '}'");
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Compact JSON text of a parsed value (for string columns that receive objects/arrays). */
export function jsonText(v: JsonValue): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return "[" + v.map(jsonText).join(",") + "]";
  return "{" + [...v].map(([k, x]) => JSON.stringify(k) + ":" + jsonText(x)).join(",") + "}";
}
