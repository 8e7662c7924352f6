/**
 * Exact decimals as Spark's DecimalType: an unscaled bigint plus the type's (precision, scale).
 * Rounding is HALF_UP, as Spark's Decimal.changePrecision.
 */
export const POW10: bigint[] = Array.from({ length: 80 }, (_, i) => 10n ** BigInt(i));

/** Text of an unscaled value at a scale: (12345n, 2) -> "123.45". */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  let digits = (neg ? -unscaled : unscaled).toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    digits = digits.slice(0, digits.length - scale) + "." + digits.slice(digits.length - scale);
  } else if (scale < 0) digits = digits + "0".repeat(-scale);
  return (neg ? "-" : "") + digits;
}

/** Rescales with HALF_UP rounding. */
export function rescale(unscaled: bigint, fromScale: number, toScale: number): bigint {
  if (toScale === fromScale) return unscaled;
  if (toScale > fromScale) return unscaled * POW10[toScale - fromScale]!;
  return divRoundHalfUp(unscaled, POW10[fromScale - toScale]!);
}

/** a / b rounded HALF_UP (away from zero on ties). */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  const neg = (a < 0n) !== (b < 0n);
  const aa = a < 0n ? -a : a;
  const bb = b < 0n ? -b : b;
  let q = aa / bb;
  const r = aa % bb;
  if (r * 2n >= bb) q += 1n;
  return neg ? -q : q;
}

/** True if the unscaled value fits in `precision` digits. */
export function fitsPrecision(unscaled: bigint, precision: number): boolean {
  const abs = unscaled < 0n ? -unscaled : unscaled;
  return abs < POW10[precision]!;
}

/** Parses decimal text ("-12.5", "1e3") to an unscaled value at `scale`, or null if malformed. */
export function parseDecimal(text: string, scale: number): bigint | null {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const sign = m[1] === "-" ? -1n : 1n;
  const intPart = m[2] || "0";
  const frac = m[3] ?? "";
  const exp = m[4] ? Number(m[4]) : 0;
  // value = (intPart.frac) * 10^exp ; unscaled digits with implied scale = frac.length - exp
  const all = BigInt(intPart + frac);
  const implied = frac.length - exp;
  const v = implied >= 0 ? rescale(all, implied, scale) : rescale(all * POW10[-implied]!, 0, scale);
  return sign * v;
}

/** Number of significant digits and scale needed to hold a JS number exactly-ish (for literals). */
export function decimalFromNumber(v: number, scale: number): bigint {
  return parseDecimal(String(v), scale) ?? 0n;
}

/** The unscaled value as a JS number (approximate for very large values). */
export function decimalToNumber(unscaled: bigint, scale: number): number {
  return Number(formatDecimal(unscaled, scale));
}

/** Precision and scale of a decimal literal's text, as Spark infers them (e.g. "1.50" -> (3,2)). */
export function literalPrecisionScale(text: string): { precision: number; scale: number } {
  const t = text.replace(/^[+-]/, "");
  const [i = "", f = ""] = t.split(".");
  const intDigits = i.replace(/^0+/, "").length;
  const scale = f.length;
  return { precision: Math.max(intDigits + scale, 1, scale), scale };
}
