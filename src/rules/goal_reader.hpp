// rules/goal_reader.hpp — a target's `goal:` (docs/semantics.md §3), read as written;
// goal_expander.hpp expands it into one cell per (tier, severity) once the tiers and the severities
// are known.
//
//   goal: 30m                                      every tier, every severity
//   goal: [10m, 30m, 1h]                           periodic: 10m, then 30m, then hourly
//   goal: {A: 2h, C: eobd+1}                       by tier (the policy's tier ids)
//   goal: {sev1: 4h, P2: 8h, sev3: 24h}            by severity (ids or aliases)
//   goal: {A: {sev1: 2h, sev2: 24h}, C: 8h}        by tier, then (where a map) by severity
//
// Problems found while reading: a duration that does not parse or is not longer than zero
// (SLA240, quoting the duration grammar's message: "2d" suggests 2bd or 2cd), an empty list
// (SLA241). What the keys mean, and what the goal must cover, is goal_expander.hpp's.
#pragma once

#include "rules/policy_source.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads the goal as written: durations are parsed now, map keys are kept for expand_goal.
GoalSource read_goal(const yaml::Reader& reader, const yaml::Value& value);

}  // namespace sla::rules
