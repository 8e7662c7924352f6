/**
 * Child process of the write fault tests: writes rows tagged `tag` to a path, then exits.
 * Usage: node --import tsx test/reliability/child-write.ts PATH FORMAT MODE TAG [PARTITION_COL]
 * With PIJAR_TEST_PAUSE_AT set it blocks at that commit step, and the test kills it (-9).
 */
import { SparkSession } from "../../src/index.js";

const [path, format, mode, tag, partitionCol] = process.argv.slice(2);
const spark = SparkSession.builder.getOrCreate();
const rows = Array.from({ length: 6 }, (_, i) => [i, tag!, `k${i % 3}`]);
const df = spark.createDataFrame(rows, "id INT, tag STRING, k STRING");
const w = df.write.mode(mode!).format(format!);
if (partitionCol) w.partitionBy(partitionCol);
await w.save(path!);
console.log("written");
