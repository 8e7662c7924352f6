/**
 * `F.when?` / `?F.when` / `F.when??` in a cell: help on a name, as IPython's `?`. The answer
 * goes back as a "page" payload of the execute_reply (JupyterLab shows it below the cell, other
 * front ends in their pager), not as a cell output, exactly as ipykernel does it.
 */
import type { CellChecker } from "../runtime/checker-client.js";

/** The dotted name a help cell asks about, or null when the cell is ordinary code. */
export function helpTarget(code: string): string | null {
  const m = /^\s*(?:\?{1,2}\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)|([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\?{1,2})\s*$/.exec(code);
  if (!m) return null;
  return (m[1] ?? m[2]!).replace(/\s+/g, "");
}

/** The page payload for `name`, or null when the type checker knows no such name. */
export async function helpPayload(name: string, checker: CellChecker | null): Promise<Record<string, unknown> | null> {
  const text = checker ? await checker.inspect(name, name.length) : null;
  // The checker answers a bare "any" for a name it does not know (a known name reads "const x: any").
  if (!text || text.trim() === "any") return null;
  const cut = text.indexOf("\n\n");
  const signature = cut < 0 ? text : text.slice(0, cut);
  const docs = cut < 0 ? "" : text.slice(cut + 2);
  return {
    source: "page",
    data: {
      "text/plain": text,
      "text/markdown": "```ts\n" + signature + "\n```" + (docs ? "\n\n" + docs : ""),
    },
    start: 0,
  };
}
