/**
 * Spark's cast-alias functions: `int(x)`, `double(x)`, `date(x)`, `string(x)`... are `CAST(x AS
 * type)` written as a call (Spark registers them as function builders over Cast). They are SQL
 * syntax only, so the front end turns them into cast nodes; ANSI rules then apply as for CAST.
 */
import type { DataType } from "../../types/data-types.js";
import {
  binaryType, booleanType, byteType, dateType, DecimalType, doubleType, floatType, integerType, longType,
  shortType, stringType, timestampType,
} from "../../types/data-types.js";

const ALIASES: Record<string, () => DataType> = {
  boolean: () => booleanType,
  tinyint: () => byteType,
  smallint: () => shortType,
  int: () => integerType,
  bigint: () => longType,
  float: () => floatType,
  double: () => doubleType,
  decimal: () => new DecimalType(10, 0),
  date: () => dateType,
  timestamp: () => timestampType,
  binary: () => binaryType,
  string: () => stringType,
};

/** The target type when `name` is a cast alias, else undefined. */
export function castAliasType(name: string): DataType | undefined {
  return Object.hasOwn(ALIASES, name) ? ALIASES[name]!() : undefined;
}
