"""SLA attainment over a batch of closed tickets: per tier x severity x target, the share of
targets met, printed as a table and saved as a matplotlib chart.

    python examples/python/attainment.py [--tickets N] [--chart attainment.png]

The tickets are a synthetic, reproducible history of the maintenance agreement
(rules/maintenance.yaml): every ticket was responded to, worked on (sometimes waiting for the
customer), resolved and reported on. Engine.evaluate_frame evaluates the whole table in C++
and returns one row per ticket x target x cycle; attainment = met / (met + missed + breached).
The script checks itself: the same attainment computed from Engine.evaluate, ticket by
ticket, must be identical, and the chart must have been written. Exit status 0 only then.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import sys
from typing import Tuple

import numpy as np
import pandas as pd

import sla

HERE = pathlib.Path(__file__).resolve().parent
RULES = HERE.parents[1] / "rules" / "maintenance.yaml"
ZONE = "Asia/Shanghai"
NOW = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)  # after every ticket was closed


def synthetic_history(n: int, seed: int = 7) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """n closed tickets created during 2025, as a tickets frame and a long events frame
    (ticket, at, type): responded, maybe waiting_customer / customer_replied, a status update,
    resolved, report_delivered — in log order within each ticket."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2025-01-01T00:00:00")
    created = start + rng.integers(0, 360 * 86400, n) // 60 * 60  # minutes, UTC
    minutes = lambda mean: (rng.exponential(mean, n) * 60).astype(np.int64)  # noqa: E731
    responded = created + minutes(45)
    waiting = rng.random(n) < 0.3
    wait_start = responded + minutes(120)
    wait_end = wait_start + minutes(24 * 60)
    updated = np.where(waiting, wait_end, responded) + minutes(30)
    resolved = updated + minutes(20 * 60)
    reported = resolved + minutes(3 * 24 * 60)
    ids = np.array([f"T-{k:06d}" for k in range(n)])
    tickets = pd.DataFrame({
        "id": ids,
        "policy": "maintenance",
        "tier": rng.choice(["A", "C"], n, p=[0.3, 0.7]),
        "severity": rng.choice(["sev1", "sev2", "sev3"], n, p=[0.15, 0.35, 0.5]),
        "created": pd.DatetimeIndex(created.astype("datetime64[s]")).tz_localize("UTC").tz_convert(ZONE),
    })
    columns = [("responded", responded, np.ones(n, bool)), ("waiting_customer", wait_start, waiting),
               ("customer_replied", wait_end, waiting), ("customer_updated", updated, np.ones(n, bool)),
               ("resolved", resolved, np.ones(n, bool)), ("report_delivered", reported, np.ones(n, bool))]
    parts = [pd.DataFrame({"ticket": ids[mask], "at": at[mask], "type": kind, "order": k})
             for k, (kind, at, mask) in enumerate(columns)]
    events = pd.concat(parts, ignore_index=True)
    events["position"] = events["ticket"].str[2:].astype(np.int64)
    events = events.sort_values(["position", "order"], kind="stable").drop(columns=["position", "order"])
    events["at"] = pd.DatetimeIndex(events["at"].to_numpy().astype("datetime64[s]")).tz_localize("UTC")
    return tickets, events.reset_index(drop=True)


def with_event_lists(tickets: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The same tickets with their events as a column of lists (what Dask partitions carry)."""
    lists = events.groupby("ticket", sort=False).apply(
        lambda g: [{"at": a, "type": t} for a, t in zip(g["at"], g["type"])], include_groups=False)
    return tickets.assign(events=tickets["id"].map(lists))


def attainment(outcomes: pd.DataFrame) -> pd.DataFrame:
    """Per tier x severity x target: targets decided (met, missed or breached), met, share."""
    decided = outcomes[outcomes["met"].notna()]
    table = decided.groupby(["tier", "severity", "target"], observed=True)["met"].agg(["count", "sum"])
    table = table.rename(columns={"count": "decided", "sum": "met"}).astype(np.int64)
    table["attainment"] = table["met"] / table["decided"]
    return table


def attainment_ticket_by_ticket(engine: sla.Engine, tickets: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The same table from Engine.evaluate (one dict per ticket): an independent path."""
    rows = []
    by_ticket = {k: g for k, g in events.groupby("ticket", sort=False)}
    for t in tickets.itertuples():
        g = by_ticket[t.id]
        ticket = {"id": t.id, "policy": t.policy, "tier": t.tier, "severity": t.severity,
                  "created": t.created.to_pydatetime(),
                  "events": [{"at": a.to_pydatetime(), "type": k} for a, k in zip(g["at"], g["type"])]}
        result = engine.evaluate(ticket, NOW)
        for target in result["targets"]:
            if target["state"] in ("met", "missed", "breached"):
                rows.append((result["tier"], result["severity"], target["id"], target["state"] == "met"))
    frame = pd.DataFrame(rows, columns=["tier", "severity", "target", "met"])
    table = frame.groupby(["tier", "severity", "target"])["met"].agg(["count", "sum"])
    table = table.rename(columns={"count": "decided", "sum": "met"}).astype(np.int64)
    table["attainment"] = table["met"] / table["decided"]
    return table


def chart(table: pd.DataFrame, path: pathlib.Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display: write a file
    import matplotlib.pyplot as plt

    shares = table["attainment"].unstack("target")
    ax = shares.plot.bar(figsize=(11, 5), width=0.8, rot=0)
    ax.set_ylabel("targets met")
    ax.set_ylim(0, 1)
    ax.set_xlabel("tier, severity")
    ax.set_title("SLA attainment per tier x severity x target (maintenance agreement)")
    ax.legend(title="target", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    plt.tight_layout()
    plt.savefig(path, dpi=100)
    plt.close()


def main(argv: list) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=400)
    parser.add_argument("--chart", type=pathlib.Path, default=pathlib.Path("attainment.png"))
    args = parser.parse_args(argv[1:])

    engine = sla.Engine(sla.load_rules(RULES))
    tickets, events = synthetic_history(args.tickets)
    outcomes = engine.evaluate_frame(tickets, NOW, events=events)
    table = attainment(outcomes)
    with pd.option_context("display.max_rows", 100, "display.width", 120):
        print(table.to_string(float_format=lambda x: f"{x:.1%}"))
    chart(table, args.chart)
    print(f"chart: {args.chart}")

    failures = []
    independent = attainment_ticket_by_ticket(engine, tickets, events)
    ours = table.copy()
    ours.index = ours.index.set_levels([level.astype(str) for level in ours.index.levels])
    try:
        pd.testing.assert_frame_equal(ours.sort_index(), independent.sort_index(), check_index_type=False)
    except AssertionError as e:
        failures.append(f"evaluate_frame and evaluate disagree: {e}")
    by_lists = attainment(engine.evaluate_frame(with_event_lists(tickets, events), NOW))
    if not by_lists.equals(table):
        failures.append("events as a column of lists give another table than the events frame")
    if not (args.chart.exists() and args.chart.stat().st_size > 10_000):
        failures.append(f"no chart at {args.chart}")
    if table["decided"].sum() < 3 * args.tickets:
        failures.append("too few decided targets: the history is not what it should be")
    for f in failures:
        print("FAILED:", f)
    print("attainment: all checks passed" if not failures else f"attainment: {len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
