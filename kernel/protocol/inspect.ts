/** inspect_request (Shift+Tab): signature and doc comment of the name under the cursor. */
import type { CellChecker } from "../runtime/checker-client.js";

export async function inspectRequest(content: Record<string, unknown>, checker: CellChecker | null): Promise<Record<string, unknown>> {
  const code = String(content["code"] ?? "");
  const pos = Math.min(Number(content["cursor_pos"] ?? code.length), code.length);
  const text = checker ? await checker.inspect(code, pos) : null;
  if (!text) return { status: "ok", found: false, data: {}, metadata: {} };
  // The checker returns the signature, then the doc comment and tags after a blank line.
  const cut = text.indexOf("\n\n");
  const signature = cut < 0 ? text : text.slice(0, cut);
  const docs = cut < 0 ? "" : text.slice(cut + 2);
  const markdown = "```ts\n" + signature + "\n```" + (docs ? "\n\n" + docs : "");
  return { status: "ok", found: true, data: { "text/plain": text, "text/markdown": markdown }, metadata: {} };
}
