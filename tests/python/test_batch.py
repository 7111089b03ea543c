"""add_many / between_many: NumPy and pandas in, the same kind out, NaT propagating, the same
answers as the scalar API, and errors that name the element."""

from __future__ import annotations

import datetime as dt
import threading
import time

import numpy as np
import pandas as pd
import pytest

from conftest import SHANGHAI, shanghai

CREATED = shanghai(2026, 9, 30, 16, 0)


def utc64(*aware: dt.datetime) -> np.ndarray:
    return np.array([a.astimezone(dt.timezone.utc).replace(tzinfo=None) for a in aware], dtype="datetime64[s]")


def test_numpy_in_numpy_out_and_nat_propagates(office):
    starts = utc64(CREATED, CREATED, CREATED)
    starts = np.concatenate([starts, np.array(["NaT"], dtype="datetime64[s]")])
    durations = np.array([4 * 3600, 1800, "NaT", 3600], dtype="timedelta64[s]")
    got = office.add_many(starts, durations)
    assert got.dtype == np.dtype("datetime64[s]")
    assert list(got[:2]) == list(utc64(shanghai(2026, 10, 8, 11), shanghai(2026, 9, 30, 16, 30)))
    assert np.isnat(got[2]) and np.isnat(got[3])
    between = office.between_many(starts, got)
    assert between.dtype == np.dtype("timedelta64[s]")
    assert list(between[:2].astype(np.int64)) == [4 * 3600, 1800]
    assert np.isnat(between[2:]).all()


def test_pandas_in_pandas_out_with_index_and_name(office):
    starts = pd.Series(
        pd.DatetimeIndex([CREATED, None, shanghai(2026, 10, 9, 17, 30)]), index=["a", "b", "c"], name="created")
    got = office.add_many(starts, "4h")
    assert isinstance(got, pd.Series) and list(got.index) == ["a", "b", "c"] and got.name == "created"
    assert str(got.dtype) == "datetime64[s, UTC]"
    assert got["a"] == pd.Timestamp("2026-10-08T11:00:00+08:00")
    assert pd.isna(got["b"])
    # Fri 17:30 + 4h: half an hour on Friday, then Saturday 2026-10-10, a make-up working day.
    assert got["c"] == pd.Timestamp("2026-10-10T13:30:00+08:00")
    index = pd.DatetimeIndex([CREATED], name="t")
    out = office.add_many(index, pd.Series([pd.Timedelta(hours=4)]))
    assert isinstance(out, pd.DatetimeIndex) and out.name == "t"
    spans = office.between_many(starts, got)
    assert isinstance(spans, pd.Series) and spans["a"] == pd.Timedelta(hours=4) and pd.isna(spans["b"])


def test_string_durations_per_element_with_missing_values(office):
    starts = utc64(CREATED, CREATED, CREATED, CREATED)
    got = office.add_many(starts, np.array(["30m", "2bd", None, "eobd+1"], dtype=object))
    expected = [office.add(CREATED, d) for d in ("30m", "2bd")] + [None, office.add(CREATED, "eobd+1")]
    assert pd.Timestamp(got[0], tz="UTC") == expected[0]
    assert pd.Timestamp(got[1], tz="UTC") == expected[1]
    assert np.isnat(got[2])
    assert pd.Timestamp(got[3], tz="UTC") == expected[3]
    series = office.add_many(pd.Series(pd.DatetimeIndex([CREATED] * 2)), pd.Series(["4h", "3cd"]))
    assert list(series) == [office.add(CREATED, "4h"), office.add(CREATED, "3cd")]


def test_one_start_many_durations_and_one_side_scalar_between(office):
    got = office.add_many(CREATED, np.array([1, 2, 3], dtype="timedelta64[h]"))
    assert [pd.Timestamp(x, tz="UTC") for x in got] == [office.add(CREATED, f"{h}h") for h in (1, 2, 3)]
    spans = office.between_many(CREATED, got)
    assert list(spans.astype(np.int64)) == [3600, 7200, 10800]


def test_the_batch_equals_the_scalar_api_on_random_inputs(office):
    rng = np.random.default_rng(5)
    starts = (1735689600 + rng.integers(0, 365 * 86400, 2000)).astype("datetime64[s]")  # 2025
    durations = rng.integers(-200 * 3600, 200 * 3600, 2000).astype("timedelta64[s]")
    for landing in ("close", "next_open"):
        got = office.add_many(starts, durations, landing=landing)
        for s, d, g in zip(starts[:300], durations[:300], got[:300]):
            one = office.add(pd.Timestamp(s, tz="UTC").to_pydatetime(), dt.timedelta(seconds=int(d.astype(np.int64))), landing)
            assert pd.Timestamp(g, tz="UTC") == one


def test_bad_batches_are_refused_naming_the_problem(office):
    with pytest.raises(ValueError, match="naive pandas datetime column"):
        office.add_many(pd.Series(pd.date_range("2026-01-01", periods=3)), "1h")
    with pytest.raises(ValueError, match="fraction of a second"):
        office.add_many(np.array(["2026-01-01T10:00:00.5"], dtype="datetime64[ms]"), "1h")
    with pytest.raises(ValueError, match="element 1"):
        office.add_many(np.array(["2026-01-01T10:00", "2500-01-01T10:00"], dtype="datetime64[s]"), "1h")
    with pytest.raises(ValueError, match="different lengths"):
        office.add_many(utc64(CREATED, CREATED), np.array([1, 2, 3], dtype="timedelta64[h]"))
    with pytest.raises(ValueError, match="2d"):
        office.add_many(utc64(CREATED), np.array(["2d"]))
    with pytest.raises(TypeError, match="dtype int64"):
        office.add_many(np.array([1, 2, 3]), "1h")
    with pytest.raises(ValueError, match="naive datetime"):
        office.add_many([CREATED, dt.datetime(2026, 1, 1)], "1h")


def test_other_threads_run_while_a_batch_computes(office):
    """The loop releases the GIL: while a worker thread is inside add_many, this thread keeps
    running Python code. Were the GIL held, this thread could not even return from wait()
    until the call was over."""
    # The compiled loop itself, so that little but it runs between `inside` and `done`.
    starts = 1735689600 + np.arange(6_000_000, dtype=np.int64) * 7  # 2025-01-01 to 2026-05
    hours = np.full(starts.shape, 4 * 3600, dtype=np.int64)
    inside = threading.Event()
    done = threading.Event()
    call = []

    def worker() -> None:
        inside.set()
        try:
            t0 = time.perf_counter()
            office._core.add_many_seconds(starts, hours, "close")
            call.extend([t0, time.perf_counter()])
        finally:
            done.set()  # also when the call raises: the loop below must end

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait()
    loop_start = last = time.perf_counter()
    longest_pause = 0.0
    while not done.is_set():
        now = time.perf_counter()
        longest_pause = max(longest_pause, now - last)
        last = now
    thread.join()
    assert call, "the batch call raised (see the thread's exception above)"
    call_start, call_end = call
    duration = call_end - call_start
    covered = (call_end - max(call_start, loop_start)) / duration
    assert duration > 0.1, "the call is too short to tell"
    assert covered > 0.5 and longest_pause < 0.5 * duration, (
        f"this thread ran during {covered:.0%} of a {duration:.3f} s call, "
        f"with pauses up to {longest_pause:.3f} s")
