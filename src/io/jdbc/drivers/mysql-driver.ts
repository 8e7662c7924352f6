/**
 * MySQL and MariaDB over `mysql2`: values arrive as text (a typeCast keeps the wire text, and
 * bytes for binary columns), reads stream row by row with backpressure, and loads use
 * `LOAD DATA LOCAL INFILE` fed from a stream (no file on disk), falling back to multi-row
 * INSERTs when the server disables local infile. The session time zone is UTC.
 */
import mysql from "mysql2/promise";
import type { Connection as CoreConnection, FieldPacket, TypeCastField } from "mysql2";
import { Readable } from "node:stream";
import { mysqlDialect } from "../dialects/mysql.js";
import type { ColumnMeta } from "../dialects/dialect.js";
import type { JdbcConnection, LoadSpec } from "./driver.js";
import type { JdbcTarget } from "../url.js";
import { textEncoder } from "../values.js";
import { encodeTextRows, fieldWriter } from "./text-format.js";
import * as T from "../../../types/data-types.js";

const BINARY_CHARSET = 63;
const TYPE_NAMES: Record<number, string> = {
  0: "decimal", 1: "tinyint", 2: "smallint", 3: "int", 4: "float", 5: "double", 6: "null", 7: "timestamp", 8: "bigint",
  9: "mediumint", 10: "date", 11: "time", 12: "datetime", 13: "year", 14: "date", 15: "varchar", 16: "bit", 245: "json",
  246: "decimal", 247: "enum", 248: "set", 249: "blob", 250: "blob", 251: "blob", 252: "blob", 253: "varchar", 254: "char", 255: "geometry",
};
const BLOBLIKE = new Set(["blob", "varchar", "char", "geometry"]);

/**
 * Keeps MySQL's text (exact decimals, full bigints). Character and binary columns arrive as
 * bytes, because the typeCast wrapper does not expose the character set: values.ts decodes
 * them as UTF-8 for string columns and keeps them for binary ones.
 */
function typeCast(field: TypeCastField, _next: () => unknown): unknown {
  if (field.type === "JSON") return field.string("utf8");
  if (/BLOB|STRING|BIT|GEOMETRY/.test(field.type)) return field.buffer();
  return field.string();
}

export async function connectMysql(t: JdbcTarget, user: string | undefined, password: string | undefined): Promise<JdbcConnection> {
  const conn = await mysql.createConnection({
    host: t.host, port: t.port, database: t.database || undefined, user, password,
    timezone: "Z", dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, typeCast,
    connectTimeout: 15_000, charset: "utf8mb4_bin", multipleStatements: false,
  });
  conn.on("error", () => undefined);
  await conn.query("SET time_zone = '+00:00'");
  return new MysqlConnection(conn);
}

class MysqlConnection implements JdbcConnection {
  readonly dialect = mysqlDialect;
  private localInfile = true;

  constructor(private readonly conn: mysql.Connection) {}

  async exec(sql: string): Promise<void> {
    await this.conn.query(sql);
  }

  async query(sql: string): Promise<unknown[][]> {
    const [rows] = await this.conn.query({ sql, rowsAsArray: true });
    return rows as unknown[][];
  }

  async describe(sql: string): Promise<ColumnMeta[]> {
    const [, fields] = await this.conn.query({ sql: `SELECT * FROM (${sql}) pijar_describe LIMIT 0`, rowsAsArray: true });
    return (fields as FieldPacket[]).map((f) => {
      let typeName = TYPE_NAMES[f.columnType ?? 253] ?? "varchar";
      const binary = f.characterSet === BINARY_CHARSET;
      if (BLOBLIKE.has(typeName) && typeName !== "geometry") typeName = binary ? "blob" : "text";
      const unsigned = ((f.flags as number) & 32) !== 0;
      const decimals = f.decimals ?? 0;
      const len = f.columnLength ?? -1;
      return {
        name: f.name, typeName, nullable: ((f.flags as number) & 1) === 0, unsigned,
        precision: typeName === "decimal" ? len - (decimals > 0 ? 1 : 0) - (unsigned ? 0 : 1) : -1,
        scale: typeName === "decimal" ? decimals : -1,
        length: len,
      };
    });
  }

  async *stream(sql: string, fetchSize: number): AsyncIterable<unknown[][]> {
    const core = (this.conn as unknown as { connection: CoreConnection }).connection;
    const rows = core.query({ sql, rowsAsArray: true }).stream({ highWaterMark: Math.min(fetchSize, 10_000) });
    let chunk: unknown[][] = [];
    try {
      for await (const row of rows) {
        chunk.push(row as unknown[]);
        if (chunk.length >= fetchSize) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length) yield chunk;
    } finally {
      rows.destroy();
    }
  }

  async tableExists(table: string): Promise<boolean> {
    try {
      await this.conn.query(`SELECT 1 FROM ${table} WHERE 1 = 0`);
      return true;
    } catch (e) {
      if ((e as { errno?: number }).errno === 1146) return false;
      throw e;
    }
  }

  async load(spec: LoadSpec): Promise<number> {
    if (this.localInfile) {
      try {
        return await this.loadData(spec);
      } catch (e) {
        // 1148/3948/4166: local infile disabled on the server or client; INSERTs still work.
        const errno = (e as { errno?: number }).errno;
        if (errno !== 1148 && errno !== 3948 && errno !== 4166) throw e;
        this.localInfile = false;
      }
    }
    return this.insertRows(spec);
  }

  private async loadData(spec: LoadSpec): Promise<number> {
    const q = mysqlDialect.quoteIdentifier;
    // BIT and binary columns go through variables: LOAD DATA would store '1' as the byte 0x31.
    const targets = spec.types.map((t, i) => (t instanceof T.BooleanType || t instanceof T.BinaryType ? `@v${i}` : q(spec.columns[i]!)));
    const sets = spec.types.flatMap((t, i) => t instanceof T.BooleanType ? [`${q(spec.columns[i]!)} = CAST(@v${i} AS UNSIGNED)`]
      : t instanceof T.BinaryType ? [`${q(spec.columns[i]!)} = UNHEX(@v${i})`] : []);
    const writers = spec.types.map((t, i) => fieldWriter(t, "mysql", spec.columns[i]!));
    let rows = 0;
    async function* encode(): AsyncGenerator<Buffer> {
      for await (const chunk of spec.chunks) {
        yield* encodeTextRows(chunk.cols, chunk.numRows, writers);
        rows += chunk.numRows;
      }
    }
    const sql = `LOAD DATA LOCAL INFILE 'pijar-stream' INTO TABLE ${spec.table} CHARACTER SET utf8mb4 ` +
      `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${targets.join(", ")})` +
      (sets.length ? ` SET ${sets.join(", ")}` : "");
    const [res] = await this.conn.query({ sql, infileStreamFactory: () => Readable.from(encode()) });
    const warnings = (res as { warningStatus?: number }).warningStatus ?? 0;
    if (warnings > 0) {
      // LOAD DATA turns bad values into warnings; a load must be exact, so they are errors here.
      const [w] = await this.conn.query({ sql: "SHOW WARNINGS LIMIT 3", rowsAsArray: true });
      const text = (w as unknown[][]).map((r) => String(r[2])).join("; ");
      throw Object.assign(new Error(`The load produced ${warnings} warning(s): ${text}`), { errno: 0 });
    }
    return rows;
  }

  private async insertRows(spec: LoadSpec): Promise<number> {
    const q = mysqlDialect.quoteIdentifier;
    const head = `INSERT INTO ${spec.table} (${spec.columns.map(q).join(", ")}) VALUES `;
    const conv = spec.types.map((t) => (t instanceof T.DecimalType ? (v: unknown) => (v === null ? null : textEncoder(t, "mysql", "")(v))
      : t instanceof T.TimestampType || t instanceof T.TimestampNTZType || t instanceof T.DateType ? (v: unknown) => (v === null ? null : textEncoder(t, "mysql", "")(v))
      : t instanceof T.BinaryType ? (v: unknown) => (v === null ? null : Buffer.from(v as Uint8Array)) : (v: unknown) => v));
    let rows = 0;
    for await (const chunk of spec.chunks) {
      for (let start = 0; start < chunk.numRows; start += spec.batchSize) {
        const end = Math.min(chunk.numRows, start + spec.batchSize);
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (let r = start; r < end; r++) {
          tuples.push("(" + conv.map(() => "?").join(", ") + ")");
          for (let c = 0; c < conv.length; c++) values.push(conv[c]!(chunk.cols[c]![r] ?? null));
        }
        await this.conn.query(head + tuples.join(", "), values);
      }
      rows += chunk.numRows;
    }
    return rows;
  }

  async begin(isolation?: string): Promise<void> {
    if (isolation) await this.conn.query(`SET TRANSACTION ISOLATION LEVEL ${isolation}`);
    await this.conn.query("START TRANSACTION");
  }

  async commit(): Promise<void> {
    await this.conn.query("COMMIT");
  }

  async rollback(): Promise<void> {
    await this.conn.query("ROLLBACK");
  }

  async close(): Promise<void> {
    await this.conn.end().catch(() => undefined);
  }
}
