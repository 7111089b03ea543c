#!/usr/bin/env python3
"""End-to-end throughput of `sla evaluate --tickets` (issue bar: >= 100,000 tickets/s).

Writes N pseudo-random tickets of rules/maintenance.yaml as JSON Lines (the same mix as
engine_bench.cpp: responses, pauses, updates, severity changes, arrivals, resolutions), then
times `sla evaluate --tickets FILE --now ...` with stdout to /dev/null, R times, and prints the
median tickets per second. Usage: bench/evaluate_stream.py [--sla build/sla] [--tickets N]
[--repetitions R] [--jobs J]
"""
import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")


def ticket_lines(n, seed=20261130):
    rng = random.Random(seed)
    start = dt.datetime(2025, 1, 1)  # to 2026-08-23: inside cn-office's covers
    for i in range(n):
        created = start + dt.timedelta(seconds=rng.randint(0, 600 * 86400))
        at = created
        events = []

        def event(kind, max_gap, to=None):
            nonlocal at
            at = at + dt.timedelta(seconds=rng.randint(60, max_gap))
            e = '{"at":"%s","type":"%s"' % (iso(at), kind)
            events.append(e + (',"to":"%s"}' % to if to else "}"))

        if rng.random() < 0.9:
            event("responded", 3600)
        if rng.random() < 0.25:
            event("customer_updated", 1800)
        if rng.random() < 0.2:
            event("waiting_customer", 4 * 3600)
            event("customer_replied", 2 * 86400)
        if rng.random() < 0.1:
            event("severity", 6 * 3600, "sev%d" % rng.randint(1, 3))
        if rng.random() < 0.33:
            event("engineer_arrived", 86400)
        if rng.random() < 0.75:
            event("resolved", 3 * 86400)
        now = created + dt.timedelta(seconds=rng.randint(0, 12 * 86400))
        yield ('{"id":"T-%d","policy":"maintenance","tier":"%s","severity":"sev%d",'
               '"created":"%s","now":"%s","events":[%s]}\n'
               % (i, rng.choice("AC"), rng.randint(1, 3), iso(created), iso(now), ",".join(events)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sla", default=os.path.join(ROOT, "build", "sla"))
    ap.add_argument("--tickets", type=int, default=1_000_000)
    ap.add_argument("--repetitions", type=int, default=3)
    ap.add_argument("--jobs", type=int, help="passed to sla evaluate (default: one per core)")
    args = ap.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.writelines(ticket_lines(args.tickets))
        path = f.name
    try:
        rates = []
        for _ in range(args.repetitions):
            begin = time.perf_counter()
            with open(os.devnull, "w") as sink:
                subprocess.run([args.sla, "evaluate", "--rules",
                                os.path.join(ROOT, "rules", "maintenance.yaml"),
                                "--tickets", path] + (["--jobs", str(args.jobs)] if args.jobs else []),
                               stdout=sink, check=True)
            rates.append(args.tickets / (time.perf_counter() - begin))
        size = os.path.getsize(path) / 1e6
        print("sla evaluate --tickets%s: %d tickets (%.0f MB of JSON Lines), median of %d runs: "
              "%.0f tickets/s (runs: %s)" % ((" --jobs %d" % args.jobs) if args.jobs else "", args.tickets, size, args.repetitions,
                                             statistics.median(rates),
                                             ", ".join("%.0f" % r for r in rates)))
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
