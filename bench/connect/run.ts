/**
 * Pijar's Spark Connect client against PySpark's own (pyspark[connect]) on one server: both
 * runners (roundtrip.mts, roundtrip_pyspark.py) do the same queries with the same warm-up and
 * reps; they run in alternating order for several rounds, so load drifting on a shared machine
 * hits both alike. Prints the median over rounds of each runner's medians and Pijar / PySpark.
 *
 *   npx tsx bench/connect/run.ts [--rounds 5] [--reps 9]
 *
 * Uses the server in PIJAR_TEST_SPARK_REMOTE, or starts one with scripts/connect/start-server.sh
 * on a free port (PIJAR_CONNECT_PORT to pick it) and stops it by its PID file at the end.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const rounds = arg("--rounds", 5);
const reps = arg("--reps", 9);

const QUERIES: [string, string][] = [
  ["schema", "schema (AnalyzePlan, uncached)"],
  ["sql1", "spark.sql('SELECT 1').collect()"],
  ["range10", "range(10).collect()"],
  ["show10", "range(10).show() text"],
  ["rows100k", "range(100000) x 3 cols collect()"],
];
type Medians = Record<string, { median: number; min: number }>;

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    }).on("error", fail);
  });
}

let stateDir: string | null = null;
let url = process.env.PIJAR_TEST_SPARK_REMOTE ?? "";
if (!url) {
  stateDir = mkdtempSync(join(tmpdir(), "pijar-connect-bench-"));
  const port = process.env.PIJAR_CONNECT_PORT ?? String(await freePort());
  console.error(`starting a Spark Connect server on 127.0.0.1:${port} (state in ${stateDir})`);
  const r = spawnSync("bash", [join(ROOT, "scripts/connect/start-server.sh"), stateDir], {
    env: { ...process.env, PIJAR_CONNECT_PORT: port }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"],
  });
  const m = /PIJAR_TEST_SPARK_REMOTE='([^']+)'/.exec(r.stdout ?? "");
  if (r.status !== 0 || !m) {
    stopServer();
    console.error("run.ts: the Spark Connect server did not start (see above); or set PIJAR_TEST_SPARK_REMOTE");
    process.exit(1);
  }
  url = m[1]!;
}

function stopServer(): void {
  if (!stateDir) return;
  spawnSync("bash", [join(ROOT, "scripts/connect/stop-server.sh"), stateDir], { stdio: "inherit" });
  rmSync(stateDir, { recursive: true, force: true });
  stateDir = null;
}
process.on("SIGINT", () => { stopServer(); process.exit(130); });

function runOne(who: "pijar" | "pyspark"): Medians {
  const [cmd, args] = who === "pijar"
    ? [process.execPath, ["--import", "tsx", join(ROOT, "bench/connect/roundtrip.mts")]]
    : [join(ROOT, ".venv/bin/python"), ["-W", "ignore", join(ROOT, "bench/connect/roundtrip_pyspark.py")]];
  const r = spawnSync(cmd, [...args, "--json", "--reps", String(reps)], {
    cwd: ROOT, env: { ...process.env, PIJAR_TEST_SPARK_REMOTE: url }, encoding: "utf8", maxBuffer: 1 << 24,
  });
  const line = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !line.startsWith("{")) {
    throw new Error(`${who} runner failed (exit ${r.status}):\n${(r.stderr ?? "").split("\n").slice(-20).join("\n")}`);
  }
  return JSON.parse(line) as Medians;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const got: Record<"pijar" | "pyspark", Medians[]> = { pijar: [], pyspark: [] };
const loads: number[] = [loadavg()[0]!];
try {
  for (let i = 0; i < rounds; i++) {
    const order: ("pijar" | "pyspark")[] = i % 2 === 0 ? ["pijar", "pyspark"] : ["pyspark", "pijar"];
    for (const who of order) got[who].push(runOne(who));
    loads.push(loadavg()[0]!);
    console.error(`round ${i + 1}/${rounds} done (load ${loads.at(-1)!.toFixed(2)})`);
  }
} finally {
  stopServer();
}

console.log(`\n${rounds} rounds x ${reps} reps (after 1 warm-up), alternating order; ms = median over rounds of each round's median`);
console.log(`load average (1 min) during the run: ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}\n`);
console.log("| query | Pijar ms | PySpark ms | Pijar / PySpark | per-round ratios, min-max |");
console.log("|---|---|---|---|---|");
for (const [id, label] of QUERIES) {
  const p = median(got.pijar.map((m) => m[id]!.median));
  const q = median(got.pyspark.map((m) => m[id]!.median));
  // The spread of the rounds' own ratios shows how much of a difference is the machine's noise.
  const perRound = got.pijar.map((m, i) => m[id]!.median / got.pyspark[i]![id]!.median);
  const spread = `${Math.min(...perRound).toFixed(2)}-${Math.max(...perRound).toFixed(2)}x`;
  console.log(`| ${label} | ${p.toFixed(1)} | ${q.toFixed(1)} | ${(p / q).toFixed(2)}x | ${spread} |`);
}
