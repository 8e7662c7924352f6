/**
 * The session settings that evaluation depends on. They sit below every layer that reads them
 * (functions, readers, the optimizer, display), so none of those has to import the layer that
 * owns the session or the function registry to learn the time zone.
 */
export interface SessionSettings {
  /** `spark.sql.session.timeZone`, an IANA name or offset. */
  readonly timeZone: string;
  /** `spark.sql.ansi.enabled` (Spark 4's default is true). */
  readonly ansi: boolean;
  /** Fixed per query so current_date()/now() are stable within one action. */
  readonly nowMicros: number;
}
