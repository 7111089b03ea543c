// cli/engine_text.hpp — schedules and evaluations as text for people (`sla due`, `sla evaluate`
// without --json), and what both commands need to read their inputs.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "sla/evaluation.hpp"
#include "sla/rule_set.hpp"
#include "sla/schedule.hpp"

namespace sla::cli {

/// The zone of the calendar of `tier` in `policy`: where a time without an offset is read.
/// Throws sla::Error naming the unknown policy or tier.
const TimeZone& tier_zone(const RuleSet& rules, std::string_view policy, std::string_view tier);

void print_schedule(const Schedule& schedule, const RuleSet& rules, std::ostream& out);
void print_evaluation(const Evaluation& evaluation, std::ostream& out);

}  // namespace sla::cli
