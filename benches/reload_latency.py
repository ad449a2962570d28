#!/usr/bin/env python3
"""Time from saving a commitment file to the reload event of `pledgeboard serve`.

Starts the release binary on a copy of a site, subscribes to the server-sent
events, then saves one commitment file N times (write in place, a different
title each time) and measures, for each save, the time until the `reload`
event arrives. Prints the median and the 95th percentile.

    cargo build --release
    python3 benches/reload_latency.py content                # the demo portal
    cargo run --release --example synth -- --localities 1000 --per-locality 10 --out /tmp/synth1000
    python3 benches/reload_latency.py /tmp/synth1000          # 10,000 commitments, 3 languages

Not a test: run it by hand on a quiet machine and record the figures in benches/RESULTS.md.
"""
import glob, os, shutil, socket, statistics, subprocess, sys, tempfile, time

def main():
    site = sys.argv[1]
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    binary = os.path.join(os.path.dirname(__file__), "..", "target", "release", "pledgeboard")
    work = tempfile.mkdtemp(prefix="pb-latency-")
    copy = os.path.join(work, "site")
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("public"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([binary, "serve", copy, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in proc.stdout:
            if "http://127.0.0.1:" in line:
                port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
                break
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(b"GET /__pledgeboard/events HTTP/1.1\r\nHost: x\r\n\r\n")
        events.settimeout(60)
        time.sleep(0.5)
        target = sorted(p for p in glob.glob(os.path.join(copy, "localities", "*", "*.md"))
                        if not os.path.basename(p).startswith("_") and os.path.basename(p).count(".") == 1)[0]
        original = open(target, encoding="utf-8").read()
        times = []
        buf = b""
        for i in range(edits):
            text = original.replace("title:", f"title: Edit {i} -", 1)
            start = time.perf_counter()
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            while b"event: reload" not in buf:
                buf += events.recv(65536)
            times.append((time.perf_counter() - start) * 1000)
            buf = buf.split(b"event: reload", 1)[1]
            time.sleep(0.3)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        print(f"{site}: {edits} saves, save to reload event: median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, min {times[0]:.0f} ms, max {times[-1]:.0f} ms")
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
