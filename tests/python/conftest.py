"""Shared fixtures. The tests run against the installed package (`pip install .`), never the
source tree: scripts/test.sh runs pytest from the repository root with the package installed
in a virtual environment, and `import sla` must resolve to site-packages."""

from __future__ import annotations

import datetime as dt
import pathlib
import sys
from zoneinfo import ZoneInfo

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))  # reference.py

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def cn_rules():
    import sla

    return sla.load_rules(ROOT / "rules" / "calendars" / "cn-2026.yaml")


@pytest.fixture(scope="session")
def office(cn_rules):
    return cn_rules.calendar("cn-office")


@pytest.fixture(scope="session")
def maintenance():
    import sla

    return sla.load_rules(ROOT / "rules" / "maintenance.yaml")


def shanghai(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SHANGHAI)
