"""Kernel speed: ipykernel and the Pijar kernel (type checking on), same run, same client.

For each kernel, RUNS times: launch through jupyter_client and time
  start-up   launch -> first kernel_info_reply,
  1st cell   the first execute round trip, sent right after that reply (as "Run All" does),
  2nd cell   the execute right after it (the one that used to wait for the type checker),
  trivial    p50 of CELLS `1+1` round trips (execute_request -> reply and idle on iopub),
  distinct   p50 of CELLS trivial cells that all differ (`7 + 1`): no cached type check helps.
Prints the medians over the runs and the ratio Pijar / ipykernel.

Usage (from the repo root, after `npx tsc -p tsconfig.json && node dist/kernel/cli.js snapshot`;
without the checker snapshot the kernel builds its checker at start, 5-7 s more; `setup.sh` does both):
  .venv/bin/python bench/kernel.py [--runs 3] [--cells 50] [--no-typecheck]
The Pijar kernelspec is installed from this checkout's dist/ into a temporary prefix.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[1]

CELLS = {
    "python3": ("a = 1\na", "a + 1", "1+1"),
    "pijar": ("const a = 1;\na", "a + 1", "1+1"),
}


def wait_reply(kc, msg_id, timeout):
    deadline = time.time() + timeout
    while True:
        r = kc.get_shell_msg(timeout=max(0.05, deadline - time.time()))
        if r["parent_header"].get("msg_id") == msg_id:
            return r


def wait_idle(kc, msg_id, timeout):
    deadline = time.time() + timeout
    while True:
        m = kc.get_iopub_msg(timeout=max(0.05, deadline - time.time()))
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"]["execution_state"] == "idle"):
            return


def execute(kc, code, timeout=120):
    t = time.perf_counter()
    msg_id = kc.execute(code)
    reply = wait_reply(kc, msg_id, timeout)
    wait_idle(kc, msg_id, timeout)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell {code!r} failed: {reply['content']}")
    return time.perf_counter() - t


def one_run(kernel_name, cells, env):
    first, second, trivial = CELLS[kernel_name]
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.perf_counter()
    km.start_kernel(env=env)
    kc = km.client()
    kc.start_channels()
    try:
        # Poll kernel_info as jupyter_client's wait_for_ready does; the first reply ends start-up.
        while True:
            msg_id = kc.kernel_info()
            try:
                wait_reply(kc, msg_id, 0.5)
                break
            except Exception:  # noqa: BLE001 (queue.Empty: not bound yet)
                if time.perf_counter() - t0 > 120:
                    raise RuntimeError(f"{kernel_name} did not answer kernel_info in 120 s")
        startup = time.perf_counter() - t0
        # Drain start-up iopub (status messages) so round trips are timed cleanly.
        while True:
            try:
                kc.get_iopub_msg(timeout=0.05)
            except Exception:  # noqa: BLE001
                break
        t_first = execute(kc, first)
        t_second = execute(kc, second)
        times = [execute(kc, trivial) for _ in range(cells)]
        distinct = [execute(kc, f"{i} + 1") for i in range(cells)]
        return startup, t_first, t_second, statistics.median(times), statistics.median(distinct)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cells", type=int, default=50)
    ap.add_argument("--no-typecheck", action="store_true", help="Pijar with PIJAR_NO_TYPECHECK=1 (reference only)")
    args = ap.parse_args()

    prefix = tempfile.mkdtemp(prefix="pijar-bench-kernelspec-")
    subprocess.run(["node", str(REPO / "dist" / "kernel" / "cli.js"), "install", "--prefix", prefix],
                   check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = str(Path(prefix) / "share" / "jupyter")
    env = dict(os.environ)
    env.pop("PIJAR_NO_TYPECHECK", None)
    pijar_env = dict(env, **({"PIJAR_NO_TYPECHECK": "1"} if args.no_typecheck else {}))

    results = {"python3": [], "pijar": []}
    for run in range(args.runs):
        # Alternate the order so neither kernel always runs on a warmer machine.
        order = ["python3", "pijar"] if run % 2 == 0 else ["pijar", "python3"]
        for name in order:
            results[name].append(one_run(name, args.cells, pijar_env if name == "pijar" else env))
            r = results[name][-1]
            print(f"run {run + 1} {name:8s} start-up {r[0]*1000:7.0f} ms  1st {r[1]*1000:7.0f} ms  "
                  f"2nd {r[2]*1000:7.0f} ms  trivial p50 {r[3]*1000:6.1f} ms  distinct p50 {r[4]*1000:6.1f} ms", file=sys.stderr)

    med = {k: [statistics.median(r[i] for r in v) for i in range(5)] for k, v in results.items()}
    labels = ["start-up to kernel_info_reply", "first cell", "second cell", f"trivial cell `1+1` p50 ({args.cells})",
              f"distinct trivial cells p50 ({args.cells})"]
    mode = "type checking OFF" if args.no_typecheck else "type checking on"
    print(f"\nKernel speed, medians of {args.runs} runs (Pijar: {mode}); load average {os.getloadavg()[0]:.1f}")
    print(f"| {'measure':38s} | {'ipykernel':>10s} | {'Pijar':>10s} | {'Pijar/ipykernel':>15s} |")
    print(f"|{'-'*40}|{'-'*12}|{'-'*12}|{'-'*17}|")
    for i, label in enumerate(labels):
        a, b = med["python3"][i], med["pijar"][i]
        print(f"| {label:38s} | {a*1000:8.1f}ms | {b*1000:8.1f}ms | {b / a:14.2f}x |")


if __name__ == "__main__":
    main()
