/**
 * Bundles the built library (dist/src, from tsc) into dist/bundle/pijar.js, the file that
 * `import "pijar"`, the kernel and the benchmarks load.
 *
 * Why: Node resolves and compiles ES modules one file at a time, and the library is several
 * hundred of them plus the generated Spark Connect protos. Loading one file instead takes the
 * import from about 1.0 s to 0.7 s in plain Node and from 2.0 s to 1.1 s under a loader hook such
 * as tsx (measured on this machine, medians of 3). Types still come from dist/src/*.d.ts.
 *
 * Left outside the bundle, on purpose:
 * - apache-arrow: users pass their own Arrow tables in and take ours out; one shared copy keeps
 *   Arrow's own `instanceof` checks true on both sides.
 * - packages that load a .wasm or native file next to themselves (parquet-wasm,
 *   node-sqlite3-wasm, @node-rs/xxhash), and the database drivers, which load only on first use.
 * Worker entry files are bundled beside pijar.js under their own names, so the relative URL the
 * library computes from `import.meta.url` finds them in both layouts.
 *
 *   node scripts/bundle.mjs
 */
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export const EXTERNAL = [
  "apache-arrow",
  "parquet-wasm",
  "node-sqlite3-wasm",
  "@node-rs/xxhash",
  "pg",
  "pg-copy-streams",
  "mysql2",
  "mysql2/*",
];

// Chunk names carry content hashes: start empty so no stale chunk lingers.
rmSync(join(root, "dist", "bundle"), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: {
    pijar: "dist/src/index.js",
    // Loaded by src/io/jdbc/jdbc-sync.ts as "./describe-worker.js" beside itself.
    "describe-worker": "dist/src/io/jdbc/describe-worker.js",
    // The kernel's hooks into running jobs (cancel, progress, interrupt flag): a separate entry
    // over the same shared chunks, so it sees the very jobs the library runs.
    jobs: "dist/src/execution/jobs.js",
  },
  // Shared code goes to chunks that every entry imports, so each module exists once.
  splitting: true,
  // Chunks sit beside the entries, so a URL relative to import.meta.url means the same in each.
  chunkNames: "[name]-[hash]",
  outdir: "dist/bundle",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  external: EXTERNAL,
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: { js: 'import { createRequire as __pijarRequire } from "node:module"; const require = __pijarRequire(import.meta.url);' },
  sourcemap: "linked",
  logLevel: "warning",
});

// Each entry's types are those of the file it bundles, so the bundle can be imported from
// TypeScript (a kernel cell included) by its own path.
const ENTRY_TYPES = { pijar: "../src/index.js", jobs: "../src/execution/jobs.js" };
for (const [name, from] of Object.entries(ENTRY_TYPES)) {
  writeFileSync(join(root, "dist", "bundle", `${name}.d.ts`), `export * from ${JSON.stringify(from)};\n`);
}
