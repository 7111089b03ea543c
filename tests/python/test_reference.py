"""sla against an independent pure-Python model (reference.py) on random calendars, including
zones with DST (New York, London, Lord Howe's 30-minute shift, Santiago's midnight change,
St John's at -03:30) and fixed offsets. Every operation, scalar and batch, must agree exactly."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import sla
from reference import CalendarSpec, OutOfRange, ReferenceCalendar, random_windows, zone

ZONES = [
    "UTC",
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "America/Santiago",
    "America/St_Johns",
    "Asia/Shanghai",
    "+05:30",
    "-03:00",
]
FIRST, LAST = dt.date(2025, 7, 1), dt.date(2027, 7, 1)
T0 = int(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc).timestamp())
YEAR = 365 * 86400


def random_spec(rng: np.random.Generator, zone_name: str) -> CalendarSpec:
    weekly = {}
    for day in range(7):
        if rng.random() < 0.75:
            weekly[day] = random_windows(rng, allow_overnight=True)
    if not weekly:
        weekly[0] = [(540, 1020)]
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=int(k)) for k in rng.integers(0, 365, 12)]
    spec = CalendarSpec(zone_name, weekly, holidays=set(days[:6]))
    if rng.random() < 0.5:
        spec.workdays = set(days[6:8]) - spec.holidays
        spec.workday_hours = random_windows(rng, allow_overnight=False)
    spec.overrides = {d: (random_windows(rng, False) if rng.random() < 0.6 else []) for d in days[8:10]}
    return spec


def calendars(count: int, seed: int):
    rng = np.random.default_rng(seed)
    for k in range(count):
        zone_name = ZONES[k % len(ZONES)]
        spec = random_spec(rng, zone_name)
        rules = sla.load_rules_from_string(spec.yaml(), name=f"random-{k}.yaml")
        yield rng, spec, rules.calendar("c"), ReferenceCalendar(spec, FIRST, LAST)


def weekly_open_seconds(spec: CalendarSpec) -> int:
    return sum((c - o) * 60 for ws in spec.weekly.values() for o, c in ws)


def aware(epoch: int, rng: np.random.Generator) -> dt.datetime:
    """The instant in a random zone: the result must not depend on the input's zone."""
    return dt.datetime.fromtimestamp(epoch, zone(ZONES[int(rng.integers(len(ZONES)))]))


def epoch_of(value: dt.datetime) -> int:
    return int(value.timestamp())


@pytest.mark.parametrize("seed", range(4))
def test_scalar_operations_agree_with_the_reference(seed):
    checked = 0
    for rng, spec, cal, ref in calendars(9, seed):
        tz = zone(spec.time_zone)
        span = max(weekly_open_seconds(spec) * 8, 3600)
        for _ in range(150):
            t = T0 + int(rng.integers(0, YEAR))
            if rng.random() < 0.3:  # exactly on a window edge
                k = int(rng.integers(len(ref.starts)))
                t = int(rng.choice([ref.starts[k], ref.ends[k]]))
                if not ref.lo <= t <= ref.hi:
                    continue
            d = int(rng.integers(-span, span))
            landing = "next_open" if rng.random() < 0.5 else "close"
            when = aware(t, rng)
            try:
                expected_add = ref.add(t, d, landing)
                expected = (ref.roll_forward(t), ref.roll_backward(t), ref.is_open(t))
            except OutOfRange:
                continue
            got = cal.add(when, dt.timedelta(seconds=d), landing=landing)
            assert got.tzinfo == tz or got.utcoffset() == tz.utcoffset(got.replace(tzinfo=None))
            assert epoch_of(got) == expected_add, (spec.yaml(), when, d, landing)
            assert epoch_of(cal.roll_forward(when)) == expected[0]
            assert epoch_of(cal.roll_backward(when)) == expected[1]
            assert cal.is_open(when) == expected[2]
            u = T0 + int(rng.integers(0, YEAR))
            assert cal.between(when, aware(u, rng)) == dt.timedelta(seconds=ref.between(t, u))
            checked += 1
    assert checked > 0.9 * 9 * 150  # the model covers nearly every query


@pytest.mark.parametrize("seed", range(2))
def test_batches_agree_with_the_reference(seed):
    for rng, spec, cal, ref in calendars(9, 100 + seed):
        n = 3000
        span = max(weekly_open_seconds(spec) * 8, 3600)
        starts = T0 + rng.integers(0, YEAR, n)
        durations = rng.integers(-span, span, n)
        landing = "next_open" if seed else "close"
        expected = np.array([ref.add(int(t), int(d), landing) for t, d in zip(starts, durations)])
        got = cal.add_many(starts.astype("datetime64[s]"), durations.astype("timedelta64[s]"), landing)
        assert got.dtype == np.dtype("datetime64[s]")
        np.testing.assert_array_equal(got.view(np.int64), expected)
        ends = T0 + rng.integers(0, YEAR, n)
        expected_between = np.array([ref.between(int(a), int(b)) for a, b in zip(starts, ends)])
        got_between = cal.between_many(starts.astype("datetime64[s]"), ends.astype("datetime64[s]"))
        assert got_between.dtype == np.dtype("timedelta64[s]")
        np.testing.assert_array_equal(got_between.view(np.int64), expected_between)


def test_windows_agree_with_the_reference():
    for rng, spec, cal, ref in calendars(9, 7):
        t = T0 + int(rng.integers(0, YEAR - 30 * 86400))
        start, end = aware(t, rng), aware(t + 20 * 86400, rng)
        got = [(epoch_of(w.open), epoch_of(w.close)) for w in cal.windows(start, end)]
        # The reference merges windows that overlap on the time line; merge sla's the same way.
        merged: list = []
        for o, c in got:
            if merged and o <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], c)
            else:
                merged.append([o, c])
        expected = [
            [max(s, t), min(e, t + 20 * 86400)]
            for s, e in zip(ref.starts, ref.ends)
            if e > t and s < t + 20 * 86400
        ]
        clipped = [[max(o, t), min(c, t + 20 * 86400)] for o, c in merged]
        assert clipped == expected, spec.yaml()
        for w in cal.windows(start, end):
            assert w.open.tzinfo is cal.tzinfo and w.close.tzinfo is cal.tzinfo
            assert w.day == w.open.date()


def transitions(zone_name: str, year: int = 2026) -> list:
    """The instants in `year` at which the zone's UTC offset changes (hourly scan, then
    bisection to the second)."""
    tz = zone(zone_name)
    start = int(dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    found = []
    offset = lambda t: dt.datetime.fromtimestamp(t, tz).utcoffset()  # noqa: E731
    for t in range(start, start + YEAR, 3600):
        if offset(t) != offset(t + 3600):
            lo, hi = t, t + 3600
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if offset(mid) == offset(t) else (lo, mid)
            found.append(hi)
    return found


@pytest.mark.parametrize(
    "zone_name", ["America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago",
                  "America/St_Johns"])
def test_around_dst_changes_every_operation_agrees(zone_name):
    """Windows opening and closing inside spring-forward gaps and fall-back overlaps, queried
    on and next to their edges."""
    changes = transitions(zone_name)
    assert len(changes) == 2
    rng = np.random.default_rng(hash(zone_name) % 2**32)
    checked = 0
    for _ in range(25):
        spec = random_spec(rng, zone_name)
        tz = zone(zone_name)
        for change in changes:  # the change's date gets windows with edges near the change
            local = dt.datetime.fromtimestamp(change, tz).replace(tzinfo=None)
            minute = local.hour * 60 + local.minute
            edges = sorted({max(15, min(1425, minute + 15 * int(k))) for k in rng.integers(-5, 5, 4)})
            if len(edges) % 2:
                edges = edges[:-1]
            windows = [(edges[k], edges[k + 1]) for k in range(0, len(edges), 2)]
            spec.overrides[local.date()] = [w for i, w in enumerate(windows) if i == 0 or w[0] > windows[i - 1][1]]
        cal = sla.load_rules_from_string(spec.yaml()).calendar("c")
        ref = ReferenceCalendar(spec, FIRST, LAST)
        near = [t for t in ref.starts + ref.ends if any(abs(t - c) < 2 * 86400 for c in changes)]
        for t in near:
            for probe in (t - 900, t - 1, t, t + 1, t + 900):
                when = aware(probe, rng)
                d = int(rng.integers(-4 * 3600, 4 * 3600))
                assert epoch_of(cal.add(when, dt.timedelta(seconds=d))) == ref.add(probe, d)
                assert epoch_of(cal.roll_forward(when)) == ref.roll_forward(probe)
                assert epoch_of(cal.roll_backward(when)) == ref.roll_backward(probe)
                assert cal.is_open(when) == ref.is_open(probe)
                other = probe + int(rng.integers(-86400, 86400))
                assert cal.between(when, aware(other, rng)).total_seconds() == ref.between(probe, other)
                checked += 1
    assert checked > 100
