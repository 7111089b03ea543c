"""Loading rules from Python: RuleError with every diagnostic, check_rules, and pickling."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

import sla
from conftest import shanghai


def test_broken_rules_raise_rule_error_with_every_diagnostic(root):
    path = root / "tests" / "data" / "cli" / "broken.yaml"
    with pytest.raises(sla.RuleError) as caught:
        sla.load_rules(str(path))
    error = caught.value
    assert isinstance(error, ValueError)
    found = [(d.line, d.column, d.severity, d.code) for d in error.diagnostics]
    assert found == [(5, 16, "error", "SLA104"), (6, 38, "error", "SLA102")]
    first = error.diagnostics[0]
    assert first.file == str(path)
    assert "unknown time zone 'Asia/Shangai'" in first.message
    assert error.diagnostics[1].notes[0].message == "'09:00-12:00' is here"
    assert f"{path}:5:16: error: unknown time zone" in str(error)
    assert str(first).startswith(f"{path}:5:16: error: unknown time zone 'Asia/Shangai'")
    assert str(first).endswith("[SLA104]")


def test_check_rules_returns_the_diagnostics_without_raising(root):
    diagnostics = sla.check_rules([root / "tests" / "data" / "cli" / "broken.yaml"])
    assert [d.code for d in diagnostics] == ["SLA104", "SLA102"]
    assert sla.check_rules(root / "rules" / "maintenance.yaml") == []


def test_rules_from_a_string_name_the_string_in_diagnostics():
    with pytest.raises(sla.RuleError) as caught:
        sla.load_rules_from_string("version: 1\ncalendars:\n  x: {time_zone: UTC, hours: {mon: ['09:00-08:00x']}}\n",
                                   name="inline.yaml")
    assert caught.value.diagnostics[0].file == "inline.yaml"
    assert caught.value.diagnostics[0].line == 3


def test_a_missing_file_is_a_diagnostic():
    with pytest.raises(sla.RuleError) as caught:
        sla.load_rules("/no/such/rules.yaml")
    assert caught.value.diagnostics[0].file == "/no/such/rules.yaml"
    with pytest.raises(ValueError, match="no rule files"):
        sla.load_rules([])


def test_a_rule_set_lists_what_it_holds(maintenance):
    assert maintenance.policy_ids == ["maintenance"]
    assert maintenance.severity_ids == ["sev1", "sev2", "sev3"]
    assert "cn-office" in maintenance.calendar_ids


def _deadline_in_another_process(payload: bytes) -> str:
    calendar = pickle.loads(payload)
    return calendar.add(shanghai(2026, 9, 30, 16, 0), "4h").isoformat()


def test_rule_sets_calendars_and_engines_pickle_by_their_sources(root, maintenance):
    text = 'version: 1\ncalendars:\n  c: {time_zone: UTC, hours: {mon-fri: ["09:00-17:00"]}}\n'
    from_string = sla.load_rules_from_string(text, name="mine.yaml")
    again = pickle.loads(pickle.dumps(from_string))
    assert again.calendar_ids == ["c"] and again._sources == ("text", text, "mine.yaml")
    again = pickle.loads(pickle.dumps(maintenance))
    assert again.policy_ids == ["maintenance"]
    assert again._sources[1] == [str(root / "rules" / "maintenance.yaml")]
    engine = pickle.loads(pickle.dumps(sla.Engine(maintenance)))
    assert engine.due("maintenance", "C", "sev1", shanghai(2026, 11, 20, 19))["targets"][0]["due"] == \
        "2026-11-20T19:30:00+08:00"
    # A fresh process (spawn: nothing inherited) rebuilds the calendar from the pickle alone.
    payload = pickle.dumps(maintenance.calendar("cn-office"))
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_deadline_in_another_process, (payload,)) == "2026-10-08T11:00:00+08:00"
