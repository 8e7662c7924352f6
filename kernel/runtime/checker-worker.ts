/**
 * Type checker thread: serves checker-service.ts to the main thread (checker-client.ts). Used
 * when no startup snapshot of the checker can be used (see checker-snapshot.ts), since building
 * the TypeScript program here takes seconds.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createCheckerService } from "./checker-service.js";

const { cwd, repoRoot } = workerData as { cwd: string; repoRoot: string };
const checker = createCheckerService(repoRoot);
checker.setNotebookDir(cwd);

parentPort!.on("message", (m: { id: number; op: string; args: unknown[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: checker.ops[m.op]!(...m.args) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: String((e as Error)?.stack ?? e) });
  }
});

// Warm up while the kernel starts: load the standard library and pijar's declarations, then run
// a few checks so V8 has compiled the checker's hot paths before the first cell arrives.
setTimeout(() => {
  try {
    checker.warmUp();
  } catch {
    // warm-up is best effort
  }
  parentPort!.postMessage({ id: 0, warm: true });
}, 0);
