/**
 * Child process of the disk-full fault test: overwrites (or appends to) PATH with ~4 MB of
 * rows (hex digests: no codec squeezes them into the limit), under a file-size limit its parent set (`ulimit -f`, SIGXFSZ ignored so that a write
 * past it fails with EFBIG instead of killing the process). Prints the outcome as one JSON line.
 * Usage: node --import tsx test/reliability/child-write-big.ts PATH FORMAT MODE [COMPRESSION]
 */
import { SparkSession } from "../../src/index.js";
import { PijarError } from "../../src/errors/pijar-error.js";

const [path, format, mode, compression] = process.argv.slice(2);
const spark = SparkSession.builder.getOrCreate();
const df = spark.range(30_000).selectExpr("CAST(id AS INT) AS id", "'new' AS tag", "concat(sha2(CAST(id AS STRING), 256), sha2(CAST(-id AS STRING), 256)) AS pad");
const w = df.write.mode(mode!).format(format!);
if (compression) w.option("compression", compression);
try {
  await w.save(path!);
  console.log(JSON.stringify({ ok: true }));
} catch (e) {
  const p = e instanceof PijarError;
  console.log(JSON.stringify({ errorClass: p ? e.errorClass : null, message: String((e as Error).message), name: (e as Error).name }));
}
