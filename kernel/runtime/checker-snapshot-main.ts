/**
 * The checker as a process started from a V8 startup snapshot (built by checker-snapshot.ts).
 * While the snapshot is built, TypeScript loads, the notebook's program (standard library,
 * @types/node, pijar's declarations: ~4 MB) is parsed and bound and a few cells are checked; the
 * heap is then saved, so a kernel's checker starts with all of that done in about a second
 * instead of building it for 5-7 s. Requests arrive as JSON lines on stdin, answers leave on
 * stdout (the same messages checker-worker.ts exchanges with the main thread).
 */
import v8 from "node:v8";
import { createCheckerService, type CheckerService } from "./checker-service.js";
import { onJsonLines } from "./json-lines.js";

/** CPU milliseconds since the process started, for PIJAR_DEBUG timings. */
function cpuMs(): string {
  const u = process.cpuUsage();
  return ((u.user + u.system) / 1000).toFixed(0);
}
const debug = (what: string) => {
  if (process.env["PIJAR_DEBUG"]) process.stderr.write(`pijar checker (snapshot): ${what} at ${cpuMs()} ms CPU, ${process.uptime().toFixed(2)} s\n`);
};

function serve(checker: CheckerService): void {
  const send = (m: unknown) => process.stdout.write(JSON.stringify(m) + "\n");
  onJsonLines(process.stdin, (message) => {
    const m = message as { id: number; op: string; args: unknown[] };
    const cpu = process.env["PIJAR_DEBUG"] ? process.cpuUsage() : null;
    const t = performance.now();
    try {
      send({ id: m.id, result: checker.ops[m.op]!(...m.args) ?? null });
    } catch (e) {
      send({ id: m.id, error: String((e as Error)?.stack ?? e) });
    }
    if (cpu) {
      const u = process.cpuUsage(cpu);
      debug(`${m.op} took ${(performance.now() - t).toFixed(1)} ms (${((u.user + u.system) / 1000).toFixed(1)} ms CPU)`);
    }
  });
  // The kernel is gone (it exited or was killed): so is its checker.
  process.stdin.on("end", () => process.exit(0));
}

/** Called by the snapshot's entry script while the snapshot is being built. */
export function prepareSnapshot(repoRoot: string): void {
  const checker = createCheckerService(repoRoot);
  checker.warmUp({ completion: false });
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // Jupyter's signal-mode interrupt goes to the kernel's whole process group: it is meant for
    // the cell, never for the checker.
    process.on("SIGINT", () => undefined);
    debug("started");
    const changed = checker.refreshDiskFiles();
    checker.setNotebookDir(process.cwd());
    serve(checker);
    debug(`${changed} files changed since the build`);
    // The heap came warm, the machine code did not: a few checks compile the hot paths. Files
    // that changed since the build are parsed again here.
    try {
      checker.warmUp();
    } catch {
      // warm-up is best effort
    }
    debug("warm");
    // stale: declarations changed since the build, so the kernel has the snapshot rebuilt.
    process.stdout.write(JSON.stringify({ id: 0, warm: true, stale: changed > 0 }) + "\n");
  });
}
