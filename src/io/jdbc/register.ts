/**
 * Plugs jdbc into `spark.read` and `df.write` through their extension points:
 * `spark.read.format("jdbc").option("url", ...).option("dbtable", ...).load()` and
 * `await df.write.format("jdbc").mode("append").option(...).save()`. The lead calls
 * registerJdbc() once from src/index.ts (see src/io/jdbc/README.md).
 */
import { registerSourceFormat } from "../formats.js";
import { registerWriteHandler } from "../../api/writer.js";
import { jdbcSourceSync } from "./jdbc-sync.js";
import { writeJdbc } from "./jdbc-writer.js";

let done = false;

export function registerJdbc(): void {
  if (done) return;
  done = true;
  registerSourceFormat("jdbc", (_paths, options, schema, timeZone) => jdbcSourceSync(options, schema, timeZone));
  registerWriteHandler("jdbc", { save: (df, mode, options) => writeJdbc(df, options, mode) });
}
