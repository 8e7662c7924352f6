/**
 * Statements, table-driven by their first keyword: queries, CREATE [OR REPLACE] [GLOBAL]
 * TEMP VIEW, DROP VIEW/TABLE, SHOW TABLES, DESCRIBE, EXPLAIN.
 */
import type { CreateViewStatement, ExplainStatement, Statement } from "../ast.js";
import type { Cursor } from "./cursor.js";
import { atQueryStart, parseQuery } from "./query.js";
import { parseError } from "../parse-error.js";
import { quoteId } from "../../errors/index.js";
import { dataType } from "./literals.js";
import type { DataType } from "../../types/data-types.js";

type StatementParser = (p: Cursor) => Statement;

/** First keyword -> parser. Anything else must be a query. */
const STATEMENTS: Record<string, StatementParser> = {
  CREATE: parseCreate,
  INSERT: parseInsert,
  ALTER: parseAlterTable,
  USE: parseUse,
  DROP: parseDrop,
  SHOW: parseShowTables,
  DESCRIBE: parseDescribe,
  DESC: parseDescribe,
  EXPLAIN: parseExplain,
  SET: parseSet,
  RESET: parseReset,
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

/** CREATE TABLE / DATABASE / SCHEMA, else a view. */
function parseCreate(p: Cursor): Statement {
  const at = p.pos;
  const start = p.expectKw("CREATE").start;
  const replace = p.acceptKws("OR", "REPLACE");
  if (p.isKw("TABLE")) return parseCreateTable(p, start, replace);
  if (p.isKw("DATABASE") || p.isKw("SCHEMA")) {
    p.next();
    const ifNotExists = p.acceptKws("IF", "NOT", "EXISTS");
    const name = p.identifier();
    skipRest(p);
    return { kind: "database", action: "create", name, ifNotExists, start, end: p.lastEnd };
  }
  p.pos = at;
  return parseCreateView(p);
}

/** Column definitions, USING, OPTIONS, PARTITIONED BY, COMMENT, TBLPROPERTIES, then AS query. */
function parseCreateTable(p: Cursor, start: number, replace: boolean): Statement {
  p.expectKw("TABLE");
  const ifNotExists = p.acceptKws("IF", "NOT", "EXISTS");
  const name = p.multipartIdentifier();
  let columns: { name: string; dataType: DataType }[] | undefined;
  if (p.acceptOp("(")) {
    columns = [];
    do {
      const colName = p.identifier();
      columns.push({ name: colName, dataType: dataType(p).dataType });
      for (;;) {
        if (p.acceptKws("NOT", "NULL")) continue;
        if (p.acceptKw("COMMENT")) { expectString(p); continue; }
        break;
      }
    } while (p.acceptOp(","));
    p.expectOp(")");
  }
  let query: ReturnType<typeof parseQuery> | undefined;
  while (!p.atEnd() && !p.isOp(";")) {
    if (p.acceptKw("AS") || atQueryStart(p, 0) || p.isOp("(")) {
      query = parseQuery(p);
      break;
    }
    if (p.acceptKw("USING")) p.identifier();
    else if (p.acceptKw("OPTIONS") || p.acceptKw("TBLPROPERTIES")) skipParens(p);
    else if (p.acceptKws("PARTITIONED", "BY") || p.acceptKws("CLUSTERED", "BY")) skipParens(p);
    else if (p.acceptKw("COMMENT") || p.acceptKw("LOCATION")) expectString(p);
    else throw p.fail();
  }
  return { kind: "createTable", name, replace, ifNotExists, ...(columns ? { columns } : {}), ...(query ? { query } : {}), start, end: p.lastEnd };
}

function skipParens(p: Cursor): void {
  p.expectOp("(");
  let depth = 1;
  while (depth > 0 && !p.atEnd()) {
    if (p.isOp("(")) depth++;
    else if (p.isOp(")")) depth--;
    p.next();
  }
}

function skipRest(p: Cursor): void {
  while (!p.atEnd() && !p.isOp(";")) p.next();
}

function parseInsert(p: Cursor): Statement {
  const start = p.expectKw("INSERT").start;
  const overwrite = p.acceptKw("OVERWRITE");
  if (!overwrite) p.expectKw("INTO");
  p.acceptKw("TABLE");
  const name = p.multipartIdentifier();
  let columns: string[] | undefined;
  // `(a, b) VALUES ...` lists columns; `(SELECT ...)` is the query itself.
  if (p.isOp("(") && !atQueryStart(p, 1) && !p.isOp("(", 1)) {
    p.next();
    columns = [];
    do columns.push(p.identifier()); while (p.acceptOp(","));
    p.expectOp(")");
  }
  const query = parseQuery(p);
  return { kind: "insert", name, overwrite, ...(columns ? { columns } : {}), query, start, end: p.lastEnd };
}

/** `ALTER TABLE name ...`: only the name is read (Pijar's tables cannot be altered yet). */
function parseAlterTable(p: Cursor): Statement {
  const start = p.expectKw("ALTER").start;
  if (!p.isKw("TABLE") && !p.isKw("VIEW")) throw p.fail();
  p.next();
  const name = p.multipartIdentifier();
  skipRest(p);
  return { kind: "alterTable", name, start, end: p.lastEnd };
}

function parseUse(p: Cursor): Statement {
  const start = p.expectKw("USE").start;
  if (p.isKw("DATABASE") || p.isKw("SCHEMA") || p.isKw("NAMESPACE")) p.next();
  const parts = p.multipartIdentifier();
  return { kind: "database", action: "use", name: parts[parts.length - 1]!, start, end: p.lastEnd };
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
  if (p.isKw("DATABASE") || p.isKw("SCHEMA")) {
    p.next();
    const ifExists = p.acceptKws("IF", "EXISTS");
    const name = p.identifier();
    const cascade = p.acceptKw("CASCADE");
    p.acceptKw("RESTRICT");
    return { kind: "database", action: "drop", name, ifExists, cascade, start, end: p.lastEnd };
  }
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

/** `RESET [key]`: the key is raw text, as SET's. */
function parseReset(p: Cursor): Statement {
  const start = p.expectKw("RESET").start;
  const first = p.pos;
  while (!p.atEnd() && !p.isOp(";")) p.next();
  const stmt: Statement = { kind: "reset", start, end: p.lastEnd };
  if (p.pos > first) stmt.key = p.sql.slice(p.tokens[first]!.start, p.tokens[p.pos - 1]!.end).trim();
  return stmt;
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
