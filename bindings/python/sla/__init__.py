"""sla — service-level agreement deadlines on business-hours calendars.

Rules are YAML (rules/README.md); the arithmetic and the engine are the C++ library's,
exact to the second. Instants are timezone-aware datetimes (a naive one raises ValueError);
results are aware datetimes in the calendar's zone. Batches take NumPy datetime64 (UTC) or
tz-aware pandas columns and run in C++ with the GIL released.

    import sla
    rules = sla.load_rules("rules/calendars/cn-2026.yaml")
    office = rules.calendar("cn-office")
    office.add(datetime(2026, 9, 30, 16, tzinfo=ZoneInfo("Asia/Shanghai")), "4h")
"""

from . import _core
from ._calendar import Calendar, Window
from ._engine import Engine, TicketError
from ._rules import (
    Diagnostic,
    Note,
    RuleError,
    RuleSet,
    check_rules,
    load_rules,
    load_rules_from_string,
)

__version__: str = _core.__version__

__all__ = [
    "Calendar",
    "Diagnostic",
    "Engine",
    "Note",
    "RuleError",
    "RuleSet",
    "TicketError",
    "Window",
    "check_rules",
    "load_rules",
    "load_rules_from_string",
    "__version__",
]
