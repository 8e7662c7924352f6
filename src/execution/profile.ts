/**
 * Per-operator metrics of one run (what `explain("analyze")` and `planDiagram()` show): rows and
 * batches each operator produced and the time spent inside it, without its children's time.
 *
 * Why wrap each operator's `execute` on its instance instead of changing the operators: a
 * parent pulls its child with `child.execute(ctx)`, so an own `execute` property on the child
 * sees every pull without any operator knowing it is measured, and an operator added later is
 * measured too. Physical plans are planned afresh for every action, so the wrapping lives and
 * dies with one run. The cost is two `performance.now()` calls and two additions per batch per
 * operator (batches hold up to 65,536 rows).
 *
 * Own time = time inside the operator's pulls minus the time inside its children's pulls. This
 * holds because an operator pulls its children only while it is itself being pulled (every
 * operator is an async generator and none pulls ahead concurrently).
 */
import type { Batch } from "../columnar/batch.js";
import type { ExecContext, PhysicalOperator } from "../physical/operator.js";
import type { LogicalPlan } from "../plan/logical/plan.js";
import { explainChildren, logicalLine } from "./explain.js";

/** What one operator did during a run. */
export interface OperatorMetrics {
  /** Rows it produced (summed over every time it was executed). */
  rows: number;
  /** Non-empty batches it produced. */
  batches: number;
  /** Milliseconds inside its own pulls, its children's included. */
  totalMs: number;
  /** How many times a parent executed it (0: never ran, e.g. under a cache already filled). */
  executions: number;
}

/** One node of a profiled plan, ready to print or draw. */
export interface ProfiledNode {
  readonly name: string;
  /** The operator's describe() text, taken before the run (what was planned and ran). */
  readonly detail: string;
  readonly pipelineBreaker: boolean;
  /** How its parent uses it, e.g. "build" or "probe" for a join's sides. */
  readonly role?: string;
  /** Absent for a subquery shown as its logical plan (run per outer value, not measured). */
  readonly metrics?: Readonly<OperatorMetrics> & { readonly selfMs: number };
  readonly children: readonly ProfiledNode[];
}

/** The profile of one action: which action, when, how long, and the measured tree. */
export interface PlanProfile {
  readonly action: string;
  readonly startedAt: Date;
  /** Wall time of the run, from the first pull (after planning) to the last batch consumed. */
  wallMs: number;
  /** The error's first line when the action failed: the metrics then show how far it got. */
  readonly failure?: string;
  readonly root: ProfiledNode;
}

/** Measures `root`'s tree while it runs; `finish()` gives the profile once the run is over. */
export interface Profiler {
  finish(error?: unknown): PlanProfile;
}

export function profileOperators(root: PhysicalOperator, action: string): Profiler {
  const startedAt = new Date();
  const t0 = performance.now();
  const metrics = new Map<PhysicalOperator, OperatorMetrics>();
  // describe() is read now: an operator may describe itself differently after running
  // (a cache says "cached" once filled), and the profile shows what was planned.
  const details = new Map<PhysicalOperator, string>();
  const seen = new Set<PhysicalOperator>();
  const instrument = (op: PhysicalOperator): void => {
    if (seen.has(op)) return;
    seen.add(op);
    details.set(op, op.describe());
    const m: OperatorMetrics = { rows: 0, batches: 0, totalMs: 0, executions: 0 };
    metrics.set(op, m);
    const original = op.execute;
    Object.defineProperty(op, "execute", {
      configurable: true,
      writable: true,
      value: (ctx: ExecContext) => measured(original.call(op, ctx), m),
    });
    op.children.forEach(instrument);
  };
  instrument(root);

  const build = (op: PhysicalOperator, role?: string): ProfiledNode => {
    const m = metrics.get(op)!;
    const childMs = op.children.reduce((s, c) => s + metrics.get(c)!.totalMs, 0);
    const roles = op.childRoles;
    const children: ProfiledNode[] = op.children.map((c, i) => build(c, roles?.[i]));
    const sub = op.subqueryPlan;
    if (sub) children.push(logicalNode(sub, "subquery"));
    return {
      name: op.name,
      detail: details.get(op)!,
      pipelineBreaker: op.pipelineBreaker,
      ...(role ? { role } : {}),
      metrics: { ...m, selfMs: Math.max(0, m.totalMs - childMs) },
      children,
    };
  };
  return {
    finish: (error?: unknown) => ({
      action,
      startedAt,
      wallMs: performance.now() - t0,
      ...(error === undefined ? {} : { failure: (error instanceof Error ? error.message : String(error)).split("\n")[0]! }),
      root: build(root),
    }),
  };
}

/** Counts and times one execution's stream, passing every batch on unchanged. */
async function* measured(inner: AsyncGenerator<Batch>, m: OperatorMetrics): AsyncGenerator<Batch> {
  m.executions++;
  try {
    for (;;) {
      const start = performance.now();
      let r: IteratorResult<Batch>;
      try {
        r = await inner.next();
      } finally {
        m.totalMs += performance.now() - start;
      }
      if (r.done) return;
      if (r.value.numRows > 0) {
        m.rows += r.value.numRows;
        m.batches++;
      }
      yield r.value;
    }
  } finally {
    // A parent that stops early (a limit) closes this stream; the operator must close too,
    // so its own children stop reading.
    const start = performance.now();
    await inner.return(undefined);
    m.totalMs += performance.now() - start;
  }
}

function logicalNode(p: LogicalPlan, role?: string): ProfiledNode {
  return {
    name: logicalLine(p),
    detail: "",
    pipelineBreaker: false,
    ...(role ? { role } : {}),
    children: explainChildren(p).map((c) => logicalNode(c)),
  };
}
