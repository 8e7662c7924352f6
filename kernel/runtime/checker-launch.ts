/**
 * Starts the type checker: from its startup snapshot when the build made one for this Node
 * (a process that is warm in about a second), otherwise in a worker thread that builds the
 * TypeScript program itself (5-7 s). A snapshot process that fails to start hands over to the
 * worker thread; a missing or stale snapshot is rebuilt in the background for the next kernel.
 */
import { Worker } from "node:worker_threads";
import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import path from "node:path";
import { CheckerClient, type CheckerChannel, type CheckerReply } from "./checker-client.js";
import { snapshotState, usableSnapshot } from "./checker-snapshot-meta.js";
import { onJsonLines } from "./json-lines.js";

function workerChannel(workerUrl: URL, cwd: string, repoRoot: string): CheckerChannel {
  const worker = new Worker(workerUrl, { workerData: { cwd, repoRoot } });
  worker.unref();
  return {
    send: (m) => worker.postMessage(m),
    listen: (onReply, failed) => {
      worker.on("message", onReply);
      worker.on("error", failed);
    },
    close: () => void worker.terminate(),
  };
}

function processChannel(blob: string, cwd: string, repoRoot: string): CheckerChannel {
  const child = spawn(process.execPath, ["--snapshot-blob", blob], { cwd, stdio: ["pipe", "pipe", "inherit"] });
  // Neither the process nor its pipes keep the kernel alive; the child exits when stdin closes.
  child.unref();
  (child.stdin as unknown as { unref?(): void }).unref?.();
  (child.stdout as unknown as { unref?(): void }).unref?.();
  let failed: (e: Error) => void = () => undefined;
  child.stdin.on("error", (e) => failed(e));
  return {
    send: (m) => child.stdin.write(JSON.stringify(m) + "\n"),
    listen: (onReply, onFailed) => {
      failed = onFailed;
      onJsonLines(child.stdout, (message) => {
        const m = message as CheckerReply & { stale?: boolean };
        if (m.stale) rebuildInBackground(repoRoot);
        onReply(m);
      });
      child.on("error", onFailed);
      child.on("exit", (code, signal) => onFailed(new Error(`the checker process exited (${signal ?? code})`)));
    },
    close: () => {
      child.kill();
    },
  };
}

/** Builds the snapshot for the next kernel, at low priority (it takes ~20 s of one core). */
function rebuildInBackground(repoRoot: string): void {
  const cli = path.join(repoRoot, "dist", "kernel", "cli.js");
  const child = spawn(process.execPath, [cli, "snapshot"], { detached: true, stdio: "ignore" });
  child.on("error", () => undefined);
  try {
    if (child.pid) setPriority(child.pid, 19);
  } catch {
    // priority is a courtesy
  }
  child.unref();
}

export function startChecker(cwd: string, repoRoot: string): CheckerClient {
  const workerUrl = new URL("./checker-worker.js", import.meta.url);
  const blob = process.env["PIJAR_NO_SNAPSHOT"] ? null : usableSnapshot(repoRoot);
  if (!blob) {
    const client = new CheckerClient(workerChannel(workerUrl, cwd, repoRoot));
    // Only once the worker is warm: the rebuild must not slow down this kernel's start.
    if (!process.env["PIJAR_NO_SNAPSHOT"] && snapshotState(repoRoot) === "missing") void client.whenWarm().then(() => rebuildInBackground(repoRoot));
    return client;
  }
  return new CheckerClient(processChannel(blob, cwd, repoRoot), () => workerChannel(workerUrl, cwd, repoRoot));
}
