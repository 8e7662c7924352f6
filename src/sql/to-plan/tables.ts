/**
 * Tables and persistent views of `CREATE TABLE`, `CREATE VIEW`, `INSERT INTO` and databases of
 * `CREATE DATABASE` / `USE`, kept in memory for the process (as Spark's session catalog, they
 * outlive a session). A table is a logical plan: its rows are the plan's rows, and `INSERT`
 * appends by making the plan a union with the new rows (cast to the table's column types as
 * Spark's store assignment does). Files are not written: `USING parquet` is accepted and noted.
 */
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { PijarError, quoteId } from "../../errors/pijar-error.js";

export interface TableEntry {
  readonly database: string;
  readonly name: string;
  plan: LogicalPlan;
  readonly isView: boolean;
}

const databases = new Map<string, Map<string, TableEntry>>([["default", new Map()]]);
/** Session setting that holds the current database (Spark keeps it per session too). */
export const CURRENT_DB_KEY = "spark.pijar.sql.currentDatabase";

export interface ConfLike { get(key: string): string | null; set(key: string, value: string): void }

export function currentDatabase(conf: ConfLike | undefined): string {
  const db = conf?.get(CURRENT_DB_KEY);
  return db && databases.has(db) ? db : "default";
}

/** [t], [db, t] or [spark_catalog, db, t] -> [db, t] (lower case), or null for other shapes. */
export function tableKey(name: readonly string[], conf: ConfLike | undefined): [string, string] | null {
  const parts = name.length === 3 && name[0]!.toLowerCase() === "spark_catalog" ? name.slice(1) : name;
  if (parts.length === 1) return [currentDatabase(conf), parts[0]!.toLowerCase()];
  if (parts.length === 2) return [parts[0]!.toLowerCase(), parts[1]!.toLowerCase()];
  return null;
}

export function lookupStoredTable(name: readonly string[], conf: ConfLike | undefined): TableEntry | undefined {
  const k = tableKey(name, conf);
  return k ? databases.get(k[0])?.get(k[1]) : undefined;
}

function schemaNotFound(name: string): PijarError {
  const schemaName = ["spark_catalog", name].map(quoteId).join(".");
  return new PijarError("SCHEMA_NOT_FOUND", { schemaName }, {
    message: `The schema ${schemaName} cannot be found. Verify the spelling and correctness of the schema and catalog, or create it first with CREATE SCHEMA ${quoteId(name)}.`,
  });
}

function fullName(db: string, t: string): string {
  return ["spark_catalog", db, t].map(quoteId).join(".");
}

export function createStoredTable(name: readonly string[], conf: ConfLike | undefined, plan: LogicalPlan,
  opts: { replace: boolean; ifNotExists: boolean; isView: boolean }): void {
  const k = tableKey(name, conf);
  if (!k) throw new PijarError("REQUIRES_SINGLE_PART_NAMESPACE", { sessionCatalog: "spark_catalog", namespace: quoteId(name.slice(0, -1).join(".")) });
  const db = databases.get(k[0]);
  if (!db) throw schemaNotFound(k[0]);
  if (db.has(k[1]) && !opts.replace) {
    if (opts.ifNotExists) return;
    throw new PijarError("TABLE_OR_VIEW_ALREADY_EXISTS", { relationName: fullName(k[0], k[1]) });
  }
  db.set(k[1], { database: k[0], name: name[name.length - 1]!, plan, isView: opts.isView });
}

/** Drops a table or view; false when absent. */
export function dropStoredTable(name: readonly string[], conf: ConfLike | undefined): boolean {
  const k = tableKey(name, conf);
  return !!k && !!databases.get(k[0])?.delete(k[1]);
}

export function createDatabase(name: string, ifNotExists: boolean): void {
  const key = name.toLowerCase();
  if (databases.has(key)) {
    if (ifNotExists) return;
    const schemaName = ["spark_catalog", name].map(quoteId).join(".");
    throw new PijarError("SCHEMA_ALREADY_EXISTS", { schemaName }, { message: `Cannot create schema ${schemaName} because it already exists. Choose a different name, or add IF NOT EXISTS.` });
  }
  databases.set(key, new Map());
}

export function requireDatabase(name: string): string {
  const key = name.toLowerCase();
  if (!databases.has(key)) throw schemaNotFound(name);
  return key;
}

export function dropDatabase(name: string, ifExists: boolean, cascade: boolean): void {
  const key = name.toLowerCase();
  const db = databases.get(key);
  if (!db) {
    if (ifExists) return;
    throw schemaNotFound(name);
  }
  if (key === "default") throw new PijarError("UNSUPPORTED_FEATURE.DROP_DATABASE", { database: quoteId("default") });
  if (db.size && !cascade) throw new PijarError("SCHEMA_NOT_EMPTY", { schemaName: quoteId(name) });
  databases.delete(key);
}

export function listStoredTables(database: string): TableEntry[] {
  return [...(databases.get(database.toLowerCase())?.values() ?? [])];
}

/** Forgets every table, view and database but `default` (test suites run files in isolation). */
export function clearStoredTables(): void {
  databases.clear();
  databases.set("default", new Map());
}
