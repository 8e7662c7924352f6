/**
 * Stops a cell before it fills the heap: V8 ends the process on heap exhaustion (all notebook
 * state lost), so the loop checkpoints of cell code (see transpile.ts) look at the heap and raise
 * MemoryError past a threshold, as Python kernels raise MemoryError and live. The precise check
 * costs about a microsecond, so it runs only while the wire thread reports memory pressure
 * (FLAG_MEMORY_PRESSURE); otherwise a checkpoint reads one shared integer. What the cell
 * allocated stays reachable from its variables; the message says how to free it.
 */
import v8 from "node:v8";
import vm from "node:vm";

/** A full garbage collection (garbage from freed values must not count as "full"). */
let collect: (() => void) | null = null;
function fullGc(): void {
  if (!collect) {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  collect();
}

/** Share of the heap limit at which the running cell is stopped. */
export const HEAP_STOP_FRACTION = 0.88;

export class MemoryError extends Error {
  constructor(used: number, limit: number) {
    const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
    super(
      `The kernel's memory is almost full (${mb(used)} of ${mb(limit)} used): the cell was stopped before it ` +
        `could crash the kernel. Free large values you no longer need (e.g. \`bigArray = null\`), work on a ` +
        `smaller sample (df.limit(...)), or restart the kernel.`,
    );
    this.name = "MemoryError";
  }
}

/** Throws MemoryError when the heap is nearly full (call only under memory pressure). */
export function checkHeap(): void {
  let h = v8.getHeapStatistics();
  if (h.used_heap_size <= h.heap_size_limit * HEAP_STOP_FRACTION) return;
  fullGc();
  h = v8.getHeapStatistics();
  if (h.used_heap_size > h.heap_size_limit * HEAP_STOP_FRACTION) throw new MemoryError(h.used_heap_size, h.heap_size_limit);
}
