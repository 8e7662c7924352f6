/**
 * Spark SQL data types. Names, `simpleString()` and `typeName()` follow PySpark's
 * `pyspark.sql.types` so printSchema(), dtypes and error messages read the same.
 */
export abstract class DataType {
  /** PySpark's typeName(), e.g. "integer", "string", "decimal". */
  abstract typeName(): string;
  /** PySpark's simpleString(), e.g. "int", "bigint", "decimal(10,2)", "array<string>". */
  simpleString(): string {
    return this.typeName();
  }
  /** The name used inside SQL errors and DDL, e.g. "INT", "DECIMAL(10,2)". */
  sql(): string {
    return this.simpleString().toUpperCase();
  }
  equals(other: DataType): boolean {
    return this.simpleString() === other.simpleString();
  }
  toString(): string {
    return `${this.constructor.name}()`;
  }
}

export class NullType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandNullType: never;
  typeName() { return "void"; }
  override sql() { return "VOID"; }
}
export class BooleanType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandBooleanType: never;
  typeName() { return "boolean"; }
}
export class ByteType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandByteType: never;
  typeName() { return "byte"; }
  override simpleString() { return "tinyint"; }
}
export class ShortType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandShortType: never;
  typeName() { return "short"; }
  override simpleString() { return "smallint"; }
}
export class IntegerType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandIntegerType: never;
  typeName() { return "integer"; }
  override simpleString() { return "int"; }
}
export class LongType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandLongType: never;
  typeName() { return "long"; }
  override simpleString() { return "bigint"; }
}
export class FloatType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandFloatType: never;
  typeName() { return "float"; }
}
export class DoubleType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandDoubleType: never;
  typeName() { return "double"; }
}
export class StringType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandStringType: never;
  typeName() { return "string"; }
}
export class BinaryType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandBinaryType: never;
  typeName() { return "binary"; }
}
export class DateType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandDateType: never;
  typeName() { return "date"; }
}
/** An instant, stored as microseconds since the epoch (UTC), shown in the session time zone. */
export class TimestampType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandTimestampType: never;
  typeName() { return "timestamp"; }
}
/** A wall-clock timestamp without time zone, microseconds. */
export class TimestampNTZType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandTimestampNTZType: never;
  typeName() { return "timestamp_ntz"; }
}

/** Field names of the ANSI interval types, by their Spark ordinal (YEAR = 0, MONTH = 1; DAY = 0 .. SECOND = 3). */
export const YM_FIELDS = ["year", "month"] as const;
export const DT_FIELDS = ["day", "hour", "minute", "second"] as const;

function intervalName(fields: readonly string[], start: number, end: number): string {
  return start === end ? `interval ${fields[start]}` : `interval ${fields[start]} to ${fields[end]}`;
}

/**
 * Spark's YearMonthIntervalType: a whole number of months (an int), with the fields it was
 * written in (`INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '3' YEAR`), which only change its text.
 */
export class YearMonthIntervalType extends DataType {
  declare readonly __brandYearMonthIntervalType: never;
  constructor(readonly startField = 0, readonly endField = 1) {
    super();
  }
  typeName() { return "yearmonthinterval"; }
  override simpleString() { return intervalName(YM_FIELDS, this.startField, this.endField); }
  override toString() { return `YearMonthIntervalType(${this.startField}, ${this.endField})`; }
}

/** Spark's DayTimeIntervalType: microseconds (a long), with its fields DAY..SECOND. */
export class DayTimeIntervalType extends DataType {
  declare readonly __brandDayTimeIntervalType: never;
  constructor(readonly startField = 0, readonly endField = 3) {
    super();
  }
  typeName() { return "daytimeinterval"; }
  override simpleString() { return intervalName(DT_FIELDS, this.startField, this.endField); }
  override toString() { return `DayTimeIntervalType(${this.startField}, ${this.endField})`; }
}

/** Spark's legacy CalendarIntervalType (months, days, microseconds), made by make_interval. */
export class CalendarIntervalType extends DataType {
  declare readonly __brandCalendarIntervalType: never;
  typeName() { return "interval"; }
}

export class DecimalType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandDecimalType: never;
  constructor(readonly precision = 10, readonly scale = 0) {
    super();
  }
  typeName() { return "decimal"; }
  override simpleString() { return `decimal(${this.precision},${this.scale})`; }
  override toString() { return `DecimalType(${this.precision}, ${this.scale})`; }
}

export class ArrayType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandArrayType: never;
  constructor(readonly elementType: DataType, readonly containsNull = true) {
    super();
  }
  typeName() { return "array"; }
  override simpleString() { return `array<${this.elementType.simpleString()}>`; }
  override sql() { return `ARRAY<${this.elementType.sql()}>`; }
  override toString() { return `ArrayType(${this.elementType}, ${this.containsNull})`; }
}

export class MapType extends DataType {
  /** Nominal brand: keeps TypeScript from treating the type classes as interchangeable. */
  declare readonly __brandMapType: never;
  constructor(readonly keyType: DataType, readonly valueType: DataType, readonly valueContainsNull = true) {
    super();
  }
  typeName() { return "map"; }
  override simpleString() { return `map<${this.keyType.simpleString()},${this.valueType.simpleString()}>`; }
  override sql() { return `MAP<${this.keyType.sql()}, ${this.valueType.sql()}>`; }
}

export class StructField {
  constructor(
    readonly name: string,
    readonly dataType: DataType,
    readonly nullable = true,
    readonly metadata: Record<string, unknown> = {},
  ) {}
  simpleString(): string {
    return `${this.name}:${this.dataType.simpleString()}`;
  }
  toString(): string {
    return `StructField('${this.name}', ${this.dataType}, ${this.nullable})`;
  }
}

export class StructType extends DataType {
  declare readonly __brandStructType: never;
  readonly fields: readonly StructField[];
  constructor(fields: readonly StructField[] = []) {
    super();
    this.fields = fields;
  }
  typeName() { return "struct"; }
  override simpleString() { return `struct<${this.fields.map((f) => f.simpleString()).join(",")}>`; }
  override sql() { return `STRUCT<${this.fields.map((f) => `${f.name}: ${f.dataType.sql()}`).join(", ")}>`; }
  /** PySpark's builder form: `new StructType().add("id", T.IntegerType(), true)`. */
  add(name: string | StructField, dataType?: DataType | string, nullable = true): StructType {
    if (name instanceof StructField) return new StructType([...this.fields, name]);
    const dt = typeof dataType === "string" ? parseDataTypeLazy(dataType) : dataType!;
    return new StructType([...this.fields, new StructField(name, dt, nullable)]);
  }
  get names(): string[] {
    return this.fields.map((f) => f.name);
  }
  fieldNames(): string[] {
    return this.names;
  }
  /** Finds a field by name, case-insensitively as Spark does by default. */
  field(name: string): StructField | undefined {
    return this.fields.find((f) => f.name === name) ?? this.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
  }
  override toString() { return `StructType([${this.fields.map(String).join(", ")}])`; }
}

// DDL parsing lives in ddl.ts; StructType.add accepts a type string, resolved lazily to avoid a cycle.
let parseDataTypeLazy: (s: string) => DataType = () => {
  throw new Error("DDL parser not loaded");
};
export function registerDataTypeParser(p: (s: string) => DataType): void {
  parseDataTypeLazy = p;
}

// Singletons used across the engine.
export const nullType = new NullType();
export const booleanType = new BooleanType();
export const byteType = new ByteType();
export const shortType = new ShortType();
export const integerType = new IntegerType();
export const longType = new LongType();
export const floatType = new FloatType();
export const doubleType = new DoubleType();
export const stringType = new StringType();
export const binaryType = new BinaryType();
export const dateType = new DateType();
export const timestampType = new TimestampType();
export const timestampNTZType = new TimestampNTZType();
export const calendarIntervalType = new CalendarIntervalType();
