/**
 * What collect() returns for DecimalType: an exact value. `toString()` is exact ("12.50");
 * `valueOf()` gives a JS number so arithmetic and comparisons in user code just work.
 */
import { formatDecimal, parseDecimal, literalPrecisionScale } from "./decimal.js";

export class Decimal {
  constructor(readonly unscaled: bigint, readonly scale: number, readonly precision: number = 38) {}

  /** Parses "12.50" keeping its scale. */
  static fromString(text: string): Decimal {
    const { precision, scale } = literalPrecisionScale(text.trim());
    const v = parseDecimal(text, scale);
    if (v === null) throw new Error(`Not a decimal: ${text}`);
    return new Decimal(v, scale, precision);
  }

  toString(): string {
    return formatDecimal(this.unscaled, this.scale);
  }

  toJSON(): string {
    return this.toString();
  }

  valueOf(): number {
    return Number(this.toString());
  }

  toNumber(): number {
    return this.valueOf();
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Decimal('${this.toString()}')`;
  }
}
