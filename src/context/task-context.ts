/**
 * What a running task offers the code that reads and computes for it: a cancel check between
 * batches and a place to report progress. The execution layer's Job implements it; readers and
 * operators see only this, so they never import the layer that runs them.
 */
export interface TaskContext {
  /** Throws OPERATION_CANCELED once the task was cancelled (checked between batches). */
  checkCancelled(): void;
  /** Input consumed since the last report, for the progress bar. */
  reportRead(rows: number, bytes: number): void;
  /** Total input bytes when a source knows them (a scan fills this in once). */
  readonly progress: { bytesTotal: number | null };
}
