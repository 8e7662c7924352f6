/**
 * Job registry: every action (show, collect, count, write...) runs as a Job.
 *
 * Why a registry: the Jupyter kernel must be able to cancel a running query on interrupt and to
 * draw a progress bar for actions that run longer than a second, without the engine knowing
 * anything about Jupyter. The engine reports progress here; the kernel listens here.
 */
import { PijarError } from "../errors/pijar-error.js";
import type { TaskContext } from "../context/task-context.js";

/** Progress of one job as reported by the engine. */
export interface JobProgress {
  readonly jobId: number;
  /** What the user asked for, e.g. "show", "collect", "write.parquet". */
  readonly description: string;
  /** Input rows consumed so far by the job's scans. */
  rowsRead: number;
  /** Input bytes consumed so far by the job's file scans (0 when unknown). */
  bytesRead: number;
  /** Total input bytes when known (sum of file sizes), else null. */
  bytesTotal: number | null;
  /** Wall-clock start (Date.now()). */
  readonly startedAt: number;
}

/** Listener installed by a front end (the kernel) to draw progress. */
export interface ProgressListener {
  onJobStart(p: JobProgress): void;
  onJobProgress(p: JobProgress): void;
  onJobEnd(p: JobProgress, error: unknown | null): void;
}

export class Job implements TaskContext {
  readonly progress: JobProgress;
  private cancelled = false;

  constructor(id: number, description: string) {
    this.progress = { jobId: id, description, rowsRead: 0, bytesRead: 0, bytesTotal: null, startedAt: Date.now() };
  }

  /** Called by operators between batches: throws if the job was cancelled. */
  checkCancelled(): void {
    if (interruptFlag && Atomics.load(interruptFlag, 0) !== 0) this.cancelled = true;
    if (this.cancelled) {
      throw new PijarError("OPERATION_CANCELED", {}, { message: "The job was cancelled (interrupted by the user)." });
    }
  }

  cancel(): void {
    this.cancelled = true;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** Scans report consumed input here; listeners are told at most every 100 ms. */
  reportRead(rows: number, bytes: number): void {
    this.progress.rowsRead += rows;
    this.progress.bytesRead += bytes;
    const now = Date.now();
    if (now - this.lastNotified >= 100) {
      this.lastNotified = now;
      for (const l of listeners) safeCall(() => l.onJobProgress(this.progress));
    }
  }

  private lastNotified = 0;
}

const running = new Set<Job>();

/**
 * A flag in shared memory that another thread (the kernel's wire worker) sets on interrupt.
 * The engine's loops run without yielding to the event loop, so a message could not reach
 * them; a shared flag checked between batches can.
 */
let interruptFlag: Int32Array | null = null;

export function setInterruptFlag(flag: Int32Array | null): void {
  interruptFlag = flag;
}
const listeners = new Set<ProgressListener>();
let nextJobId = 1;

function safeCall(f: () => void): void {
  try {
    f();
  } catch {
    // A broken listener (e.g. a closed kernel socket) must never fail the user's query.
  }
}

/** Runs `body` as a job: registered for cancellation and progress, unregistered at the end. */
export async function runJob<T>(description: string, body: (job: Job) => Promise<T>): Promise<T> {
  const job = new Job(nextJobId++, description);
  running.add(job);
  for (const l of listeners) safeCall(() => l.onJobStart(job.progress));
  let error: unknown | null = null;
  try {
    return await body(job);
  } catch (e) {
    error = e;
    throw e;
  } finally {
    running.delete(job);
    for (const l of listeners) safeCall(() => l.onJobEnd(job.progress, error));
  }
}

/** Cancels every running job (the kernel calls this on interrupt). Returns how many. */
export function cancelAllJobs(): number {
  for (const j of running) j.cancel();
  return running.size;
}

/** Number of jobs still running (tests use it to check an interrupt left no work behind). */
export function runningJobCount(): number {
  return running.size;
}

export function addProgressListener(l: ProgressListener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
