/**
 * Opening connections and turning driver errors into Pijar errors that name what was tried
 * (host, port, database; never the password) and suggest a fix.
 */
import { PijarError } from "../../errors/pijar-error.js";
import type { JdbcOptions } from "./jdbc-options.js";
import type { JdbcConnection } from "./drivers/driver.js";
import { describeTarget, redactUrl } from "./url.js";

/** Connects, runs `sessionInitStatement`, and maps failures to CANNOT_CONNECT_TO_DATABASE. */
export async function openConnection(o: JdbcOptions): Promise<JdbcConnection> {
  const t = o.target;
  let conn: JdbcConnection;
  try {
    // Each driver (pg, mysql2, SQLite in wasm: ~0.4 s together) loads when first used, not
    // with pijar: most sessions, and every notebook kernel's start, never need one.
    conn = t.kind === "postgresql" ? await (await import("./drivers/postgres-driver.js")).connectPostgres(t, o.user, o.password)
      : t.kind === "mysql" ? await (await import("./drivers/mysql-driver.js")).connectMysql(t, o.user, o.password)
      : await (await import("./drivers/sqlite-driver.js")).connectSqlite(t);
  } catch (e) {
    const database = t.kind === "sqlite" ? "SQLite" : t.kind === "postgresql" ? "PostgreSQL" : "MySQL/MariaDB";
    const where = t.kind === "sqlite" ? t.path : `${t.host}:${t.port}/${t.database}`;
    throw new PijarError("CANNOT_CONNECT_TO_DATABASE", { database, host: t.host, port: String(t.port), reason: "" }, {
      message: `Cannot connect to ${database} database '${t.database}' at ${t.kind === "sqlite" ? where : `${t.host}:${t.port}`}` +
        `${o.user ? ` as user '${o.user}'` : ""}: ${redact(driverMessage(e), o)}. ` +
        (t.kind === "sqlite" ? "Check that the directory exists and is writable." :
          "Check that the server is running and reachable there, and that the user and password are right."),
      cause: undefined,
      exceptionType: "SparkSQLException",
    });
  }
  if (o.sessionInitStatement) await guard(o, "run sessionInitStatement", () => conn.exec(o.sessionInitStatement!), conn);
  return conn;
}

/** The driver's own message (pg/mysql2 errors, or an aggregate of them for multi-address hosts). */
export function driverMessage(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length) return e.errors.map(driverMessage).join("; ");
  const err = e as { message?: string; code?: string };
  const msg = err?.message || err?.code || String(e);
  return err?.code && !msg.includes(err.code) ? `${msg} (${err.code})` : msg;
}

/** Removes the password from any text (driver messages can echo connection strings). */
export function redact(text: string, o: JdbcOptions): string {
  let s = redactUrl(text);
  if (o.password && o.password.length >= 1) s = s.split(o.password).join("***");
  return s;
}

/**
 * Runs a database step; a failure becomes FAILED_JDBC naming the step and the redacted URL.
 * The connection (if given) is closed on failure.
 */
export async function guard<R>(o: JdbcOptions, step: string, f: () => Promise<R>, conn?: JdbcConnection, note = ""): Promise<R> {
  try {
    return await f();
  } catch (e) {
    if (conn) await conn.close().catch(() => undefined);
    throw jdbcFailure(o, step, e, note);
  }
}

/** FAILED_JDBC with the step, the driver's message and the URL, all without the password. */
export function jdbcFailure(o: JdbcOptions, step: string, e: unknown, note = ""): PijarError {
  if (e instanceof PijarError) return e;
  const url = `jdbc:${describeTarget(o.target)}`;
  return new PijarError("FAILED_JDBC.UNCLASSIFIED", { url, message: step }, {
    message: `Failed JDBC ${url} on the operation: ${step}: ${redact(driverMessage(e), o)}${note ? `. ${note}` : ""}`,
  });
}
