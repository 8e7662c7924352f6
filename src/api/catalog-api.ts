/** spark.catalog: temp views as PySpark's Catalog shows them. */
import { Catalog as ViewStore, GLOBAL_TEMP_DB } from "../catalog/catalog.js";
import { splitName } from "../plan/expr/expr.js";

export interface Table {
  name: string;
  catalog: string | null;
  namespace: string[] | null;
  description: string | null;
  tableType: string;
  isTemporary: boolean;
}

export class CatalogApi {
  /** @internal */
  readonly _catalog = new ViewStore();

  /** Temp views of this session (and global temp views when dbName is "global_temp"). */
  listTables(dbName?: string): Table[] {
    const views = dbName?.toLowerCase() === GLOBAL_TEMP_DB
      ? this._catalog.listGlobalViews().map((v) => ({ ...v, ns: [GLOBAL_TEMP_DB] }))
      : this._catalog.listViews().map((v) => ({ ...v, ns: [] as string[] }));
    return views
      .map((v) => ({ name: v.name, catalog: null, namespace: v.ns, description: null, tableType: "TEMPORARY", isTemporary: true }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Drops a temp view; true if it existed. */
  dropTempView(viewName: string): boolean {
    return this._catalog.dropTempView(viewName);
  }

  dropGlobalTempView(viewName: string): boolean {
    return this._catalog.dropGlobalTempView(viewName);
  }

  tableExists(tableName: string, dbName?: string): boolean {
    const parts = dbName ? [dbName, tableName] : splitName(tableName);
    return this._catalog.lookup(parts) !== null;
  }

  currentDatabase(): string {
    return "default";
  }

  currentCatalog(): string {
    return "spark_catalog";
  }

  /** Caching is per DataFrame in Pijar (df.cache()); this is accepted for compatibility. */
  clearCache(): void {}
}
