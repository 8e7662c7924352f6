/**
 * Operating-system errors of reading a file (EACCES, EISDIR, EIO...) as Spark-classed errors
 * that name the file and suggest a fix, instead of Node's raw `EACCES: permission denied`.
 */
import * as path from "node:path";
import { PijarError } from "../errors/pijar-error.js";

const HINTS: Record<string, string> = {
  EACCES: "permission denied: give your user read access to it (chmod), or read a copy",
  EPERM: "operation not permitted: check the file's permissions",
  EISDIR: "it is a folder where a file was expected",
  EIO: "an input/output error from the disk",
  EMFILE: "too many open files: close other programs or raise the limit (ulimit -n)",
  ENOSPC: "no space left on the device",
};

export function fileError(file: string, e: unknown): PijarError {
  if (e instanceof PijarError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const uri = "file:" + path.resolve(file);
  if (code === "ENOENT") return new PijarError("PATH_NOT_FOUND", { path: uri });
  const why = (code && HINTS[code]) ?? String((e as Error)?.message ?? e);
  return new PijarError("FAILED_READ_FILE.NO_HINT", { path: uri }, {
    message: `Encountered error while reading file ${uri}. ${why[0]!.toUpperCase()}${why.slice(1)}${code ? ` (${code})` : ""}.`,
    exceptionType: "SparkException",
    cause: e,
  });
}
