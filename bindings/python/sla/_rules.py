"""Loading rules: RuleSet, Diagnostic, RuleError (rules/README.md has every code)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, List, Sequence, Tuple, Union

from . import _core

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Note:
    file: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a rules file; positions are 1-based (0 = the whole file / line)."""

    file: str
    line: int
    column: int
    severity: str  # "error" or "warning"
    code: str  # stable, e.g. "SLA104"
    message: str
    notes: Tuple[Note, ...] = field(default=())

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.code}]"
        for n in self.notes:
            text += f"\n{n.file}:{n.line}:{n.column}: note: {n.message}"
        return text


class RuleError(ValueError):
    """Rules that do not load; ``.diagnostics`` lists every problem (errors and warnings)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics: List[Diagnostic] = list(diagnostics)
        errors = [d for d in self.diagnostics if d.severity == "error"]
        shown = "\n".join(str(d) for d in errors[:20])
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"{len(errors)} error(s) in the rules:\n{shown}{more}")


def _diagnostics(text: str) -> List[Diagnostic]:
    return [
        Diagnostic(
            file=d["file"],
            line=d["line"],
            column=d["column"],
            severity=d["severity"],
            code=d["code"],
            message=d["message"],
            notes=tuple(Note(n["file"], n["line"], n["column"], n["message"]) for n in d["notes"]),
        )
        for d in json.loads(text)
    ]


def _paths(path_or_paths: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    if isinstance(path_or_paths, (str, os.PathLike)):
        return [os.fspath(path_or_paths)]
    paths = [os.fspath(p) for p in path_or_paths]
    if not paths:
        raise ValueError("load_rules: no rule files given")
    return paths


class RuleSet:
    """Loaded, validated rules: immutable, shareable across threads.

    A RuleSet pickles by its sources (the files' absolute paths, or the text it was loaded
    from) and is loaded again when unpickled, so it can be sent to worker processes; workers
    need the same files at the same paths (a string-loaded RuleSet carries its text).
    """

    __slots__ = ("_core", "_sources", "warnings")

    def __init__(self, core: "_core.RuleSet", sources: Tuple[Any, ...], warnings: List[Diagnostic]):
        self._core = core
        self._sources = sources
        self.warnings: List[Diagnostic] = warnings

    def calendar(self, calendar_id: str) -> "Calendar":
        from ._calendar import Calendar

        return Calendar(self, self._core.calendar(calendar_id))

    @property
    def calendar_ids(self) -> List[str]:
        return self._core.calendar_ids()

    @property
    def policy_ids(self) -> List[str]:
        return self._core.policy_ids()

    @property
    def severity_ids(self) -> List[str]:
        """Most severe first."""
        return self._core.severity_ids()

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (self._sources,))

    def __repr__(self) -> str:
        return f"<sla.RuleSet calendars={self.calendar_ids} policies={self.policy_ids}>"


def _rebuild(sources: Tuple[Any, ...]) -> RuleSet:
    kind = sources[0]
    if kind == "paths":
        return load_rules(sources[1])
    return load_rules_from_string(sources[1], name=sources[2])


def _finish(loaded: Tuple[Any, ...], sources: Tuple[Any, ...]) -> RuleSet:
    core, diagnostics_json = loaded
    diagnostics = _diagnostics(diagnostics_json)
    if core is None:
        raise RuleError(diagnostics)
    return RuleSet(core, sources, diagnostics)


def load_rules(path_or_paths: Union[PathLike, Iterable[PathLike]]) -> RuleSet:
    """Loads rule files (and what they include). Raises RuleError listing every problem."""
    paths = _paths(path_or_paths)
    return _finish(_core.load_rules(paths), ("paths", [os.path.abspath(p) for p in paths]))


def load_rules_from_string(text: str, name: str = "<string>") -> RuleSet:
    """Loads rules from YAML text; `name` is the file name diagnostics use (and the directory
    relative includes are resolved against)."""
    return _finish(_core.load_rules_from_string(text, name), ("text", text, name))


def check_rules(path_or_paths: Union[PathLike, Iterable[PathLike]]) -> List[Diagnostic]:
    """Every diagnostic of the files, errors and warnings, without raising (`sla validate`)."""
    return _diagnostics(_core.load_rules(_paths(path_or_paths))[1])


if False:  # pragma: no cover - for type checkers only
    from ._calendar import Calendar
