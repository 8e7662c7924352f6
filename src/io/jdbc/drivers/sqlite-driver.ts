/**
 * SQLite over node-sqlite3-wasm (WebAssembly SQLite with real file access). The library is
 * synchronous; reads yield between chunks so a long scan does not starve the event loop,
 * and loads run one prepared INSERT per row inside the caller's transaction.
 */
import sqlite from "node-sqlite3-wasm";
import { sqliteDialect } from "../dialects/sqlite.js";
import type { ColumnMeta } from "../dialects/dialect.js";
import type { JdbcConnection, LoadSpec } from "./driver.js";
import type { JdbcTarget } from "../url.js";
import { sqliteParam } from "../values.js";
import { StringType } from "../../../types/data-types.js";

let viewSeq = 0;

export async function connectSqlite(t: JdbcTarget): Promise<JdbcConnection> {
  const db = new sqlite.Database(t.path);
  // Wait for another writer (a second notebook, a test) instead of failing at once.
  db.exec("PRAGMA busy_timeout = 5000");
  return new SqliteConnection(db);
}

type Row = Record<string, unknown>;

class SqliteConnection implements JdbcConnection {
  readonly dialect = sqliteDialect;

  constructor(private readonly db: sqlite.Database) {}

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  async query(sql: string): Promise<unknown[][]> {
    const stmt = this.db.prepare(sql);
    try {
      return [...rowArrays(stmt)];
    } finally {
      stmt.finalize();
    }
  }

  async describe(sql: string): Promise<ColumnMeta[]> {
    // Declared types come from a temporary view over the query (SQLite keeps column decltypes in views).
    const view = `pijar_describe_${process.pid}_${++viewSeq}`;
    this.db.exec(`CREATE TEMP VIEW "${view}" AS ${sql}`);
    try {
      const info = this.db.all(`PRAGMA table_info("${view}")`) as Row[];
      const untyped = info.some((c) => !c["type"]);
      const sample = untyped ? (this.db.get(`SELECT * FROM "${view}" LIMIT 1`) as Row | null) : null;
      return info.map((c) => ({
        name: String(c["name"]), typeName: String(c["type"] ?? ""), precision: -1, scale: -1,
        nullable: !c["notnull"], sample: sample ? sample[String(c["name"])] : null,
      }));
    } finally {
      this.db.exec(`DROP VIEW IF EXISTS "${view}"`);
    }
  }

  async *stream(sql: string, fetchSize: number): AsyncIterable<unknown[][]> {
    const stmt = this.db.prepare(sql);
    try {
      let chunk: unknown[][] = [];
      for (const row of rowArrays(stmt)) {
        chunk.push(row);
        if (chunk.length >= fetchSize) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length) yield chunk;
    } finally {
      stmt.finalize();
    }
  }

  async tableExists(table: string): Promise<boolean> {
    try {
      this.db.all(`SELECT 1 FROM ${table} WHERE 1 = 0`);
      return true;
    } catch (e) {
      if (/no such table/i.test(String((e as Error).message))) return false;
      throw e;
    }
  }

  async load(spec: LoadSpec): Promise<number> {
    const q = sqliteDialect.quoteIdentifier;
    // Text goes in as UTF-8 bytes cast to TEXT when it holds a NUL (bound as a C string, it
    // would be cut there); see sqliteParam.
    const marks = spec.types.map((t) => (t instanceof StringType ? "CAST(? AS TEXT)" : "?"));
    const stmt = this.db.prepare(`INSERT INTO ${spec.table} (${spec.columns.map(q).join(", ")}) VALUES (${marks.join(", ")})`);
    const enc = spec.types.map((t, i) => sqliteParam(t, spec.columns[i]!));
    const n = enc.length;
    let rows = 0;
    try {
      const params = new Array<unknown>(n);
      for await (const chunk of spec.chunks) {
        for (let r = 0; r < chunk.numRows; r++) {
          for (let c = 0; c < n; c++) params[c] = enc[c]!(chunk.cols[c]![r]);
          stmt.run(params as sqlite.BindValues);
        }
        rows += chunk.numRows;
      }
    } finally {
      stmt.finalize();
    }
    return rows;
  }

  async begin(): Promise<void> {
    // IMMEDIATE takes the write lock now, so a concurrent writer waits rather than failing midway.
    this.db.exec("BEGIN IMMEDIATE");
  }

  async commit(): Promise<void> {
    this.db.exec("COMMIT");
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}

/**
 * Rows as arrays in column order. The driver hands rows out as objects keyed by column name,
 * and JavaScript orders integer-like keys ("2023", "2024") before all others, so
 * `Object.values` would shift values between columns; the names (in order) come from the
 * statement instead.
 */
function* rowArrays(stmt: sqlite.Statement): Generator<unknown[]> {
  const names = (stmt as unknown as { _getColumnNames(): string[] })._getColumnNames();
  if (new Set(names).size !== names.length) {
    throw new Error(`the query returns two columns of the same name (${names.join(", ")}); give each column its own alias`);
  }
  for (const row of stmt.iterate() as IterableIterator<Row>) {
    const out = new Array<unknown>(names.length);
    for (let i = 0; i < names.length; i++) out[i] = row[names[i]!];
    yield out;
  }
}
