/**
 * What collect() returns for TimestampType: a JS Date (so date methods and libraries work)
 * that also keeps Spark's microseconds, which a plain Date (milliseconds) would lose.
 */
export class Timestamp extends Date {
  /** Microseconds since 1970-01-01T00:00:00Z. */
  readonly epochMicros: number;

  constructor(epochMicros: number) {
    super(Math.floor(epochMicros / 1000));
    this.epochMicros = epochMicros;
  }

  /** Microsecond of the second (0..999999), as Python's datetime.microsecond. */
  get microsecond(): number {
    return ((this.epochMicros % 1_000_000) + 1_000_000) % 1_000_000;
  }
}
