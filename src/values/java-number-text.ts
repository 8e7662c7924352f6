/**
 * Floating point as Java prints it (Double.toString, Float.toString), which is what Spark
 * shows everywhere: show(), cast to string, CSV and JSON writers. One formatter, so a float
 * reads the same in every place ("123456.79", "1.0E10", "1.0E-4").
 */

/** Java's Double.toString: shortest digits, scientific outside [1e-3, 1e7). */
export function javaDoubleString(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  return javaStyle(v, shortestDigits(v, false));
}

/** Java's Float.toString for a float32 value held in a JS number. */
export function javaFloatString(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  return javaStyle(v, shortestDigits(v, true));
}

/** Shortest significant digits and exponent that round-trip (float32 when `single`). */
function shortestDigits(v: number, single: boolean): { digits: string; exp: number } {
  const a = Math.abs(v);
  let s = a.toExponential();
  if (single) {
    for (let p = 1; p <= 9; p++) {
      const t = a.toExponential(p - 1);
      if (Math.fround(Number(t)) === a) {
        s = t;
        break;
      }
    }
  }
  const [mant, e] = s.split("e");
  return { digits: mant!.replace(".", "").replace(/0+$/, "") || "0", exp: Number(e) };
}

function javaStyle(v: number, { digits, exp }: { digits: string; exp: number }): string {
  const sign = v < 0 ? "-" : "";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1);
      return `${sign}${intPart}.${frac || "0"}`;
    }
    return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || "0"}E${exp}`;
}
