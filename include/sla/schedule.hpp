// sla/schedule.hpp — "what are my deadlines": what Engine::due returns.
//
// The deadlines of a ticket to which nothing happens after its creation: each target's start
// (when it starts on `created`, or on a breach of a target that does), its due instant, and the
// instant of each escalation level. Targets that wait for an event (`responded`, met(x)) have
// no start. Names and `rule` pointers are views into the Engine's RuleSet (sla/evaluation.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "sla/escalation.hpp"
#include "sla/evaluation.hpp"
#include "sla/time.hpp"
#include "sla/time_zone.hpp"

namespace sla {

struct ScheduledLevel {
  int level = 0;  ///< 1-based position in the target's escalation list
  const EscalationLevel* rule = nullptr;
  std::optional<Instant> at;  ///< null for `on:` levels and levels of targets without a start
};

struct ScheduledTarget {
  std::string_view id;
  std::optional<Instant> start;  ///< null: the target waits for an event
  std::optional<Instant> due;
  Seconds goal{0};  ///< the goal's length on the target's clock (0 when it has no start)
  const TimeZone* zone = nullptr;
  std::uint32_t first_level = 0;  ///< index into Schedule::levels
  std::uint32_t level_count = 0;
};

struct Schedule {
  std::string_view policy;
  std::string_view tier;
  std::string_view severity;
  Instant created{};
  const TimeZone* zone = nullptr;  ///< the tier's calendar's zone
  std::vector<ScheduledTarget> targets;
  std::vector<ScheduledLevel> levels;
  std::vector<EvaluationDiagnostic> diagnostics;  ///< as in Evaluation (errors: no targets)

  bool ok() const {
    for (const auto& d : diagnostics)
      if (d.severity == EvaluationDiagnostic::Severity::error) return false;
    return true;
  }
  std::span<const ScheduledLevel> levels_of(const ScheduledTarget& target) const {
    return std::span<const ScheduledLevel>(levels).subspan(target.first_level, target.level_count);
  }
};

}  // namespace sla
