/**
 * What a grid column's filter box means. Learners type what they would say: `Jakarta` (a string
 * column: contains, ignoring case), `> 100`, `<= 2024-01-31`, `!= 0`, `= 5` (also plain `5` on a
 * number, date or boolean column: equals), `NULL` / `NOT NULL`. The text becomes a Spark condition
 * in src/api/grid-query.ts; a value that does not fit the column's type fails there with
 * Spark's own CAST_INVALID_INPUT message, which the grid shows.
 */

export type FilterOp = "contains" | "=" | "!=" | ">" | ">=" | "<" | "<=" | "isNull" | "isNotNull";

export interface FilterCondition {
  op: FilterOp;
  /** The value to compare with (the text after the operator); "" for isNull/isNotNull. */
  value: string;
}

/** Types whose plain filter text means "contains" rather than "equals". */
function isTextual(sparkType: string): boolean {
  return sparkType === "string" || /^(varchar|char)\(/.test(sparkType);
}

/** Parses one filter box's text for a column of the given Spark type. */
export function parseFilterText(text: string, sparkType: string): FilterCondition {
  const t = text.trim();
  if (/^null$/i.test(t)) return { op: "isNull", value: "" };
  if (/^(not\s+null|!\s*null)$/i.test(t)) return { op: "isNotNull", value: "" };
  const m = /^(>=|<=|!=|<>|=|>|<)\s*(.*)$/s.exec(t);
  if (m) return { op: m[1] === "<>" ? "!=" : (m[1] as FilterOp), value: m[2]! };
  // Arrays, maps and structs are searched in their text form, as strings are.
  if (isTextual(sparkType) || /^(array|map|struct)</.test(sparkType)) return { op: "contains", value: t };
  return { op: "=", value: t };
}
