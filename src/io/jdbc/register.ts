/**
 * Plugs jdbc into `spark.read` through the source-format extension point:
 * `spark.read.format("jdbc").option("url", ...).option("dbtable", ...).load()`. Writes need no
 * registration: `df.write` (src/api/writer.ts) calls writeJdbc for format "jdbc". Called once
 * from src/wiring.ts (see src/io/jdbc/README.md).
 */
import { registerSourceFormat } from "../formats.js";
import { jdbcSourceSync } from "./jdbc-sync.js";

let done = false;

export function registerJdbc(): void {
  if (done) return;
  done = true;
  registerSourceFormat("jdbc", (_paths, options, schema, timeZone) => jdbcSourceSync(options, schema, timeZone));
}
