"""Calendar: business-time arithmetic on aware datetimes, one at a time or in batches.

Semantics are the C++ library's (include/sla/calendar.hpp, docs/semantics.md §2.1): B(a, b) = business
seconds in [a, b); windows are half-open [open, close) in the calendar's local time; business
time is elapsed real time inside open windows (a 01:00-05:00 window holds 3 h on a
spring-forward day). ``add(t, d)`` lands on a window's close when it uses the window up exactly
(16:00 + 1h = 17:00); ``landing="next_open"`` gives pandas' CustomBusinessHour convention (the
next day's 09:00).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, List, NamedTuple, Union

import numpy as np

from . import _convert
from . import _core

Duration = Union[_dt.timedelta, np.timedelta64, str]


class Window(NamedTuple):
    """An open window: the local date that owns it, and its instants in the calendar's zone."""

    day: _dt.date
    open: _dt.datetime
    close: _dt.datetime


class Calendar:
    """A compiled business-hours calendar of a RuleSet (``rules.calendar("cn-office")``).

    Immutable and thread-safe; batch methods release the GIL. Pickles as (rules, id).
    """

    __slots__ = ("_rules", "_core", "tzinfo")

    def __init__(self, rules: Any, core: "_core.Calendar"):
        self._rules = rules
        self._core = core
        self.tzinfo: _dt.tzinfo = _convert.tzinfo_for(core.time_zone)

    @property
    def id(self) -> str:
        return self._core.id

    @property
    def time_zone(self) -> str:
        """The zone's name as the rules give it ("Asia/Shanghai", "+08:00")."""
        return self._core.time_zone

    def _out(self, seconds: int) -> _dt.datetime:
        return _convert.from_epoch(seconds, self.tzinfo)

    def is_open(self, t: _dt.datetime) -> bool:
        return self._core.is_open(_convert.epoch_seconds(t, "t"))

    def roll_forward(self, t: _dt.datetime) -> _dt.datetime:
        """`t` if it is inside an open window, else the next open instant."""
        return self._out(self._core.roll_forward(_convert.epoch_seconds(t, "t")))

    def roll_backward(self, t: _dt.datetime) -> _dt.datetime:
        """`t` if it is inside some (open, close], else the previous close."""
        return self._out(self._core.roll_backward(_convert.epoch_seconds(t, "t")))

    def add(self, t: _dt.datetime, duration: Duration, landing: str = "close") -> _dt.datetime:
        """`t` plus a duration on this calendar: a timedelta of business time (may be negative),
        or a duration string ("30m", "4h", "-2h", "2bd", "3cd", "eobd+1", "bd+1@10:00")."""
        start = _convert.epoch_seconds(t, "t")
        if isinstance(duration, str):
            return self._out(self._core.add_duration(start, duration, landing))
        seconds = _convert.whole_seconds(duration, "duration")
        return self._out(self._core.add_seconds(start, seconds, landing))

    def between(self, a: _dt.datetime, b: _dt.datetime) -> _dt.timedelta:
        """Business time in [a, b); negative when b < a."""
        seconds = self._core.between(_convert.epoch_seconds(a, "a"), _convert.epoch_seconds(b, "b"))
        return _dt.timedelta(seconds=seconds)

    def windows(self, start: _dt.datetime, end: _dt.datetime) -> List[Window]:
        """The open windows overlapping [start, end), in time order."""
        raw = self._core.windows(
            _convert.epoch_seconds(start, "start"), _convert.epoch_seconds(end, "end")
        )
        return [Window(_convert.days_to_date(d), self._out(o), self._out(c)) for d, o, c in raw]

    def is_business_day(self, date: _dt.date) -> bool:
        """A date on which at least one window opens."""
        return self._core.is_business_day(_convert.date_to_days(date, "date"))

    def advance(self, date: _dt.date, n: int, convention: str = "following") -> _dt.date:
        """numpy.busday_offset: roll a non-business date by `convention` ("following",
        "preceding", "modified_following", "modified_preceding", "raise"), then move `n`
        business days."""
        if not isinstance(n, (int, np.integer)) or isinstance(n, bool):
            raise TypeError(f"n: expected an int, not {type(n).__name__}")
        days = self._core.advance(_convert.date_to_days(date, "date"), int(n), convention)
        return _convert.days_to_date(days)

    # -- batches -------------------------------------------------------------------------------

    def add_many(self, starts: Any, durations: Any, landing: str = "close") -> Any:
        """`add` over arrays, in C++ with the GIL released.

        starts: numpy datetime64 (read as UTC), a tz-aware pandas Series / DatetimeIndex, or a
        sequence of aware datetimes. durations: one timedelta / timedelta64 / duration string,
        or an array (or Series) of them, of the same length as `starts`. Returns datetime64[s]
        in UTC: a NumPy array, or a Series / DatetimeIndex (tz UTC, same index and name) when
        the input is pandas. NaT (or None) in either input gives NaT."""
        start_seconds, wrap = _convert.instants_array(starts, "starts")
        n = start_seconds.shape[0]
        seconds, codes, texts, duration_wrap = _convert.durations_array(durations, n, "durations")
        if wrap is None:  # one start, many durations: broadcast the start
            wrap = duration_wrap
            size = (seconds if seconds is not None else codes).shape[0]  # type: ignore[union-attr]
            start_seconds = np.broadcast_to(start_seconds, (size,))
        if seconds is not None:
            result = self._core.add_many_seconds(start_seconds, seconds, landing)
        else:
            assert codes is not None
            result = self._core.add_many_durations(start_seconds, codes, list(texts), landing)
        return (wrap or _convert._numpy_wrap)(result, "datetime")

    def between_many(self, a: Any, b: Any) -> Any:
        """`between` over arrays (either side may be one datetime): timedelta64[s], or a
        timedelta Series / TimedeltaIndex when the input is pandas. NaT propagates."""
        a_seconds, a_wrap = _convert.instants_array(a, "a")
        b_seconds, b_wrap = _convert.instants_array(b, "b")
        if a_wrap is None:
            a_seconds = np.broadcast_to(a_seconds, b_seconds.shape)
        if b_wrap is None:
            b_seconds = np.broadcast_to(b_seconds, a_seconds.shape)
        result = self._core.between_many(a_seconds, b_seconds)
        return (a_wrap or b_wrap or _convert._numpy_wrap)(result, "timedelta")

    def __reduce__(self) -> Any:
        return (_calendar_of, (self._rules, self.id))

    def __repr__(self) -> str:
        return f"<sla.Calendar {self.id!r} ({self.time_zone})>"


def _calendar_of(rules: Any, calendar_id: str) -> Calendar:
    calendar: Calendar = rules.calendar(calendar_id)
    return calendar
