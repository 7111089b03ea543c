"""Python batch throughput: sla's add_many against pandas CustomBusinessHour, and
evaluate_frame tickets per second (docs/semantics.md §7: >= 5 million due times/s on one core, >= 1000x
pandas per element, identical results).

    python bench/python_vs_pandas.py [--quick] [--n 5000000] [--repeat 7]

Runs pinned to one core. The calendar is one CustomBusinessHour can express exactly: Mon-Fri
09:00-12:00 and 13:00-18:00 at a fixed offset (+08:00) with China's 2026 public holidays;
starts are random seconds over 2026, durations random whole hours 1-72 (landing next_open, the
pandas convention). pandas applies the offset element by element, and its cost grows with
the number of hours, so it is timed on a sample from the same distribution, grouped by hours,
and its results are checked against sla's. Figures are medians over repeats; the machine may
be shared, so compare runs on the same machine only. A benchmark, not a test: it reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pathlib
import statistics
import sys
import time
import warnings

import numpy as np
import pandas as pd

import sla

ROOT = pathlib.Path(__file__).resolve().parents[1]
HOLIDAYS = ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
            "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05",
            "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
            "2026-10-07"]
RULES = f"""version: 1
calendars:
  office:
    time_zone: "+08:00"
    hours: {{mon-fri: ["09:00-12:00", "13:00-18:00"]}}
    holidays: [{", ".join(HOLIDAYS)}]
"""
OFFSET = dt.timedelta(hours=8)


def cbh(n: int) -> pd.offsets.CustomBusinessHour:
    return pd.offsets.CustomBusinessHour(n=n, start=["09:00", "13:00"], end=["12:00", "18:00"],
                                         weekmask="Mon Tue Wed Thu Fri", holidays=HOLIDAYS)


def inputs(n: int, seed: int):
    rng = np.random.default_rng(seed)
    starts = (1767225600 + rng.integers(0, 365 * 86400, n)).astype("datetime64[s]")
    hours = rng.integers(1, 73, n)
    return starts, hours


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


OFFSETS = {h: cbh(h) for h in range(1, 73)}  # built once: only applying them is timed


def pandas_add(starts_utc: np.ndarray, hours: np.ndarray) -> np.ndarray:
    """start + CustomBusinessHour(n) for every element: one Series + offset per distinct n
    (pandas applies an offset to a Series element by element in Python)."""
    local = pd.Series(starts_utc + np.timedelta64(8, "h"))
    out = np.empty(len(local), dtype="datetime64[s]")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Non-vectorized DateOffset being applied to Series"
        for h in np.unique(hours):
            mask = hours == h
            out[mask] = (local[mask] + OFFSETS[int(h)]).to_numpy("datetime64[s]")
    return out - np.timedelta64(8, "h")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes (CI smoke run)")
    parser.add_argument("--n", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pandas-sample", type=int, default=20_000)
    parser.add_argument("--tickets", type=int, default=200_000)
    args = parser.parse_args()
    if args.quick:
        args.n, args.repeat, args.pandas_sample, args.tickets = 200_000, 3, 2_000, 5_000
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    office = sla.load_rules_from_string(RULES).calendar("office")
    starts, hours = inputs(args.n, 1)
    durations = hours.astype("timedelta64[h]").astype("timedelta64[s]")
    office.add_many(starts[:1000], durations[:1000])  # build the year tables outside the timing

    t_next = timed(lambda: office.add_many(starts, durations, landing="next_open"), args.repeat)
    t_close = timed(lambda: office.add_many(starts, durations), args.repeat)
    t_strings = timed(lambda: office.add_many(starts, "8h"), args.repeat)
    ends = office.add_many(starts, durations)
    t_between = timed(lambda: office.between_many(starts, ends), args.repeat)

    sample_starts, sample_hours = starts[: args.pandas_sample], hours[: args.pandas_sample]
    ours = office.add_many(sample_starts, sample_hours.astype("timedelta64[h]"), landing="next_open")
    theirs = pandas_add(sample_starts, sample_hours)
    identical = bool(np.array_equal(ours, theirs))
    t_pandas = timed(lambda: pandas_add(sample_starts, sample_hours), 3 if not args.quick else 1)

    per_ours = t_next / args.n
    per_pandas = t_pandas / args.pandas_sample
    ratio = per_pandas / per_ours
    rate = args.n / t_next
    print(f"sla add_many, landing next_open : {rate / 1e6:6.2f} M due times/s ({per_ours * 1e9:5.1f} ns each)"
          f"   bar >= 5 M/s: {'met' if rate >= 5e6 else 'NOT met'}")
    print(f"sla add_many, landing close     : {args.n / t_close / 1e6:6.2f} M due times/s")
    print(f"sla add_many, one duration text : {args.n / t_strings / 1e6:6.2f} M due times/s ('8h')")
    print(f"sla between_many                : {args.n / t_between / 1e6:6.2f} M spans/s")
    print(f"pandas CustomBusinessHour       : {per_pandas * 1e6:6.1f} us each ({args.pandas_sample} inputs,"
          f" identical results: {identical})")
    print(f"ratio (per element, next_open)  : {ratio:6.0f}x   bar >= 1000x: {'met' if ratio >= 1000 else 'NOT met'}")
    print("  one duration for every start (pandas' cost grows with the hours, sla's does not):")
    for h in (1, 8, 24, 72):
        s = sample_starts[: min(2000, args.pandas_sample)]
        th = timed(lambda: pandas_add(s, np.full(len(s), h)), 3 if not args.quick else 1) / len(s)
        print(f"    {h:2d} h: pandas {th * 1e6:6.1f} us each -> {th / per_ours:6.0f}x")

    sys.path.insert(0, str(ROOT / "examples" / "python"))
    from attainment import NOW, RULES as MAINTENANCE, synthetic_history, with_event_lists

    engine = sla.Engine(sla.load_rules(MAINTENANCE))
    tickets, events = synthetic_history(args.tickets)
    t_frame = timed(lambda: engine.evaluate_frame(tickets, NOW, events=events), 3)
    rows = len(engine.evaluate_frame(tickets, NOW, events=events))
    small = min(args.tickets, 20_000)
    listed = with_event_lists(tickets.iloc[:small], events[events["ticket"].isin(tickets["id"].iloc[:small])])
    t_lists = timed(lambda: engine.evaluate_frame(listed, NOW), 3)
    print(f"evaluate_frame, events frame    : {args.tickets / t_frame:9.0f} tickets/s "
          f"({args.tickets} tickets, {len(events)} events, {rows} rows)")
    print(f"evaluate_frame, events column   : {small / t_lists:9.0f} tickets/s ({small} tickets)")
    print("medians; one core; the machine may be shared, so figures vary between runs")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
