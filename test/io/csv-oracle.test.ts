/**
 * CSV reading against PySpark (cases/csv.json vs expected/csv.json, see reader-oracle.ts), at
 * the default chunk size and with 1-, 3- and 7-character chunks.
 */
import { openCsv } from "../../src/io/csv/csv-source.js";
import { readerOracleSuite } from "./reader-oracle.js";

readerOracleSuite("csv", "CSV reader (PySpark oracle)",
  (file, options, schema, chunkSize) => openCsv([file], options, schema, "UTC", { chunkSize }),
  { long_schema: "bigint is a JS number internally: exact only up to 2^53" });
