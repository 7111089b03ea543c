"""Exact agreement with pandas CustomBusinessHour (landing="next_open") on random inputs.

Where the two models coincide: a calendar without DST (UTC or a fixed offset: pandas counts
wall-clock time, sla elapsed time, so they differ across a DST change), the same windows on
every business day of a weekmask (one window or several — lunch breaks work), windows that do
not cross midnight, whole holidays, and a positive whole number of hours (CustomBusinessHour's
n). Then `start + CustomBusinessHour(n)` == `calendar.add(start, n hours, landing="next_open")`
for every start, to the second.

Negative durations can differ in one way: a result exactly on an opening is the opening for
sla (docs/semantics.md §2.1), while pandas sometimes gives the previous close instead (when the start was
outside business hours, in our runs); every other result agrees.
"""

from __future__ import annotations

import datetime as dt
import warnings

import numpy as np
import pandas as pd
import pytest

import sla

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
INPUTS_PER_CALENDAR = 1000
CALENDARS = 12


def random_cbh_calendar(rng: np.random.Generator):
    weekmask = [d for d in DAYS if rng.random() < 0.6] or ["Mon"]
    count = int(rng.integers(1, 3))
    points = sorted(int(p) for p in rng.choice(np.arange(1, 96), size=2 * count, replace=False))
    starts = [f"{points[2 * k] * 15 // 60:02d}:{points[2 * k] * 15 % 60:02d}" for k in range(count)]
    ends = [f"{points[2 * k + 1] * 15 // 60:02d}:{points[2 * k + 1] * 15 % 60:02d}" for k in range(count)]
    holidays = sorted({dt.date(2026, 1, 1) + dt.timedelta(days=int(k)) for k in rng.integers(0, 400, 8)})
    zone = str(rng.choice(["UTC", "+08:00", "-05:00", "+05:45"]))
    windows = "[" + ", ".join(f'"{s}-{e}"' for s, e in zip(starts, ends)) + "]"
    hours = ", ".join(f"{d.lower()}: {windows}" for d in weekmask)
    text = (
        "version: 1\ncalendars:\n"
        f'  c: {{time_zone: "{zone}", hours: {{{hours}}}, '
        f"holidays: [{', '.join(h.isoformat() for h in holidays)}]}}\n"
    )
    calendar = sla.load_rules_from_string(text).calendar("c")

    def offset(n: int) -> pd.offsets.CustomBusinessHour:
        return pd.offsets.CustomBusinessHour(
            n=n, start=starts, end=ends, weekmask=" ".join(weekmask), holidays=holidays)

    return calendar, offset, text


def pandas_add(local_starts: pd.Series, hours: np.ndarray, offset) -> np.ndarray:
    """start + CustomBusinessHour(n) per element, grouped by n (pandas applies an offset to a
    Series element by element anyway)."""
    result = np.empty(len(local_starts), dtype="datetime64[s]")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Non-vectorized DateOffset being applied to Series"
        for n in np.unique(hours):
            mask = hours == n
            result[mask] = (local_starts[mask] + offset(int(n))).to_numpy("datetime64[s]")
    return result


def random_starts(rng: np.random.Generator, n: int) -> np.ndarray:
    """Seconds-resolution instants over 2026, a third of them exactly on quarter hours (on and
    next to window edges)."""
    t = 1767225600 + rng.integers(0, 365 * 86400, n)
    edge = rng.random(n) < 0.33
    t[edge] = t[edge] // 900 * 900
    return t.astype("datetime64[s]")


@pytest.mark.parametrize("seed", range(CALENDARS))
def test_positive_hours_agree_exactly_with_custom_business_hour(seed):
    rng = np.random.default_rng(seed)
    calendar, offset, text = random_cbh_calendar(rng)
    starts_utc = random_starts(rng, INPUTS_PER_CALENDAR)
    hours = rng.integers(1, 73, INPUTS_PER_CALENDAR)
    ours = calendar.add_many(starts_utc, hours.astype("timedelta64[h]"), landing="next_open")
    # pandas works on wall time: give it the calendar's local times, read its results back.
    utc_offset = np.array([calendar.tzinfo.utcoffset(None)]).astype("timedelta64[s]")[0]
    theirs_local = pandas_add(pd.Series(starts_utc + utc_offset), hours, offset)
    mismatch = np.flatnonzero(ours != theirs_local - utc_offset)
    assert mismatch.size == 0, (
        f"{mismatch.size} of {INPUTS_PER_CALENDAR} differ, first: start {starts_utc[mismatch[0]]}Z "
        f"+ {hours[mismatch[0]]}h: sla {ours[mismatch[0]]}Z, pandas "
        f"{theirs_local[mismatch[0]] - utc_offset}Z\n{text}")


def test_the_pandas_check_covers_at_least_ten_thousand_inputs():
    assert CALENDARS * INPUTS_PER_CALENDAR >= 10_000


@pytest.mark.parametrize("seed", range(3))
def test_negative_hours_differ_only_on_openings_where_pandas_may_take_the_previous_close(seed):
    rng = np.random.default_rng(1000 + seed)
    calendar, offset, text = random_cbh_calendar(rng)
    starts_utc = random_starts(rng, 1000)
    hours = rng.integers(1, 73, 1000)
    ours = calendar.add_many(starts_utc, -hours.astype("timedelta64[h]").astype("timedelta64[s]"))
    utc_offset = np.array([calendar.tzinfo.utcoffset(None)]).astype("timedelta64[s]")[0]
    theirs = pandas_add(pd.Series(starts_utc + utc_offset), -hours, offset) - utc_offset
    differ = np.flatnonzero(ours != theirs)
    assert differ.size < ours.size // 2
    for i in differ:
        t = pd.Timestamp(ours[i], tz="UTC").to_pydatetime()
        on_opening = calendar.is_open(t) and not calendar.is_open(t - dt.timedelta(seconds=1))
        assert on_opening, f"start {starts_utc[i]}Z - {hours[i]}h: sla {ours[i]}Z, pandas {theirs[i]}Z\n{text}"
        previous_close = calendar.roll_backward(t - dt.timedelta(seconds=1))
        assert pd.Timestamp(theirs[i], tz="UTC") == previous_close
