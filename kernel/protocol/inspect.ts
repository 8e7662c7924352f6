/** inspect_request (Shift+Tab): signature and doc comment of the name under the cursor. */
import type { CellChecker } from "../runtime/checker-client.js";

export async function inspectRequest(content: Record<string, unknown>, checker: CellChecker | null): Promise<Record<string, unknown>> {
  const code = String(content["code"] ?? "");
  const pos = Math.min(Number(content["cursor_pos"] ?? code.length), code.length);
  const text = checker ? await checker.inspect(code, pos) : null;
  if (!text) return { status: "ok", found: false, data: {}, metadata: {} };
  return { status: "ok", found: true, data: { "text/plain": text, "text/markdown": "```ts\n" + text + "\n```" }, metadata: {} };
}
