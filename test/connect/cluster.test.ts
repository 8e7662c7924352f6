/**
 * Proof that the Connect server really drives a standalone Spark cluster: tasks run in an
 * executor JVM started by the worker, not inside the server (as they would with local[N]).
 * Needs the cluster of scripts/connect/start-cluster.sh, which sets PIJAR_TEST_SPARK_MASTER_UI and
 * PIJAR_TEST_SPARK_CLUSTER_DIR; skipped, saying so, without them.
 *
 * Evidence from three independent sources, none of them Pijar: the master's JSON state (an ALIVE
 * worker, the Connect application RUNNING with cores), the process ids that the tasks report
 * themselves (Java's ProcessHandle, called inside each task through Spark SQL's `reflect`), and
 * the operating system's view of those processes (/proc: an executor JVM, child of the worker).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SparkSession, functions as F } from "../../src/index.js";
import { REMOTE_TIMEOUT, REMOTE_URL } from "./helpers.js";

const MASTER_UI = process.env.PIJAR_TEST_SPARK_MASTER_UI ?? "";
const CLUSTER_DIR = process.env.PIJAR_TEST_SPARK_CLUSTER_DIR ?? "";
const describeCluster = MASTER_UI && CLUSTER_DIR && REMOTE_URL ? describe : describe.skip;
if (!(MASTER_UI && CLUSTER_DIR)) {
  console.warn("test/connect/cluster: skipped, no standalone cluster (eval \"$(bash scripts/connect/start-cluster.sh DIR)\")");
}

interface MasterState {
  status: string;
  workers: { id: string; state: string; coresused: number }[];
  activeapps: { id: string; name: string; state: string; cores: number }[];
}

function pidFile(cls: string): number {
  return Number(readFileSync(join(CLUSTER_DIR, `spark-pijar-${cls}-1.pid`), "utf8").trim());
}
function procCmdline(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
}
function parentPid(pid: number): number {
  // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

describeCluster("Spark Connect on a standalone cluster (master + worker + executor)", REMOTE_TIMEOUT, () => {
  let spark: SparkSession;
  beforeAll(() => {
    spark = SparkSession.builder.remote(REMOTE_URL).getOrCreate();
  });
  afterAll(() => spark?.stop());

  it("runs every task in an executor JVM of the worker, not in the Connect server", async () => {
    // Four partitions: four tasks, each reporting the id of the process it runs in.
    const df = spark.range(0, 8, 1, 4)
      .select(F.expr("reflect('java.lang.ProcessHandle', 'current')").alias("pid"))
      .distinct();
    const pids = (await df.collect()).map((r) => Number(r.get("pid")));
    expect(pids.length).toBeGreaterThan(0);

    const server = pidFile("org.apache.spark.sql.connect.service.SparkConnectServer");
    const worker = pidFile("org.apache.spark.deploy.worker.Worker");
    const state = await (await fetch(`${MASTER_UI}/json/`)).json() as MasterState;
    const app = state.activeapps.find((a) => a.name === "Spark Connect server");
    expect(app, JSON.stringify(state.activeapps)).toBeDefined();
    for (const pid of pids) {
      expect(pid).not.toBe(server);
      expect(existsSync(`/proc/${pid}`), `task process ${pid} is not on this machine`).toBe(true);
      const cmd = procCmdline(pid);
      expect(cmd).toContain("org.apache.spark.executor.CoarseGrainedExecutorBackend");
      // The executor belongs to the Connect server's application and was forked by the worker.
      expect(cmd[cmd.indexOf("--app-id") + 1]).toBe(app!.id);
      expect(parentPid(pid)).toBe(worker);
    }
  });

  it("is registered with the master: one ALIVE worker, the Connect application RUNNING with cores", async () => {
    const state = await (await fetch(`${MASTER_UI}/json/`)).json() as MasterState;
    expect(state.status).toBe("ALIVE");
    expect(state.workers.filter((w) => w.state === "ALIVE")).toHaveLength(1);
    const app = state.activeapps.find((a) => a.name === "Spark Connect server");
    expect(app?.state).toBe("RUNNING");
    expect(app!.cores).toBeGreaterThan(0);
    expect(state.workers[0]!.coresused).toBeGreaterThan(0);
    // The server's own view: its master is the cluster, not local[N].
    expect(spark.conf.get("spark.master")).toBe(process.env.PIJAR_TEST_SPARK_MASTER);
  });
});
