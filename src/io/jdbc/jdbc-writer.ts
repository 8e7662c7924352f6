/**
 * `df.write.jdbc(url, table, mode, properties)` / `df.write.format("jdbc")...save()`.
 *
 * All or nothing: every mode loads inside one transaction (or into a staging table that is
 * renamed into place), so a failure midway (a bad row, a constraint, a lost connection, a
 * killed process) leaves the target exactly as before, and a retry never duplicates rows.
 *
 * - error / errorifexists (default): TABLE_OR_VIEW_ALREADY_EXISTS if the table exists.
 * - ignore: does nothing if the table exists.
 * - append: INSERTs (bulk) into the table in one transaction.
 * - overwrite: loads a new table and swaps it in by rename (PostgreSQL and SQLite in the same
 *   transaction; MySQL with one atomic RENAME TABLE), or with truncate=true keeps the table's
 *   definition and empties it in the load's transaction (TRUNCATE in PostgreSQL, DELETE in
 *   MySQL and SQLite, where TRUNCATE is not transactional or absent).
 *
 * MySQL commits DDL implicitly, so new tables are loaded as `<name>__pijar_stage_<id>` and
 * renamed; a process killed mid-load can leave that staging table behind (never the target).
 */
import type { JobRunner } from "../writer/job-runner.js";
import type { StructType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { Options, OptionValue } from "../options.js";
import { parseJdbcOptions, requireTable, type JdbcOptions } from "./jdbc-options.js";
import { jdbcFailure, openConnection } from "./connect.js";
import { quoteTableName, splitTableName, type JdbcDialect } from "./dialects/dialect.js";
import { checkWritable, createTableSql } from "./create-table.js";
import type { JdbcConnection, LoadSpec } from "./drivers/driver.js";
import { describeTarget } from "./url.js";
import type { Batch } from "../../columnar/batch.js";

export type SaveMode = "error" | "append" | "overwrite" | "ignore";

const UNCHANGED = "The target table was left unchanged (the load runs in one transaction); fix the cause and run the write again.";

/** Spark's save-mode names (case-insensitive). */
export function parseSaveMode(mode: string | undefined | null): SaveMode {
  const m = (mode ?? "error").toLowerCase();
  if (m === "error" || m === "errorifexists" || m === "default") return "error";
  if (m === "append" || m === "overwrite" || m === "ignore") return m;
  throw new PijarError("INVALID_OPTION", { message: "" }, {
    message: `Unknown save mode: ${mode}. Accepted save modes are 'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.`,
    exceptionType: "IllegalArgumentException",
  });
}

/** Writes a DataFrame to a database table (see the file comment for the modes). */
export async function writeJdbc(df: JobRunner, options: Options | Record<string, OptionValue>, mode: string | null = "error"): Promise<void> {
  const o = parseJdbcOptions(options);
  const saveMode = parseSaveMode(mode);
  const rawTable = requireTable(o);
  await df._runJob(`write.jdbc ${describeTarget(o.target)} table=${rawTable}`, async (batches, schema, job) => {
    const conn = await openConnection(o);
    try {
      checkWritable(conn.dialect, schema, o.createTableColumnTypes);
    } catch (e) {
      await conn.close();
      throw e;
    }
    const table = quoteTableName(conn.dialect, rawTable);
    const chunks = (async function* () {
      for await (const b of batches as AsyncIterable<Batch>) {
        job.checkCancelled();
        // Let timers and I/O run between batches (kernel interrupts, progress, other connections).
        await new Promise((r) => setImmediate(r));
        yield { cols: schema.fields.map((_, i) => b.values(i)), numRows: b.numRows };
      }
    })();
    const w = new TableWriter(conn, o, rawTable, table, schema, chunks);
    try {
      const exists = await w.step("check whether the table exists", () => conn.tableExists(table));
      if (exists && saveMode === "error") {
        throw new PijarError("TABLE_OR_VIEW_ALREADY_EXISTS", { relationName: rawTable }, {
          message: `Cannot create table or view ${rawTable} because it already exists (at ${describeTarget(o.target)}). ` +
            "Choose another name, or pick a save mode: mode(\"append\") adds the rows, mode(\"overwrite\") replaces the table, mode(\"ignore\") skips the write.",
        });
      }
      if (exists && saveMode === "ignore") return;
      if (!exists) await w.createAndLoad();
      else if (saveMode === "append") await w.loadExisting(false);
      else if (o.truncate) await w.loadExisting(true);
      else await w.replace();
    } finally {
      await conn.close();
    }
  });
}

class TableWriter {
  private readonly d: JdbcDialect;
  private readonly stageBare: string;
  private readonly stage: string;

  constructor(
    private readonly conn: JdbcConnection, private readonly o: JdbcOptions, private readonly rawTable: string,
    private readonly table: string, private readonly schema: StructType,
    private readonly chunks: AsyncIterable<{ cols: readonly unknown[][]; numRows: number }>,
  ) {
    this.d = conn.dialect;
    const parts = splitTableName(rawTable);
    const last = parts[parts.length - 1]!;
    const lastName = last.quoted ? last.name : this.d.foldUnquoted(last.name);
    // Short enough for MySQL's 64-character names, unique per write.
    const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    this.stageBare = `${lastName.slice(0, 30)}__pijar_stage_${id}`;
    const qualifier = parts.slice(0, -1).map((p) => this.d.quoteIdentifier(p.quoted ? p.name : this.d.foldUnquoted(p.name)));
    this.stage = [...qualifier, this.d.quoteIdentifier(this.stageBare)].join(".");
  }

  /** Runs a step; failures become FAILED_JDBC naming the step. */
  async step<R>(what: string, f: () => Promise<R>, note = ""): Promise<R> {
    try {
      return await f();
    } catch (e) {
      throw jdbcFailure(this.o, what, e, note);
    }
  }

  private spec(table: string, columns: readonly string[]): LoadSpec {
    return { table, columns, types: this.schema.fields.map((f) => f.dataType), chunks: this.chunks, batchSize: this.o.batchSize };
  }

  private get isolation(): string | undefined {
    return this.o.isolationLevel === "NONE" ? undefined : this.o.isolationLevel.replace("_", " ");
  }

  /** Runs `body` in a transaction; on any failure rolls back and reports the table unchanged. */
  private async inTransaction(what: string, body: () => Promise<void>): Promise<void> {
    await this.step("begin a transaction", () => this.conn.begin(this.isolation));
    try {
      await body();
      await this.step("commit", () => this.conn.commit(), UNCHANGED);
    } catch (e) {
      await this.conn.rollback().catch(() => undefined);
      throw jdbcFailure(this.o, what, e, UNCHANGED);
    }
  }

  private createSql(table: string): string {
    return createTableSql(this.d, table, this.schema, this.o.createTableColumnTypes, this.o.createTableOptions);
  }

  /** The table does not exist: create and load it as one unit. */
  async createAndLoad(): Promise<void> {
    const names = this.schema.names;
    if (this.d.name !== "mysql") {
      await this.inTransaction(`create and load ${this.rawTable}`, async () => {
        await this.conn.exec(this.createSql(this.table));
        await this.conn.load(this.spec(this.table, names));
      });
      return;
    }
    await this.loadStage(async () => {
      await this.conn.exec(`RENAME TABLE ${this.stage} TO ${this.table}`);
    });
  }

  /** append, or overwrite with truncate=true: load into the existing table's columns. */
  async loadExisting(truncateFirst: boolean): Promise<void> {
    const columns = await this.targetColumns();
    await this.inTransaction(`${truncateFirst ? "overwrite (truncate) " : "append to "}${this.rawTable}`, async () => {
      if (truncateFirst) await this.conn.exec(this.d.truncateStatement(this.table));
      await this.conn.load(this.spec(this.table, columns));
    });
  }

  /** overwrite: a freshly created table replaces the old one at commit. */
  async replace(): Promise<void> {
    const names = this.schema.names;
    const bare = this.d.quoteIdentifier(splitTableName(this.rawTable).map((p) => (p.quoted ? p.name : this.d.foldUnquoted(p.name))).pop()!);
    if (this.d.name !== "mysql") {
      await this.inTransaction(`overwrite ${this.rawTable}`, async () => {
        await this.conn.exec(this.createSql(this.stage));
        await this.conn.load(this.spec(this.stage, names));
        await this.conn.exec(`DROP TABLE ${this.table}`);
        await this.conn.exec(this.d.renameStatement(this.stage, bare));
      });
      return;
    }
    const old = this.stage.replace("__pijar_stage_", "__pijar_old_");
    await this.loadStage(async () => {
      // One RENAME TABLE statement swaps both names atomically.
      await this.conn.exec(`RENAME TABLE ${this.table} TO ${old}, ${this.stage} TO ${this.table}`);
      await this.conn.exec(`DROP TABLE ${old}`).catch(() => undefined);
    });
  }

  /** MySQL: create the staging table, load it in a transaction, then `publish` it; drops it on failure. */
  private async loadStage(publish: () => Promise<void>): Promise<void> {
    await this.step(`create the staging table for ${this.rawTable}`, () => this.conn.exec(this.createSql(this.stage)));
    try {
      await this.inTransaction(`load ${this.rawTable}`, async () => {
        await this.conn.load(this.spec(this.stage, this.schema.names));
      });
      await this.step(`rename the loaded table to ${this.rawTable}`, publish, UNCHANGED);
    } catch (e) {
      await this.conn.exec(`DROP TABLE IF EXISTS ${this.stage}`).catch(() => undefined);
      throw e;
    }
  }

  /**
   * The table's own spelling of each DataFrame column, matched case-insensitively as Spark
   * does; a column the table lacks is an error before any row is sent.
   */
  private async targetColumns(): Promise<string[]> {
    const cols = await this.step(`read the columns of ${this.rawTable}`, () => this.conn.describe(`SELECT * FROM ${this.table}`));
    const names = cols.map((c) => c.name);
    return this.schema.names.map((n) => {
      const hit = names.find((c) => c === n) ?? names.find((c) => c.toLowerCase() === n.toLowerCase());
      if (hit === undefined) {
        throw new PijarError("FAILED_JDBC.UNCLASSIFIED", { url: "", message: "" }, {
          message: `Column "${n}" not found in table ${this.rawTable} (its columns: ${names.join(", ")}). ` +
            "Rename or drop the column in the DataFrame, or use mode(\"overwrite\") to replace the table.",
        });
      }
      return hit;
    });
  }
}
