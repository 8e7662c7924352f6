/**
 * window(ts, duration[, slide, start]): the tumbling time window a timestamp falls in, as
 * struct<start: TIMESTAMP, end: TIMESTAMP> named `window`. Sliding windows (slide < duration)
 * put one row in several windows, which needs the plan builder's help; they are refused here.
 */
import { StructField, StructType, timestampType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { literalArg } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { timestampArg } from "./args.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const UNITS: Record<string, number> = {
  microsecond: 1, millisecond: 1000, second: 1_000_000, minute: 60_000_000, hour: 3_600_000_000,
  day: 86_400_000_000, week: 7 * 86_400_000_000,
};

/** Parses "10 minutes", "1 hour 30 minutes", "interval 1 day" into microseconds. */
export function parseDuration(text: string): number {
  const t = text.trim().toLowerCase().replace(/^interval\s+/, "");
  let total = 0;
  let matched = "";
  for (const m of t.matchAll(/(-?\d+)\s*([a-z]+?)s?\b/g)) {
    const unit = UNITS[m[2]!];
    if (unit === undefined) break;
    total += Number(m[1]) * unit;
    matched += m[0];
  }
  if (!total || matched.replace(/\s/g, "") !== t.replace(/\s/g, "")) {
    throw new PijarError("INVALID_INTERVAL_FORMAT", {}, {
      message: `Cannot parse the duration '${text}': write it like '10 minutes', '1 hour' or '1 day' (units: microsecond, millisecond, second, minute, hour, day, week).`,
    });
  }
  return total;
}

definitions.push({
  kind: "scalar", name: "window", minArgs: 2, maxArgs: 4,
  resolve(args) {
    const texts = args.slice(1).map((_, i) => literalArg(args, i + 1));
    if (!texts.every((x) => typeof x === "string")) {
      throw new PijarError("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", {}, { message: "window() takes its durations as literal strings, e.g. F.window(\"ts\", \"10 minutes\")." });
    }
    const [duration, slide, start] = [parseDuration(texts[0] as string), texts[1] ? parseDuration(texts[1] as string) : null, texts[2] ? parseDuration(texts[2] as string) : 0];
    if (slide !== null && slide !== duration) {
      throw new PijarError("UNSUPPORTED_FEATURE", { feature: "sliding time windows (slideDuration different from windowDuration); use a tumbling window" });
    }
    const type = new StructType([new StructField("start", timestampType, true), new StructField("end", timestampType, true)]);
    return { args: [timestampArg("window", args, 0), ...args.slice(1)], dataType: type, nullable: true, state: { duration, start } };
  },
  eval(args, n, call) {
    const { duration, start } = call.state as { duration: number; start: number };
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const t = args[0]![i] as number | null;
      if (t == null) { out[i] = null; continue; }
      const s = t - ((((t - start) % duration) + duration) % duration);
      out[i] = [s, s + duration];
    }
    return out;
  },
  sql: () => "window",
});
