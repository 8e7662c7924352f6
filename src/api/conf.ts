/**
 * spark.conf: string settings as Spark's RuntimeConfig. The ones Pijar reads:
 * spark.sql.session.timeZone (default: the machine's zone), spark.sql.ansi.enabled (true),
 * spark.sql.repl.eagerEval.maxNumRows (20, the notebook table's row cap),
 * spark.sql.repl.eagerEval.truncate (20), spark.sql.pyspark.plotting.max_rows (1000),
 * spark.pijar.optimizer.excludedRules (""), spark.pijar.batchSize (65536).
 */
import { PijarError } from "../errors/pijar-error.js";

const DEFAULTS: Record<string, string> = {
  "spark.sql.session.timeZone": Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  "spark.sql.ansi.enabled": "true",
  "spark.sql.repl.eagerEval.enabled": "false",
  "spark.sql.repl.eagerEval.maxNumRows": "20",
  "spark.sql.repl.eagerEval.truncate": "20",
  "spark.sql.pyspark.plotting.max_rows": "1000",
  "spark.sql.shuffle.partitions": "200",
  "spark.sql.caseSensitive": "false",
  "spark.pijar.optimizer.excludedRules": "",
  "spark.pijar.batchSize": "65536",
  "spark.master": "local[*]",
  "spark.app.name": "pijar",
};

export class RuntimeConfig {
  private readonly values = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.values.set(k, v);
  }

  /** Sets a setting; values are kept as strings, as in Spark. */
  set(key: string, value: string | number | boolean): void {
    this.values.set(key, String(value));
  }

  /** The value, the given default, or Spark's default; error if none (as Spark's SQL_CONF_NOT_FOUND). */
  get(key: string, defaultValue?: string | null): string | null {
    if (this.values.has(key)) return this.values.get(key)!;
    if (defaultValue !== undefined) return defaultValue;
    if (key in DEFAULTS) return DEFAULTS[key]!;
    throw new PijarError("SQL_CONF_NOT_FOUND", { sqlConf: `"${key}"` }, {
      message: `The SQL config "${key}" cannot be found. Please verify that the config exists.`,
      exceptionType: "SparkNoSuchElementException",
    });
  }

  unset(key: string): void {
    this.values.delete(key);
  }

  getAll(): Record<string, string> {
    return { ...DEFAULTS, ...Object.fromEntries(this.values) };
  }

  isModifiable(key: string): boolean {
    return key.startsWith("spark.sql.") || key.startsWith("spark.pijar.");
  }

  /** @internal */
  str(key: string): string {
    return this.get(key) ?? "";
  }
}
