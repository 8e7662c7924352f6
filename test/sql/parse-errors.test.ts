/**
 * Error texts below are PySpark 4.0.1's `str(e)` for the same SQL (captured with the venv).
 */
import { describe, expect, it } from "vitest";
import { parseExpression, parseNamedExpression, parseStatement } from "../../src/sql/parser/index.js";
import { SqlParseError } from "../../src/sql/parse-error.js";

function errorOf(fn: () => unknown): SqlParseError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SqlParseError);
    return e as SqlParseError;
  }
  throw new Error("expected a parse error");
}

describe("PARSE_SYNTAX_ERROR", () => {
  it("reports extra input after a complete statement (FROMM is an alias)", () => {
    const e = errorOf(() => parseStatement("SELECT a FROMM t"));
    expect(e.errorClass).toBe("PARSE_SYNTAX_ERROR");
    expect(e.getCondition()).toBe("PARSE_SYNTAX_ERROR");
    expect(e.messageParameters).toEqual({ error: "'t'", hint: ": extra input 't'" });
    expect(e.sqlState).toBe("42601");
    expect(e.exceptionType).toBe("ParseException");
    expect(e.line).toBe(1);
    expect(e.startPosition).toBe(15);
    expect(e.message).toBe(
      "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 't': extra input 't'. SQLSTATE: 42601 (line 1, pos 15)\n\n== SQL ==\nSELECT a FROMM t\n---------------^^^\n",
    );
  });

  it("reports end of input", () => {
    const e = errorOf(() => parseStatement("SELECT (1"));
    expect(e.messageParameters).toEqual({ error: "end of input", hint: "" });
    expect(e.message).toBe(
      "\n[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 1, pos 9)\n\n== SQL ==\nSELECT (1\n---------^^^\n",
    );
  });

  it("puts the caret line right after the offending line", () => {
    const e = errorOf(() => parseStatement("SELECT a,\n  b FROM t WHERE\n  (x"));
    expect(e.message).toBe(
      "\n[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 3, pos 4)\n\n== SQL ==\nSELECT a,\n  b FROM t WHERE\n  (x\n----^^^\n",
    );
    const e2 = errorOf(() => parseStatement("SELECT 1\n\n/* c */ FROMM t x y"));
    expect(e2.line).toBe(3);
    expect(e2.startPosition).toBe(14);
    expect(e2.message).toContain("== SQL ==\nSELECT 1\n\n/* c */ FROMM t x y\n--------------^^^\n");
  });

  it("reports a misspelled statement keyword", () => {
    const e = errorOf(() => parseStatement("SELEC 1"));
    expect(e.messageParameters).toEqual({ error: "'SELEC'", hint: "" });
    expect(e.message).toContain("== SQL ==\nSELEC 1\n^^^\n");
  });

  it("reports a dangling AND / LIMIT as extra input, like Spark", () => {
    expect(errorOf(() => parseStatement("SELECT 1 FROM t WHERE a = 'b' AND")).messageParameters).toEqual({
      error: "'AND'", hint: ": extra input 'AND'",
    });
    expect(errorOf(() => parseStatement("select 1 from (select 2) t limit")).messageParameters).toEqual({
      error: "'limit'", hint: ": extra input 'limit'",
    });
    expect(errorOf(() => parseStatement("SELECT 1 FROM t JOIN")).messageParameters.error).toBe("end of input");
  });

  it("rejects a predicate followed by a comparison", () => {
    expect(errorOf(() => parseStatement("SELECT 1 IN (1,2) = true")).startPosition).toBe(18);
  });

  it("applies to single expressions (df.filter / selectExpr)", () => {
    const e = errorOf(() => parseExpression("quantity >"));
    expect(e.message).toBe(
      "\n[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 1, pos 10)\n\n== SQL ==\nquantity >\n----------^^^\n",
    );
    expect(errorOf(() => parseNamedExpression("a b c")).messageParameters).toEqual({ error: "'c'", hint: ": extra input 'c'" });
  });
});

describe("other parse errors", () => {
  it("PARSE_EMPTY_STATEMENT", () => {
    const e = errorOf(() => parseStatement(""));
    expect(e.errorClass).toBe("PARSE_EMPTY_STATEMENT");
    expect(e.sqlState).toBe("42617");
    expect(e.message).toBe(
      "\n[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement. SQLSTATE: 42617 (line 1, pos 0)\n\n== SQL ==\n\n^^^\n",
    );
  });

  it("UNSUPPORTED_DATATYPE points at the type with the fragment-style context", () => {
    const e = errorOf(() => parseStatement("SELECT CAST(1 AS foo)"));
    expect(e.errorClass).toBe("UNSUPPORTED_DATATYPE");
    expect(e.message).toBe(
      '\n[UNSUPPORTED_DATATYPE] Unsupported data type "FOO". SQLSTATE: 0A000\n== SQL (line 1, position 18) ==\nSELECT CAST(1 AS foo)\n                 ^^^\n',
    );
  });

  it("truncates long lines to 32 characters of context", () => {
    const sql = "SELECT 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, CAST(1 AS foo), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20";
    expect(errorOf(() => parseStatement(sql)).message).toBe(
      '\n[UNSUPPORTED_DATATYPE] Unsupported data type "FOO". SQLSTATE: 0A000\n== SQL (line 1, position 97) ==\n..., 18, 19, 20, 21, 22, CAST(1 AS foo), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10...\n                                   ^^^\n',
    );
  });

  it("shows only the fragment's line", () => {
    expect(errorOf(() => parseStatement("SELECT 1,\n CAST(1 AS foo)\n FROM x")).message).toBe(
      '\n[UNSUPPORTED_DATATYPE] Unsupported data type "FOO". SQLSTATE: 0A000\n== SQL (line 2, position 12) ==\n CAST(1 AS foo)\n           ^^^\n',
    );
  });

  it("INVALID_NUMERIC_LITERAL_RANGE", () => {
    const e = errorOf(() => parseStatement("SELECT 300Y"));
    expect(e.messageParameters).toEqual({ rawStrippedQualifier: "300", minValue: "-128", maxValue: "127", typeName: "tinyint" });
    expect(e.message).toBe(
      "\n[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal 300 is outside the valid range for tinyint with minimum value of -128 and maximum value of 127. Please adjust the value accordingly. SQLSTATE: 22003\n== SQL (line 1, position 8) ==\nSELECT 300Y\n       ^^^^\n",
    );
  });

  it("UNSUPPORTED_TYPED_LITERAL", () => {
    const e = errorOf(() => parseStatement("SELECT foo 'x'"));
    expect(e.errorClass).toBe("UNSUPPORTED_TYPED_LITERAL");
    expect(e.message).toContain("== SQL (line 1, position 8) ==\nSELECT foo 'x'\n       ^^^^^^^\n");
  });
});
