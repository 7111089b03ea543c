"""Conversions between Python's time types and the epoch seconds that sla._core speaks.

The time model is the C++ library's (include/sla/time.hpp): an instant is a point on the UTC
time line with whole-second resolution; civil time means nothing until a zone is given. So:

* scalar instants must be timezone-aware ``datetime`` objects (``pandas.Timestamp`` included);
  a naive one raises ``ValueError`` — we never guess a zone;
* batch instants are NumPy ``datetime64`` arrays, read as UTC, or tz-aware pandas Series /
  DatetimeIndex (a naive pandas column raises ``ValueError`` like a naive datetime);
* results are aware datetimes in the calendar's zone (``zoneinfo``), or ``datetime64[s]``
  arrays in UTC;
* a value with a fraction of a second raises ``ValueError`` rather than being rounded (the
  C++ parser rejects fractional seconds for the same reason). ``dt.replace(microsecond=0)`` or
  ``series.dt.floor("s")`` makes one whole.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

import numpy as np

NAT = np.iinfo(np.int64).min  # NaT in a datetime64 / timedelta64 buffer read as int64
_UNIX_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_FIXED_OFFSET = re.compile(r"([+-])(\d\d):?(\d\d)")


def tzinfo_for(zone_name: str) -> _dt.tzinfo:
    """The tzinfo for a zone name as sla writes it: an IANA name (system tz database, the one
    the C++ library reads too), a fixed offset "+08:00", or "Z"."""
    if zone_name == "Z":
        return _dt.timezone.utc
    fixed = _FIXED_OFFSET.fullmatch(zone_name)
    if fixed:
        sign = -1 if fixed.group(1) == "-" else 1
        offset = _dt.timedelta(hours=int(fixed.group(2)), minutes=int(fixed.group(3)))
        return _dt.timezone(sign * offset)
    from zoneinfo import ZoneInfo

    return ZoneInfo(zone_name)  # ZoneInfo caches instances by key itself


def _is_pandas(value: object, kind: str) -> bool:
    module = type(value).__module__
    return module.startswith("pandas") and type(value).__name__ == kind


def epoch_seconds(value: Any, what: str) -> int:
    """An aware datetime as seconds since 1970-01-01T00:00:00Z (exact, no float)."""
    if not isinstance(value, _dt.datetime):
        raise TypeError(
            f"{what}: expected a timezone-aware datetime, not {type(value).__name__} ({value!r})"
        )
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(
            f"{what}: {value!r} is a naive datetime (no tzinfo); sla needs an absolute instant: "
            "give a timezone-aware datetime, e.g. datetime(2026, 11, 20, 19, 0, "
            "tzinfo=ZoneInfo('Asia/Shanghai'))"
        )
    if value.microsecond or getattr(value, "nanosecond", 0):
        raise ValueError(
            f"{what}: {value!r} has a fraction of a second; sla works in whole seconds "
            "(use .replace(microsecond=0))"
        )
    utc = value.replace(tzinfo=None) - offset
    days = utc.toordinal() - _UNIX_ORDINAL
    return days * 86400 + utc.hour * 3600 + utc.minute * 60 + utc.second


def from_epoch(seconds: int, tz: _dt.tzinfo) -> _dt.datetime:
    """Epoch seconds as an aware datetime in `tz` (exact: zoneinfo picks the right fold)."""
    return _dt.datetime.fromtimestamp(seconds, tz)


def whole_seconds(value: Any, what: str) -> int:
    """A timedelta (or numpy.timedelta64, pandas.Timedelta) as whole seconds."""
    if isinstance(value, np.timedelta64):
        if np.isnat(value):
            raise ValueError(f"{what}: NaT is not a duration")
        value = _timedelta64_to_seconds(np.asarray([value]), what)[0]
        return int(value)
    if not isinstance(value, _dt.timedelta):
        raise TypeError(
            f"{what}: expected a timedelta or a duration string such as '4h' or '2bd', "
            f"not {type(value).__name__} ({value!r})"
        )
    if value.microseconds or getattr(value, "nanoseconds", 0):
        raise ValueError(f"{what}: {value!r} has a fraction of a second; sla works in whole seconds")
    return value.days * 86400 + value.seconds


def date_to_days(value: Any, what: str) -> int:
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise TypeError(f"{what}: expected a datetime.date, not {type(value).__name__} ({value!r})")
    return value.toordinal() - _UNIX_ORDINAL


def days_to_date(days: int) -> _dt.date:
    return _dt.date.fromordinal(days + _UNIX_ORDINAL)


# ---------------------------------------------------------------------------------------------
# Arrays. `Wrap` remembers how an input looked, so results come back in the same kind:
# NumPy in -> NumPy out, pandas Series in -> Series out (same index and name), Index -> Index.

Wrap = Callable[[np.ndarray, str], Any]


def _numpy_wrap(values: np.ndarray, kind: str) -> Any:
    return values.view("datetime64[s]" if kind == "datetime" else "timedelta64[s]")


def _pandas_wrap(template: Any) -> Wrap:
    import pandas as pd

    def wrap(values: np.ndarray, kind: str) -> Any:
        if kind == "datetime":
            data = pd.DatetimeIndex(values.view("datetime64[s]")).tz_localize("UTC")
            if isinstance(template, pd.Index):
                return pd.DatetimeIndex(data, name=template.name)
            return pd.Series(data, index=template.index, name=template.name)
        data = pd.TimedeltaIndex(values.view("timedelta64[s]"))
        if isinstance(template, pd.Index):
            return pd.TimedeltaIndex(data, name=template.name)
        return pd.Series(data, index=template.index, name=template.name)

    return wrap


def _whole_seconds(values: np.ndarray, seconds_dtype: str, what: str, hint: str) -> np.ndarray:
    """datetime64 or timedelta64 values of any unit as int64 seconds (NaT stays NaT's int64);
    a value with a fraction of a second is an error naming its element."""
    if values.dtype == np.dtype(seconds_dtype):
        return values.view(np.int64)  # already whole seconds: no copy, no check
    seconds = values.astype(seconds_dtype)
    exact = seconds.astype(values.dtype) == values
    if not np.all(exact | np.isnat(values)):
        first = int(np.argmin(exact | np.isnat(values)))
        raise ValueError(
            f"{what}: element {first} ({values[first]}) has a fraction of a second; sla works "
            f"in whole seconds{hint}"
        )
    return seconds.view(np.int64)


def _datetime64_to_seconds(values: np.ndarray, what: str) -> np.ndarray:
    return _whole_seconds(values, "datetime64[s]", what, " (floor it first)")


def _timedelta64_to_seconds(values: np.ndarray, what: str) -> np.ndarray:
    if values.dtype == np.dtype("timedelta64"):  # generic unit: no meaning in seconds
        raise ValueError(f"{what}: timedelta64 without a unit")
    return _whole_seconds(values, "timedelta64[s]", what, "")


def instants_array(values: Any, what: str) -> Tuple[np.ndarray, Optional[Wrap]]:
    """Instants as int64 epoch seconds (NaT = NAT), and how to wrap results like the input
    (None for a scalar)."""
    if isinstance(values, (_dt.datetime, np.datetime64)):
        if isinstance(values, np.datetime64):
            return _datetime64_to_seconds(np.asarray([values]), what), None
        return np.asarray([epoch_seconds(values, what)], dtype=np.int64), None
    if _is_pandas(values, "Series") or _is_pandas(values, "DatetimeIndex") or _is_pandas(
        values, "Index"
    ):
        import pandas as pd

        wrap = _pandas_wrap(values)
        dtype = values.dtype
        if isinstance(dtype, pd.DatetimeTZDtype):
            utc = values.dt.tz_convert(None) if isinstance(values, pd.Series) else values.tz_convert(None)
            return _datetime64_to_seconds(utc.to_numpy(), what), wrap
        if dtype.kind == "M":
            raise ValueError(
                f"{what}: a naive pandas datetime column (dtype {dtype}); sla needs absolute "
                "instants: localize it first, e.g. .dt.tz_localize('Asia/Shanghai')"
            )
        return _object_instants(list(values), what), wrap
    array = np.asarray(values)
    if array.ndim != 1:
        raise ValueError(f"{what}: expected a 1-D array, got shape {array.shape}")
    if array.dtype.kind == "M":
        return _datetime64_to_seconds(array, what), _numpy_wrap
    if array.dtype == object or array.size == 0:
        return _object_instants(list(array), what), _numpy_wrap
    raise TypeError(f"{what}: expected datetime64 values or aware datetimes, not dtype {array.dtype}")


def _object_instants(items: Sequence[Any], what: str) -> np.ndarray:
    out = np.empty(len(items), dtype=np.int64)
    for i, item in enumerate(items):
        if item is None or (isinstance(item, float) and item != item) or _is_nat(item):
            out[i] = NAT
        else:
            out[i] = epoch_seconds(item, f"{what}[{i}]")
    return out


def _is_nat(item: Any) -> bool:
    if isinstance(item, (np.datetime64, np.timedelta64)):
        return bool(np.isnat(item))
    return type(item).__name__ == "NaTType"


def durations_array(
    values: Any, n: int, what: str
) -> Tuple[Optional[np.ndarray], Optional[np.ndarray], Sequence[str], Optional[Wrap]]:
    """Durations as (seconds or None, text codes or None, texts, wrap). Exactly one of the
    first two is set: seconds for timedeltas, codes into `texts` for duration strings
    ("4h", "2bd", "eobd+1"); -1 / NAT mark a missing value."""
    if isinstance(values, str):
        return None, np.zeros(n, dtype=np.int32), [values], None
    if isinstance(values, (_dt.timedelta, np.timedelta64)):
        return np.full(n, whole_seconds(values, what), dtype=np.int64), None, [], None
    wrap: Optional[Wrap] = None
    if _is_pandas(values, "Series") or _is_pandas(values, "Index") or _is_pandas(
        values, "TimedeltaIndex"
    ):
        wrap = _pandas_wrap(values)
        if values.dtype.kind == "m":
            return _timedelta64_to_seconds(values.to_numpy(), what), None, [], wrap
        import pandas as pd

        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        if all(isinstance(u, str) for u in uniques):
            return None, codes.astype(np.int32), [str(u) for u in uniques], wrap
        items = list(values)
    else:
        array = np.asarray(values)
        if array.ndim != 1:
            raise ValueError(f"{what}: expected a 1-D array, got shape {array.shape}")
        wrap = _numpy_wrap
        if array.dtype.kind == "m":
            return _timedelta64_to_seconds(array, what), None, [], wrap
        if array.dtype.kind == "U":
            texts, codes = np.unique(array, return_inverse=True)
            return None, codes.astype(np.int32), [str(t) for t in texts], wrap
        if array.dtype != object:
            raise TypeError(
                f"{what}: expected timedeltas or duration strings, not dtype {array.dtype}"
            )
        items = list(array)
    if all(isinstance(x, str) or x is None or _is_missing(x) for x in items):
        index: Dict[str, int] = {}
        codes_list = []
        for x in items:
            codes_list.append(-1 if not isinstance(x, str) else index.setdefault(x, len(index)))
        return None, np.asarray(codes_list, dtype=np.int32), list(index), wrap
    seconds = np.empty(len(items), dtype=np.int64)
    for i, x in enumerate(items):
        seconds[i] = NAT if (x is None or _is_missing(x)) else whole_seconds(x, f"{what}[{i}]")
    return seconds, None, [], wrap


def _is_missing(x: Any) -> bool:
    return (isinstance(x, float) and x != x) or _is_nat(x) or type(x).__name__ == "NAType"
