/** How Spark prints a literal inside a column name (`Literal.toString`). */
import type { DataType } from "../../types/data-types.js";
import { formatDecimal } from "../../values/decimal.js";
import { formatDate, formatTimestamp } from "../../values/datetime.js";
import { javaDoubleString, javaFloatString } from "../../values/java-number-text.js";
import { dayTimeAnsiText, yearMonthAnsiText } from "../../values/interval.js";

export function formatLiteral(value: unknown, dataType: DataType): string {
  if (value === null || value === undefined) return "NULL";
  switch (dataType.typeName()) {
    case "decimal": return formatDecimal(value as bigint, (dataType as unknown as { scale: number }).scale);
    case "date": return `DATE '${formatDate(value as number)}'`;
    case "timestamp": return `TIMESTAMP '${formatTimestamp(value as number, "UTC")}'`;
    case "timestamp_ntz": return `TIMESTAMP_NTZ '${formatTimestamp(value as number, "UTC")}'`;
    case "double": return javaDoubleString(value as number);
    case "float": return javaFloatString(value as number);
    case "binary": return "X'" + [...(value as Uint8Array)].map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join("") + "'";
    case "yearmonthinterval":
    case "daytimeinterval": {
      const f = dataType as unknown as { startField: number; endField: number };
      return dataType.typeName() === "yearmonthinterval"
        ? yearMonthAnsiText(value as number, f.startField, f.endField)
        : dayTimeAnsiText(value as number | bigint, f.startField, f.endField);
    }
    case "interval": return `INTERVAL '${String(value)}'`;
    case "array": return `[${(value as unknown[]).map(String).join(",")}]`;
    default: return String(value);
  }
}
