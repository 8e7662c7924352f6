/**
 * Databases the PySpark way: `jdbcSource` backs `spark.read.jdbc(...)` /
 * `spark.read.format("jdbc")...load()`, `writeJdbc` backs `df.write.jdbc(...)` /
 * `df.write.format("jdbc")...save()`. PostgreSQL, MySQL/MariaDB and SQLite.
 */
export { jdbcSource } from "./jdbc-source.js";
export { writeJdbc, parseSaveMode, type SaveMode } from "./jdbc-writer.js";
export { JDBC_OPTION_NAMES, parseJdbcOptions, type JdbcOptions } from "./jdbc-options.js";
export { parseJdbcUrl, redactUrl } from "./url.js";
export { jdbcSourceSync } from "./jdbc-sync.js";
export { registerJdbc } from "./register.js";
