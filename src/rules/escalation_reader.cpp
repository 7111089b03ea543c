#include "rules/escalation_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "rules/clock_reader.hpp"
#include "rules/codes.hpp"
#include "rules/condition_reader.hpp"
#include "rules/duration_limit.hpp"
#include "yaml/codes.hpp"

namespace sla::rules {
namespace {

// The keys of a level: its trigger, its actions (sla/words.hpp names both by their keys) and
// `clock`.
std::vector<std::string_view> level_keys() {
  std::vector<std::string_view> keys = words<EscalationTrigger::Kind>();
  const auto actions = words<EscalationAction::Kind>();
  keys.insert(keys.end(), actions.begin(), actions.end());
  keys.push_back("clock");
  return keys;
}

// "50%", "150%": a whole percentage of the goal, 0% to 10000% (sla/escalation.hpp). 0% is
// valid (and warned about by the checks: it fires as the target starts). "12.5%" is refused
// rather than rounded: the author wrote a precision the level would not keep.
bool read_percent(const yaml::Reader& reader, const yaml::Value& value, int& percent) {
  const auto text = reader.text(value, "'at'");
  if (!text) return false;
  std::string_view number = *text;
  const bool has_sign = !number.empty() && number.back() == '%';
  if (has_sign) number.remove_suffix(1);
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const std::size_t point = number.find('.');
  const bool whole = !number.empty() && std::all_of(number.begin(), number.end(), is_digit);
  const bool decimal =
      !whole && point != std::string_view::npos && number.size() > 1 &&
      std::count(number.begin(), number.end(), '.') == 1 &&
      std::all_of(number.begin(), number.end(), [&](char c) { return is_digit(c) || c == '.'; });
  if (!whole && !decimal) {
    reader.error(value.at, code::bad_percentage,
                 fmt::format("'at' must be a percentage of the goal like 50% (not negative, may "
                             "exceed 100%), not '{}'",
                             *text));
    return false;
  }
  if (decimal) {
    reader.error(value.at, code::bad_percentage,
                 fmt::format("'at' must be a whole percentage of the goal like 12% or 150%, not "
                             "'{}'",
                             *text));
    return false;
  }
  if (!has_sign) {
    reader.error(value.at, code::bad_percentage,
                 fmt::format("'at' is a percentage of the goal: write '{}%'", *text));
    return false;
  }
  int parsed = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), parsed);
  if (ec != std::errc{} || end != number.data() + number.size() ||
      parsed > EscalationTrigger::kMaxPercent) {
    reader.error(value.at, code::bad_percentage,
                 fmt::format("'at' is at most {}% (a hundred times the goal), not '{}'",
                             EscalationTrigger::kMaxPercent, *text));
    return false;
  }
  percent = parsed;
  return true;
}

// The time of `after`, `before_breach` or `after_breach`: an amount of time, not negative.
bool read_trigger_time(const yaml::Reader& reader, const yaml::MapEntry& entry,
                       DurationSpec& duration) {
  const auto text = reader.text(entry.value, fmt::format("'{}'", entry.key));
  if (!text) return false;
  Parsed<DurationSpec> parsed = try_parse_duration(*text);
  if (!parsed.value) {
    reader.error(entry.value.at, code::bad_duration, parsed.error);
    return false;
  }
  const DurationSpec& d = *parsed.value;
  if (d.kind == DurationSpec::Kind::end_of_business_day ||
      d.kind == DurationSpec::Kind::business_day_at) {
    reader.error(entry.value.at, code::bad_trigger,
                 fmt::format("'{}' must be an amount of time like 30m, 2bd or 3cd, not the "
                             "anchor '{}'",
                             entry.key, *text));
    return false;
  }
  if (d.business.count() < 0 || d.days < 0) {
    reader.error(entry.value.at, code::bad_trigger,
                 fmt::format("'{}' cannot be negative ('{}')", entry.key, *text));
    return false;
  }
  if (const auto why = unusable_duration(d, *text)) {
    reader.error(entry.value.at, code::bad_trigger, *why);
    return false;
  }
  duration = d;
  return true;
}

// The trigger `kind`, written as `entry`.
bool read_trigger(const yaml::Reader& reader, EscalationTrigger::Kind kind,
                  const yaml::MapEntry& entry, EscalationTrigger& trigger) {
  using Kind = EscalationTrigger::Kind;
  trigger.kind = kind;
  if (kind == Kind::at_percent) return read_percent(reader, entry.value, trigger.percent);
  if (kind == Kind::at_breach) {
    const auto text = reader.text(entry.value, "'at_breach'");
    if (!text) return false;
    if (*text != "true") {
      reader.error(entry.value.at, code::bad_trigger,
                   fmt::format("'at_breach' can only be true, not '{}' (to fire at another time, "
                               "use at, after, before_breach or after_breach)",
                               *text));
      return false;
    }
    trigger.percent = 100;
    return true;
  }
  if (kind == Kind::on_event) {  // on: remote_failed — when that event happens while it runs
    const auto event = read_condition(reader, entry.value, "'on'", ConditionUse::on);
    if (!event) return false;
    trigger.event = event->name;
    return true;
  }
  return read_trigger_time(reader, entry, trigger.duration);
}

std::optional<int> read_steps(const yaml::Reader& reader, const yaml::MapEntry& entry) {
  return reader.integer_in(
      entry.value, fmt::format("'{}'", entry.key), 1, 1000, code::bad_step_count, [&](long long n) {
        return fmt::format("'{}' counts steps: 1 to 1000, not {}", entry.key, n);
      });
}

// Reads the action `kind`, written as `entry`, into `level`; false after a problem.
bool read_action(const yaml::Reader& reader, EscalationAction::Kind kind,
                 const yaml::MapEntry& entry, EscalationSource& level) {
  using Kind = EscalationAction::Kind;
  EscalationAction action;
  action.kind = kind;
  if (kind == Kind::notify) {
    const auto listed = reader.one_or_list(entry.value, "'notify'", "a role");
    if (!listed) return false;
    const std::vector<yaml::Value>& roles = *listed;
    if (roles.empty()) {
      reader.error(entry.value.at, code::no_action, "'notify' lists no role");
      return false;
    }
    bool ok = true;
    for (const auto& role : roles) {
      const auto name = reader.text(role, "a role to notify");
      if (!name) {
        ok = false;
        continue;
      }
      action.roles.push_back(*name);
      level.notify.push_back({*name, role.at});
    }
    level.level.actions.push_back(std::move(action));
    return ok;
  }
  if (kind == Kind::escalate || kind == Kind::raise_severity) {
    const auto steps = read_steps(reader, entry);
    if (!steps) return false;
    action.steps = *steps;
    if (action.kind == Kind::escalate) level.escalate_at = entry.value.at;
    level.level.actions.push_back(std::move(action));
    return true;
  }
  const auto name = reader.text(entry.value, fmt::format("'{}'", entry.key));
  if (!name) return false;
  if (name->empty()) {
    reader.error(entry.value.at, code::invalid_value,
                 fmt::format("'{}' cannot be empty", entry.key));
    return false;
  }
  action.name = *name;
  if (action.kind == Kind::set_severity) level.set_severity = Reference{*name, entry.value.at};
  level.level.actions.push_back(std::move(action));
  return true;
}

}  // namespace

EscalationSource read_escalation_level(const yaml::Reader& reader, const yaml::Value& item) {
  EscalationSource level;
  level.at = item.at;
  level.trigger_at = item.at;
  if (!reader.expect_map(item, "an escalation level", "a map like {at: 50%, notify: [engineer]}")) {
    level.broken = true;
    return level;
  }
  const std::size_t errors_before = reader.diagnostics().error_count();
  const yaml::MapReader map(reader, item, "an escalation level", level_keys());
  // A misspelt key ("notfy") is already reported with "did you mean": one typo, one error.
  const bool key_problem = reader.diagnostics().error_count() != errors_before;
  const yaml::MapEntry* trigger = nullptr;
  bool any_action = false;
  for (const auto& entry : map.entries()) {
    if (const auto trigger_kind = parse<EscalationTrigger::Kind>(entry.key)) {
      if (trigger != nullptr) {
        reader.error(entry.key_at, code::two_triggers,
                     fmt::format("an escalation level has one trigger, and this one has two: "
                                 "'{}' and '{}' (split it into two levels)",
                                 trigger->key, entry.key),
                     {{trigger->key_at, fmt::format("'{}' given here", trigger->key)}});
        continue;
      }
      trigger = &entry;
      level.trigger_at = entry.value.at;
      read_trigger(reader, *trigger_kind, entry, level.level.trigger);
    } else if (const auto action_kind = parse<EscalationAction::Kind>(entry.key)) {
      any_action = true;
      read_action(reader, *action_kind, entry, level);
    } else if (entry.key == "clock") {
      level.level.clock = read_clock(reader, entry.value);
      if (level.level.clock && level.level.clock->kind == Clock::Kind::calendar)
        level.clock_at = entry.value.at;
    }
  }
  if (trigger == nullptr && !key_problem)
    reader.error(item.at, code::missing_trigger,
                 "an escalation level needs a trigger: at, after, before_breach, at_breach, "
                 "after_breach or on");
  if (!any_action && !key_problem)
    reader.error(item.at, code::no_action,
                 "an escalation level needs an action: notify, escalate, raise_severity, "
                 "set_severity or action");
  level.broken = reader.diagnostics().error_count() != errors_before;
  return level;
}

}  // namespace sla::rules
