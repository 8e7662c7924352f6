/**
 * Operating-system errors of writing, as Spark-classed errors that name the path and say what
 * to do, instead of Node's raw `ENOSPC: no space left on device, write`:
 * - out of space (ENOSPC), over quota (EDQUOT) or over the process's file-size limit (EFBIG,
 *   `ulimit -f`) while part files are written: Spark's TASK_WRITE_FAILED. These come before
 *   the commit point, so the old data is untouched, and the message says so.
 * - a destination taken by something of the wrong kind (EEXIST, ENOTEMPTY: a regular file
 *   where a partition folder goes, a folder where a part file goes): Spark's
 *   FAILED_RENAME_PATH.
 */
import { PijarError } from "../../errors/pijar-error.js";
import { fileUri } from "../files.js";

const SPACE: Record<string, string> = {
  ENOSPC: "No space left on the device",
  EDQUOT: "The disk quota is exhausted",
  EFBIG: "A file grew past the size limit of this process (ulimit -f) or of the file system",
};

/** `e` as TASK_WRITE_FAILED when it is a lack of space writing to `target`; else `e` itself. */
export function writeFailure(target: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (e instanceof PijarError || !code || !SPACE[code]) return e;
  const uri = fileUri(target);
  return new PijarError("TASK_WRITE_FAILED", { path: uri }, {
    message: `Task failed while writing rows to ${uri}. ${SPACE[code]} (${code}). The data already at that path is unchanged: ` +
      "free some space (or raise the limit) and write again, or write to another disk.",
    exceptionType: "SparkException",
    cause: e,
  });
}

/** Spark's FAILED_RENAME_PATH for a destination that already exists as the wrong kind. */
export function destinationExists(source: string, target: string, what: string): PijarError {
  return new PijarError("FAILED_RENAME_PATH", { sourcePath: fileUri(source), targetPath: fileUri(target) }, {
    message: `Failed to rename ${fileUri(source)} to ${fileUri(target)} as destination already exists (${what}). ` +
      "Nothing was written: remove or rename what is in the way, or write to another path.",
    exceptionType: "SparkFileAlreadyExistsException",
  });
}
