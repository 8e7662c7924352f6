/** The all-types DataFrame of the round-trip tests, as internal values. */
import type { SparkSession } from "../../src/index.js";
import type { DataFrame } from "../../src/api/dataframe.js";
import { parseSchema } from "../../src/types/ddl.js";
import { Batch } from "../../src/columnar/batch.js";
import { daysFromCivil } from "../../src/values/datetime.js";

export const ALL_TYPES_DDL = "c_bool BOOLEAN, c_byte TINYINT, c_short SMALLINT, c_int INT, c_long BIGINT, c_float FLOAT, " +
  "c_double DOUBLE, c_dec DECIMAL(10,2), c_dec38 DECIMAL(38,10), c_str STRING, c_bin BINARY, c_date DATE, c_ts TIMESTAMP, c_ntz TIMESTAMP_NTZ";

const micros = (iso: string) => Date.parse(iso) * 1000;

/** Rows of every type, with edge values and a row of NULLs. */
export function allTypesRows(opts: { wideDecimal: boolean }): unknown[][] {
  return [
    [true, 127, 32767, 2147483647, 9007199254740991, Math.fround(1.5), 2.5e-300, 1234567.89, opts.wideDecimal ? 1234567890123456789012345678n * 10n ** 0n : 12345n,
      "héllo\t\"wörld\"\\ 'x' 🚀\nline2", Uint8Array.from([0, 1, 2, 255, 9, 10, 92]), daysFromCivil(2024, 2, 29), micros("2024-02-29T23:59:58.123456Z") + 0, micros("2024-01-02T03:04:05.000006Z")],
    [false, -128, -32768, -2147483648, -9007199254740991, Math.fround(-0.1), -1.7976931348623157e308, -0.01, -1n,
      "", new Uint8Array(0), daysFromCivil(1900, 1, 1), micros("1969-12-31T23:59:59.999999Z"), micros("1950-06-15T12:00:00Z")],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ].map((r) => { r[7] = r[7] === null ? null : BigInt(Math.round((r[7] as number) * 100)); return r; });
}

export function allTypesDataFrame(spark: SparkSession, opts: { wideDecimal: boolean }): DataFrame {
  const schema = parseSchema(ALL_TYPES_DDL);
  const rows = allTypesRows(opts);
  const cols = schema.fields.map((_, c) => rows.map((r) => r[c]));
  return spark.createLocalDataFrame(schema, [Batch.fromValues(schema, cols, rows.length)], "all types");
}
