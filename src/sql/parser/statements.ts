/**
 * Statements, table-driven by their first keyword: queries, CREATE [OR REPLACE] [GLOBAL]
 * TEMP VIEW, DROP VIEW/TABLE, SHOW TABLES, DESCRIBE, EXPLAIN.
 */
import type { CreateViewStatement, ExplainStatement, Statement } from "../ast.js";
import type { Cursor } from "./cursor.js";
import { atQueryStart, parseQuery } from "./query.js";
import { parseError } from "../parse-error.js";
import { quoteId } from "../../errors/index.js";

type StatementParser = (p: Cursor) => Statement;

/** First keyword -> parser. Anything else must be a query. */
const STATEMENTS: Record<string, StatementParser> = {
  CREATE: parseCreateView,
  DROP: parseDrop,
  SHOW: parseShowTables,
  DESCRIBE: parseDescribe,
  DESC: parseDescribe,
  EXPLAIN: parseExplain,
  SET: parseSet,
};

/** One statement (without checking for trailing input). */
export function parseStatementBody(p: Cursor): Statement {
  const t = p.peek();
  const handler = t.type === "ident" ? STATEMENTS[t.upper] : undefined;
  if (handler) return handler(p);
  if (atQueryStart(p, 0) || p.isOp("(")) {
    const query = parseQuery(p);
    return { kind: "query", query, start: query.start, end: query.end };
  }
  throw p.fail();
}

function parseCreateView(p: Cursor): CreateViewStatement {
  const start = p.expectKw("CREATE").start;
  const replace = p.acceptKws("OR", "REPLACE");
  const global = p.acceptKw("GLOBAL");
  const temporary = p.acceptKw("TEMPORARY") || p.acceptKw("TEMP");
  if (global && !temporary) throw p.fail();
  p.expectKw("VIEW");
  const ifNotExists = p.acceptKws("IF", "NOT", "EXISTS");
  const name = p.multipartIdentifier();
  const checks = () => {
    // Spark rejects these after parsing the whole statement, pointing at all of it.
    if (temporary && ifNotExists) {
      throw parseError("_LEGACY_ERROR_TEMP_0053", {}, p.sql, start, p.lastEnd);
    }
    if (temporary && name.length > 1 && !(global && name.length === 2 && name[0]!.toLowerCase() === "global_temp")) {
      throw parseError("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", { actualName: name.map(quoteId).join(".") }, p.sql, start, p.lastEnd);
    }
  };
  let columns: CreateViewStatement["columns"];
  if (p.acceptOp("(")) {
    columns = [];
    do {
      const col: { name: string; comment?: string } = { name: p.identifier() };
      if (p.acceptKw("COMMENT")) col.comment = expectString(p);
      columns.push(col);
    } while (p.acceptOp(","));
    p.expectOp(")");
  }
  // Optional view properties Spark accepts before AS; only COMMENT is kept (and ignored).
  if (p.acceptKw("COMMENT")) expectString(p);
  p.expectKw("AS");
  const query = parseQuery(p);
  checks();
  return {
    kind: "createView", name, replace, temporary, global, ifNotExists, ...(columns ? { columns } : {}), query,
    queryText: p.sql.slice(query.start, query.end), start, end: p.lastEnd,
  };
}

function expectString(p: Cursor): string {
  const t = p.peek();
  if (t.type !== "string") throw p.fail();
  p.next();
  return t.value;
}

function parseDrop(p: Cursor): Statement {
  const start = p.expectKw("DROP").start;
  const table = p.isKw("TABLE");
  if (!table && !p.isKw("VIEW")) throw p.fail();
  p.next();
  const ifExists = p.acceptKws("IF", "EXISTS");
  const name = p.multipartIdentifier();
  return { kind: "dropView", name, ifExists, table, start, end: p.lastEnd };
}

function parseShowTables(p: Cursor): Statement {
  const start = p.expectKw("SHOW").start;
  p.expectKw("TABLES");
  const stmt: Statement = { kind: "showTables", start, end: start };
  if (p.isAnyKw(["IN", "FROM"])) {
    p.next();
    stmt.database = p.multipartIdentifier();
  }
  p.acceptKw("LIKE");
  if (p.peek().type === "string") stmt.pattern = expectString(p);
  stmt.end = p.lastEnd;
  return stmt;
}

function parseDescribe(p: Cursor): Statement {
  const start = p.next().start;
  p.acceptKw("TABLE");
  const extended = p.acceptKw("EXTENDED") || p.acceptKw("FORMATTED");
  const name = p.multipartIdentifier();
  return { kind: "describe", name, extended, start, end: p.lastEnd };
}

function parseExplain(p: Cursor): ExplainStatement {
  const start = p.expectKw("EXPLAIN").start;
  let mode: ExplainStatement["mode"] = "SIMPLE";
  if (p.isAnyKw(["EXTENDED", "FORMATTED", "CODEGEN", "COST"]) && !p.isOp("(", 1) && !p.isOp(",", 1)) {
    mode = p.next().upper as ExplainStatement["mode"];
  }
  const statement = parseStatementBody(p);
  return { kind: "explain", mode, statement, start, end: p.lastEnd };
}

/** `SET [key[=value]]`: Spark reads the key and value as raw text (keys contain dots). */
function parseSet(p: Cursor): Statement {
  const start = p.expectKw("SET").start;
  const first = p.pos;
  while (!p.atEnd() && !p.isOp(";")) p.next();
  const stmt: Statement = { kind: "set", start, end: p.lastEnd };
  if (p.pos === first) return stmt;
  const text = p.sql.slice(p.tokens[first]!.start, p.tokens[p.pos - 1]!.end);
  const eq = text.indexOf("=");
  if (eq < 0) stmt.key = text.trim();
  else {
    stmt.key = text.slice(0, eq).trim();
    stmt.value = text.slice(eq + 1).trim();
  }
  return stmt;
}
