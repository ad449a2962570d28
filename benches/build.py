#!/usr/bin/env python3
"""Full-build and rebuild benchmark on synthetic portals (issue 5).

For each size (localities x 10 commitments x 3 languages) it generates the
synthetic portal (examples/synth.rs, fixed seed), builds it RUNS times into
tmpfs (/dev/shm) and prints the median wall time, pages per second, peak
memory (/usr/bin/time -v), output size, and -- in the same run -- the time
`cp -r` takes to copy pledgeboard's own finished output into tmpfs (the
floor of writing that many files). Then the incremental path of watch/serve:
on the 1000x10 portal, one commitment edited REBUILDS times under
`pledgeboard watch`, median time of the rebuild as watch reports it.

    cargo build --release --examples && cargo build --release
    python3 benches/build.py                 # sizes 10, 200, 2000; 5 runs each
    python3 benches/build.py 10 200          # only these sizes
    RUNS=3 python3 benches/build.py 2000

Not a test: run it by hand on a quiet machine and record the figures in
benches/RESULTS.md with the machine (nproc, free -g) and the date.
"""
import os, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.path.join(ROOT, "target", "release", "pledgeboard")
SYNTH = os.path.join(ROOT, "target", "release", "examples", "synth")
RUNS = int(os.environ.get("RUNS", "5"))
REBUILDS = int(os.environ.get("REBUILDS", "20"))
SHM = os.environ.get("SHM", "/dev/shm")
WORK = os.environ.get("WORK", "/tmp/pledgeboard-bench")


def synth(localities):
    site = os.path.join(WORK, f"synth{localities}")
    if not os.path.isfile(os.path.join(site, "site.yaml")):
        subprocess.run([SYNTH, "--localities", str(localities), "--per-locality", "10",
                        "--languages", "en,fr,ar", "--out", site], check=True,
                       stdout=subprocess.DEVNULL)
    return site


def du(path):
    total = files = 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            total += os.path.getsize(os.path.join(dirpath, n))
            files += 1
    return total, files


def timed_build(site, out):
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", BIN, "build", site, "--output", out],
                       capture_output=True, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"build failed:\n{p.stderr}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    pages = int(re.search(r"Built (\d+) pages", p.stdout).group(1))
    return wall, rss_kb, pages


def cp_floor(out):
    dest = out + "-copy"
    shutil.rmtree(dest, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(["cp", "-r", out, dest], check=True)
    t = time.perf_counter() - start
    shutil.rmtree(dest, ignore_errors=True)
    return t


def full_builds(sizes):
    results = {}
    print(f"machine: {os.cpu_count()} cores; runs per size: {RUNS}; output into {SHM}")
    print(f"{'portal':>14} {'pages':>7} {'median':>9} {'pages/s':>8} {'peak RSS':>9} "
          f"{'output':>9} {'cp -r':>7} {'ratio':>6}")
    for n in sizes:
        site = synth(n)
        out = os.path.join(SHM, f"pb-bench-{n}")
        walls, rss, cps = [], [], []
        pages = 0
        for _ in range(RUNS):
            w, r, pages = timed_build(site, out)
            walls.append(w)
            rss.append(r)
            cps.append(cp_floor(out))
        size, files = du(out)
        med, cp = statistics.median(walls), statistics.median(cps)
        results[n] = (med, pages)
        print(f"{f'{n}x10x3':>14} {pages:>7} {med:>8.2f}s {pages / med:>8.0f} "
              f"{statistics.median(rss) / 1024:>7.0f}MB {size / 2**20:>7.0f}MB "
              f"{cp:>6.2f}s {med / cp:>5.1f}x")
        shutil.rmtree(out, ignore_errors=True)
    if 200 in results and 2000 in results:
        print(f"linearity: 2000x10 takes {results[2000][0] / results[200][0]:.1f} times "
              f"200x10 (pages: {results[2000][1] / results[200][1]:.1f} times)")


def rebuilds(localities=1000):
    """Median rebuild time of `pledgeboard watch` after one commitment changes."""
    times = rebuild_times(localities)
    print(f"rebuild after one commitment changed ({localities}x10x3, {REBUILDS} edits, "
          f"as reported by watch): median {statistics.median(times):.0f} ms, "
          f"p95 {times[int(len(times) * 0.95) - 1]:.0f} ms")


def rebuild_times(localities=1000):
    """The rebuild times (ms, sorted) `pledgeboard watch` reports after each
    of REBUILDS edits of one commitment."""
    site = synth(localities)
    copy = os.path.join(WORK, f"watch{localities}")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)
    out = os.path.join(SHM, "pb-bench-watch")
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.Popen([BIN, "watch", copy, "--output", out], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    times = []
    try:
        def wait_built():
            for line in proc.stdout:
                m = re.search(r"Built .* in ([\d.]+) (ms|s) ", line)
                if m:
                    v = float(m.group(1))
                    return v if m.group(2) == "ms" else v * 1000
                if line.startswith("error"):
                    sys.exit(line)
            sys.exit("watch stopped")
        wait_built()
        for line in proc.stdout:
            if line.startswith("Watching"):
                break
        target = os.path.join(copy, "localities", "locality-00000", "commitment-000.md")
        original = open(target, encoding="utf-8").read()
        for i in range(REBUILDS):
            time.sleep(0.3)
            with open(target, "w", encoding="utf-8") as f:
                f.write(original.replace("title:", f"title: Edit {i} -", 1))
            times.append(wait_built())
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(out, ignore_errors=True)
    times.sort()
    return times


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [10, 200, 2000]
    for path in (BIN, SYNTH):
        if not os.path.isfile(path):
            sys.exit(f"{path} is missing: cargo build --release --examples && cargo build --release")
    os.makedirs(WORK, exist_ok=True)
    full_builds(sizes)
    if os.environ.get("SKIP_REBUILD") != "1":
        rebuilds()


if __name__ == "__main__":
    main()
