/**
 * Hive-style partition folders (`city=Jakarta/year=2024/`): escaping of values in folder names
 * as Spark (ExternalCatalogUtils.escapePathName), and type inference of the values on read
 * (PartitioningUtils.inferPartitionColumnValue).
 */
import {
  DataType, DateType, DecimalType, DoubleType, IntegerType, LongType, StringType, StructField, StructType,
  TimestampType, dateType, doubleType, integerType, longType, stringType, timestampType,
} from "../types/data-types.js";
import { widerType } from "../types/type-utils.js";
import { parseDate, parseTimestamp } from "../values/datetime.js";
import type { InputFile } from "./files.js";
import { PijarError } from "../errors/pijar-error.js";

/** The folder name Spark uses for a null (or empty string) partition value. */
export const HIVE_DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

// Characters Spark escapes in partition folder names (plus control characters).
const ESCAPED = new Set(['"', "#", "%", "'", "*", "/", ":", "=", "?", "\\", "\u007F", "{", "[", "]", "^"]);

export function escapePartitionValue(v: string): string {
  let out = "";
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    if (ESCAPED.has(ch) || c < 0x20) out += "%" + c.toString(16).toUpperCase().padStart(2, "0");
    else out += ch;
  }
  return out;
}

export function unescapePartitionValue(v: string): string {
  return v.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Spark's type for one raw partition value. */
function inferValueType(raw: string): DataType | null {
  if (raw === HIVE_DEFAULT_PARTITION) return null;
  const v = unescapePartitionValue(raw);
  if (/^[+-]?\d+$/.test(v)) {
    const b = BigInt(v);
    if (b >= -2147483648n && b <= 2147483647n) return integerType;
    if (b >= -(2n ** 63n) && b < 2n ** 63n) return longType;
    return v.replace(/^[+-]/, "").length <= 38 ? new DecimalType(v.replace(/^[+-]/, "").length, 0) : stringType;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return doubleType;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && parseDate(v) !== null) return dateType;
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v) && parseTimestamp(v, "UTC") !== null) return timestampType;
  return stringType;
}

/** Converts a raw folder value to the internal value of `type`. */
export function partitionValue(raw: string, type: DataType, timeZone: string): unknown {
  if (raw === HIVE_DEFAULT_PARTITION) return null;
  const v = unescapePartitionValue(raw);
  if (type instanceof IntegerType || type instanceof LongType || type instanceof DoubleType) return Number(v);
  if (type instanceof DecimalType) return BigInt(v);
  if (type instanceof DateType) return parseDate(v);
  if (type instanceof TimestampType) return parseTimestamp(v, timeZone);
  if (type instanceof StringType) return v;
  return v;
}

/**
 * The partition schema of a set of files: every file must have the same partition columns
 * (Spark fails otherwise), and each column's type is the widest over all values.
 */
export function inferPartitionSchema(files: readonly InputFile[], inferTypes = true): StructType {
  if (files.length === 0) return new StructType([]);
  const names = files[0]!.partitions.map(([k]) => k);
  const types: (DataType | null)[] = names.map(() => null);
  for (const f of files) {
    const these = f.partitions.map(([k]) => k);
    if (these.join("/") !== names.join("/")) {
      throw new PijarError("CONFLICTING_PARTITION_COLUMN_NAMES", {}, {
        message: `Conflicting partition column names detected: [${names.join(", ")}] vs [${these.join(", ")}] (in ${f.path}). ` +
          "Every data file must sit under the same partition folders; move or delete the stray files.",
        exceptionType: "AssertionError",
      });
    }
    f.partitions.forEach(([, raw], i) => {
      const t = inferTypes ? inferValueType(raw) : raw === HIVE_DEFAULT_PARTITION ? null : stringType;
      if (t === null) return;
      const cur = types[i]!;
      types[i] = cur === null ? t : widerType(cur, t) ?? stringType;
    });
  }
  return new StructType(names.map((n, i) => new StructField(n, types[i] ?? stringType, true)));
}
