/**
 * The commit record that makes a multi-step write commit recoverable.
 *
 * An overwrite (rename the old data away, rename the staged folder into place, delete the old
 * data) or an append (move each staged part file into the target) takes several file-system
 * steps, and a process can be killed between any two. So before the first step the writer
 * records what it is about to do in `.<name>.pijar-commit` beside the target, written to a
 * temporary name and then linked into place (one atomic step, which also fails if another
 * commit is in flight). From that moment the write is committed: whoever touches the target
 * next (a reader, or another writer) first finishes the recorded steps ("rolls forward"), and
 * the record is removed when they are done. Every step can be repeated, so a kill during
 * recovery is recovered again. Readers therefore see the old data or the new data, never a mix
 * and never nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { randomUUID } from "node:crypto";

export interface CommitRecord {
  readonly kind: "replace" | "append";
  /** Absolute paths. */
  readonly target: string;
  readonly staging: string;
  /** Where a replace moves the old data (file or folder) before deleting it. */
  readonly old: string | null;
}

export function commitRecordPath(target: string): string {
  const abs = path.resolve(target);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.pijar-commit`);
}

const pauseCounts = new Map<string, number>();

/**
 * Test hook for the fault tests: `PIJAR_TEST_PAUSE_AT=<step>` (or `<step>#<n>`, the n-th time)
 * blocks the process at that step so the test can kill -9 it there. Unset: one env lookup.
 */
export function pausePoint(step: string): void {
  const want = process.env["PIJAR_TEST_PAUSE_AT"];
  if (!want) return;
  const n = (pauseCounts.get(step) ?? 0) + 1;
  pauseCounts.set(step, n);
  if (!want.split(",").some((w) => w === step || w === `${step}#${n}`)) return;
  process.stderr.write(`PIJAR-PAUSED ${step}\n`);
  // Block this thread until the test kills the process (kill -9).
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

/** Writes the record atomically; returns false if another commit's record is present. */
export function writeCommitRecord(rec: CommitRecord): boolean {
  const file = commitRecordPath(rec.target);
  const tmp = `${file}.tmp-${randomUUID()}`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(rec));
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

const ignoreMissing = (f: () => void) => {
  try {
    f();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw e;
  }
};

/** Finishes the steps of a committed record (each step may already be done). */
export function rollForward(rec: CommitRecord): void {
  if (rec.kind === "replace") {
    if (fs.existsSync(rec.staging)) {
      if (rec.old && fs.existsSync(rec.target) && !fs.existsSync(rec.old)) {
        pausePoint("replace-before-move-old");
        ignoreMissing(() => fs.renameSync(rec.target, rec.old!));
      }
      pausePoint("replace-between-renames");
      ignoreMissing(() => fs.renameSync(rec.staging, rec.target));
    }
    pausePoint("replace-before-delete-old");
    if (rec.old) fs.rmSync(rec.old, { recursive: true, force: true });
  } else {
    if (fs.existsSync(rec.staging)) moveInto(rec.staging, rec.target);
    fs.rmSync(rec.staging, { recursive: true, force: true });
  }
  pausePoint("before-remove-record");
  fs.rmSync(commitRecordPath(rec.target), { force: true });
}

/** Moves every file of `from` (recursively) into the same relative place under `to`. */
function moveInto(from: string, to: string): void {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      moveInto(src, dst);
    } else {
      pausePoint("append-between-moves");
      ignoreMissing(() => fs.renameSync(src, dst));
    }
  }
}

/**
 * Finishes any interrupted commit of `p` or of a folder above it (a reader of
 * `out/sales/year=2024` needs the commit of `out/sales` done too). Cheap when there is none:
 * one existence check per path level.
 */
export function recoverCommits(p: string): void {
  let cur = path.resolve(p);
  for (;;) {
    const rec = commitRecordPath(cur);
    if (fs.existsSync(rec)) {
      let parsed: CommitRecord | null = null;
      try {
        parsed = JSON.parse(fs.readFileSync(rec, "utf8")) as CommitRecord;
      } catch {
        parsed = null; // removed meanwhile by the writer finishing its own commit
      }
      if (parsed) rollForward(parsed);
    }
    const up = path.dirname(cur);
    if (up === cur) return;
    cur = up;
  }
}

/** Finishes interrupted commits of any entry of folder `dir` (for glob reads). */
export function recoverCommitsIn(dir: string): void {
  recoverCommits(dir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^\.(.+)\.pijar-commit$/.exec(n);
    if (m) recoverCommits(path.join(dir, m[1]!));
  }
}
