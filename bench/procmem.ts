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

/** Pids of `root` and all its descendants right now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The command name may hold spaces and parens; the ppid is the 2nd field after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
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
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Handle returned by watchTreeMemory. */
export interface MemoryWatch {
  /** Stops polling and returns the highest summed RSS seen, in bytes. */
  stop(): number;
}

/** Polls the summed RSS of `root`'s process tree every `intervalMs` and keeps the peak. */
export function watchTreeMemory(root: number, intervalMs = 50): MemoryWatch {
  let peak = 0;
  const sample = (): void => {
    const total = processTree(root).reduce((sum, pid) => sum + rssBytes(pid), 0);
    if (total > peak) peak = total;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
