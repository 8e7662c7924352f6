/** printSchema(): Spark's StructType.treeString. */
import { ArrayType, DataType, DayTimeIntervalType, DecimalType, MapType, StructType, YearMonthIntervalType } from "../../types/data-types.js";

function scalaTypeName(t: DataType): string {
  if (t instanceof DecimalType) return `decimal(${t.precision},${t.scale})`;
  // Scala's interval types name their fields in typeName ("interval day to second"), unlike
  // PySpark's typeName() ("daytimeinterval"); the tree is Scala's text.
  if (t instanceof DayTimeIntervalType || t instanceof YearMonthIntervalType) return t.simpleString();
  return t.typeName();
}

function nested(t: DataType, prefix: string, out: string[], level: number, maxLevel: number): void {
  if (level > maxLevel) return;
  if (t instanceof ArrayType) {
    out.push(`${prefix}-- element: ${scalaTypeName(t.elementType)} (containsNull = ${t.containsNull})`);
    nested(t.elementType, prefix + "    |", out, level + 1, maxLevel);
  } else if (t instanceof MapType) {
    out.push(`${prefix}-- key: ${scalaTypeName(t.keyType)}`);
    nested(t.keyType, prefix + "    |", out, level + 1, maxLevel);
    out.push(`${prefix}-- value: ${scalaTypeName(t.valueType)} (valueContainsNull = ${t.valueContainsNull})`);
    nested(t.valueType, prefix + "    |", out, level + 1, maxLevel);
  } else if (t instanceof StructType) {
    for (const f of t.fields) {
      out.push(`${prefix}-- ${f.name}: ${scalaTypeName(f.dataType)} (nullable = ${f.nullable})`);
      nested(f.dataType, prefix + "    |", out, level + 1, maxLevel);
    }
  }
}

export function treeString(schema: StructType, level = Infinity): string {
  const out = ["root"];
  nested(schema, " |", out, 1, level);
  return out.join("\n") + "\n";
}
