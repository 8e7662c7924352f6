/**
 * A database server killed mid-load (SIGKILL to every server process: a crash, not a
 * shutdown), then started again on the same data: the target table must hold the old rows or
 * the new rows, never a mix, and the load must fail with a classed error (FAILED_JDBC.*) that
 * does not print the password. Each case starts its own throwaway server with
 * scripts/db/start-*.sh in a temporary folder, so the servers other suites share are never
 * touched. Without the binaries the cases skip locally and fail under CI=true.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeJdbc } from "../../src/io/jdbc/index.js";
import { openConnection } from "../../src/io/jdbc/connect.js";
import { parseJdbcOptions } from "../../src/io/jdbc/jdbc-options.js";
import { PijarError } from "../../src/errors/pijar-error.js";
import { salesDataFrame } from "../../bench/jdbc/sales-data.js";
import { isCI, session } from "./helpers.js";

type Kind = "postgres" | "mariadb";
interface Own { kind: Kind; base: string; env: Record<string, string>; url: string; user: string; password: string }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started: Own[] = [];
afterAll(() => {
  for (const s of started) {
    spawnSync("bash", [`scripts/db/stop-${s.kind}.sh`, s.base], { stdio: "ignore" });
    rmSync(s.base, { recursive: true, force: true });
  }
});

/** Starts a throwaway server of `kind`; null (with the reason) when it cannot. */
function start(kind: Kind): Own | string {
  const base = mkdtempSync(join(tmpdir(), `pijar-killdb-${kind}-`));
  // The run's own servers export PIJAR_PG_* / PIJAR_MYSQL_* (port, data folder): the start scripts
  // would read them and collide with those servers, so the throwaway one starts without them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PIJAR_PG") && !k.startsWith("PIJAR_MYSQL")));
  const r = spawnSync("bash", [`scripts/db/start-${kind}.sh`, base], { encoding: "utf8", timeout: 120_000, env });
  if (r.status !== 0) {
    rmSync(base, { recursive: true, force: true });
    return `scripts/db/start-${kind}.sh failed: ${(r.stderr || r.stdout).trim().slice(-300)}`;
  }
  const out = Object.fromEntries(r.stdout.trim().split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
  const p = kind === "postgres" ? "PIJAR_PG" : "PIJAR_MYSQL";
  const own = { kind, base, env: out, url: out[`${p}_URL`]!, user: out[`${p}_USER`]!, password: out[`${p}_PASSWORD`]! };
  started.push(own);
  return own;
}

/** Process ids of the server: the main process and, for PostgreSQL, every backend it forked. */
function serverPids(s: Own): number[] {
  const pidFile = s.kind === "postgres" ? join(s.base, "postgres/postmaster.pid") : join(s.base, "mariadb/mariadb.pid");
  const main = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  const children = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).filter((d) => {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ...": comm may hold spaces, so split after ")".
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === main;
    } catch {
      return false;
    }
  }).map(Number);
  return [main, ...children];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
};

/** SIGKILL to every server process, then waits until they are all gone (shared memory freed). */
async function crash(s: Own): Promise<void> {
  const pids = serverPids(s);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 400 && pids.some(alive); i++) await sleep(25);
}

/** Starts the killed server again on its data (crash recovery runs), as start-*.sh does. */
async function restart(s: Own): Promise<void> {
  if (s.kind === "postgres") {
    const data = join(s.base, "postgres");
    // The kill leaves postmaster.pid behind, and where nothing reaps the dead postmaster (a
    // container's init) its pid still exists as a zombie, which PostgreSQL takes for a running
    // server. crash() saw every server process dead, so the lock files (data folder, socket)
    // are stale: remove them.
    for (const f of readdirSync(data)) if (f === "postmaster.pid" || /^\.s\.PGSQL\.\d+(\.lock)?$/.test(f)) rmSync(join(data, f), { force: true });
    const bin = execFileSync("bash", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1"], { encoding: "utf8" }).trim();
    const as = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
    const cmd = [...as, `${bin}/pg_ctl`, "-D", data, "-l", join(data, "server.log"), "-w", "-t", "60", "start"];
    try {
      execFileSync(cmd[0]!, cmd.slice(1), { stdio: "pipe" });
    } catch (e) {
      const log = existsSync(join(data, "server.log")) ? readFileSync(join(data, "server.log"), "utf8").slice(-1500) : "";
      throw new Error(`PostgreSQL did not restart after the crash: ${String((e as { stderr?: Buffer }).stderr ?? e)}\n${log}`);
    }
  } else {
    const data = join(s.base, "mariadb");
    rmSync(join(data, "mariadb.pid"), { force: true });
    const server = spawn("mariadbd", [`--defaults-file=${join(data, "my.cnf")}`], { detached: true, stdio: "ignore" });
    server.unref();
  }
  for (let i = 0; i < 240; i++) {
    try {
      await count(s, "SELECT 1");
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${s.kind} did not come back after the crash (see ${s.base})`);
}

async function count(s: Own, text: string): Promise<string> {
  const c = await openConnection(parseJdbcOptions({ url: s.url, user: s.user, password: s.password }));
  try {
    return String((await c.query(text))[0]![0]);
  } finally {
    await c.close();
  }
}

/** Waits until the server runs Pijar's bulk load (COPY / LOAD DATA). */
async function waitForLoad(s: Own): Promise<void> {
  const q = s.kind === "postgres"
    ? "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY %' AND state = 'active'"
    : "SELECT count(*) FROM information_schema.processlist WHERE info LIKE 'LOAD DATA%'";
  for (let i = 0; i < 2400; i++) {
    if ((await count(s, q)) !== "0") return;
    await sleep(25);
  }
  throw new Error("no load seen on the server");
}

const OLD_ROWS = 3;
const NEW_ROWS = 1_000_000;

for (const kind of ["postgres", "mariadb"] as const) {
  describe(`${kind} killed mid-load`, () => {
    const own = start(kind);
    const reason = typeof own === "string" ? own : null;
    it("the throwaway server started (required under CI=true)", () => {
      if (isCI) expect(reason).toBeNull();
    });
    for (const mode of ["overwrite", "append"] as const) {
      it.skipIf(reason !== null)(`${mode}: the table holds the old rows or the new ones, and the error is classed`, async () => {
        const s = own as Own;
        const spark = session();
        const table = `pijar_killed_${mode}`;
        const opts = { url: s.url, user: s.user, password: s.password, dbtable: table };
        await writeJdbc(salesDataFrame(spark, OLD_ROWS), opts, "overwrite");
        const fingerprint = `SELECT CONCAT(COUNT(*), '/', SUM(order_id), '/', SUM(quantity), '/', MAX(city)) FROM ${table}`;
        const before = await count(s, fingerprint);
        const load = writeJdbc(salesDataFrame(spark, NEW_ROWS), opts, mode).then(() => null, (e: unknown) => e);
        await waitForLoad(s);
        await crash(s);
        const e = await load;
        expect(e, "the load finished although its server was killed").toBeInstanceOf(PijarError);
        expect((e as PijarError).errorClass).toMatch(/^FAILED_JDBC\.|^CANNOT_CONNECT_TO_DATABASE$/);
        expect(String((e as Error).message)).not.toContain(s.password);
        await restart(s);
        const n = Number(await count(s, `SELECT COUNT(*) FROM ${table}`));
        const allowed = mode === "overwrite" ? [OLD_ROWS, NEW_ROWS] : [OLD_ROWS, OLD_ROWS + NEW_ROWS];
        expect(allowed, `${n} rows after the crash: a mix of old and new`).toContain(n);
        // The load was cut before its commit, so: the old rows, exactly.
        expect(await count(s, fingerprint)).toBe(before);
      }, 240_000);
    }
  });
}
