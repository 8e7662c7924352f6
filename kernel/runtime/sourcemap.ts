/**
 * Minimal source-map reader: maps a generated line to the original line. Enough to point stack
 * traces at the cell's TypeScript line; columns are not needed for that.
 */
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let shift = 0;
  let value = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** For each generated line (0-based), the original line (0-based) of its first mapping, or -1. */
export function lineTable(sourceMapJson: string | undefined): number[] {
  if (!sourceMapJson) return [];
  const map = JSON.parse(sourceMapJson) as { mappings: string };
  const table: number[] = [];
  let origLine = 0;
  for (const line of map.mappings.split(";")) {
    let first = -1;
    for (const seg of line.split(",")) {
      if (!seg) continue;
      const v = decodeVlq(seg);
      if (v.length >= 4) {
        origLine += v[2]!;
        if (first < 0) first = origLine;
      }
    }
    table.push(first);
  }
  return table;
}

/** Maps a generated 0-based line through the table (falls back to the nearest mapped line above). */
export function originalLine(table: number[], generatedLine: number): number {
  for (let l = Math.min(generatedLine, table.length - 1); l >= 0; l--) if (table[l]! >= 0) return table[l]!;
  return generatedLine;
}
