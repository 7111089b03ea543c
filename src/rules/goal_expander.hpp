// rules/goal_expander.hpp — a goal as written (goal_reader.hpp), expanded into one cell per
// (tier, severity) once every file is read and the policy's tiers and the severities are known.
//
// A map's keys decide its shape: the first key that is only a tier or only a severity says
// whether the map is by tier (whose values may be maps by severity) or by severity. Problems:
// a key that is neither (SLA242, did you mean), tiers and severities mixed or a map too deep
// (SLA243), one severity given twice through an alias (SLA245), lists mixed with single
// durations (SLA246), and — unless the target is `optional` — cells left uncovered (SLA244).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "rules/policy_source.hpp"
#include "sla/goal.hpp"
#include "sla/policy.hpp"
#include "sla/severity.hpp"
#include "yaml/diagnostic_sink.hpp"
#include "yaml/string_map.hpp"

namespace sla::rules {

/// A goal with one cell per covered (tier, severity), tiers in policy order and severities most
/// severe first; cell_at[i] is where cells()[i]'s first duration is written.
struct ExpandedGoal {
  Goal goal;
  std::vector<SourcePosition> cell_at;
};

/// How much of limits::kMaxGoalValues the goals expanded so far take. A target takes its
/// tiers × severities cells (the grid its lookups go through, here and in the engine's plan), or
/// its values when there are more: `goal: [10m, 30m, 1h]` over 4 tiers × 5 severities is 60.
struct GoalBudget {
  std::uint64_t used = 0;
  bool exceeded = false;  ///< SLA028 was reported; no goal is expanded after it
};

/// What a goal's keys may name, and what it must cover.
struct GoalScope {
  std::string_view policy;
  std::string_view target;
  const std::vector<Tier>& tiers;
  const std::vector<Severity>& severities;
  bool optional = false;  ///< the target says `optional: true`: uncovered cells are allowed
  /// Tier ids → index in `tiers`, severity ids and aliases → index in `severities`.
  const StringMap<std::size_t>* tier_index = nullptr;
  const StringMap<std::size_t>* severity_index = nullptr;
  GoalBudget* budget = nullptr;  ///< shared by the goals of one load; none: no limit
};

/// Expands `source`; nullopt after reporting a problem, or once the budget is exceeded (SLA028,
/// reported once, before a grid or a cell is allocated).
std::optional<ExpandedGoal> expand_goal(const GoalSource& source, const GoalScope& scope,
                                        yaml::DiagnosticSink& sink);

}  // namespace sla::rules
