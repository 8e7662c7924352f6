/**
 * Temp views: names for logical plans, per session (temp views) or shared by all sessions of
 * the process under `global_temp` (global temp views), as Spark.
 */
import type { LogicalPlan } from "../plan/logical/plan.js";
import { PijarError, orderBySimilarity } from "../errors/pijar-error.js";

/** Where Spark 4.3 looks up an unqualified relation; its TABLE_OR_VIEW_NOT_FOUND names it. */
export const SEARCH_PATH = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]";

export interface ViewEntry {
  readonly name: string;
  readonly plan: LogicalPlan;
}

const globalViews = new Map<string, ViewEntry>();
export const GLOBAL_TEMP_DB = "global_temp";

export class Catalog {
  private readonly views = new Map<string, ViewEntry>();

  /** `parsed`: the name is already one identifier part (from SQL); else it is parsed here. */
  createTempView(rawName: string, plan: LogicalPlan, replace: boolean, global = false, parsed = false): void {
    const name = parsed ? rawName : viewName(rawName);
    const store = global ? globalViews : this.views;
    const key = name.toLowerCase();
    if (!replace && store.has(key)) {
      throw new PijarError("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", { relationName: "`" + name + "`" });
    }
    store.set(key, { name, plan });
  }

  dropTempView(name: string): boolean {
    return this.views.delete(name.toLowerCase());
  }

  dropGlobalTempView(name: string): boolean {
    return globalViews.delete(name.toLowerCase());
  }

  /** Looks up `v` or `global_temp.v`; null if absent. */
  lookup(nameParts: readonly string[]): ViewEntry | null {
    if (nameParts.length === 2 && nameParts[0]!.toLowerCase() === GLOBAL_TEMP_DB) {
      return globalViews.get(nameParts[1]!.toLowerCase()) ?? null;
    }
    if (nameParts.length === 1) return this.views.get(nameParts[0]!.toLowerCase()) ?? null;
    return null;
  }

  /** Looks up a view or raises TABLE_OR_VIEW_NOT_FOUND with suggestions. */
  require(nameParts: readonly string[]): ViewEntry {
    const v = this.lookup(nameParts);
    if (v) return v;
    const shown = nameParts.map((p) => "`" + p + "`").join(".");
    const near = orderBySimilarity(nameParts[nameParts.length - 1]!, [...this.views.values()].map((x) => x.name), 3);
    const e = new PijarError("TABLE_OR_VIEW_NOT_FOUND", { relationName: shown, searchPath: SEARCH_PATH });
    if (near.length) (e as { message: string }).message += ` Did you mean one of: ${near.map((n) => "`" + n + "`").join(", ")}?`;
    throw e;
  }

  listViews(): ViewEntry[] {
    return [...this.views.values()];
  }

  listGlobalViews(): ViewEntry[] {
    return [...globalViews.values()];
  }
}

/**
 * The view name of `df.createTempView(name)` and friends, parsed as Spark parses it: one
 * identifier, plain (`sales_2024`) or back-quoted (`` `a.b` `` is the one-part name a.b).
 * Anything else is refused as Spark refuses it: two parts (`a.b`) are
 * TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS, text that is no identifier (`v; DROP VIEW x`) is
 * "Invalid view name", so a name can never smuggle SQL into later queries.
 */
export function viewName(raw: string): string {
  const parts: string[] = [];
  let i = 0;
  const s = raw.trim();
  const invalid = () => new PijarError("_LEGACY_ERROR_TEMP_1321", { viewName: raw }, {
    message: `Invalid view name: ${raw}. A view name is one identifier: letters, digits and _ (e.g. sales_2024), or any text in back quotes (\`my view\`).`,
    exceptionType: "AnalysisException",
  });
  while (i <= s.length) {
    if (s[i] === "`") {
      let part = "";
      i++;
      for (;;) {
        if (i >= s.length) throw invalid();
        if (s[i] === "`") {
          if (s[i + 1] === "`") {
            part += "`";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        part += s[i++];
      }
      parts.push(part);
    } else {
      const m = /^[\p{L}\p{N}_]+/u.exec(s.slice(i));
      if (!m) throw invalid();
      parts.push(m[0]);
      i += m[0].length;
    }
    if (i === s.length) break;
    if (s[i] !== ".") throw invalid();
    i++;
  }
  if (parts.length !== 1) {
    throw new PijarError("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", { actualName: raw }, { exceptionType: "AnalysisException" });
  }
  return parts[0]!;
}
