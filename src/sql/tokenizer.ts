/**
 * Spark SQL lexer: turns SQL text into tokens with source offsets, following Spark's
 * SqlBaseLexer where learners can see the difference (string escapes, adjacent string
 * concatenation is left to the parser, numeric suffixes, backtick identifiers, nested
 * bracketed comments, `:name` and `?` parameter markers).
 */
import { syntaxError } from "./parse-error.js";

export type TokenType =
  | "ident" // bare word: keyword or identifier (the parser decides)
  | "quoted" // `backtick quoted` identifier
  | "string" // '...' or "..." (value has escapes processed)
  | "number" // numeric literal, raw text kept (suffix decides the type)
  | "op" // operator or punctuation
  | "param" // :name or ?
  | "eof";

export interface Token {
  type: TokenType;
  /** The exact source text of the token. */
  text: string;
  /** Identifier name, unescaped string content, operator text, or parameter name. */
  value: string;
  /** Upper-cased text for `ident` tokens (keyword matching), else "". */
  upper: string;
  /** 0-based offset of the first character. */
  start: number;
  /** 0-based offset just past the last character. */
  end: number;
}

// Longest first, so `<=>` wins over `<=` and `<`.
const OPERATORS = [
  "<=>", ">>>", "<<", ">>", "<=", ">=", "<>", "!=", "==", "||", "::", "->", "=>", "!<", "!>",
  "=", "<", ">", "+", "-", "*", "/", "%", "~", "&", "|", "^", "(", ")", "[", "]", ",", ".", ";", ":", "!", "{", "}",
];

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:[bB][dD]|[lLsSyYdDfF])?/;

/** Spark's unescapeSQLString for the body of a '...' or "..." literal. */
export function unescapeSqlString(body: string, quote?: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote && body[i + 1] === quote) {
      out += c;
      i++;
      continue;
    }
    if (c !== "\\" || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[++i]!;
    if (n === "u" && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
      continue;
    }
    if (n === "U" && /^[0-9a-fA-F]{8}$/.test(body.slice(i + 1, i + 9))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16));
      i += 8;
      continue;
    }
    if (/^[0-3][0-7][0-7]$/.test(body.slice(i, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
      continue;
    }
    switch (n) {
      case "0": out += "\u0000"; break;
      case "b": out += "\b"; break;
      case "n": out += "\n"; break;
      case "r": out += "\r"; break;
      case "t": out += "\t"; break;
      case "Z": out += "\u001A"; break;
      // LIKE wildcards keep their backslash so the pattern still sees the escape.
      case "%": out += "\\%"; break;
      case "_": out += "\\_"; break;
      default: out += n; // \' \" \\ and unknown escapes drop the backslash
    }
  }
  return out;
}

/** Splits `sql` into tokens (ending with one `eof` token). Throws PARSE_SYNTAX_ERROR on bad input. */
/** Lexer options from session settings. */
export interface LexOptions {
  /** spark.sql.ansi.doubleQuotedIdentifiers: `"x"` is an identifier, as `` `x` ``, not a string. */
  readonly doubleQuotedIdentifiers?: boolean;
  /** spark.sql.parser.escapedStringLiterals: a '...' literal keeps its backslashes (Spark 1.6's reading). */
  readonly escapedStringLiterals?: boolean;
}

export function tokenize(sql: string, opts: LexOptions = {}): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: TokenType, start: number, end: number, value: string) => {
    const text = sql.slice(start, end);
    tokens.push({ type, text, value, upper: type === "ident" ? text.toUpperCase() : "", start, end });
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && sql[i + 1] === "*") {
      i = skipBracketedComment(sql, i);
      continue;
    }
    const start = i;
    if ((c === "r" || c === "R") && (sql[i + 1] === "'" || sql[i + 1] === '"')) {
      const end = scanQuoted(sql, i + 1, true);
      push("string", start, end, sql.slice(i + 2, end - 1));
      i = end;
      continue;
    }
    if (c === '"' && opts.doubleQuotedIdentifiers) {
      const end = scanQuoted(sql, i, false);
      push("quoted", start, end, sql.slice(i + 1, end - 1).replace(/""/g, '"'));
      i = end;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = scanQuoted(sql, i, false);
      const body = sql.slice(i + 1, end - 1);
      push("string", start, end, opts.escapedStringLiterals ? body : unescapeSqlString(body, c));
      i = end;
      continue;
    }
    if (c === "`") {
      let j = i + 1;
      let name = "";
      for (;;) {
        if (j >= sql.length) throw syntaxError(sql, start, "`");
        if (sql[j] === "`") {
          if (sql[j + 1] === "`") {
            name += "`";
            j += 2;
            continue;
          }
          break;
        }
        name += sql[j++];
      }
      push("quoted", start, j + 1, name);
      i = j + 1;
      continue;
    }
    if (/\d/.test(c) || (c === "." && /\d/.test(sql[i + 1] ?? ""))) {
      const m = NUMBER.exec(sql.slice(i))!;
      const after = sql[i + m[0].length] ?? "";
      // Spark's lexer: "1a" or "1_x" is an identifier, not a number followed by a word.
      if (after && WORD_CHAR.test(after) && /\d/.test(c)) {
        let j = i;
        while (j < sql.length && WORD_CHAR.test(sql[j]!)) j++;
        push("ident", start, j, sql.slice(start, j));
        i = j;
        continue;
      }
      push("number", start, i + m[0].length, m[0]);
      i += m[0].length;
      continue;
    }
    if (WORD_CHAR.test(c)) {
      let j = i;
      while (j < sql.length && WORD_CHAR.test(sql[j]!)) j++;
      push("ident", start, j, sql.slice(start, j));
      i = j;
      continue;
    }
    if (c === "?") {
      push("param", start, i + 1, "");
      i++;
      continue;
    }
    if (c === ":" && sql[i + 1] !== ":" && /[\p{L}_]/u.test(sql[i + 1] ?? "")) {
      let j = i + 1;
      while (j < sql.length && WORD_CHAR.test(sql[j]!)) j++;
      push("param", start, j, sql.slice(i + 1, j));
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => sql.startsWith(o, i));
    if (!op) throw syntaxError(sql, start, c);
    push("op", start, i + op.length, op);
    i += op.length;
  }
  tokens.push({ type: "eof", text: "", value: "", upper: "", start: sql.length, end: sql.length });
  return tokens;
}

/** Returns the offset just past the closing quote of the literal opening at `i`. */
function scanQuoted(sql: string, i: number, raw: boolean): number {
  const q = sql[i]!;
  let j = i + 1;
  while (j < sql.length) {
    const ch = sql[j]!;
    if (ch === "\\" && !raw) {
      j += 2;
      continue;
    }
    // Spark 4.1+: a doubled quote inside a (non-raw) literal is one quote: 'it''s'.
    if (ch === q && !raw && sql[j + 1] === q) {
      j += 2;
      continue;
    }
    if (ch === q) return j + 1;
    j++;
  }
  // Spark reports the lone opening quote as the offending token.
  throw syntaxError(sql, i, q);
}

/** Skips a `/* ... *\/` comment; Spark allows them nested. Unterminated runs to the end. */
function skipBracketedComment(sql: string, i: number): number {
  let depth = 0;
  while (i < sql.length) {
    if (sql.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}
