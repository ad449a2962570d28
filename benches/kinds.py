#!/usr/bin/env python3
"""What each kind of output costs in a full build: its share of the build.

Builds a synthetic portal RUNS times into an empty folder with
`PLEDGEBOARD_TIMINGS=1` and reads, per kind of output, its two laps:
`plan: KIND` (deciding which of its files to make, which for the search
index means reading every commitment's words) and `make: KIND` (making and
writing them). Prints the medians, and each kind's share of the build's
wall time (as the build reports it), which is what issue budgets such as
"the search index adds at most 15% to the build" are checked against.

    cargo build --release --examples && cargo build --release
    python3 benches/kinds.py target/release/pledgeboard 2000

Not a test: run it on a quiet machine and record the figures in
benches/RESULTS.md with the machine and the date. OUT (default
/dev/shm/pb-kinds) is where the builds go (tmpfs: in RAM).
"""
import os, re, shutil, statistics, subprocess, sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
import build  # noqa: E402  (the synthetic portals)

RUNS = int(os.environ.get("RUNS", "3"))
OUT = os.environ.get("OUT", "/dev/shm/pb-kinds")
LAP = re.compile(r"timing: (plan|make): (.+?)\s+([\d.]+) ms")
BUILT = re.compile(r"Built .* in ([\d.]+) (ms|s) ")


def one_build(binary, site):
    """The build's wall time (ms) and, per kind, its plan and make laps (ms)."""
    shutil.rmtree(OUT, ignore_errors=True)
    env = dict(os.environ, PLEDGEBOARD_TIMINGS="1")
    p = subprocess.run([binary, "build", site, "--output", OUT],
                       capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"{binary}: build failed:\n{p.stderr}")
    laps = defaultdict(lambda: [0.0, 0.0])
    for stage, kind, ms in LAP.findall(p.stderr):
        laps[kind][0 if stage == "plan" else 1] += float(ms)
    m = BUILT.search(p.stdout)
    total = float(m.group(1)) * (1 if m.group(2) == "ms" else 1000)
    return total, laps


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    site = build.synth(n)
    totals, plans, makes = [], defaultdict(list), defaultdict(list)
    for _ in range(RUNS):
        total, laps = one_build(binary, site)
        totals.append(total)
        for kind, (plan, make) in laps.items():
            plans[kind].append(plan)
            makes[kind].append(make)
    shutil.rmtree(OUT, ignore_errors=True)
    total = statistics.median(totals)
    print(f"{n}x10x3, {RUNS} full builds into {OUT}, medians; build {total / 1000:.2f} s")
    print(f"{'kind':>14} {'plan ms':>9} {'make ms':>9} {'share':>7}")
    for kind in plans:
        plan, make = statistics.median(plans[kind]), statistics.median(makes[kind])
        print(f"{kind:>14} {plan:9.0f} {make:9.0f} {100 * (plan + make) / total:6.1f}%")


if __name__ == "__main__":
    main()
