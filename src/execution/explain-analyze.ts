/**
 * explain("analyze") text: the physical plan of the DataFrame's last action as it ran, each
 * line ending with what the operator produced and the time spent in it. A Pijar extension
 * (PySpark's modes are simple/extended/codegen/cost/formatted); the tree has the same numbered
 * shape as explain(), so the two read side by side.
 */
import { treeText } from "./explain.js";
import type { PlanProfile, ProfiledNode } from "./profile.js";

/** Milliseconds as a learner reads them: 0.042 ms, 3.17 ms, 41.2 ms, 1.25 s. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** The metrics of one node as `rows=…, batches=…, time=…`, or why there are none. */
export function metricsText(n: ProfiledNode): string {
  const m = n.metrics;
  if (!m) return "runs per outer value, not measured";
  if (m.executions === 0) return "not run";
  const runs = m.executions > 1 ? `, executed ${m.executions}x` : "";
  return `rows=${m.rows}, batches=${m.batches}, time=${formatMs(m.selfMs)}${runs}`;
}

function lineOf(n: ProfiledNode): string {
  const role = n.role ? `(${n.role}) ` : "";
  const breaker = n.pipelineBreaker ? "  (pipeline breaker)" : "";
  return `${role}${n.name}${n.detail ? " " + n.detail : ""}${breaker}  [${metricsText(n)}]`;
}

export function analyzedPlanText(p: PlanProfile): string {
  const when = p.startedAt.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  return (
    "== Physical Plan (analyzed) ==\n" +
    `Last action: ${p.action}, started ${when}, ${formatMs(p.wallMs)} in total\n` +
    (p.failure ? `It failed, so the counts show how far it got: ${p.failure}\n` : "") +
    treeText(p.root, (n) => n.children, lineOf) +
    "rows and batches: what each operator produced; time: spent in the operator itself, without its children.\n"
  );
}
