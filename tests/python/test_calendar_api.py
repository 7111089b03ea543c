"""The scalar Calendar API: aware datetimes in, aware datetimes in the calendar's zone out, the
values of the README's demo, and every kind of bad input as a clear exception."""

from __future__ import annotations

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import pytest

import sla
from conftest import NEW_YORK, SHANGHAI, shanghai

CREATED = shanghai(2026, 9, 30, 16, 0)  # the afternoon before China's National Day week


@pytest.mark.parametrize(
    "duration, expected",
    [
        ("30m", shanghai(2026, 9, 30, 16, 30)),
        ("4h", shanghai(2026, 10, 8, 11, 0)),
        ("bd+1@10:00", shanghai(2026, 10, 8, 10, 0)),
        ("2bd", shanghai(2026, 10, 9, 16, 0)),
        ("eobd+1", shanghai(2026, 10, 8, 18, 0)),
        ("3cd", shanghai(2026, 10, 3, 16, 0)),
        (dt.timedelta(hours=4), shanghai(2026, 10, 8, 11, 0)),
        (dt.timedelta(hours=-2), shanghai(2026, 9, 30, 14, 0)),
    ],
)
def test_add_gives_the_demo_deadlines_in_the_calendar_zone(office, duration, expected):
    got = office.add(CREATED, duration)
    assert got == expected
    assert got.tzinfo == ZoneInfo("Asia/Shanghai")
    assert got.isoformat() == expected.isoformat()


def test_the_input_zone_does_not_matter(office):
    same_instant = CREATED.astimezone(NEW_YORK)
    assert office.add(same_instant, "4h") == office.add(CREATED, "4h")
    assert office.add(CREATED.astimezone(dt.timezone.utc), "4h").utcoffset() == dt.timedelta(hours=8)


def test_landing_close_or_next_open(office):
    five = shanghai(2026, 9, 30, 17, 0)
    assert office.add(five, dt.timedelta(hours=1)) == shanghai(2026, 9, 30, 18, 0)
    assert office.add(five, dt.timedelta(hours=1), landing="next_open") == shanghai(2026, 10, 8, 9, 0)
    # Backwards, a result exactly on an opening is the opening.
    assert office.add(shanghai(2026, 10, 8, 10, 0), dt.timedelta(hours=-1)) == shanghai(2026, 10, 8, 9, 0)
    assert office.add(shanghai(2026, 10, 8, 9, 0), "-0h") == shanghai(2026, 9, 30, 18, 0)


def test_between_rolls_and_is_open(office):
    assert office.between(CREATED, shanghai(2026, 10, 9, 12, 0)) == dt.timedelta(seconds=46800)
    assert office.between(shanghai(2026, 10, 9, 12, 0), CREATED) == dt.timedelta(seconds=-46800)
    lunch = shanghai(2026, 9, 30, 12, 30)
    assert not office.is_open(lunch) and office.is_open(CREATED)
    assert office.roll_forward(lunch) == shanghai(2026, 9, 30, 13, 0)
    assert office.roll_backward(lunch) == shanghai(2026, 9, 30, 12, 0)
    assert office.roll_forward(shanghai(2026, 10, 1, 10, 0)) == shanghai(2026, 10, 8, 9, 0)


def test_windows_and_business_days(office):
    windows = office.windows(shanghai(2026, 9, 30, 0, 0), shanghai(2026, 10, 9, 0, 0))
    assert [(w.day, w.open.time(), w.close.time()) for w in windows] == [
        (dt.date(2026, 9, 30), dt.time(9), dt.time(12)),
        (dt.date(2026, 9, 30), dt.time(13), dt.time(18)),
        (dt.date(2026, 10, 8), dt.time(9), dt.time(12)),
        (dt.date(2026, 10, 8), dt.time(13), dt.time(18)),
    ]
    assert windows[0].open.tzinfo == ZoneInfo("Asia/Shanghai")
    assert office.is_business_day(dt.date(2026, 9, 30))
    assert not office.is_business_day(dt.date(2026, 10, 1))
    assert office.advance(dt.date(2026, 9, 30), 1) == dt.date(2026, 10, 8)
    assert office.advance(dt.date(2026, 10, 3), 0) == dt.date(2026, 10, 8)
    assert office.advance(dt.date(2026, 10, 3), 0, convention="preceding") == dt.date(2026, 9, 30)
    with pytest.raises(ValueError, match="2026-10-03"):
        office.advance(dt.date(2026, 10, 3), 1, convention="raise")


def test_a_dst_zone_gives_elapsed_time_and_correct_offsets():
    rules = sla.load_rules_from_string(
        'version: 1\ncalendars:\n  night: {time_zone: America/New_York, hours: {daily: ["01:00-05:00"]}}\n')
    night = rules.calendar("night")
    spring = dt.datetime(2026, 3, 8, 0, 0, tzinfo=NEW_YORK)
    fall = dt.datetime(2026, 11, 1, 0, 0, tzinfo=NEW_YORK)
    assert night.between(spring, spring + dt.timedelta(days=1)) == dt.timedelta(hours=3)
    assert night.between(fall, fall + dt.timedelta(days=1)) == dt.timedelta(hours=5)
    end = night.add(fall, dt.timedelta(hours=5))  # 01:00 EDT + 5 h of real time = 05:00 EST
    assert end == dt.datetime(2026, 11, 1, 5, 0, tzinfo=NEW_YORK)
    assert end.utcoffset() == dt.timedelta(hours=-5)
    first = night.add(fall, dt.timedelta(minutes=30))  # 01:30 EDT, the first 01:30
    assert first.utcoffset() == dt.timedelta(hours=-4) and first.fold == 0
    second = night.add(fall, dt.timedelta(minutes=90))  # 01:30 EST, the second one
    assert (second.hour, second.minute, second.utcoffset()) == (1, 30, dt.timedelta(hours=-5))


def test_fixed_offset_calendars_use_a_fixed_tzinfo():
    rules = sla.load_rules_from_string(
        'version: 1\ncalendars:\n  k: {time_zone: "+05:45", hours: {mon-fri: ["09:00-17:00"]}}\n')
    k = rules.calendar("k")
    got = k.add(dt.datetime(2026, 3, 2, 3, 15, tzinfo=dt.timezone.utc), "1h")  # 09:00 local
    assert got.isoformat() == "2026-03-02T10:00:00+05:45"


def test_a_naive_datetime_is_refused_with_a_message_saying_so(office):
    for call in (
        lambda: office.add(dt.datetime(2026, 9, 30, 16), "4h"),
        lambda: office.between(CREATED, dt.datetime(2026, 10, 1)),
        lambda: office.is_open(dt.datetime(2026, 9, 30, 16)),
        lambda: office.roll_forward(dt.datetime(2026, 9, 30, 16)),
        lambda: office.windows(dt.datetime(2026, 9, 30), CREATED),
    ):
        with pytest.raises(ValueError, match="naive datetime"):
            call()


@pytest.mark.parametrize(
    "duration, error, match",
    [
        ("2d", ValueError, "'2bd' for business days or '2cd'"),
        ("4 hours", ValueError, "4 hours"),
        ("", ValueError, "duration"),
        (dt.timedelta(milliseconds=1500), ValueError, "fraction of a second"),
        (3600, TypeError, "timedelta or a duration string"),
        (None, TypeError, "timedelta or a duration string"),
    ],
)
def test_bad_durations_are_refused(office, duration, error, match):
    with pytest.raises(error, match=match):
        office.add(CREATED, duration)


def test_other_bad_input_is_refused_naming_the_value(office, cn_rules):
    with pytest.raises(ValueError, match="landing must be one of 'close', 'next_open'; not 'nxt'"):
        office.add(CREATED, "1h", landing="nxt")
    with pytest.raises(ValueError, match="did you mean 'preceding'"):
        office.advance(dt.date(2026, 9, 30), 1, convention="preceeding")
    with pytest.raises(ValueError, match="not 'sideways'"):
        office.advance(dt.date(2026, 9, 30), 1, convention="sideways")
    with pytest.raises(ValueError, match="fraction of a second"):
        office.add(CREATED.replace(microsecond=5), "1h")
    with pytest.raises(ValueError, match="2500"):
        office.add(CREATED.replace(year=2500), "1h")
    with pytest.raises(ValueError, match="no-such-calendar"):
        cn_rules.calendar("no-such-calendar")
    with pytest.raises(TypeError, match="datetime.date"):
        office.advance(CREATED, 1)
    with pytest.raises(TypeError, match="timezone-aware datetime"):
        office.add("2026-09-30T16:00:00+08:00", "1h")


def test_a_calendar_pickles_with_its_rules(office):
    again = pickle.loads(pickle.dumps(office))
    assert again.id == "cn-office" and again.add(CREATED, "4h") == office.add(CREATED, "4h")
