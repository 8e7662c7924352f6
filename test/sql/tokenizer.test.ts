import { describe, expect, it } from "vitest";
import { tokenize, unescapeSqlString } from "../../src/sql/tokenizer.js";
import { SqlParseError } from "../../src/sql/parse-error.js";

const kinds = (sql: string) => tokenize(sql).map((t) => `${t.type}:${t.value}`);

describe("tokenize", () => {
  it("splits words, numbers, strings, operators and ends with eof", () => {
    expect(kinds("SELECT a, 1.5 FROM t WHERE x <=> 'y'")).toEqual([
      "ident:SELECT", "ident:a", "op:,", "number:1.5", "ident:FROM", "ident:t", "ident:WHERE", "ident:x",
      "op:<=>", "string:y", "eof:",
    ]);
  });

  it("keeps source offsets", () => {
    const [sel, a] = tokenize("SELECT  abc");
    expect(sel).toMatchObject({ start: 0, end: 6, upper: "SELECT" });
    expect(a).toMatchObject({ start: 8, end: 11, text: "abc" });
  });

  it("reads numeric suffixes as one token, and 1a / 1e as identifiers (Spark's lexer)", () => {
    expect(kinds("10L 5S 5Y 1.5D 1e3 1.5BD .5 1. 1e")).toEqual([
      "number:10L", "number:5S", "number:5Y", "number:1.5D", "number:1e3", "number:1.5BD", "number:.5",
      "number:1.", "ident:1e", "eof:",
    ]);
  });

  it("handles backtick identifiers with doubled backticks", () => {
    expect(kinds("`a``b` `c d`")).toEqual(["quoted:a`b", "quoted:c d", "eof:"]);
  });

  it("skips -- and nested /* */ comments", () => {
    expect(kinds("1 -- c\n /* a /* nested */ b */ + 1")).toEqual(["number:1", "op:+", "number:1", "eof:"]);
  });

  it("recognizes parameter markers but not :: casts", () => {
    expect(kinds(":name ? a::int")).toEqual(["param:name", "param:", "ident:a", "op:::", "ident:int", "eof:"]);
  });

  it("uses longest-match operators", () => {
    expect(kinds("a>>>b<<c||d!=e<>f==g")).toContain("op:>>>");
    expect(kinds("a||b")).toEqual(["ident:a", "op:||", "ident:b", "eof:"]);
  });

  it("raw strings keep backslashes", () => {
    expect(kinds("R'\\n'")).toEqual(["string:\\n", "eof:"]);
  });

  it("fails on an unterminated string at the opening quote, as Spark", () => {
    try {
      tokenize("SELECT 'abc");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SqlParseError);
      const err = e as SqlParseError;
      expect(err.messageParameters).toEqual({ error: "'''", hint: "" });
      expect(err.startPosition).toBe(7);
    }
  });

  it("fails on an unterminated backtick", () => {
    expect(() => tokenize("SELECT `a FROM t")).toThrow(/Syntax error at or near '`'/);
  });
});

describe("unescapeSqlString (Spark's rules, checked against PySpark 4.0.1)", () => {
  it("handles common escapes", () => {
    expect(unescapeSqlString("a\\tb")).toBe("a\tb");
    expect(unescapeSqlString("x\\'y")).toBe("x'y");
    expect(unescapeSqlString('dq\\"x')).toBe('dq"x');
  });
  it("keeps the backslash before LIKE wildcards and drops it before other letters", () => {
    // PySpark: SELECT '\u0041\%\_\z' -> 'A\%\_z'
    expect(unescapeSqlString("\\u0041\\%\\_\\z")).toBe("A\\%\\_z");
  });
  it("decodes octal escapes", () => {
    expect(unescapeSqlString("\\101")).toBe("A");
  });
});
