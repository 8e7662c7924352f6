import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The bench has its own tests so the main suite never needs DuckDB, Polars or Arquero.
export default defineConfig({
  root: dirname(fileURLToPath(import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 180_000,
    pool: "forks",
  },
});
