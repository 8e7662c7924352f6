/**
 * PySpark's dropna(how, thresh, subset) arguments, given one by one or as one object: the local
 * and the Connect `na.drop` read them alike and refuse a `how` other than "any"/"all" alike.
 */
import { PijarError } from "../errors/pijar-error.js";

export type DropHow<S> = "any" | "all" | { how?: "any" | "all"; thresh?: number | null; subset?: S | null };

export function dropArgs<S>(how: DropHow<S> | undefined, thresh: number | null | undefined, subset: S | null | undefined): { how: "any" | "all"; thresh: number | null | undefined; subset: S | null | undefined } {
  let h: string = "any";
  if (typeof how === "object" && how !== null) {
    h = how.how ?? "any";
    thresh = how.thresh ?? null;
    subset = how.subset ?? null;
  } else if (how !== undefined && how !== null) h = how;
  if (h !== "any" && h !== "all") {
    throw new PijarError("VALUE_NOT_ANY_OR_ALL", {}, { message: `Value for \`how\` must be 'any' or 'all', got '${h}'.`, exceptionType: "PySparkValueError" });
  }
  return { how: h, thresh, subset };
}
