/**
 * known-failures.txt: golden and round-trip cases expected to fail until Pijar catches up,
 * one `case_id  # reason` per line (blank lines and `#` comments ignored). A listed case that
 * passes fails the suite, so the list can only shrink honestly.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const KNOWN_FAILURES_FILE = join(dirname(fileURLToPath(import.meta.url)), "known-failures.txt");

export function loadKnownFailures(file = KNOWN_FAILURES_FILE): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([^\s#]+)\s*(?:#\s*(.*))?$/.exec(line);
    if (m) out.set(m[1]!, m[2] ?? "");
  }
  return out;
}

/**
 * Rewrites the entries whose ids satisfy `owns` with `failures` (id -> reason), keeping
 * every other line and the existing reasons, so golden and round-trip runs can each
 * refresh their own part (GOLDEN_WRITE_KNOWN_FAILURES=1).
 */
export function rewriteKnownFailures(owns: (id: string) => boolean, failures: Map<string, string>, file = KNOWN_FAILURES_FILE): void {
  const old = loadKnownFailures(file);
  const merged = new Map<string, string>();
  for (const [id, why] of old) if (!owns(id)) merged.set(id, why);
  for (const [id, why] of failures) merged.set(id, old.get(id) || why);
  const header =
    "# Golden/round-trip cases expected to fail until Pijar catches up: `case_id  # reason`.\n" +
    "# A listed case that passes fails the suite: remove its line. Never list a case because the harness is wrong.\n";
  const lines = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, why]) => `${id}  # ${why}`);
  writeFileSync(file, header + lines.join("\n") + "\n");
}
