/**
 * `SqlCatalog` over the session's `Catalog` (src/catalog): temp views by name, global temp
 * views as `global_temp.name`, and SHOW TABLES rows as PySpark lists them.
 */
import { Catalog, GLOBAL_TEMP_DB } from "../../catalog/catalog.js";
import type { SqlCatalog, TableListing } from "./context.js";

const isGlobal = (parts: readonly string[]) => parts.length === 2 && parts[0]!.toLowerCase() === GLOBAL_TEMP_DB;

export function catalogAdapter(catalog: Catalog): SqlCatalog {
  return {
    lookupRelation: (name) => catalog.lookup(name)?.plan,
    createTempView: (name, plan, opts) => catalog.createTempView(name, plan, opts.replace, opts.global, true),
    viewExists: (name, global) => catalog.lookup(global ? [GLOBAL_TEMP_DB, name] : [name]) !== null,
    dropTempView: (name) => {
      if (isGlobal(name)) return catalog.dropGlobalTempView(name[1]!);
      return name.length === 1 ? catalog.dropTempView(name[0]!) : false;
    },
    listTables: (database) => {
      // Spark lists the session's temp views under every database; global ones only in global_temp.
      const local: TableListing[] = catalog.listViews().map((v) => ({ namespace: "", tableName: v.name, isTemporary: true }));
      if (database && database.length === 1 && database[0]!.toLowerCase() === GLOBAL_TEMP_DB) {
        const global = catalog.listGlobalViews().map((v) => ({ namespace: GLOBAL_TEMP_DB, tableName: v.name, isTemporary: true }));
        return [...global, ...local];
      }
      return local;
    },
  };
}
