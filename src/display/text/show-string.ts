/**
 * Dataset.showString as Spark 4 prints it: the table, truncation to `truncate` characters
 * (with "..." from 4 up), right-aligned cells when truncating, East Asian wide characters
 * counted as two columns, the vertical form, and the "only showing top N rows" footer.
 */

/** Display width as Spark's Utils.stringHalfWidth: full-width characters count twice. */
export function halfWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += isFullWidth(c) ? 2 : 1;
  }
  return w;
}

function isFullWidth(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd);
}

/** Spark 4 prints control characters escaped so each row stays on one line. */
const META: Record<string, string> = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\u000b": "\\v", "\u0007": "\\a" };

export function escapeMeta(s: string): string {
  return /[\b\t\n\f\r\u000b\u0007]/.test(s) ? s.replace(/[\b\t\n\f\r\u000b\u0007]/g, (c) => META[c]!) : s;
}

export function truncateCell(s: string, truncate: number): string {
  if (truncate > 0 && s.length > truncate) return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
  return s;
}

const padLeft = (s: string, w: number) => " ".repeat(Math.max(0, w - halfWidth(s))) + s;
const padRight = (s: string, w: number, ch = " ") => s + ch.repeat(Math.max(0, w - halfWidth(s)));

/**
 * @param names column names
 * @param cells formatted cells of the rows to show (at most n)
 * @param hasMore whether more rows exist beyond those shown
 */
export function showString(names: readonly string[], cells: readonly (readonly string[])[], numRows: number, truncate: number, vertical: boolean, hasMore: boolean): string {
  // Spark 4 truncates the cells, never the column names.
  const rows = [names.map(escapeMeta), ...cells.map((r) => r.map((c) => truncateCell(escapeMeta(c), truncate)))];
  let sb = "";
  if (!vertical) {
    const widths = names.map((_, i) => Math.max(3, ...rows.map((r) => halfWidth(r[i]!))));
    const sep = "+" + widths.map((w) => "-".repeat(w)).join("+") + "+\n";
    const line = (r: readonly string[]) => "|" + r.map((c, i) => (truncate > 0 ? padLeft(c, widths[i]!) : padRight(c, widths[i]!))).join("|") + "|\n";
    sb += sep + line(rows[0]!) + sep;
    for (const r of rows.slice(1)) sb += line(r);
    sb += sep;
  } else {
    const fieldNames = rows[0]!;
    const data = rows.slice(1);
    const nameW = Math.max(3, ...fieldNames.map(halfWidth));
    const dataW = Math.max(3, ...data.map((r) => Math.max(...r.map(halfWidth))));
    data.forEach((r, i) => {
      sb += padRight(`-RECORD ${i}`, nameW + dataW + 5, "-") + "\n";
      sb += r.map((c, j) => ` ${padRight(fieldNames[j]!, nameW)} | ${padRight(c, dataW)} `).join("\n") + "\n";
    });
    if (data.length === 0) sb += "(0 rows)";
  }
  // Spark 4 ends the footer without a newline (PySpark's print() adds one).
  if (hasMore) sb += `only showing top ${numRows} ${numRows === 1 ? "row" : "rows"}`;
  return sb;
}
