/**
 * The write commit protocol: a write never leaves the target half-written.
 *
 * Part files are written into a hidden staging folder beside the target
 * (`.<name>.pijar-staging-<uuid>`; hidden, so readers skip it). Only when every file is
 * complete is the result committed:
 * - new target: the staging folder is renamed into place (one atomic step);
 * - overwrite: a commit record is written (the commit point), then the old data (folder or
 *   file) is renamed away (`.<name>.pijar-old-<uuid>`), the staging folder renamed into place
 *   and the old data deleted;
 * - append (also partitionBy): a commit record, then each new part file (a fresh uuid in its
 *   name) is moved into the target.
 * A kill after the commit record is finished by the next reader or writer of the path (see
 * commit-log.ts); a failure or kill before it leaves the old data untouched, and a leftover
 * staging folder is ignored by readers.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { randomUUID } from "node:crypto";
import { PijarError } from "../../errors/pijar-error.js";
import { fileUri } from "../files.js";
import { pausePoint, recoverCommits, rollForward, writeCommitRecord, type CommitRecord } from "../commit-log.js";
import { destinationExists, writeFailure } from "./write-errors.js";

export type SaveMode = "append" | "overwrite" | "ignore" | "error";

const MODES: Record<string, SaveMode> = {
  append: "append", overwrite: "overwrite", ignore: "ignore", error: "error", errorifexists: "error", default: "error",
};

/** Parses a DataFrameWriter mode name (case-insensitive), as Spark's SaveMode. */
export function parseSaveMode(mode: string): SaveMode {
  const m = MODES[mode.toLowerCase()];
  if (!m) {
    throw new PijarError("INVALID_SAVE_MODE", { mode }, {
      message: `The specified save mode "${mode}" is invalid. Valid save modes include "append", "overwrite", "ignore", "error", "errorifexists", and "default".`,
    });
  }
  return m;
}

/** Test hook: called after each part file is finished (tests throw here to simulate a crash). */
export let afterPartFileHook: ((file: string) => void) | null = null;
export function setAfterPartFileHook(h: ((file: string) => void) | null): void {
  afterPartFileHook = h;
}

/**
 * Runs `produce` into a staging folder and commits its files to `target` with `mode`.
 * Returns false when mode is "ignore" and the target exists (nothing written).
 */
export async function writeWithCommit(target: string, mode: SaveMode, produce: (staging: string) => Promise<void>): Promise<boolean> {
  const abs = path.resolve(target);
  recoverCommits(abs);
  const st = statOrNull(abs);
  if (st && mode === "error") throw new PijarError("PATH_ALREADY_EXISTS", { outputPath: fileUri(abs) });
  if (st && mode === "ignore") return false;
  if (st && mode === "append" && !st.isDirectory()) throw notADirectory(abs);
  const parent = path.dirname(abs);
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EEXIST") throw notADirectory(parent);
    throw e;
  }
  const staging = path.join(parent, `.${path.basename(abs)}.pijar-staging-${randomUUID()}`);
  try {
    fs.mkdirSync(staging);
  } catch (e) {
    throw writeFailure(abs, e);
  }
  try {
    await produce(staging);
    fs.writeFileSync(path.join(staging, "_SUCCESS"), "");
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw writeFailure(abs, e);
  }
  pausePoint("before-commit");
  if (!st) {
    // A new target: one rename is the whole commit.
    try {
      fs.renameSync(staging, abs);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "ENOTDIR") throw e;
      // Another writer created the target meanwhile: continue as if it had been there.
      if (mode === "error" || mode === "ignore") {
        fs.rmSync(staging, { recursive: true, force: true });
        if (mode === "ignore") return false;
        throw new PijarError("PATH_ALREADY_EXISTS", { outputPath: fileUri(abs) });
      }
    }
  }
  const rec: CommitRecord = mode === "append" && statOrNull(abs)?.isDirectory()
    ? { kind: "append", target: abs, staging, old: null }
    : { kind: "replace", target: abs, staging, old: path.join(parent, `.${path.basename(abs)}.pijar-old-${randomUUID()}`) };
  try {
    // An append moves files into the existing tree, which must have room for them as they are.
    if (rec.kind === "append") checkAppendable(staging, abs);
    // The commit point: once the record is written, the write is done (see commit-log.ts).
    while (!writeCommitRecord(rec)) recoverCommits(abs);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw writeFailure(abs, e);
  }
  pausePoint("after-commit-record");
  rollForward(rec);
  return true;
}

/**
 * Refuses (before the commit point, so nothing changes) an append whose staged folders or
 * files would land on an entry of the other kind in the target: a regular file named like a
 * partition folder, or a folder named like a part file. Found after the commit point, the
 * move could never finish, and every later read would retry it.
 */
function checkAppendable(from: string, to: string): void {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const dst = path.join(to, e.name);
    const there = statOrNull(dst);
    if (!there) continue;
    if (e.isDirectory() && !there.isDirectory()) throw destinationExists(path.join(from, e.name), dst, "a file where a folder goes");
    if (!e.isDirectory() && there.isDirectory()) throw destinationExists(path.join(from, e.name), dst, "a folder where a file goes");
    if (e.isDirectory()) checkAppendable(path.join(from, e.name), dst);
  }
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** Spark (Hadoop) refuses to write part files under a regular file; so does Pijar. */
function notADirectory(p: string): PijarError {
  return new PijarError("PATH_NOT_A_DIRECTORY", { path: fileUri(p) }, {
    message: `Parent path is not a directory: ${fileUri(p)}. It is a regular file, and a write puts part files into a folder: ` +
      `write to a new path, or use mode("overwrite") to replace the file.`,
    exceptionType: "ParentNotDirectoryException",
  });
}

/**
 * Spark's part file names: part-00000-<uuid>-c000<ext>, and part-00000-<uuid>.c000<ext> inside
 * partition folders (Spark's dynamic-partition writer uses a dot there).
 */
export function partFileName(index: number, jobUuid: string, ext: string, partitioned = false): string {
  return `part-${String(index).padStart(5, "0")}-${jobUuid}${partitioned ? "." : "-"}c000${ext}`;
}
