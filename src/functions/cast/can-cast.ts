/** Which casts Spark 4 (ANSI) allows at analysis time. */
import type { Expr } from "../../plan/expr/expr.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { ArrayType, DataType, MapType, StructType } from "../../types/data-types.js";
import { isBinary, isBoolean, isDatetime, isNull, isNumeric, isString, isDate, isTimestamp } from "../../types/type-utils.js";
import { PijarError } from "../../errors/pijar-error.js";
import { canCastInterval } from "./interval-cast.js";

export function canCast(from: DataType, to: DataType): boolean {
  if (from.equals(to) || isNull(from)) return true;
  const interval = canCastInterval(from, to);
  if (interval !== undefined) return interval;
  if (isString(to)) return true;
  if (isString(from)) return !(to instanceof MapType) && !(to instanceof StructType) && !(to instanceof ArrayType);
  if (isNumeric(from)) return isNumeric(to) || isBoolean(to) || isTimestamp(to);
  if (isBoolean(from)) return isNumeric(to);
  if (isDate(from)) return isDatetime(to);
  if (isTimestamp(from)) return isDatetime(to) || isNumeric(to);
  if (isBinary(from)) return isBinary(to);
  if (from instanceof ArrayType && to instanceof ArrayType) return canCast(from.elementType, to.elementType);
  if (from instanceof StructType && to instanceof StructType) {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => canCast(f.dataType, to.fields[i]!.dataType));
  }
  if (from instanceof MapType && to instanceof MapType) return canCast(from.keyType, to.keyType) && canCast(from.valueType, to.valueType);
  return false;
}

/** Casts the non-ANSI (legacy) mode allows but ANSI rejects: the error then names the setting. */
function legacyCanCast(from: DataType, to: DataType): boolean {
  if (isDatetime(from) && (isBoolean(to) || isNumeric(to))) return true;
  if ((isBoolean(from) || isNumeric(from)) && isDate(to)) return true;
  if (isBoolean(from) && isTimestamp(to)) return true;
  return false;
}

export function checkCast(child: Expr, from: DataType, to: DataType): void {
  if (canCast(from, to)) return;
  if (legacyCanCast(from, to)) {
    throw new PijarError("DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION", {
      sqlExpr: `"CAST(${exprName(child)} AS ${to.sql()})"`, srcType: `"${from.sql()}"`, targetType: `"${to.sql()}"`,
      config: "\"spark.sql.ansi.enabled\"", configVal: "'false'",
    });
  }
  throw new PijarError("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", {
    sqlExpr: `"CAST(${exprName(child)} AS ${to.sql()})"`, srcType: `"${from.sql()}"`, targetType: `"${to.sql()}"`,
  });
}
