// rules/goal_reader.hpp — a target's `goal:` (SPEC §3): read as written, then expanded into one
// cell per (tier, severity) once the tiers and the severities are known.
//
//   goal: 30m                                      every tier, every severity
//   goal: [10m, 30m, 1h]                           periodic: 10m, then 30m, then hourly
//   goal: {A: 2h, C: eobd+1}                       by tier (the policy's tier ids)
//   goal: {sev1: 4h, P2: 8h, sev3: 24h}            by severity (ids or aliases)
//   goal: {A: {sev1: 2h, sev2: 24h}, C: 8h}        by tier, then (where a map) by severity
//
// Problems: a duration that does not parse or is not longer than zero (SLA240, quoting the
// duration grammar's message: "2d" suggests 2bd or 2cd); an empty list (SLA241); a key that is
// neither a tier of the policy nor a severity (SLA242, did you mean); tiers and severities
// mixed in one map, or a map where only durations may be (SLA243); one severity named twice
// through an alias (SLA245); lists mixed with single durations (SLA246); and, unless the target
// is `optional`, (tier, severity) cells the goal does not cover (SLA244).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "rules/policy_source.hpp"
#include "sla/goal.hpp"
#include "yaml/diagnostics.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads the goal as written: durations are parsed now, map keys are kept for expand_goal.
GoalSource read_goal(const yaml::Reader& reader, const yaml::Value& value);

/// A goal with one cell per covered (tier, severity), tiers in policy order and severities most
/// severe first; cell_at[i] is where cells()[i]'s first duration is written.
struct ExpandedGoal {
  Goal goal;
  std::vector<SourcePosition> cell_at;
};

/// What a goal's keys may name, and what it must cover.
struct GoalScope {
  std::string_view policy;
  std::string_view target;
  const std::vector<Tier>& tiers;
  const std::vector<Severity>& severities;
  bool optional = false;  ///< the target says `optional: true`: uncovered cells are allowed
};

/// Expands `source`; nullopt after reporting a problem.
std::optional<ExpandedGoal> expand_goal(const GoalSource& source, const GoalScope& scope,
                                        yaml::Diagnostics& sink);

}  // namespace sla::rules
