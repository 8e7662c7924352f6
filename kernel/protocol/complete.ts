/**
 * complete_request: TypeScript member/global completions from the language service, plus column
 * names of DataFrames in scope when the cursor is inside a string (F.col("un| -> unit_price).
 */
import type { CellChecker } from "../runtime/checker-client.js";
import { columnCompletions } from "../runtime/columns.js";

export async function complete(content: Record<string, unknown>, checker: CellChecker | null): Promise<Record<string, unknown>> {
  const code = String(content["code"] ?? "");
  const pos = Math.min(Number(content["cursor_pos"] ?? code.length), code.length);
  const cols = columnCompletions(code, pos);
  if (cols) {
    return { status: "ok", matches: cols.matches, cursor_start: cols.start, cursor_end: cols.end, metadata: {} };
  }
  const r = checker ? await checker.complete(code, pos) : null;
  if (!r) return { status: "ok", matches: [], cursor_start: pos, cursor_end: pos, metadata: {} };
  return {
    status: "ok",
    matches: r.matches,
    cursor_start: r.start,
    cursor_end: r.end,
    metadata: { _jupyter_types_experimental: r.types.map((t) => ({ ...t, start: r.start, end: r.end })) },
  };
}
