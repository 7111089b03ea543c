#include "rules/goal_reader.hpp"

#include <fmt/format.h>

#include "rules/codes.hpp"
#include "rules/duration_limit.hpp"
#include "yaml/codes.hpp"

namespace sla::rules {
namespace {

// Goals are times to take: an amount of time must be longer than zero (a periodic goal of 0m
// would repeat forever at one instant). Anchors (eobd+N, bd+N@HH:MM) are never negative.
bool longer_than_zero(const DurationSpec& d) {
  switch (d.kind) {
    case DurationSpec::Kind::business:
      return d.business.count() > 0;
    case DurationSpec::Kind::business_days:
    case DurationSpec::Kind::calendar_days:
      return d.days > 0;
    case DurationSpec::Kind::end_of_business_day:
    case DurationSpec::Kind::business_day_at:
      return true;
  }
  return true;
}

// "due(resolution)" → "resolution"; nullopt for any other text.
std::optional<std::string_view> due_of_text(std::string_view text) {
  constexpr std::string_view open = "due(";
  if (text.size() <= open.size() + 1 || text.substr(0, open.size()) != open || text.back() != ')')
    return std::nullopt;
  return text.substr(open.size(), text.size() - open.size() - 1);
}

// One duration of a goal into `goal`; false after reporting a problem.
bool read_duration(const yaml::Reader& reader, const yaml::Value& value, std::string_view what,
                   GoalSource& goal) {
  const auto text = reader.text(value, what);
  if (!text) return false;
  if (due_of_text(*text)) {
    reader.error(value.at, code::bad_duration,
                 fmt::format("'{}' is a whole goal: write 'goal: {}' (a goal map or list holds "
                             "durations)",
                             *text, *text));
    return false;
  }
  Parsed<DurationSpec> parsed = try_parse_duration(*text);
  if (!parsed.value) {
    reader.error(value.at, code::bad_duration, parsed.error);
    return false;
  }
  if (!longer_than_zero(*parsed.value)) {
    reader.error(value.at, code::bad_duration,
                 fmt::format("a goal must be longer than zero, not '{}'", *text));
    return false;
  }
  if (const auto why = unusable_duration(*parsed.value, *text)) {
    reader.error(value.at, code::bad_duration, *why);
    return false;
  }
  goal.durations.push_back(*parsed.value);
  goal.duration_at.push_back(value.at);
  return true;
}

// Goals nest at most tier → severity: a map deeper than that is kept unread, and expand_goal
// reports it where a duration was expected (the nesting of a hostile file is not followed).
constexpr int kMaxMapDepth = 2;

GoalSource read_goal_at(const yaml::Reader& reader, const yaml::Value& value, int depth) {
  GoalSource goal;
  goal.at = value.at;
  // due(x): another target's due instant, the whole goal (not one value of a map or list).
  if (const auto text = value.is_scalar() ? reader.text(value, "a goal") : std::nullopt) {
    if (const auto target = due_of_text(*text)) {
      goal.kind = GoalSource::Kind::due_of;
      goal.due_of = Reference{std::string(*target), value.at};
      if (depth > 0 || target->find_first_of("() \t") != std::string_view::npos) {
        reader.error(value.at, code::bad_duration,
                     depth > 0
                         ? fmt::format("'{}' is a whole goal: write 'goal: {}' (a goal "
                                       "map or list holds durations)",
                                       *text, *text)
                         : fmt::format("'{}' is not due(target): the target is one word", *text));
        goal.broken = true;
      }
      return goal;
    }
  }
  if (value.is_scalar()) {
    goal.kind = GoalSource::Kind::duration;
    goal.broken = !read_duration(reader, value, "a goal", goal);
  } else if (value.is_list()) {
    goal.kind = GoalSource::Kind::list;
    const auto items = reader.items(value);
    if (items.empty()) {
      reader.error(value.at, code::empty_goal_list,
                   "a periodic goal needs at least one duration (the last one repeats)");
      goal.broken = true;
    }
    for (const auto& item : items)
      goal.broken = !read_duration(reader, item, "a value of a periodic goal", goal) || goal.broken;
  } else if (value.is_map()) {
    goal.kind = GoalSource::Kind::map;
    if (depth >= kMaxMapDepth) return goal;
    const yaml::MapReader map(reader, value, "'goal'");
    for (const auto& entry : map.entries()) {
      GoalEntry e{entry.key, entry.key_at, read_goal_at(reader, entry.value, depth + 1)};
      goal.broken = goal.broken || e.value.broken;
      goal.entries.push_back(std::move(e));
    }
  } else {
    reader.wrong_kind(value, "'goal'",
                      "a duration, a list of durations, or a map by tier or severity");
    goal.broken = true;
  }
  return goal;
}

}  // namespace

GoalSource read_goal(const yaml::Reader& reader, const yaml::Value& value) {
  return read_goal_at(reader, value, 0);
}

}  // namespace sla::rules
