"""Engine from Python: evaluate() is exactly `sla evaluate --json`, due() is `sla due --json`,
evaluate_frame() agrees with evaluate() ticket by ticket, and bad tickets are refused clearly."""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import subprocess
import threading

import numpy as np
import pandas as pd
import pytest

import sla
from conftest import ROOT, SHANGHAI, shanghai
from tickets import as_json_ready, random_ticket

NOW = shanghai(2026, 11, 23, 12, 0)
SPEC_TICKET = {
    "id": "T-1", "policy": "maintenance", "tier": "C", "severity": "sev1",
    "created": "2026-11-20T19:00:00+08:00", "attributes": {"contract": "maintenance"},
    "events": [{"at": "2026-11-23T09:20:00+08:00", "type": "responded"},
               {"at": "2026-11-23T11:00:00+08:00", "type": "severity", "to": "sev2"}],
}


@pytest.fixture(scope="module")
def engine(maintenance):
    return sla.Engine(maintenance)


def cli() -> pathlib.Path:
    """The sla command line of the C++ build (scripts/test.sh builds it before pytest runs)."""
    path = pathlib.Path(os.environ.get("SLA_CLI", ROOT / "build" / "sla"))
    if not path.exists():
        pytest.skip(f"no sla command line at {path} (set SLA_CLI)")
    return path


def test_the_spec_ticket_by_hand(engine):
    result = engine.evaluate(SPEC_TICKET, NOW)
    assert result["ok"] and result["severity"] == "sev2" and result["now"] == "2026-11-23T12:00:00+08:00"
    targets = {t["id"]: t for t in result["targets"]}
    # Response: 30 min on the 24x7 clock from Friday 19:00; answered Monday 09:20: missed.
    assert targets["response"]["state"] == "missed"
    assert targets["response"]["due"] == "2026-11-20T19:30:00+08:00"
    # Remote fix on the office calendar: the clock starts Monday 09:00; at 11:00 the severity
    # drops to sev2 (8 h): Monday 09-12 and 13-18 make 8 h, so due Monday 18:00.
    assert targets["remote_fix"]["state"] == "running"
    assert targets["remote_fix"]["due"] == "2026-11-23T18:00:00+08:00"
    assert targets["remote_fix"]["elapsed_s"] == 3 * 3600


def test_evaluate_is_exactly_what_the_command_line_prints(engine, tmp_path):
    binary = cli()
    rng = np.random.default_rng(3)
    tickets = [SPEC_TICKET] + [as_json_ready(random_ticket(rng, k)) for k in range(40)]
    lines = tmp_path / "tickets.jsonl"
    lines.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in tickets) + "\n")
    now = "2026-12-01T12:00:00+08:00"
    run = subprocess.run(
        [binary, "evaluate", "--rules", ROOT / "rules" / "maintenance.yaml", "--tickets", lines,
         "--now", now], capture_output=True, text=True, check=False)
    expected = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(expected) == len(tickets)
    when = dt.datetime.fromisoformat(now)
    for ticket, want in zip(tickets, expected):
        assert engine.evaluate(ticket, when) == want


def test_evaluate_takes_datetimes_and_strings_alike(engine):
    rng = np.random.default_rng(4)
    for k in range(20):
        ticket = random_ticket(rng, k)
        assert engine.evaluate(ticket, NOW) == engine.evaluate(as_json_ready(ticket), NOW)


def test_now_comes_from_the_argument_or_the_ticket(engine):
    with_now = dict(SPEC_TICKET, now="2026-11-23T12:00:00+08:00")
    assert engine.evaluate(with_now) == engine.evaluate(SPEC_TICKET, NOW)
    assert engine.evaluate(with_now, NOW)["now"] == "2026-11-23T12:00:00+08:00"
    with pytest.raises(sla.TicketError, match="differs"):
        engine.evaluate(with_now, NOW + dt.timedelta(hours=1))
    with pytest.raises(sla.TicketError, match="give a now"):
        engine.evaluate(SPEC_TICKET)


@pytest.mark.parametrize(
    "change, error, match",
    [
        ({"created": "2026-11-20T19:00:00"}, sla.TicketError, "created"),
        ({"created": None}, sla.TicketError, "created"),
        ({"colour": "red"}, sla.TicketError, "colour"),
        ({"events": [{"at": "2026-11-21T10:00:00+08:00"}]}, sla.TicketError, "type"),
        ({"events": "responded"}, sla.TicketError, "events"),
        ({"created": dt.datetime(2026, 11, 20, 19)}, ValueError, "naive datetime"),
        ({"tier": object()}, sla.TicketError, "object"),
    ],
)
def test_malformed_tickets_are_refused_saying_where(engine, change, error, match):
    with pytest.raises(error, match=match):
        engine.evaluate(dict(SPEC_TICKET, **change), NOW)


def test_a_ticket_that_reads_but_cannot_be_evaluated_is_an_error_result(engine):
    result = engine.evaluate(dict(SPEC_TICKET, policy="nope"), NOW)
    assert not result["ok"]
    assert [d["code"] for d in result["diagnostics"]] == ["unknown_policy"]
    late = dict(SPEC_TICKET, events=SPEC_TICKET["events"][::-1])
    codes = [d["code"] for d in engine.evaluate(late, NOW)["diagnostics"]]
    assert codes == ["event_out_of_order"]


def test_due_is_the_schedule_of_sla_due(engine):
    schedule = engine.due("maintenance", "C", "sev1", shanghai(2026, 11, 20, 19))
    due = {t["id"]: t["due"] for t in schedule["targets"]}
    assert due["response"] == "2026-11-20T19:30:00+08:00"
    assert due["remote_fix"] == "2026-11-23T14:00:00+08:00"  # Monday 09-12 and 13-14
    with pytest.raises(ValueError, match="nope"):
        engine.due("nope", "C", "sev1", NOW)
    with pytest.raises(ValueError, match="naive"):
        engine.due("maintenance", "C", "sev1", dt.datetime(2026, 11, 20))


def utc(text):
    return None if text is None else pd.Timestamp(text).tz_convert("UTC")


def frame_of(tickets):
    return pd.DataFrame({
        "id": [t["id"] for t in tickets],
        "policy": [t["policy"] for t in tickets],
        "tier": [t["tier"] for t in tickets],
        "severity": [t["severity"] for t in tickets],
        "created": pd.to_datetime([t["created"] for t in tickets], utc=True),
        "events": [t["events"] for t in tickets],
    })


def events_frame_of(tickets):
    rows = [{"ticket": t["id"], "at": e["at"], "type": e["type"], "to": e.get("to")}
            for t in tickets for e in t["events"]]
    frame = pd.DataFrame(rows)
    frame["at"] = pd.to_datetime(frame["at"], utc=True)
    return frame


def test_evaluate_frame_agrees_with_evaluate_ticket_by_ticket(engine):
    rng = np.random.default_rng(11)
    tickets = [random_ticket(rng, k) for k in range(300)]
    now = shanghai(2026, 9, 1, 12, 0)
    by_column = engine.evaluate_frame(frame_of(tickets), now, errors="report")
    # The events as a separate long frame, tickets interleaved (every ticket's first event, then
    # every second one ...): only the order within one ticket is the log order.
    events = events_frame_of(tickets)
    events = events.iloc[np.argsort(events.groupby("ticket").cumcount().to_numpy(), kind="stable")]
    by_frame = engine.evaluate_frame(frame_of(tickets).drop(columns="events"), now, events=events,
                                     errors="report")
    pd.testing.assert_frame_equal(by_column, by_frame, check_like=False)
    rows = by_column.groupby("ticket", sort=False)
    checked = 0
    for ticket in tickets:
        want = engine.evaluate(ticket, now)
        if not want["ok"]:
            assert ticket["id"] not in rows.groups
            continue
        got = rows.get_group(ticket["id"])
        assert list(got["target"].astype(str)) == [t["id"] for t in want["targets"]]
        assert list(got["cycle"]) == [t["cycle"] for t in want["targets"]]
        assert list(got["state"].astype(str)) == [t["state"] for t in want["targets"]]
        for column, key in (("due", "due"), ("breached_at", "breached_at"), ("started", "started"),
                            ("stopped", "stopped")):
            assert [None if pd.isna(x) else x for x in got[column]] == [utc(t[key]) for t in want["targets"]]
        assert list(got["elapsed"].dt.total_seconds()) == [t["elapsed_s"] for t in want["targets"]]
        assert list(got["goal"].dt.total_seconds()) == [t["goal_s"] for t in want["targets"]]
        assert set(got["severity"].astype(str)) == {want["severity"]}
        met = [None if pd.isna(x) else bool(x) for x in got["met"]]
        assert met == [True if t["state"] == "met" else False if t["state"] in ("missed", "breached")
                       else None for t in want["targets"]]
        checked += 1
    assert checked > 250
    diagnostics = by_column.attrs["diagnostics"]
    assert set(diagnostics.columns) == {"ticket", "event", "severity", "code", "message"}


def test_evaluate_frame_refuses_bad_tables(engine):
    tickets = frame_of([random_ticket(np.random.default_rng(1), 0)])
    with pytest.raises(ValueError, match="missing column"):
        engine.evaluate_frame(tickets.drop(columns="tier"), NOW)
    naive = tickets.assign(created=tickets["created"].dt.tz_localize(None))
    with pytest.raises(ValueError, match="naive"):
        engine.evaluate_frame(naive, NOW)
    with pytest.raises(ValueError, match="cannot be evaluated: .*nope"):
        engine.evaluate_frame(tickets.assign(policy="nope"), NOW)
    reported = engine.evaluate_frame(tickets.assign(policy="nope"), NOW, errors="report")
    assert len(reported) == 0 and list(reported.attrs["diagnostics"]["code"]) == ["unknown_policy"]
    with pytest.raises(ValueError, match="missing at ticket 'T-0'"):
        engine.evaluate_frame(tickets.assign(severity=None), NOW)
    stray = pd.DataFrame({"ticket": ["T-9"], "at": [pd.Timestamp(NOW)], "type": ["responded"]})
    with pytest.raises(ValueError, match="T-9"):
        engine.evaluate_frame(tickets.drop(columns="events"), NOW, events=stray)
    with pytest.raises(ValueError, match="no UTC offset"):
        engine.evaluate_frame(tickets.assign(events=[[{"at": "2026-11-20T10:00", "type": "x"}]]), NOW)


def test_concurrent_evaluation_from_threads_matches_serial(engine):
    rng = np.random.default_rng(21)
    tickets = [random_ticket(rng, k) for k in range(200)]
    frame = frame_of(tickets)
    serial_frame = engine.evaluate_frame(frame, NOW, errors="report")
    serial_dicts = [engine.evaluate(t, NOW) for t in tickets]
    failures = []

    def work(seed: int) -> None:
        try:
            for _ in range(3):
                pd.testing.assert_frame_equal(engine.evaluate_frame(frame, NOW, errors="report"), serial_frame)
                order = np.random.default_rng(seed).permutation(len(tickets))
                for i in order[:50]:
                    assert engine.evaluate(tickets[i], NOW) == serial_dicts[i]
        except Exception as e:  # noqa: BLE001 - reported below
            failures.append(e)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[0]


def test_a_contract_ticket_reports_its_obligation_periods_without_a_severity():
    """Obligations come from evaluate() (evaluate_frame is one row per target x cycle): the
    hardware contract from 2026-01-01, quarters from its start, inspected in the first only."""
    engine = sla.Engine(sla.load_rules(ROOT / "rules" / "hardware-maintenance.obligations.yaml"))
    ticket = {"id": "C-1", "policy": "hardware-maintenance-contract", "tier": "standard",
              "created": shanghai(2026, 1, 1, 0, 0),
              "events": [{"at": shanghai(2026, 2, 10, 10, 0), "type": "inspection_done"}]}
    result = engine.evaluate(ticket, shanghai(2026, 5, 1, 12, 0))
    assert result["ok"] and result["severity"] is None and result["targets"] == []
    inspections = [(o["period"], o["state"], o["start"], o["due"], o["met_at"])
                   for o in result["obligations"] if o["id"] == "quarterly_inspection"]
    assert inspections == [
        (1, "met", "2026-01-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00", "2026-02-10T10:00:00+08:00"),
        (2, "running", "2026-04-01T00:00:00+08:00", "2026-07-01T00:00:00+08:00", None),
    ]
    assert result["next_wakeup"] == "2026-07-01T00:00:00+08:00"
