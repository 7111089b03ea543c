#include "rules/target_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/clock_reader.hpp"
#include "rules/codes.hpp"
#include "rules/condition_reader.hpp"
#include "rules/escalation_reader.hpp"
#include "rules/goal_reader.hpp"
#include "rules/ignore_warnings.hpp"
#include "yaml/codes.hpp"
#include "yaml/suggest.hpp"

namespace sla::rules {
namespace {

const std::vector<std::string_view> kTargetKeys = {
    "start", "stop",     "pause",      "resume",          "restart",           "goal",
    "clock", "optional", "escalation", "ignore_warnings", "on_severity_change"};

// `start` (required): one condition.
void read_start(const yaml::Reader& reader, const yaml::MapReader& map, TargetSource& target) {
  const auto* start = map.require("start");
  if (start == nullptr) return;
  target.start_at = start->value.at;
  if (auto c = read_condition(reader, start->value, "'start'", ConditionUse::start))
    target.rule.start = *c;
}

// `stop` (required): a condition or a list of them, not an empty one (the clock would never
// stop).
void read_stop(const yaml::Reader& reader, const yaml::MapReader& map, TargetSource& target) {
  const auto* stop = map.require("stop");
  if (stop == nullptr) return;
  const auto values = reader.one_or_list(stop->value, "'stop'", "a condition");
  if (!values) return;
  if (values->empty())
    reader.error(stop->value.at, code::no_stop,
                 fmt::format("'stop' of target '{}' lists no condition: its clock would never "
                             "stop",
                             target.rule.id));
  for (const auto& value : *values) {
    if (auto c = read_condition(reader, value, "'stop'", ConditionUse::stop)) {
      target.rule.stop.push_back(*c);
      target.stop_at.push_back(value.at);
    }
  }
}

// `pause` and `resume` come together (SLA232), `restart` on its own.
void read_pauses(const yaml::Reader& reader, const yaml::MapReader& map, TargetSource& target) {
  const auto* pause = map.find("pause");
  const auto* resume = map.find("resume");
  if (pause != nullptr) target.rule.pause = read_events(reader, *pause);
  if (resume != nullptr) target.rule.resume = read_events(reader, *resume);
  if ((pause == nullptr) != (resume == nullptr)) {
    const auto* given = pause != nullptr ? pause : resume;
    reader.error(given->key_at, code::pause_without_resume,
                 pause != nullptr
                     ? fmt::format("target '{}' has 'pause' but no 'resume': once paused, its "
                                   "clock would never run again",
                                   target.rule.id)
                     : fmt::format("target '{}' has 'resume' but no 'pause': nothing can pause "
                                   "its clock",
                                   target.rule.id));
  }
  if (const auto* restart = map.find("restart"))
    target.rule.restart = read_events(reader, *restart);
}

// `clock`, `optional` and `on_severity_change`.
void read_options(const yaml::Reader& reader, const yaml::MapReader& map, TargetSource& target) {
  if (const auto* clock = map.find("clock")) {
    if (auto c = read_clock(reader, clock->value)) {
      target.rule.clock = *c;
      if (c->kind == Clock::Kind::calendar) target.clock_at = clock->value.at;
    }
  }
  if (const auto* optional = map.find("optional")) {
    if (auto w = reader.word(optional->value, "'optional'", {"true", "false"}))
      target.rule.optional = *w == "true";
  }
  if (const auto* change = map.find("on_severity_change")) {
    if (auto how = reader.choice<OnSeverityChange>(change->value, "'on_severity_change'"))
      target.rule.on_severity_change = *how;
  }
}

// `escalation`: a list of levels.
void read_escalation(const yaml::Reader& reader, const yaml::MapEntry& escalation,
                     TargetSource& target) {
  if (!reader.expect_list(escalation.value, "'escalation'")) return;
  for (const auto& item : reader.items(escalation.value)) {
    target.escalation.push_back(read_escalation_level(reader, item));
    target.rule.escalation.push_back(target.escalation.back().level);
  }
}

void read_target_keys(const yaml::Reader& reader, const yaml::MapReader& map,
                      TargetSource& target) {
  read_start(reader, map, target);
  read_stop(reader, map, target);
  read_pauses(reader, map, target);
  if (const auto* goal = map.require("goal")) {
    target.goal = read_goal(reader, goal->value);
    target.goal_key_at = goal->key_at;
  }
  read_options(reader, map, target);
  if (const auto* escalation = map.find("escalation")) read_escalation(reader, *escalation, target);
  if (const auto* ignore = map.find("ignore_warnings"))
    target.ignore_warnings = read_ignore_warnings(reader, ignore->value);
}

}  // namespace

TargetSource read_target(const yaml::Reader& reader, const yaml::MapEntry& entry) {
  TargetSource target;
  target.rule.id = entry.key;
  target.at = entry.key_at;
  target.start_at = entry.key_at;
  const std::size_t errors_before = reader.diagnostics().error_count();
  if (const auto map =
          yaml::read_keyed_map(reader, entry, fmt::format("target '{}'", entry.key), kTargetKeys))
    read_target_keys(reader, *map, target);
  target.broken = reader.diagnostics().error_count() != errors_before;
  return target;
}

}  // namespace sla::rules
