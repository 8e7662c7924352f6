/**
 * Column-name completion inside strings: `F.col("un|`, `df.select("a", "b|`, `df["x|`.
 *
 * Columns come from live values (`df.columns` is synchronous): the receiver when it is a plain
 * identifier chain bound to a DataFrame, else every DataFrame held in a global. Only property
 * reads happen here, never calls, so completion cannot run user code.
 */

function looksLikeDataFrame(v: unknown): v is { columns: string[] } {
  if (typeof v !== "object" || v === null) return false;
  try {
    const cols = (v as { columns?: unknown }).columns;
    return Array.isArray(cols) && cols.every((c) => typeof c === "string") && typeof (v as any).select === "function";
  } catch {
    return false;
  }
}

/** Reads `a.b.c` from globals without calling anything (getters aside). */
function lookup(chain: string): unknown {
  let v: unknown = globalThis;
  for (const part of chain.split(".")) {
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return undefined;
    const desc = Object.getOwnPropertyDescriptor(v, part);
    v = desc && "value" in desc ? desc.value : undefined;
  }
  return v;
}

function allDataFrameColumns(): string[] {
  const out = new Set<string>();
  for (const key of Object.keys(globalThis)) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, key);
    if (desc && "value" in desc && looksLikeDataFrame(desc.value)) for (const c of desc.value.columns) out.add(c);
  }
  return [...out];
}

export function columnCompletions(code: string, pos: number): { matches: string[]; start: number; end: number } | null {
  const before = code.slice(0, pos);
  const m = /(["'`])([^"'`\\\n]*)$/.exec(before);
  if (!m) return null;
  const quoteAt = before.length - m[0].length;
  // Must be an argument or index: the quote follows "(", "," or "[".
  const lead = before.slice(0, quoteAt).replace(/\s+$/, "");
  if (!/[(,[]$/.exec(lead)) return null;
  // Odd quote counts only: make sure we are inside a string, not just after one.
  const quotes = before.slice(0, quoteAt).split(m[1]!).length - 1;
  if (quotes % 2 !== 0) return null;
  const receiver = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?:\.\s*[A-Za-z_$][\w$]*\s*\(|\[)[^()]*$/.exec(lead);
  let columns: string[] = [];
  if (receiver) {
    const v = lookup(receiver[1]!);
    if (looksLikeDataFrame(v)) columns = v.columns;
  }
  if (!columns.length) columns = allDataFrameColumns();
  if (!columns.length) return null;
  const prefix = m[2]!.toLowerCase();
  const matches = columns.filter((c) => c.toLowerCase().startsWith(prefix));
  if (!matches.length) return null;
  return { matches, start: quoteAt + 1, end: pos };
}
