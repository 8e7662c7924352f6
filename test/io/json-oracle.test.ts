/**
 * JSON reading against PySpark (cases/json.json vs expected/json.json, see reader-oracle.ts),
 * at the default chunk size and with 1-, 3- and 7-character chunks.
 */
import { openJson } from "../../src/io/json/json-source.js";
import { readerOracleSuite } from "./reader-oracle.js";

readerOracleSuite("json", "JSON reader (PySpark oracle)",
  (file, options, schema, chunkSize) => openJson([file], options, schema, "UTC", chunkSize), {});
