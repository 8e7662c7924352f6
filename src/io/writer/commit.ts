/**
 * The write commit protocol: a write never leaves the target half-written.
 *
 * Part files are written into a hidden staging folder beside the target
 * (`.<name>.pijar-staging-<uuid>`; hidden, so readers skip it). Only when every file is
 * complete is the result committed by renames:
 * - new target or overwrite: the old folder is renamed away (`.<name>.pijar-old-<uuid>`), the
 *   staging folder renamed into place, then the old folder deleted;
 * - append: each new part file (with a fresh uuid in its name) is renamed into the target.
 * A failure (or a kill) before the commit leaves the old data untouched; the staging folder is
 * removed on failure, and a leftover one from a killed process is ignored by readers.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { randomUUID } from "node:crypto";
import { PijarError } from "../../errors/pijar-error.js";
import { fileUri } from "../files.js";

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
  const exists = fs.existsSync(abs);
  if (exists && mode === "error") throw new PijarError("PATH_ALREADY_EXISTS", { outputPath: fileUri(abs) });
  if (exists && mode === "ignore") return false;
  const parent = path.dirname(abs);
  fs.mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(abs)}.pijar-staging-${randomUUID()}`);
  fs.mkdirSync(staging);
  try {
    await produce(staging);
    fs.writeFileSync(path.join(staging, "_SUCCESS"), "");
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  if (exists && mode === "append" && fs.statSync(abs).isDirectory()) {
    moveInto(staging, abs);
    fs.rmSync(staging, { recursive: true, force: true });
    return true;
  }
  if (exists) {
    const old = path.join(parent, `.${path.basename(abs)}.pijar-old-${randomUUID()}`);
    fs.renameSync(abs, old);
    try {
      fs.renameSync(staging, abs);
    } catch (e) {
      fs.renameSync(old, abs); // put the old data back
      fs.rmSync(staging, { recursive: true, force: true });
      throw e;
    }
    fs.rmSync(old, { recursive: true, force: true });
  } else {
    fs.renameSync(staging, abs);
  }
  return true;
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
      fs.renameSync(src, dst);
    }
  }
}

/**
 * Spark's part file names: part-00000-<uuid>-c000<ext>, and part-00000-<uuid>.c000<ext> inside
 * partition folders (Spark's dynamic-partition writer uses a dot there).
 */
export function partFileName(index: number, jobUuid: string, ext: string, partitioned = false): string {
  return `part-${String(index).padStart(5, "0")}-${jobUuid}${partitioned ? "." : "-"}c000${ext}`;
}
