#include "rules/target_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/clock_reader.hpp"
#include "rules/codes.hpp"
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

bool plain_word(std::string_view text) {
  return !text.empty() && std::none_of(text.begin(), text.end(), [](char c) {
    return c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

// `what` is the key the condition belongs to ("'start'"); `events_only` for pause, resume and
// restart, which take event types and not target outcomes.
std::optional<Condition> read_condition(const yaml::Reader& reader, const yaml::Value& value,
                                        std::string_view what, bool events_only) {
  const auto text = reader.text(value, what);
  if (!text) return std::nullopt;
  if (text->empty()) {
    reader.error(value.at, code::bad_condition, fmt::format("{} cannot be empty", what));
    return std::nullopt;
  }
  const std::string_view t = *text;
  const auto open = t.find('(');
  if (open == std::string_view::npos && plain_word(t))
    return Condition{Condition::Kind::event, *text};
  const std::string_view head = t.substr(0, open == std::string_view::npos ? t.size() : open);
  const bool call = open != std::string_view::npos && t.back() == ')' && plain_word(head) &&
                    plain_word(t.substr(open + 1, t.size() - open - 2));
  const std::string inner = call ? std::string(t.substr(open + 1, t.size() - open - 2)) : "";
  if (call && (head == "met" || head == "breached")) {
    if (events_only) {
      reader.error(value.at, code::bad_condition,
                   fmt::format("{} takes event types, not a target's outcome ('{}')", what, t));
      return std::nullopt;
    }
    return Condition{head == "met" ? Condition::Kind::met : Condition::Kind::breached, inner};
  }
  std::vector<DiagnosticNote> notes;
  if (call && !events_only) {
    if (auto guess = yaml::closest_match(head, {"met", "breached"}))
      notes.push_back({value.at, fmt::format("did you mean '{}({})'?", *guess, inner)});
  }
  const std::string message =
      events_only ? fmt::format(
                        "'{}' is not an event type (expected one word without spaces or "
                        "parentheses)",
                        t)
                  : fmt::format(
                        "'{}' is not a condition (expected an event type like 'created', "
                        "or met(target) or breached(target))",
                        t);
  reader.error(value.at, code::bad_condition, message, std::move(notes));
  return std::nullopt;
}

// A condition or a list of them ("stop"), or event types ("pause", ...): the values of `entry`.
std::vector<yaml::Value> one_or_list(const yaml::Reader& reader, const yaml::MapEntry& entry,
                                     bool& ok) {
  if (entry.value.is_list()) return reader.items(entry.value);
  if (entry.value.is_scalar()) return {entry.value};
  reader.error(entry.value.at, code::wrong_kind,
               fmt::format("'{}' must be {} or a list of them, not {}", entry.key,
                           entry.key == "stop" ? "a condition" : "an event type",
                           yaml::kind_name(entry.value.node)));
  ok = false;
  return {};
}

std::vector<std::string> read_events(const yaml::Reader& reader, const yaml::MapEntry& entry) {
  bool ok = true;
  std::vector<std::string> events;
  for (const auto& value : one_or_list(reader, entry, ok))
    if (auto c = read_condition(reader, value, fmt::format("'{}'", entry.key), true))
      events.push_back(c->name);
  return events;
}

}  // namespace

TargetSource read_target(const yaml::Reader& reader, const yaml::MapEntry& entry) {
  TargetSource target;
  target.rule.id = entry.key;
  target.at = entry.key_at;
  target.start_at = entry.key_at;
  const std::size_t errors_before = reader.diagnostics().error_count();
  const std::string what = fmt::format("target '{}'", entry.key);
  if (!reader.expect_map(entry.value, what)) {
    target.broken = true;
    return target;
  }
  // Missing keys are reported at the target's id.
  const yaml::MapReader map(reader, yaml::Value{entry.value.node, entry.key_at}, what, kTargetKeys);

  if (const auto* start = map.require("start")) {
    target.start_at = start->value.at;
    if (auto c = read_condition(reader, start->value, "'start'", false)) target.rule.start = *c;
  }
  if (const auto* stop = map.require("stop")) {
    bool ok = true;
    const auto values = one_or_list(reader, *stop, ok);
    if (ok && values.empty())
      reader.error(stop->value.at, code::no_stop,
                   fmt::format("'stop' of target '{}' lists no condition: its clock would never "
                               "stop",
                               entry.key));
    for (const auto& value : values) {
      if (auto c = read_condition(reader, value, "'stop'", false)) {
        target.rule.stop.push_back(*c);
        target.stop_at.push_back(value.at);
      }
    }
  }
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
                                   entry.key)
                     : fmt::format("target '{}' has 'resume' but no 'pause': nothing can pause "
                                   "its clock",
                                   entry.key));
  }
  if (const auto* restart = map.find("restart"))
    target.rule.restart = read_events(reader, *restart);
  if (const auto* goal = map.require("goal")) {
    target.goal = read_goal(reader, goal->value);
    target.goal_key_at = goal->key_at;
  }
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
    if (auto w = reader.word(change->value, "'on_severity_change'", {"recompute", "restart"}))
      target.rule.on_severity_change =
          *w == "restart" ? OnSeverityChange::restart : OnSeverityChange::recompute;
  }
  if (const auto* escalation = map.find("escalation")) {
    if (reader.expect_list(escalation->value, "'escalation'")) {
      for (const auto& item : reader.items(escalation->value)) {
        target.escalation.push_back(read_escalation_level(reader, item));
        target.rule.escalation.push_back(target.escalation.back().level);
      }
    }
  }
  if (const auto* ignore = map.find("ignore_warnings"))
    target.ignore_warnings = read_ignore_warnings(reader, ignore->value);

  target.broken = reader.diagnostics().error_count() != errors_before;
  return target;
}

}  // namespace sla::rules
