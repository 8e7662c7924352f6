/**
 * Peak memory of a process tree, by polling /proc. Needed because PySpark's JVM is a child of the
 * Python driver: `/usr/bin/time` only reports the largest single process, not the tree's sum.
 */
import { readdirSync, readFileSync } from "node:fs";

const PAGE = 4096;

/** Resident bytes of one process, or 0 if it is gone. */
function rssBytes(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, "utf8");
    return Number(statm.split(" ")[1]) * PAGE;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) per pid, seen while listing /proc; see processTree. */
const CLOCK_TICKS = 100;

/** Pids of `root` and all its descendants right now; fills `cpu` with each one's CPU seconds. */
export function processTree(root: number, cpu?: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  const seconds = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The command name may hold spaces and parens; the ppid is the 2nd field after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      // utime and stime (fields 14 and 15 of /proc/PID/stat), in clock ticks.
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we listed /proc.
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    if (cpu) cpu.set(pid, seconds.get(pid) ?? cpu.get(pid) ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Handle returned by watchTreeMemory. */
export interface MemoryWatch {
  /**
   * Stops polling; returns the highest summed RSS seen (bytes) and the tree's CPU seconds (each
   * process's last sample, so a process's final < intervalMs may be missed).
   */
  stop(): { peakBytes: number; cpuSeconds: number };
}

/** Polls the summed RSS (and CPU time) of `root`'s process tree every `intervalMs` and keeps the peak. */
export function watchTreeMemory(root: number, intervalMs = 50): MemoryWatch {
  let peak = 0;
  // CPU time is far less disturbed than wall time by other work on a shared machine.
  const cpu = new Map<number, number>();
  const sample = (): void => {
    const total = processTree(root, cpu).reduce((sum, pid) => sum + rssBytes(pid), 0);
    if (total > peak) peak = total;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      let cpuSeconds = 0;
      for (const v of cpu.values()) cpuSeconds += v;
      return { peakBytes: peak, cpuSeconds };
    },
  };
}
