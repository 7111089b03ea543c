"""An independent, brute-force model of a calendar, in pure Python (zoneinfo for the zone).

It shares nothing with sla but the rules text it is generated with: its own precedence rule
(override > make-up workday > holiday > weekly hours), its own civil -> absolute conversion
(a local time in a spring-forward gap maps to the instant the gap ends, found by bisection on
zoneinfo; an ambiguous one maps to the earlier instant, fold=0), its own union of intervals and
plain bisection over prefix sums. Slow and obvious on purpose.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple
from zoneinfo import ZoneInfo

Window = Tuple[int, int]  # minutes from the owning date's local midnight; close may pass 1440

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def zone(name: str) -> dt.tzinfo:
    if name[0] in "+-":
        sign = -1 if name[0] == "-" else 1
        return dt.timezone(sign * dt.timedelta(hours=int(name[1:3]), minutes=int(name[4:6])))
    return ZoneInfo(name)


def to_epoch(aware: dt.datetime) -> int:
    return (aware - EPOCH) // dt.timedelta(seconds=1)


def local_of(tz: dt.tzinfo, epoch: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, tz).replace(tzinfo=None)


def civil_to_epoch(tz: dt.tzinfo, local: dt.datetime) -> int:
    """Gap -> the instant the gap ends; overlap -> the earlier instant."""
    u = to_epoch(local.replace(tzinfo=tz, fold=0))  # fold=0: the earlier reading
    if local_of(tz, u) == local:
        return u
    # In a gap: the first instant whose local reading is at or after `local`.
    lo, hi = u - 2 * 86400, u + 2 * 86400
    assert local_of(tz, lo) < local <= local_of(tz, hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if local_of(tz, mid) >= local:
            hi = mid
        else:
            lo = mid
    return hi


@dataclass
class CalendarSpec:
    """What the random rules say; `yaml()` writes them in the rules format."""

    time_zone: str
    weekly: Dict[int, List[Window]]  # weekday (0 = Monday) -> windows
    holidays: Set[dt.date] = field(default_factory=set)
    workdays: Set[dt.date] = field(default_factory=set)
    workday_hours: List[Window] = field(default_factory=list)
    overrides: Dict[dt.date, List[Window]] = field(default_factory=dict)

    def windows_of(self, day: dt.date) -> List[Window]:
        if day in self.overrides:
            return self.overrides[day]
        if day in self.workdays:
            return self.workday_hours
        if day in self.holidays:
            return []
        return self.weekly.get(day.weekday(), [])

    def yaml(self, calendar_id: str = "c") -> str:
        def hhmm(minutes: int) -> str:
            minutes = minutes - 1440 if minutes > 1440 else minutes
            return f"{minutes // 60:02d}:{minutes % 60:02d}"

        def windows(ws: Sequence[Window]) -> str:
            return "[" + ", ".join(f'"{hhmm(o)}-{hhmm(c)}"' for o, c in ws) + "]"

        names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        hours = ", ".join(f"{names[d]}: {windows(ws)}" for d, ws in sorted(self.weekly.items()) if ws)
        lines = [
            "version: 1",
            "calendars:",
            f"  {calendar_id}:",
            f'    time_zone: "{self.time_zone}"',
            f"    hours: {{{hours}}}",
        ]
        if self.holidays:
            lines.append("    holidays: [" + ", ".join(d.isoformat() for d in sorted(self.holidays)) + "]")
        if self.workdays:
            lines.append("    workdays: [" + ", ".join(d.isoformat() for d in sorted(self.workdays)) + "]")
            lines.append(f"    workday_hours: {windows(self.workday_hours)}")
        if self.overrides:
            items = ", ".join(f"{d.isoformat()}: {windows(ws)}" for d, ws in sorted(self.overrides.items()))
            lines.append(f"    overrides: {{{items}}}")
        return "\n".join(lines) + "\n"


class ReferenceCalendar:
    """The open time line of `spec` for the dates [first, last], as merged intervals."""

    def __init__(self, spec: CalendarSpec, first: dt.date, last: dt.date):
        self.tz = zone(spec.time_zone)
        raw: List[Tuple[int, int]] = []
        day = first
        while day <= last:
            midnight = dt.datetime(day.year, day.month, day.day)
            for o, c in spec.windows_of(day):
                start = civil_to_epoch(self.tz, midnight + dt.timedelta(minutes=o))
                end = civil_to_epoch(self.tz, midnight + dt.timedelta(minutes=c))
                if end > start:
                    raw.append((start, end))
            day += dt.timedelta(days=1)
        raw.sort()
        merged: List[List[int]] = []
        for s, e in raw:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]
        self.cum = [0]
        for s, e in merged:
            self.cum.append(self.cum[-1] + e - s)
        # Queries must stay well inside the modelled dates.
        self.lo = civil_to_epoch(self.tz, dt.datetime(first.year, first.month, first.day)) + 3 * 86400
        self.hi = civil_to_epoch(self.tz, dt.datetime(last.year, last.month, last.day)) - 3 * 86400

    def _inside(self, t: int) -> int:
        if not self.lo <= t <= self.hi:
            raise OutOfRange(t)
        return t

    def prefix(self, t: int) -> int:
        """Business seconds in [start of the model, t)."""
        i = bisect.bisect_right(self.starts, t) - 1
        if i < 0:
            return 0
        return self.cum[i] + min(t, self.ends[i]) - self.starts[i]

    def is_open(self, t: int) -> bool:
        i = bisect.bisect_right(self.starts, self._inside(t)) - 1
        return i >= 0 and t < self.ends[i]

    def roll_forward(self, t: int) -> int:
        if self.is_open(t):
            return t
        return self._inside(self.starts[bisect.bisect_right(self.starts, t)])

    def roll_backward(self, t: int) -> int:
        i = bisect.bisect_left(self.starts, self._inside(t)) - 1  # last interval opening before t
        return self._inside(min(t, self.ends[i]))

    def between(self, a: int, b: int) -> int:
        self._inside(a), self._inside(b)
        return self.prefix(b) - self.prefix(a)

    def add(self, t: int, seconds: int, landing: str = "close") -> int:
        self._inside(t)
        if seconds == 0:
            return self.roll_forward(t)
        target = self.prefix(t) + seconds
        if not 0 <= target < self.cum[-1]:
            raise OutOfRange(t)
        if seconds > 0:
            i = bisect.bisect_left(self.cum, target) - 1  # interval i holds the target's end
            u = self.starts[i] + target - self.cum[i]
            if landing == "next_open" and u == self.ends[i]:
                u = self.starts[i + 1]
            return self._inside(u)
        i = bisect.bisect_right(self.cum, target) - 1  # cum[i] <= target < cum[i + 1]
        return self._inside(self.starts[i] + target - self.cum[i])


class OutOfRange(Exception):
    pass


def random_windows(rng: "np.random.Generator", allow_overnight: bool) -> List[Window]:
    """1-3 sorted windows on a 15-minute grid with gaps between them (touching windows are a
    load error); with `allow_overnight`, maybe one more that opens late and closes the next
    morning, before the date's first opening."""
    count = int(rng.integers(1, 4))
    points = sorted(int(p) for p in rng.choice(np.arange(0, 97), size=2 * count, replace=False))
    windows: List[Window] = []
    for k in range(count):
        o, c = points[2 * k] * 15, points[2 * k + 1] * 15
        if not windows or o > windows[-1][1]:
            windows.append((o, c))
    first_open, last_close = windows[0][0], windows[-1][1]
    if allow_overnight and rng.random() < 0.3 and last_close <= 1410 and first_open >= 30:
        o = last_close + 15 * int(rng.integers(1, (1440 - last_close) // 15))
        c = 1440 + 15 * int(rng.integers(1, first_open // 15))
        windows.append((o, c))
    return windows


import numpy as np  # noqa: E402  (the model above does not use it)
