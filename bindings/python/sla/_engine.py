"""Engine: the state of every SLA clock of a ticket (docs/semantics.md §4, include/sla/engine.hpp).

``evaluate`` and ``due`` return exactly what ``sla evaluate --json`` / ``sla due --json`` print,
as dicts (times as ISO-8601 strings in the calendar's zone, ``*_utc`` in UTC).
``evaluate_frame`` evaluates a table of tickets in C++ and returns one row per ticket x target x
cycle, for attainment reports.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from itertools import chain
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import _convert
from . import _core
from ._rules import RuleSet

_HAS_OFFSET = re.compile(r"(Z|[+-]\d\d(:?\d\d)?)$")


class TicketError(ValueError):
    """A ticket that cannot be read (a missing key, a time without an offset, a wrong type)."""


def _json_default(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        seconds = _convert.epoch_seconds(value, "ticket time")
        return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"ticket: {type(value).__name__} ({value!r}) is not a JSON value or a datetime")


class Engine:
    """Evaluates tickets on a RuleSet. Immutable and thread-safe; evaluation releases the GIL.
    Pickles as its RuleSet."""

    __slots__ = ("rules", "_core", "_categories")

    def __init__(self, rules: RuleSet):
        if not isinstance(rules, RuleSet):
            raise TypeError(f"Engine(rules): expected an sla.RuleSet, not {type(rules).__name__}")
        self.rules = rules
        self._core = _core.Engine(rules._core)
        # evaluate_frame's categories: every id of the rules, so that the parts of a
        # partitioned table (Dask) get identical dtypes whatever tickets they hold.
        core = rules._core
        self._categories: Dict[str, List[str]] = {
            "policy": core.policy_ids(), "tier": core.tier_ids(), "severity": core.severity_ids(),
            "target": core.target_ids()}

    def evaluate(self, ticket: Dict[str, Any], now: Optional[_dt.datetime] = None) -> Dict[str, Any]:
        """The evaluation of `ticket` at `now`: the dict of ``sla evaluate --json``.

        `ticket` has the keys of the ticket JSON (id, policy or attributes, tier, severity,
        created, assignee, events: [{at, type, to}]); times are aware datetimes or ISO-8601
        strings with an offset. `now` defaults to the ticket's own "now" (one of them must be
        given; both must agree). A ticket that cannot be read raises TicketError; a ticket that
        reads but cannot be evaluated (an unknown policy, tier or severity) returns a result
        with ``ok`` false and the reason in ``diagnostics``, as the command line does."""
        if not isinstance(ticket, dict):
            raise TypeError(f"ticket: expected a dict, not {type(ticket).__name__}")
        try:
            text = json.dumps(ticket, default=_json_default, ensure_ascii=False)
        except TypeError as e:
            raise TicketError(str(e)) from None
        now_seconds = None if now is None else _convert.epoch_seconds(now, "now")
        result, error = self._core.evaluate_json(text, now_seconds)
        if error:
            raise TicketError(error)
        evaluation: Dict[str, Any] = json.loads(result)
        return evaluation

    def due(self, policy: str, tier: str, severity: str, created: _dt.datetime) -> Dict[str, Any]:
        """"What are my deadlines": the dict of ``sla due --json`` for a ticket created at
        `created` to which nothing happens. An unknown policy, tier or severity raises
        ValueError."""
        result: Dict[str, Any] = json.loads(
            self._core.due_json(policy, tier, severity, _convert.epoch_seconds(created, "created"))
        )
        if not result["ok"]:
            raise ValueError("; ".join(d["message"] for d in result["diagnostics"]))
        return result

    def evaluate_frame(
        self,
        tickets: Any,
        now: _dt.datetime,
        events: Any = None,
        errors: str = "raise",
    ) -> Any:
        """Evaluates a pandas DataFrame of tickets at `now` (in C++, GIL released).

        tickets: one row per ticket with columns ``policy``, ``tier``, ``severity`` and
        ``created`` (tz-aware datetimes), optionally ``id`` (the ticket's label in the result;
        default: the frame's index), ``assignee``, and ``events``: per row a list of events,
        each a dict ``{"at", "type"[, "to"]}`` or a tuple ``(at, type[, to])`` in log order.

        events: instead of an ``events`` column, a long frame with one row per event and
        columns ``ticket`` (the ticket's id / index label), ``at`` (tz-aware), ``type`` and
        optionally ``to``; rows of one ticket are in log order. This is the fast path for big
        tables.

        Returns one row per ticket x target x cycle: ticket, policy, tier, severity (tier and
        severity at `now`), target, cycle, state, started, stopped, due, breached_at
        (datetime64[s, UTC]), goal, elapsed, remaining (timedelta64[s]), percent, met (True =
        met, False = missed or breached, <NA> = not decided yet or not applicable).
        ``result.attrs["diagnostics"]`` is a DataFrame of the evaluation diagnostics (ticket,
        event index, severity, code, message). errors="raise" raises ValueError for the first
        ticket that cannot be evaluated; errors="report" leaves its rows out and keeps its
        diagnostics."""
        import pandas as pd

        if errors not in ("raise", "report"):
            raise ValueError(f"errors must be 'raise' or 'report', not {errors!r}")
        if not isinstance(tickets, pd.DataFrame):
            raise TypeError(f"tickets: expected a pandas DataFrame, not {type(tickets).__name__}")
        missing = [c for c in ("policy", "tier", "severity", "created") if c not in tickets.columns]
        if missing:
            raise ValueError(f"tickets: missing column(s) {', '.join(missing)}")
        if events is not None and "events" in tickets.columns:
            raise ValueError("tickets: give events either as an 'events' column or as events=, not both")
        n = len(tickets)
        labels = pd.Index(tickets["id"]) if "id" in tickets.columns else tickets.index
        now_seconds = _convert.epoch_seconds(now, "now")
        created, _ = _convert.instants_array(tickets["created"], "created")
        if n and (created == _convert.NAT).any():
            row = int(np.argmax(created == _convert.NAT))
            raise ValueError(f"created: missing at ticket {labels[row]!r}")
        policy_codes, policies = _codes(tickets["policy"], "policy", labels)
        tier_codes, tiers = _codes(tickets["tier"], "tier", labels)
        severity_codes, severities = _codes(tickets["severity"], "severity", labels)
        if "assignee" in tickets.columns:
            assignee_codes, assignees = _codes(tickets["assignee"], "assignee", labels, True)
        else:
            assignee_codes, assignees = np.full(n, -1, dtype=np.int32), []
        if events is not None:
            flat = _events_from_frame(events, labels)
        elif "events" in tickets.columns:
            flat = _events_from_column(tickets["events"])
        else:
            flat = (np.zeros(n + 1, dtype=np.int64), np.empty(0, np.int64), np.empty(0, np.int32),
                    [], np.empty(0, np.int32), [])
        offsets, at, type_codes, types, to_codes, tos = flat
        out = self._core.evaluate_columns(
            now_seconds, created, policy_codes, policies, tier_codes, tiers, severity_codes,
            severities, assignee_codes, assignees, offsets, at, type_codes, types, to_codes, tos)
        return _frame(out, labels, policies, policy_codes, errors, self._categories)

    def __reduce__(self) -> Any:
        return (Engine, (self.rules,))


def _codes(column: Any, what: str, labels: Any, optional: bool = False) -> Tuple[np.ndarray, List[str]]:
    import pandas as pd

    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    if not optional and (codes < 0).any():
        raise ValueError(f"{what}: missing at ticket {labels[int(np.argmax(codes < 0))]!r}")
    return codes.astype(np.int32), [str(u) for u in uniques]


def _event_instants(values: Sequence[Any]) -> np.ndarray:
    """Event instants from aware datetimes or ISO-8601 strings with an offset."""
    import pandas as pd

    for i, v in enumerate(values):
        if isinstance(v, str):
            if not _HAS_OFFSET.search(v):
                raise ValueError(f"events: at {v!r} (event {i}) has no UTC offset; give one (+08:00, Z)")
        elif isinstance(v, _dt.datetime):
            if v.utcoffset() is None:
                raise ValueError(f"events: at {v!r} (event {i}) is a naive datetime; give an aware one")
        else:
            raise TypeError(f"events: at {v!r} (event {i}) is not a datetime or ISO-8601 text")
    if not values:
        return np.empty(0, dtype=np.int64)
    index = pd.to_datetime(pd.Index(list(values), dtype=object), utc=True, format="ISO8601")
    seconds: np.ndarray = _convert.instants_array(index, "events: at")[0]
    return seconds


def _events_from_column(column: Any) -> Tuple[Any, ...]:
    lists = [[] if e is None or (isinstance(e, float) and e != e) else e for e in column.tolist()]
    lengths = np.fromiter((len(e) for e in lists), dtype=np.int64, count=len(lists))
    offsets = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    flat = list(chain.from_iterable(lists))
    ats: List[Any] = []
    types: List[Any] = []
    tos: List[Any] = []
    for k, e in enumerate(flat):
        if isinstance(e, dict):
            unknown = set(e) - {"at", "type", "to"}
            if unknown or "at" not in e or "type" not in e:
                raise ValueError(
                    f"events: event {k} {e!r} needs 'at' and 'type' (and optionally 'to'), "
                    f"nothing else")
            ats.append(e["at"])
            types.append(e["type"])
            tos.append(e.get("to"))
        elif isinstance(e, (tuple, list)) and len(e) in (2, 3):
            ats.append(e[0])
            types.append(e[1])
            tos.append(e[2] if len(e) == 3 else None)
        else:
            raise ValueError(f"events: event {k} {e!r} is not a dict or an (at, type[, to]) tuple")
    at = _event_instants(ats)
    type_codes, type_list = _string_codes(types, "events: type", False)
    to_codes, to_list = _string_codes(tos, "events: to", True)
    return offsets, at, type_codes, type_list, to_codes, to_list


def _string_codes(values: Sequence[Any], what: str, optional: bool) -> Tuple[np.ndarray, List[str]]:
    index: Dict[str, int] = {}
    codes = np.empty(len(values), dtype=np.int32)
    for i, v in enumerate(values):
        if v is None and optional:
            codes[i] = -1
        elif isinstance(v, str):
            codes[i] = index.setdefault(v, len(index))
        else:
            raise ValueError(f"{what}: {v!r} (event {i}) is not a string")
    return codes, list(index)


def _events_from_frame(events: Any, labels: Any) -> Tuple[Any, ...]:
    import pandas as pd

    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events: expected a pandas DataFrame, not {type(events).__name__}")
    missing = [c for c in ("ticket", "at", "type") if c not in events.columns]
    if missing:
        raise ValueError(f"events: missing column(s) {', '.join(missing)}")
    # One hash pass over ids and event tickets together (faster than Index.get_indexer): the
    # ids, if unique, get the codes 0..n-1 in order, so an event's code is its ticket's row.
    n = len(labels)
    both = pd.concat([pd.Series(labels), events["ticket"]], ignore_index=True)
    codes = pd.factorize(both, use_na_sentinel=True)[0]
    if not np.array_equal(codes[:n], np.arange(n)):
        raise ValueError("tickets: ticket ids must be unique to match events to them")
    position = codes[n:]
    if ((position < 0) | (position >= n)).any():
        k = int(np.argmax((position < 0) | (position >= n)))
        raise ValueError(f"events: row {k} names ticket {events['ticket'].iloc[k]!r}, which is not in tickets")
    order = np.argsort(position, kind="stable")  # group by ticket, keep log order
    position = position[order]
    offsets = np.searchsorted(position, np.arange(len(labels) + 1), side="left").astype(np.int64)
    at, _ = _convert.instants_array(events["at"].iloc[order] if len(order) else events["at"], "events: at")
    if (at == _convert.NAT).any():
        raise ValueError(f"events: at is missing in row {int(order[np.argmax(at == _convert.NAT)])}")
    type_codes, types = pd.factorize(events["type"].iloc[order], use_na_sentinel=True)
    if (type_codes < 0).any():
        raise ValueError("events: type is missing in some row")
    if "to" in events.columns:
        to_codes, tos = pd.factorize(events["to"].iloc[order], use_na_sentinel=True)
    else:
        to_codes, tos = np.full(len(order), -1), []
    return (offsets, at, type_codes.astype(np.int32), [str(t) for t in types],
            np.asarray(to_codes, dtype=np.int32), [str(t) for t in tos])


def _recode(codes: np.ndarray, names: Sequence[str], categories: List[str]) -> np.ndarray:
    """Codes into `names` as codes into `categories` (-1 stays -1, so does a name not there)."""
    position = {name: i for i, name in enumerate(categories)}
    lookup = np.array([position.get(n, -1) for n in names] + [-1], dtype=np.int64)
    return lookup[np.where(codes < 0, len(names), codes)]


def _frame(out: Dict[str, Any], labels: Any, policies: List[str], policy_codes: np.ndarray,
           errors: str, categories: Dict[str, List[str]]) -> Any:
    import pandas as pd

    names = out["names"]
    diagnostics = pd.DataFrame(
        out["diagnostics"], columns=["ticket_row", "event", "severity", "code", "message"])
    diagnostics.insert(0, "ticket", labels.take(diagnostics["ticket_row"].to_numpy(np.int64)))
    if errors == "raise":
        failed = diagnostics[diagnostics["severity"] == "error"]
        if len(failed):
            first = failed.iloc[0]
            raise ValueError(
                f"ticket {first['ticket']!r} (row {first['ticket_row']}) cannot be evaluated: "
                f"{first['message']} [{first['code']}] ({len(failed)} error(s) in all; "
                "errors='report' lists them in result.attrs['diagnostics'])")
    row = out["row"]
    keep: Any = slice(None) if out["ok"].all() else out["ok"][row]  # no copies when all are ok
    row = row[keep]

    def column(key: str) -> np.ndarray:
        values: np.ndarray = out[key][keep]
        return values

    def category(codes: np.ndarray, names: Sequence[str], kind: str) -> Any:
        return pd.Categorical.from_codes(_recode(codes, names, categories[kind]),
                                         categories=categories[kind])

    def instants(key: str) -> Any:
        return pd.DatetimeIndex(column(key).view("datetime64[s]")).tz_localize("UTC")

    state = column("state")
    met = pd.array(np.where(state == _STATE["met"], True, False), dtype="boolean")
    met[~np.isin(state, [_STATE["met"], _STATE["missed"], _STATE["breached"]])] = pd.NA
    frame = pd.DataFrame(copy=False, data={
        "ticket": labels.take(row),
        "policy": category(policy_codes[row], policies, "policy"),
        "tier": category(out["tier_now"][row], names, "tier"),
        "severity": category(out["severity_now"][row], names, "severity"),
        "target": category(column("target"), names, "target"),
        "cycle": column("cycle"),
        "state": pd.Categorical.from_codes(state.astype(np.int32), categories=list(_core.TARGET_STATES)),
        "started": instants("started"),
        "stopped": instants("stopped"),
        "due": instants("due"),
        "breached_at": instants("breached_at"),
        "goal": column("goal").view("timedelta64[s]"),
        "elapsed": column("elapsed").view("timedelta64[s]"),
        "remaining": column("remaining").view("timedelta64[s]"),
        "percent": column("percent"),
        "met": met,
    })
    frame.attrs["diagnostics"] = diagnostics.drop(columns="ticket_row")
    return frame


_STATE = {name: i for i, name in enumerate(_core.TARGET_STATES)}
