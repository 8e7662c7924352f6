/**
 * Progress display for Pijar actions that run longer than a second: one display_data with a
 * display_id, updated in place (update_display_data) and finalized with a summary line.
 */
import type { Output } from "./output.js";

export interface JobProgressLike {
  jobId: number;
  description: string;
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number | null;
  startedAt: number;
}

/** PIJAR_PROGRESS_AFTER_MS moves the threshold (0 shows every action's progress: the tests use it). */
const SHOW_AFTER_MS = showAfterMs(process.env["PIJAR_PROGRESS_AFTER_MS"]);

function showAfterMs(env: string | undefined): number {
  const n = env === undefined || env === "" ? NaN : Number(env);
  return Number.isFinite(n) && n >= 0 ? n : 1000;
}
const UPDATE_EVERY_MS = 250;

function fmtBytes(n: number): string {
  const u = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1024 && i < u.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(i ? 1 : 0)} ${u[i]}`;
}

/** The text and HTML of one progress state. */
export function progressBundle(p: JobProgressLike, done: boolean, error: unknown = null): Record<string, string> {
  const secs = ((Date.now() - p.startedAt) / 1000).toFixed(1);
  const rows = p.rowsRead.toLocaleString("en-US");
  const frac = p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : null;
  const what = `${p.description}: ${rows} rows read` + (p.bytesRead ? `, ${fmtBytes(p.bytesRead)}` : "") +
    (frac !== null && !done ? ` (${Math.round(frac * 100)}%)` : "");
  const state = done ? (error ? "failed" : "done") : "running";
  const text = `[${state}] ${what} in ${secs} s`;
  const pct = done ? 100 : frac !== null ? Math.round(frac * 100) : null;
  const bar = pct === null ? `<progress style="width:200px"></progress>` : `<progress value="${pct}" max="100" style="width:200px"></progress>`;
  const html = `<div class="pijar-progress" style="font-family:monospace;font-size:12px">${bar} ${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</div>`;
  return { "text/plain": text, "text/html": html };
}

/** Listener for src/execution/jobs.ts. */
export function progressListener(output: Output) {
  const shown = new Map<number, { displayId: string; last: number; timer: NodeJS.Timeout | null }>();
  const send = (type: "display_data" | "update_display_data", p: JobProgressLike, done: boolean, err: unknown = null) => {
    const s = shown.get(p.jobId)!;
    output.iopub(type, { data: progressBundle(p, done, err), metadata: {}, transient: { display_id: s.displayId } });
  };
  return {
    onJobStart(p: JobProgressLike): void {
      const entry = { displayId: `pijar-progress-${process.pid}-${p.jobId}-${Date.now()}`, last: 0, timer: null as NodeJS.Timeout | null };
      shown.set(p.jobId, entry);
      entry.timer = setTimeout(() => {
        entry.timer = null;
        entry.last = Date.now();
        send("display_data", p, false);
      }, SHOW_AFTER_MS);
      entry.timer.unref();
    },
    onJobProgress(p: JobProgressLike): void {
      const s = shown.get(p.jobId);
      if (!s) return;
      // A query that keeps the event loop busy never lets the timer fire: show it from here.
      if (s.timer && Date.now() - p.startedAt >= SHOW_AFTER_MS) {
        clearTimeout(s.timer);
        s.timer = null;
        s.last = Date.now();
        send("display_data", p, false);
        return;
      }
      if (s.timer || s.last === 0 || Date.now() - s.last < UPDATE_EVERY_MS) return;
      s.last = Date.now();
      send("update_display_data", p, false);
    },
    onJobEnd(p: JobProgressLike, error: unknown): void {
      const s = shown.get(p.jobId);
      if (!s) return;
      if (s.timer) clearTimeout(s.timer);
      else send("update_display_data", p, true, error);
      shown.delete(p.jobId);
    },
  };
}
