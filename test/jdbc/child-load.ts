/**
 * Child process of the kill -9 test: loads `n` sales rows into a table, then exits.
 * Usage: node --import tsx test/jdbc/child-load.ts URL USER PASSWORD TABLE MODE N
 */
import { writeJdbc } from "../../src/io/jdbc/index.js";
import { salesDataFrame } from "../../bench/jdbc/sales-data.js";
import { session } from "./helpers.js";

const [url, user, password, table, mode, n] = process.argv.slice(2);
const spark = session();
await writeJdbc(salesDataFrame(spark, Number(n)), { url: url!, user: user!, password: password!, dbtable: table! }, mode!);
console.log("loaded");
