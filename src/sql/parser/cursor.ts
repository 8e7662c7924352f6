/**
 * The token cursor every grammar area shares: peeking, keyword matching, identifiers and
 * Spark-shaped syntax errors. Grammar functions live in sibling files and take a `Cursor`.
 */
import { SqlParseError, extraInputError, syntaxError } from "../parse-error.js";
import { tokenize, type LexOptions, type Token } from "../tokenizer.js";

/**
 * Words that Spark (default, non-ANSI-reserved mode) still refuses as identifiers:
 * its "strict non-reserved" keywords.
 */
const STRICT_RESERVED = new Set([
  "ANTI", "CROSS", "EXCEPT", "FULL", "INNER", "INTERSECT", "JOIN", "LATERAL", "LEFT", "MINUS",
  "NATURAL", "ON", "RIGHT", "SEMI", "UNION", "USING",
]);

/**
 * Words that end an expression or relation, so they cannot be a bare (AS-less) alias.
 * Spark's ANTLR parser decides this by look-ahead; a fixed list gives the same answer for
 * every query a learner would write (`SELECT a FROM t`, `FROM t WHERE ...`).
 */
const CLAUSE_WORDS = new Set([
  ...STRICT_RESERVED,
  "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW", "CLUSTER", "DISTRIBUTE",
  "SORT", "AS", "AND", "OR", "NOT", "IS", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP", "BETWEEN", "WHEN",
  "THEN", "ELSE", "END", "ESCAPE", "DIV", "OVER", "FILTER", "PIVOT", "UNPIVOT", "TABLESAMPLE",
  "LATERAL", "QUALIFY", "SELECT", "VALUES", "WITH", "FOR",
]);

/** Keywords Spark reports as "extra input" when the text ends right after them. */
const DANGLING = new Set(["AND", "OR", "LIMIT", "OFFSET"]);

export class Cursor {
  readonly tokens: Token[];
  pos = 0;
  /** Counter for `?` markers, numbered in order of appearance. */
  positionalParams = 0;
  /** Parameters (upper case) of the lambdas whose bodies are being parsed, innermost last. */
  readonly lambdaParams: string[] = [];

  constructor(readonly sql: string, opts: LexOptions = {}) {
    this.tokens = tokenize(sql, opts);
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (t.type !== "eof") this.pos++;
    return t;
  }

  /** The end offset of the last consumed token (for node spans). */
  get lastEnd(): number {
    return this.pos > 0 ? this.tokens[this.pos - 1]!.end : 0;
  }

  atEnd(): boolean {
    return this.peek().type === "eof";
  }

  /** True if the token `ahead` is the keyword `word` (bare, case-insensitive). */
  isKw(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === "ident" && t.upper === word;
  }

  /** True if the token `ahead` is any of the keywords. */
  isAnyKw(words: readonly string[], ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === "ident" && words.includes(t.upper);
  }

  /** Consumes the keyword if present. */
  acceptKw(word: string): boolean {
    if (!this.isKw(word)) return false;
    this.pos++;
    return true;
  }

  /** Consumes a sequence of keywords if all are present (e.g. "NULLS", "FIRST"). */
  acceptKws(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!this.isKw(words[i]!, i)) return false;
    this.pos += words.length;
    return true;
  }

  expectKw(word: string): Token {
    if (!this.isKw(word)) throw this.fail();
    return this.next();
  }

  isOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === "op" && t.value === op;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }

  expectOp(op: string): Token {
    if (!this.isOp(op)) throw this.fail();
    return this.next();
  }

  /** True if the next token can be an identifier (backquoted, or a word Spark does not reserve). */
  isIdentifier(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === "quoted" || (t.type === "ident" && !STRICT_RESERVED.has(t.upper));
  }

  /** True if the next token can be a bare alias (`SELECT a x`, `FROM t x`). */
  isBareAlias(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === "quoted" || (t.type === "ident" && !CLAUSE_WORDS.has(t.upper));
  }

  identifier(): string {
    if (!this.isIdentifier()) throw this.fail();
    return this.next().value;
  }

  /** `a.b.c` as a list of parts. */
  multipartIdentifier(): string[] {
    const parts = [this.identifier()];
    while (this.isOp(".") && this.isIdentifier(1)) {
      this.pos++;
      parts.push(this.identifier());
    }
    return parts;
  }

  /** `(a, b, c)` identifier list. */
  identifierList(): string[] {
    this.expectOp("(");
    const out = [this.identifier()];
    while (this.acceptOp(",")) out.push(this.identifier());
    this.expectOp(")");
    return out;
  }

  /** PARSE_SYNTAX_ERROR at the current token (or "end of input"). */
  fail(): SqlParseError {
    const t = this.peek();
    if (t.type !== "eof") return syntaxError(this.sql, t.start, t.text);
    // Spark's ANTLR parser backs out of a dangling `AND`/`OR`/`LIMIT`/`OFFSET` at the end and
    // reports it as extra input rather than "end of input"; mirror that.
    const prev = this.pos > 0 ? this.tokens[this.pos - 1]! : undefined;
    if (prev && prev.type === "ident" && DANGLING.has(prev.upper)) return extraInputError(this.sql, prev.start, prev.text);
    return syntaxError(this.sql, t.start, null);
  }

  /** Checks nothing but an optional `;` remains, else "extra input". */
  expectEnd(): void {
    while (this.acceptOp(";"));
    const t = this.peek();
    if (t.type !== "eof") throw extraInputError(this.sql, t.start, t.text);
  }

  /**
   * Runs `fn`; on a syntax error rewinds and returns undefined. Used only where Spark's
   * grammar needs look-ahead a hand parser cannot do cheaply (`(` starting a subquery or
   * an expression).
   */
  attempt<T>(fn: () => T): T | undefined {
    const saved = this.pos;
    const savedParams = this.positionalParams;
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof SqlParseError)) throw e;
      this.pos = saved;
      this.positionalParams = savedParams;
      return undefined;
    }
  }
}
