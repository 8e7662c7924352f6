/**
 * Runs one engine once in a child process with a timeout, measuring wall time and peak RSS.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { watchTreeMemory } from "./procmem.js";
import { RESULT_PREFIX, type RunnerReport } from "./workload.js";

/** Outcome of one engine run, before its output is checked. */
export interface Measurement {
  status: "ok" | "unavailable" | "error" | "timeout";
  wallSeconds: number;
  innerSeconds?: number;
  /** User + system CPU seconds of the whole process tree. */
  cpuSeconds?: number;
  peakMB: number;
  note?: string;
}

/**
 * Starts `command` under `/usr/bin/time` (exact max RSS of the largest process) while polling the
 * whole tree's summed RSS (catches driver + JVM); the peak reported is the larger of the two.
 */
export async function measure(command: string[], timeoutSeconds: number): Promise<Measurement> {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}`);
  const useTime = existsTime();
  const argv = useTime ? ["/usr/bin/time", "-f", "%M %U %S", "-o", timeFile, ...command] : command;
  const t0 = performance.now();
  // detached: the child leads its own process group, so a timeout can end the whole tree.
  const child = spawn(argv[0]!, argv.slice(1), {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TZ: "UTC" },
  });
  const watch = watchTreeMemory(child.pid!);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, timeoutSeconds * 1000);
  const code: number | null = await new Promise((resolve) => child.on("close", (c) => resolve(c)));
  clearTimeout(timer);
  const wallSeconds = (performance.now() - t0) / 1000;
  const watched = watch.stop();
  let peak = watched.peakBytes;
  let cpuSeconds = watched.cpuSeconds;
  if (useTime) {
    try {
      // Last line (earlier ones are time's own warnings): max RSS KB, user s, system s.
      const [kb, user, sys] = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
      if (Number.isFinite(kb)) peak = Math.max(peak, kb! * 1024);
      if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = Math.max(cpuSeconds, user! + sys!);
    } catch {
      // time writes nothing when its child is killed.
    }
    rmSync(timeFile, { force: true });
  }
  const peakMB = peak / (1024 * 1024);
  if (timedOut) return { status: "timeout", wallSeconds, cpuSeconds, peakMB, note: `killed after ${timeoutSeconds} s` };
  const line = stdout.split("\n").reverse().find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) {
    return { status: "error", wallSeconds, cpuSeconds, peakMB, note: `exit code ${code}, no result line; stderr: ${lastLines(stderr)}` };
  }
  const r = JSON.parse(line.slice(RESULT_PREFIX.length)) as RunnerReport;
  const note = r.status === "error" && stderr ? `${r.note ?? ""} | ${lastLines(stderr)}` : r.note;
  return { status: r.status, wallSeconds, innerSeconds: r.innerSeconds, cpuSeconds, peakMB, note };
}

function lastLines(s: string): string {
  return s.trim().split("\n").slice(-5).join(" / ").slice(-1000);
}

function existsTime(): boolean {
  return existsSync("/usr/bin/time");
}
