"""Random tickets for the maintenance agreement (rules/maintenance.yaml): every event type its
targets use, severity and tier changes, assignments, pauses, restarts, aliases."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List

import numpy as np

from conftest import SHANGHAI

EVENT_TYPES = ["responded", "resolved", "engineer_arrived", "waiting_customer", "customer_replied",
               "customer_updated", "report_delivered", "note"]
START = dt.datetime(2026, 1, 5, 8, 0, tzinfo=SHANGHAI)


def random_ticket(rng: np.random.Generator, k: int) -> Dict[str, Any]:
    created = START + dt.timedelta(seconds=int(rng.integers(0, 300 * 86400)) // 60 * 60)
    events: List[Dict[str, Any]] = []
    t = created
    for _ in range(int(rng.integers(0, 8))):
        t = t + dt.timedelta(minutes=int(rng.integers(0, 3000)))
        roll = rng.random()
        if roll < 0.1:
            events.append({"at": t, "type": "severity", "to": str(rng.choice(["sev1", "sev2", "P3"]))})
        elif roll < 0.15:
            events.append({"at": t, "type": "tier", "to": str(rng.choice(["A", "C"]))})
        elif roll < 0.2:
            events.append({"at": t, "type": "assign", "to": "service_manager"})
        else:
            events.append({"at": t, "type": str(rng.choice(EVENT_TYPES))})
    return {
        "id": f"T-{k}",
        "policy": "maintenance",
        "tier": str(rng.choice(["A", "C"])),
        "severity": str(rng.choice(["sev1", "sev2", "sev3", "P1"])),
        "created": created,
        "events": events,
    }


def as_json_ready(ticket: Dict[str, Any]) -> Dict[str, Any]:
    """The ticket with ISO-8601 strings for times, as a JSON file holds it."""
    out = dict(ticket)
    out["created"] = ticket["created"].isoformat()
    out["events"] = [dict(e, at=e["at"].isoformat()) for e in ticket["events"]]
    return out
