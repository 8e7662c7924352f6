/**
 * Spark's ParseException, rendered the way PySpark prints it: the error class message, the
 * SQLSTATE, `(line L, pos P)`, then `== SQL ==`, the query lines and a `---^^^` caret line
 * inserted right after the line that holds the offending token.
 */
import { PijarError, type MessageParameters } from "../errors/index.js";

/** Where in the SQL text an error happened (Spark's Origin: 1-based line, 0-based column). */
export interface SqlPosition {
  /** 1-based line number. */
  line: number;
  /** 0-based column within the line (Spark's `startPosition`). */
  startPosition: number;
  /** 0-based offset within the whole text. */
  startIndex: number;
}

/** Converts an absolute offset into Spark's (line, position-in-line) pair. */
export function positionAt(text: string, offset: number): SqlPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, startPosition: offset - lineStart, startIndex: offset };
}

/** The `== SQL ==` block Spark appends: the caret line goes right after the error's line. */
export function sqlContext(text: string, pos: SqlPosition): string {
  // Java's String.split drops trailing empty strings; mirror that so the output matches byte for byte.
  const lines = text.split("\n");
  while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const above = lines.slice(0, pos.line);
  const below = lines.slice(pos.line);
  let out = "\n\n== SQL ==\n";
  for (const l of above) out += l + "\n";
  out += "-".repeat(pos.startPosition) + "^^^\n";
  for (const l of below) out += l + "\n";
  return out;
}

/**
 * Parse-time error classes that the shared error table may not list yet; their SQLSTATE
 * must still appear in the message, as in Spark.
 */
const PARSE_CONDITIONS: Record<string, { message: string; sqlState: string }> = {
  PARSE_SYNTAX_ERROR: { message: "Syntax error at or near <error><hint>.", sqlState: "42601" },
  PARSE_EMPTY_STATEMENT: { message: "Syntax error, unexpected empty statement.", sqlState: "42617" },
  UNSUPPORTED_TYPED_LITERAL: {
    message: "Literals of the type <unsupportedType> are not supported. Supported types are <supportedTypes>.",
    sqlState: "0A000",
  },
  INVALID_TYPED_LITERAL: {
    message: "The value of the typed literal <valueType> is invalid: <value>.",
    sqlState: "42604",
  },
  INVALID_SQL_SYNTAX: { message: "Invalid SQL syntax: <inputString>", sqlState: "42000" },
  TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS: {
    message: "CREATE TEMPORARY VIEW or the corresponding Dataset APIs only accept single-part view names, but got: <actualName>.",
    sqlState: "428EK",
  },
  _LEGACY_ERROR_TEMP_0053: { message: "It is not allowed to define a TEMPORARY view with IF NOT EXISTS.", sqlState: "" },
  INVALID_NUMERIC_LITERAL_RANGE: {
    message: "Numeric literal <rawStrippedQualifier> is outside the valid range for <typeName> with minimum value of <minValue> and maximum value of <maxValue>. Please adjust the value accordingly.",
    sqlState: "22003",
  },
};

function fillTemplate(template: string, params: MessageParameters): string {
  return template.replace(/<([A-Za-z0-9_]+)>/g, (m, k: string) => (k in params ? params[k]! : m));
}

/**
 * A SQL syntax error (PySpark's `ParseException`). `message` is exactly the text
 * `str(e)` shows in PySpark, including its leading newline.
 */
export class SqlParseError extends PijarError {
  readonly line: number;
  readonly startPosition: number;
  readonly startIndex: number;
  /** The SQL text that failed to parse. */
  readonly sqlText: string;

  /** The end (exclusive) of the offending fragment, for errors shown in the fragment style. */
  readonly stopIndex: number | null;

  /**
   * `stop` (exclusive end offset) switches to the fragment style Spark uses for non-syntax
   * parse errors (`== SQL (line 1, position 18) ==` with carets under the fragment).
   */
  constructor(errorClass: string, params: MessageParameters, sqlText: string, offset: number, message?: string, stop?: number) {
    const cond = PARSE_CONDITIONS[errorClass] ?? PARSE_CONDITIONS[errorClass.split(".")[0]!];
    const body = message ?? (cond ? fillTemplate(cond.message, params) : undefined);
    super(errorClass, params, { exceptionType: "ParseException", ...(body !== undefined ? { message: body } : {}) });
    const sqlState = this.sqlState ?? (cond?.sqlState || null);
    (this as { sqlState: string | null }).sqlState = sqlState;
    const pos = positionAt(sqlText, offset);
    this.line = pos.line;
    this.startPosition = pos.startPosition;
    this.startIndex = pos.startIndex;
    this.stopIndex = stop ?? null;
    this.sqlText = sqlText;
    // Spark prints legacy (unnamed) conditions without the `[CLASS]` prefix or a SQLSTATE.
    const legacy = errorClass.startsWith("_LEGACY_ERROR");
    const head = body === undefined ? this.message
      : legacy ? body
      : `[${errorClass}] ${body}` + (sqlState ? ` SQLSTATE: ${sqlState}` : "");
    this.message = stop === undefined
      // PySpark: "\n" + message + " (line L, pos P)" + "\n\n== SQL ==\n..." (ParseException.getMessage).
      ? `\n${head} (line ${pos.line}, pos ${pos.startPosition})${sqlContext(sqlText, pos)}`
      : `\n${head}\n${fragmentContext(sqlText, offset, stop)}`;
  }
}

/**
 * Spark's QueryContext summary: `== SQL (line L, position P) ==` (P 1-based), the fragment's
 * line(s) with at most 32 characters of context either side (`...` where cut), and carets
 * under the fragment.
 */
export function fragmentContext(text: string, start: number, stop: number): string {
  const pos = positionAt(text, start);
  const MAX = 32;
  let from = start;
  while (from > 0 && text[from - 1] !== "\n" && start - from < MAX) from--;
  const cutLeft = from > 0 && text[from - 1] !== "\n";
  let to = stop;
  while (to < text.length && text[to] !== "\n" && to - stop < MAX) to++;
  const cutRight = to < text.length && text[to] !== "\n";
  const shown = (cutLeft ? "..." : "") + text.slice(from, to) + (cutRight ? "..." : "");
  let out = `== SQL (line ${pos.line}, position ${pos.startPosition + 1}) ==\n`;
  const lines = shown.split("\n");
  let offset = from - (cutLeft ? 3 : 0);
  for (const line of lines) {
    out += line + "\n";
    const lineStart = offset;
    const lineEnd = offset + line.length;
    const a = Math.max(start, lineStart);
    const b = Math.min(stop, lineEnd);
    if (b > a) out += " ".repeat(a - lineStart) + "^".repeat(b - a) + "\n";
    offset = lineEnd + 1;
  }
  return out;
}

/** `[PARSE_SYNTAX_ERROR] Syntax error at or near 'tok'<hint>.` at `offset` in `sqlText`. */
export function syntaxError(sqlText: string, offset: number, near: string | null, hint = ""): SqlParseError {
  const error = near === null ? "end of input" : `'${near}'`;
  return new SqlParseError("PARSE_SYNTAX_ERROR", { error, hint }, sqlText, offset);
}

/** The "extra input" flavour Spark reports when a complete statement is followed by more tokens. */
export function extraInputError(sqlText: string, offset: number, tokenText: string): SqlParseError {
  return syntaxError(sqlText, offset, tokenText, `: extra input '${tokenText}'`);
}

/** `[PARSE_EMPTY_STATEMENT]` for blank input (or only comments). */
export function emptyStatementError(sqlText: string): SqlParseError {
  return new SqlParseError("PARSE_EMPTY_STATEMENT", {}, sqlText, 0);
}

/**
 * A parse-time error of another class (e.g. `UNSUPPORTED_TYPED_LITERAL`, `UNSUPPORTED_DATATYPE`)
 * about the fragment `start..stop` (exclusive), in Spark's fragment style.
 */
export function parseError(errorClass: string, params: MessageParameters, sqlText: string, start: number, stop: number, message?: string): SqlParseError {
  return new SqlParseError(errorClass, params, sqlText, start, message, stop);
}
