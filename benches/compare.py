#!/usr/bin/env python3
"""Two pledgeboard binaries on the same synthetic portal, in one run.

Runs alternate between the two binaries (A, then B, then A, ...) so that a
slow spell of the shared machine falls on both. For each size it measures,
in RAM (tmpfs) and on disk (the filesystem WORK is on):

- a full build into an empty folder (wall time, peak memory);
- a second and a third build of the same, unchanged content into the
  folder the first one wrote (what a CI job or a partner's script does on
  every run; a build after the second can start from the output the one
  before it kept);

and, with REBUILD=1, the rebuild after one commitment is edited under
`watch` on the 1000x10x3 portal (median of REBUILDS edits, as watch reports).

    cargo build --release --examples && cargo build --release
    python3 benches/compare.py BASE_BINARY NEW_BINARY 2000
    RUNS=5 REBUILD=1 python3 benches/compare.py /tmp/pb-base target/release/pledgeboard 2000

Not a test: run it by hand on a quiet machine and record the figures in
benches/RESULTS.md with the machine and the date.
"""
import os, re, shutil, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(__file__))
import build  # noqa: E402  (the synthetic portals and the watch loop)

RUNS = int(os.environ.get("RUNS", "3"))
REBUILDS = int(os.environ.get("REBUILDS", "20"))
SHM = os.environ.get("SHM", "/dev/shm")
WORK = build.WORK


def clear(out):
    shutil.rmtree(out, ignore_errors=True)
    head, name = os.path.split(out)
    prefix = f".{name}.pledgeboard-"  # manifest, lock, old, new-PID-N
    if not os.path.isdir(head or "."):
        return
    for entry in os.listdir(head or "."):
        if not entry.startswith(prefix):
            continue
        p = os.path.join(head, entry)
        if os.path.isdir(p):
            shutil.rmtree(p, ignore_errors=True)
        elif os.path.exists(p):
            os.remove(p)


def timed(binary, site, out):
    """Wall time (s), peak RSS (MB) and pages rendered of one build."""
    subprocess.run(["sync"])
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", binary, "build", site, "--output", out],
                       capture_output=True, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{binary}: build failed:\n{p.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    m = re.search(r"Built (\d+) pages \(\d+ files(?:, (\d+) rendered)?", p.stdout)
    rendered = int(m.group(2)) if m.group(2) is not None else int(m.group(1))
    return wall, rss / 1024, rendered


def compare_builds(binaries, n):
    site = build.synth(n)
    print(f"\n{n}x10x3, {RUNS} alternating runs each, medians")
    print(f"{'where':>6} {'binary':>28} {'full build':>11} {'peak':>8} "
          f"{'second build':>13} {'third':>7} {'rendered':>9} {'second/full':>12}")
    for where, root in (("RAM", SHM), ("disk", WORK)):
        figures = {b: ([], [], [], [], []) for b in binaries}
        for _ in range(RUNS):
            for b in binaries:
                out = os.path.join(root, f"pb-compare-{n}")
                clear(out)
                full, rss, _ = timed(b, site, out)
                second, _, rendered = timed(b, site, out)
                third, _, _ = timed(b, site, out)
                clear(out)
                for xs, x in zip(figures[b], (full, rss, second, third, rendered)):
                    xs.append(x)
        for b in binaries:
            full, rss, second, third, rendered = (statistics.median(xs) for xs in figures[b])
            print(f"{where:>6} {b[-28:]:>28} {full:>10.2f}s {rss:>6.0f}MB "
                  f"{second:>12.2f}s {third:>6.2f}s {rendered:>9.0f} {second / full:>11.2f}x")
        a, b = binaries
        ra = statistics.median(figures[b][0]) / statistics.median(figures[a][0])
        print(f"{where:>6} full build, B/A: {ra:.3f}")


def compare_rebuilds(binaries, localities=1000):
    print(f"\nrebuild after one edit under watch, {localities}x10x3, {REBUILDS} edits per round")
    medians = {b: [] for b in binaries}
    for _ in range(2):
        for b in binaries:
            build.BIN = b
            times = build.rebuild_times(localities)
            medians[b].append(statistics.median(times))
    for b in binaries:
        print(f"{b[-28:]:>28}: medians per round {', '.join(f'{m:.0f}' for m in medians[b])} ms")
    a, b = binaries
    print(f"B/A: {statistics.median(medians[b]) / statistics.median(medians[a]):.3f}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binaries = [os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])]
    sizes = [int(a) for a in sys.argv[3:]] or [2000]
    os.makedirs(WORK, exist_ok=True)
    print(f"A = {binaries[0]}\nB = {binaries[1]}\nmachine: {os.cpu_count()} cores")
    for n in sizes:
        compare_builds(binaries, n)
    if os.environ.get("REBUILD") == "1":
        compare_rebuilds(binaries)


if __name__ == "__main__":
    main()
