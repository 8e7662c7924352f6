/**
 * PostgreSQL over `pg`: values travel as text (every type parser returns the raw text, which
 * values.ts converts), reads stream through a server-side cursor (DECLARE/FETCH), and loads
 * use `COPY ... FROM STDIN` in text format, streamed from the batches with backpressure.
 */
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { postgresDialect } from "../dialects/postgres.js";
import type { ColumnMeta } from "../dialects/dialect.js";
import type { JdbcConnection, LoadSpec } from "./driver.js";
import type { JdbcTarget } from "../url.js";
import { encodeTextRows, fieldWriter } from "./text-format.js";

const rawText = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig;

let cursorSeq = 0;

export async function connectPostgres(t: JdbcTarget, user: string | undefined, password: string | undefined): Promise<JdbcConnection> {
  const client = new pg.Client({
    host: t.host, port: t.port, database: t.database || undefined, user, password,
    types: rawText, connectionTimeoutMillis: 15_000,
    ssl: t.params["sslmode"] === "require" ? { rejectUnauthorized: false } : undefined,
    application_name: "pijar",
  });
  // A dropped connection must surface as a query error, not crash the process.
  client.on("error", () => undefined);
  await client.connect();
  // UTC session: timestamptz text comes back with +00 and is written with +00.
  await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3");
  return new PostgresConnection(client);
}

class PostgresConnection implements JdbcConnection {
  readonly dialect = postgresDialect;
  private typeNames = new Map<number, string>();

  constructor(private readonly client: pg.Client) {}

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async query(sql: string): Promise<unknown[][]> {
    const r = await this.client.query({ text: sql, rowMode: "array" });
    return r.rows as unknown[][];
  }

  async describe(sql: string): Promise<ColumnMeta[]> {
    // The extended protocol runs exactly one statement: a second line of defence behind
    // single-statement.ts against SQL smuggled into 'query' / 'dbtable'.
    const r = await this.client.query({ text: `SELECT * FROM (${sql}) pijar_describe LIMIT 0`, rowMode: "array", queryMode: "extended" } as pg.QueryConfig);
    const missing = [...new Set(r.fields.map((f) => f.dataTypeID).filter((id) => !this.typeNames.has(id)))];
    if (missing.length) {
      const names = await this.client.query({ text: `SELECT oid::int, typname FROM pg_type WHERE oid = ANY($1::oid[])`, values: [missing], rowMode: "array" });
      for (const [oid, name] of names.rows as [string, string][]) this.typeNames.set(Number(oid), name);
    }
    return r.fields.map((f) => {
      const typeName = this.typeNames.get(f.dataTypeID) ?? "text";
      const mod = f.dataTypeModifier;
      const numeric = typeName === "numeric" && mod >= 4;
      return {
        name: f.name, typeName, nullable: true,
        precision: numeric ? ((mod - 4) >> 16) & 0xffff : -1,
        scale: numeric ? (mod - 4) & 0xffff : -1,
        length: typeName === "bit" || typeName === "varbit" ? mod : -1,
      };
    });
  }

  async *stream(sql: string, fetchSize: number): AsyncIterable<unknown[][]> {
    // A cursor only lives inside a transaction; the caller has begun one.
    const name = `pijar_cursor_${++cursorSeq}`;
    await this.client.query({ text: `DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, queryMode: "extended" } as pg.QueryConfig);
    try {
      for (;;) {
        const r = await this.client.query({ text: `FETCH ${fetchSize} FROM ${name}`, rowMode: "array" });
        if (r.rows.length) yield r.rows as unknown[][];
        if (r.rows.length < fetchSize) break;
      }
    } finally {
      await this.client.query(`CLOSE ${name}`).catch(() => undefined);
    }
  }

  async tableExists(table: string): Promise<boolean> {
    const r = await this.client.query({ text: "SELECT to_regclass($1) IS NOT NULL", values: [table], rowMode: "array" });
    return r.rows[0]![0] === "t" || r.rows[0]![0] === true;
  }

  async load(spec: LoadSpec): Promise<number> {
    const cols = spec.columns.map((c) => postgresDialect.quoteIdentifier(c)).join(", ");
    const copy = this.client.query(copyFrom(`COPY ${spec.table} (${cols}) FROM STDIN`));
    const writers = spec.types.map((t, i) => fieldWriter(t, "postgresql", spec.columns[i]!));
    let rows = 0;
    async function* encode(): AsyncGenerator<Buffer> {
      for await (const chunk of spec.chunks) {
        yield* encodeTextRows(chunk.cols, chunk.numRows, writers);
        rows += chunk.numRows;
      }
    }
    await pipeline(Readable.from(encode()), copy);
    return rows;
  }

  async begin(isolation?: string): Promise<void> {
    await this.client.query(isolation ? `BEGIN ISOLATION LEVEL ${isolation}` : "BEGIN");
  }

  async commit(): Promise<void> {
    await this.client.query("COMMIT");
  }

  async rollback(): Promise<void> {
    await this.client.query("ROLLBACK");
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
