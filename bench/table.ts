/**
 * Formats the results of one size and input format as a plain-text table (also valid Markdown,
 * so figures can be pasted into README.md as printed).
 */
import type { ResultFingerprint } from "./check.js";
import type { Measurement } from "./spawn.js";

/** One engine's run as stored in results.json. */
export interface EngineResult extends Measurement {
  engine: string;
  size: string;
  format: string;
  fingerprint?: ResultFingerprint;
  /** 1-minute load average of the machine just before the run. */
  loadBefore?: number;
  /** "same" when the output matches the reference engine, else what differs. */
  matches?: string;
}

function ratio(x: EngineResult, base: EngineResult | undefined): string {
  if (x.status !== "ok" || !base || base.status !== "ok") return "-";
  return `${(x.wallSeconds / base.wallSeconds).toFixed(2)}x`;
}

/** Markdown table: engine, wall s, inner s, cpu s, peak MB, load before, ratio vs DuckDB and Pijar, result check. */
export function formatTable(rows: EngineResult[]): string {
  const duck = rows.find((r) => r.engine === "duckdb");
  const pijar = rows.find((r) => r.engine === "pijar");
  const header = ["engine", "status", "wall s", "inner s", "cpu s", "peak MB", "load", "vs DuckDB", "vs Pijar", "result"];
  const body = rows.map((r) => [
    r.engine,
    r.status,
    r.status === "ok" ? r.wallSeconds.toFixed(2) : "-",
    r.innerSeconds !== undefined ? r.innerSeconds.toFixed(2) : "-",
    r.cpuSeconds !== undefined ? r.cpuSeconds.toFixed(2) : "-",
    r.peakMB.toFixed(0),
    r.loadBefore !== undefined ? r.loadBefore.toFixed(1) : "-",
    ratio(r, duck),
    ratio(r, pijar),
    r.matches ?? (r.note ? r.note.slice(0, 80) : "-"),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}
