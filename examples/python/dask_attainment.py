"""Due times and SLA attainment for a ticket history partitioned over a Dask cluster.

    python examples/python/dask_attainment.py [--tickets N] [--partitions P] [--workers W]
    python examples/python/dask_attainment.py --scheduler tcp://scheduler.example:8786

Without --scheduler it starts a LocalCluster of W worker processes. The history (see
attainment.py) is one pandas DataFrame with the events of each ticket in an `events` column,
so every partition carries its tickets whole. Two map_partitions calls do the work: one
computes each ticket's resolution due time with Calendar.add_many, one evaluates every ticket
with Engine.evaluate_frame. Engine and Calendar pickle by their rule files' paths, so workers
load the same rules (on a real cluster the files must be at the same path on every worker).
The script checks itself: both results must equal the single-process ones exactly.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import Any, Tuple

import pandas as pd

import sla

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from attainment import NOW, RULES, attainment, synthetic_history, with_event_lists  # noqa: E402

GOALS = {"A": {"sev1": "2h", "sev2": "24h", "sev3": "48h"},
         "C": {"sev1": "8h", "sev2": "72h", "sev3": "72h"}}


def resolution_due(part: pd.DataFrame, office: sla.Calendar, always: sla.Calendar) -> pd.Series:
    """One partition's resolution due times (UTC): tier C on the office calendar, A 7x24."""
    goal = [GOALS[t][s] for t, s in zip(part["tier"], part["severity"])]
    c = (part["tier"] == "C").to_numpy()
    due = pd.Series(pd.NaT, index=part.index, dtype="datetime64[s, UTC]", name="due")
    if c.any():
        due[c] = office.add_many(part["created"][c], pd.Series(goal, index=part.index)[c])
    if (~c).any():
        due[~c] = always.add_many(part["created"][~c], pd.Series(goal, index=part.index)[~c])
    return due


def run(client: Any, tickets: int, partitions: int) -> Tuple[pd.DataFrame, pd.DataFrame, bool]:
    """(attainment from the cluster, attainment in this process, whether due times agree)."""
    import dask
    import dask.dataframe as dd

    # Dask turns object columns into strings by default; the events column holds lists.
    dask.config.set({"dataframe.convert-string": False})
    rules = sla.load_rules(RULES)
    engine = sla.Engine(rules)
    office, always = rules.calendar("cn-office"), rules.calendar("cn-24x7")
    history = with_event_lists(*synthetic_history(tickets))
    frame = dd.from_pandas(history, npartitions=partitions)

    due_meta = pd.Series([], dtype="datetime64[s, UTC]", name="due")
    due = frame.map_partitions(resolution_due, office, always, meta=due_meta)
    outcomes_meta = engine.evaluate_frame(history.iloc[:0], NOW)
    outcomes = frame.map_partitions(engine.evaluate_frame, NOW, meta=outcomes_meta)
    decided = outcomes[~outcomes["met"].isna()]
    counts = decided.groupby(["tier", "severity", "target"], observed=True)["met"].agg(["count", "sum"])
    due_cluster, counts = client.compute([due, counts], sync=True)

    cluster_table = counts.rename(columns={"count": "decided", "sum": "met"}).astype("int64")
    cluster_table["attainment"] = cluster_table["met"] / cluster_table["decided"]
    single_table = attainment(engine.evaluate_frame(history, NOW))
    due_single = resolution_due(history, office, always)
    return cluster_table.sort_index(), single_table.sort_index(), bool(due_cluster.sort_index().equals(due_single))


def main(argv: list) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    args = parser.parse_args(argv[1:])

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        cluster_table, single_table, due_agrees = run(client, args.tickets, args.partitions)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    with pd.option_context("display.max_rows", 100):
        print(cluster_table.to_string(float_format=lambda x: f"{x:.1%}"))
    failures = []
    try:
        pd.testing.assert_frame_equal(cluster_table, single_table, check_categorical=False)
    except AssertionError as e:
        failures.append(f"the cluster's attainment differs from the single-process one: {e}")
    if cluster_table["decided"].sum() < 3 * args.tickets:
        failures.append("too few decided targets: the history is not what it should be")
    if not due_agrees:
        failures.append("the cluster's due times differ from the single-process ones")
    for f in failures:
        print("FAILED:", f)
    print("dask_attainment: cluster and single process agree" if not failures
          else f"dask_attainment: {len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
