/**
 * Row: what collect(), take(), first() and head() return, like PySpark's Row.
 * Fields are plain properties (`row.city`); `row.get("city")`, `row.asDict()`, `row.toJSON()`
 * and `row.__fields__` are non-enumerable helpers, so `{...row}` and console output show data.
 *
 * JS values per Spark type: boolean -> boolean; tinyint/smallint/int/float/double -> number;
 * bigint -> number (a JS bigint when beyond 2^53); decimal -> Decimal (exact toString,
 * numeric valueOf); string -> string; binary -> Uint8Array; date -> Date at UTC midnight;
 * timestamp -> Timestamp (a Date that keeps microseconds in `epochMicros`); array -> array;
 * struct -> Row; map -> Map; null -> null; interval day to second -> TimeDelta (PySpark's
 * datetime.timedelta); interval year to month -> its number of months (PySpark refuses to
 * collect these unless PYSPARK_YM_INTERVAL_LEGACY=1, where it gives the same int); the legacy
 * calendar interval (make_interval) -> CalendarInterval (PySpark cannot collect it at all).
 */
import {
  ArrayType, BinaryType, DataType, DateType, DayTimeIntervalType, DecimalType, LongType, MapType, StructType, TimestampNTZType, TimestampType,
} from "../types/data-types.js";
import { Decimal } from "../values/decimal-value.js";
import { Timestamp } from "../values/timestamp-value.js";
import { TimeDelta } from "../values/time-delta.js";

export type Row = Record<string, unknown> & {
  readonly __fields__: string[];
  get(name: string | number): unknown;
  /** Values by position (a join can repeat a column name; positions never clash). */
  toArray(): unknown[];
  asDict(recursive?: boolean): Record<string, unknown>;
  toJSON(): Record<string, unknown>;
};

const rowProto = {
  get(this: Row, name: string | number): unknown {
    if (typeof name === "number") return (this as unknown as { __values__: unknown[] }).__values__[name];
    return this[name];
  },
  toArray(this: Row): unknown[] {
    return [...(this as unknown as { __values__: unknown[] }).__values__];
  },
  asDict(this: Row, recursive = false): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of this.__fields__) {
      const v = this[f];
      out[f] = recursive && v && typeof v === "object" && "__fields__" in (v as object) ? (v as Row).asDict(true) : v;
    }
    return out;
  },
  toJSON(this: Row): Record<string, unknown> {
    return this.asDict(true);
  },
  [Symbol.for("nodejs.util.inspect.custom")](this: Row): string {
    return `Row(${this.__fields__.map((f, i) => `${f}=${inspectValue(this.get(i))}`).join(", ")})`;
  },
};

function inspectValue(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "string") return `'${v}'`;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `[${v.map(inspectValue).join(", ")}]`;
  if (typeof v === "object" && v && Symbol.for("nodejs.util.inspect.custom") in v) {
    return (v as Record<symbol, () => string>)[Symbol.for("nodejs.util.inspect.custom")]!();
  }
  return String(v);
}

/**
 * Makes Rows of one shape (field names): `rowMaker(names)(values)`. collect() makes one per
 * result, since building a row is the cost of collecting many: with distinct names each row is
 * a plain object over a per-shape prototype that answers `__fields__`, `get(i)` and
 * `toArray()` from the names, so a row costs one object and its fields (about 3x faster than
 * the two hidden own properties every row carried before; bench/connect measures collect()).
 * Repeated names (l.k, r.k after a join) keep every value in a hidden `__values__` array,
 * since the property can hold only the first.
 */
export function rowMaker(names: readonly string[]): (values: readonly unknown[]) => Row {
  const fields = [...names];
  const n = fields.length;
  if (new Set(fields).size !== n) return (values) => makeRowWithDuplicates(fields, values);
  const proto = Object.create(rowProto, {
    __fields__: { get: () => [...fields], enumerable: false },
    __values__: { get(this: Record<string, unknown>) { return fields.map((f) => this[f]); }, enumerable: false },
    get: {
      value(this: Record<string, unknown>, name: string | number): unknown {
        return typeof name === "number" ? this[fields[name]!] : this[name];
      },
      enumerable: false,
    },
  }) as object;
  return (values) => {
    const r = Object.create(proto) as Record<string, unknown>;
    for (let i = 0; i < n; i++) r[fields[i]!] = values[i];
    return r as Row;
  };
}

const makers = new WeakMap<readonly string[], (values: readonly unknown[]) => Row>();

/** Makes a Row from field names and JS values (the shape is reused while `names` is the same array). */
export function makeRow(names: readonly string[], values: readonly unknown[]): Row {
  let make = makers.get(names);
  if (!make) makers.set(names, (make = rowMaker(names)));
  return make(values);
}

function makeRowWithDuplicates(names: readonly string[], values: readonly unknown[]): Row {
  const r = Object.create(rowProto) as Row;
  Object.defineProperty(r, "__fields__", { value: [...names], enumerable: false });
  Object.defineProperty(r, "__values__", { value: [...values], enumerable: false });
  // The property holds the first of repeated names; get(i) has all.
  for (let i = names.length - 1; i >= 0; i--) (r as Record<string, unknown>)[names[i]!] = values[i];
  return r;
}

/** PySpark-style `Row(name="a", age=1)` factory: `Row({ name: "a", age: 1 })`. */
export function Row(fields: Record<string, unknown>): Row {
  return makeRow(Object.keys(fields), Object.values(fields));
}

/** Internal value -> the JS value collect() returns (see the table above). */
export function toJsValue(v: unknown, t: DataType): unknown {
  if (v === null || v === undefined) return null;
  // Internal longs are canonical (number when safe, else bigint): that is the contract already.
  if (t instanceof LongType) return typeof v === "number" && !Number.isSafeInteger(v) ? BigInt(Math.trunc(v)) : v;
  if (t instanceof DecimalType) return new Decimal(v as bigint, t.scale, t.precision);
  if (t instanceof DateType) return new Date((v as number) * 86_400_000);
  if (t instanceof TimestampType || t instanceof TimestampNTZType) return new Timestamp(v as number);
  if (t instanceof BinaryType) return v;
  if (t instanceof DayTimeIntervalType) return new TimeDelta(v as number | bigint);
  if (t instanceof ArrayType) return (v as unknown[]).map((e) => toJsValue(e, t.elementType));
  if (t instanceof StructType) return structMaker(t)((v as unknown[]).map((e, i) => toJsValue(e, t.fields[i]!.dataType)));
  if (t instanceof MapType) {
    const m = new Map<unknown, unknown>();
    for (const [k, x] of v as Map<unknown, unknown>) m.set(toJsValue(k, t.keyType), toJsValue(x, t.valueType));
    return m;
  }
  return v;
}

const structMakers = new WeakMap<StructType, (values: readonly unknown[]) => Row>();

function structMaker(t: StructType): (values: readonly unknown[]) => Row {
  let make = structMakers.get(t);
  if (!make) structMakers.set(t, (make = rowMaker(t.names)));
  return make;
}
