#!/usr/bin/env python3
"""The JSON Schemas in schema/ against what sla really reads and writes.

Run by ctest (schema_check) with the system Python and Debian's python3-jsonschema:
  check_schemas.py SLA_BINARY SOURCE_DIR
Checks that each schema is a valid Draft 2020-12 schema; that every sample ticket in the
repository validates against ticket.schema.json and that malformed ones do not; and that the
output of `sla evaluate --json`, `sla evaluate --tickets` (error records included) and
`sla due --json` validates against evaluation.schema.json and schedule.schema.json.
"""
import glob
import json
import os
import subprocess
import sys

from jsonschema import Draft202012Validator
from jsonschema.validators import RefResolver

SLA, ROOT = sys.argv[1], sys.argv[2]
SCHEMA_DIR = os.path.join(ROOT, "schema")
failures = []


def load(name):
    with open(os.path.join(SCHEMA_DIR, name), encoding="utf-8") as f:
        return json.load(f)


schemas = {name: load(name) for name in ("ticket.schema.json", "evaluation.schema.json",
                                         "schedule.schema.json")}
store = {s["$id"]: s for s in schemas.values()}


def validator(name):
    schema = schemas[name]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, resolver=RefResolver.from_schema(schema, store=store))


def expect_valid(v, instance, what):
    errors = list(v.iter_errors(instance))
    if errors:
        failures.append(f"{what}: {errors[0].message} at {list(errors[0].absolute_path)}")


def expect_invalid(v, instance, what):
    if not list(v.iter_errors(instance)):
        failures.append(f"{what}: the schema accepts it, but sla refuses it")


def sla(*args):
    run = subprocess.run([SLA, *args], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        failures.append(f"sla {' '.join(args)}: exit {run.returncode}: {run.stderr}")
    return run.stdout


ticket_v = validator("ticket.schema.json")
evaluation_v = validator("evaluation.schema.json")
schedule_v = validator("schedule.schema.json")
rules = os.path.join(ROOT, "rules", "maintenance.yaml")

samples = sorted(glob.glob(os.path.join(ROOT, "examples", "tickets", "*.json")) +
                 [p for p in glob.glob(os.path.join(ROOT, "tests", "data", "evaluate", "*.json"))
                  if not p.endswith(".expected.json")])
for path in samples:
    with open(path, encoding="utf-8") as f:
        expect_valid(ticket_v, json.load(f), os.path.relpath(path, ROOT))
    out = sla("evaluate", "--rules", rules, "--ticket", path, "--now",
              "2026-11-23T12:00:00+08:00", "--json")
    expect_valid(evaluation_v, json.loads(out), f"evaluation of {os.path.relpath(path, ROOT)}")

base = {"policy": "maintenance", "tier": "C", "severity": "sev1",
        "created": "2026-11-20T19:00:00+08:00"}
for what, bad in [("an unknown key", {**base, "evnts": []}),
                  ("a time without an offset", {**base, "created": "2026-11-20T19:00"}),
                  ("no tier", {k: v for k, v in base.items() if k != "tier"}),
                  ("neither policy nor attributes", {k: v for k, v in base.items() if k != "policy"}),
                  ("an event without a type", {**base, "events": [{"at": "2026-11-20T19:00:00Z"}]}),
                  ("an event with an unknown key",
                   {**base, "events": [{"at": "2026-11-20T19:00:00Z", "type": "x", "note": 1}]})]:
    expect_invalid(ticket_v, bad, f"a ticket with {what}")

stream = sla("evaluate", "--rules", rules, "--tickets",
             os.path.join(ROOT, "tests", "data", "evaluate", "stream.jsonl"), "--now",
             "2026-11-23T12:00:00+08:00")
lines = stream.splitlines()
if len(lines) != 5:
    failures.append(f"the stream gave {len(lines)} records, not 5")
for n, line in enumerate(lines, 1):
    expect_valid(evaluation_v, json.loads(line), f"stream record {n}")

for tier, severity in [("A", "sev1"), ("C", "P3")]:
    out = sla("due", "--rules", rules, "--policy", "maintenance", "--tier", tier, "--severity",
              severity, "--created", "2026-09-30T16:00", "--json")
    expect_valid(schedule_v, json.loads(out), f"sla due --json (tier {tier}, {severity})")

for f in failures:
    print("FAIL", f)
print(f"schema check: {len(samples)} sample tickets, {len(lines)} stream records, "
      f"{len(failures)} failures")
sys.exit(1 if failures else 0)
