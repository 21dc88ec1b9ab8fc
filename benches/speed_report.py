#!/usr/bin/env python3
"""Side-by-side speed report: `rollout run --preset bass` against its numpy peer, in one go.

Runs the release CLI (1,000,000 agents x 120 months, one replicate, one thread, pinned to one core) and
benches/bass_numpy.py (same model, same size, same core) in turn, A B A B ..., after one warm-up each, so
both see the same machine load. Each run is a whole process; its CPU time (user + system) comes from the
kernel's accounting of that child (os.wait4) and its wall time from a monotonic clock. Prints each
command's median (and range) and the ratio numpy / rollout pair by pair: above 1 means the engine is faster.

With --before PATH (another `rollout` binary, e.g. built from an earlier commit), that binary runs in the
same rotation, for before/after figures measured side by side.

Usage: .venv/bin/python benches/speed_report.py [--runs 5] [--rollout target/release/rollout]
       [--before /tmp/rollout-before] [--agents 1000000] [--months 120] [--cpu 0]
Build first: cargo build --release -p rollout-cli. Needs numpy (scripts/setup.sh installs it into .venv/).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_once(cmd, cpu, env):
    """(wall seconds, CPU seconds) of one whole-process run; its output is discarded."""
    start = time.perf_counter()
    child = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        env=env,
        preexec_fn=(lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None else None,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed (exit {os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime


def describe(xs):
    return f"median {statistics.median(xs):.3f} s (min {min(xs):.3f}, max {max(xs):.3f})"


def main() -> None:
    ap = argparse.ArgumentParser(description="rollout run --preset bass against its numpy peer")
    ap.add_argument("--runs", type=int, default=5, help="counted runs of each command (after one warm-up)")
    ap.add_argument("--rollout", default=str(ROOT / "target/release/rollout"), help="the rollout binary")
    ap.add_argument("--before", help="an earlier rollout binary to run in the same rotation")
    ap.add_argument("--agents", type=int, default=1_000_000)
    ap.add_argument("--months", type=int, default=120)
    ap.add_argument("--cpu", type=int, default=0, help="the one processor every run is pinned to (-1: none)")
    a = ap.parse_args()
    cpu = None if a.cpu < 0 else a.cpu
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    size = ["--agents", str(a.agents), "--months", str(a.months)]
    commands = {"rollout": [a.rollout, "run", "--preset", "bass", "--replicates", "1", *size]}
    if a.before:
        commands["rollout (before)"] = [a.before, "run", "--preset", "bass", "--replicates", "1", *size]
    commands["numpy"] = [sys.executable, str(ROOT / "benches/bass_numpy.py"), *size]

    for cmd in commands.values():  # warm-up: page cache, CPU frequency
        run_once(cmd, cpu, env)
    results = {name: [] for name in commands}
    for _ in range(a.runs):
        for name, cmd in commands.items():
            results[name].append(run_once(cmd, cpu, env))

    agent_months = a.agents * a.months
    print(f"Bass ABM, {a.agents:,} agents x {a.months} months, 1 replicate, 1 thread"
          f"{'' if cpu is None else f' pinned to CPU {cpu}'}; {a.runs} runs each, alternating; whole processes")
    for name, rs in results.items():
        walls, cpus = [r[0] for r in rs], [r[1] for r in rs]
        rate = agent_months / statistics.median(cpus) / 1e6
        print(f"  {name:<17} CPU {describe(cpus)}; wall {describe(walls)}; {rate:,.0f} M agent-months per CPU second")
    for name in results:
        if name == "numpy":
            continue
        pairs = [n[1] / r[1] for n, r in zip(results["numpy"], results[name])]
        print(f"  numpy / {name} CPU time, pair by pair: median {statistics.median(pairs):.2f}"
              f" (min {min(pairs):.2f}, max {max(pairs):.2f}); above 1: the engine is faster")
    if a.before:
        pairs = [b[1] / r[1] for b, r in zip(results["rollout (before)"], results["rollout"])]
        print(f"  before / after CPU time, pair by pair: median {statistics.median(pairs):.2f}"
              f" (min {min(pairs):.2f}, max {max(pairs):.2f})")


if __name__ == "__main__":
    main()
