#include "rules/condition_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/codes.hpp"
#include "sla/words.hpp"
#include "yaml/suggest.hpp"

namespace sla::rules {
namespace {

bool plain_word(std::string_view text) {
  return !text.empty() && std::none_of(text.begin(), text.end(), [](char c) {
    return c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

}  // namespace

// `what` is the key the condition belongs to ("'start'"); `events_only` for pause, resume and
// restart, which take event types and not target outcomes.
namespace {

// The engine's own event types where they would never act (see ConditionUse).
bool reserved_here(std::string_view event, ConditionUse use, std::string& why) {
  const bool change = event == "severity" || event == "tier" || event == "assign";
  if (change && use != ConditionUse::on) {
    why = fmt::format(
        "'{}' is the engine's own event: it changes the ticket's {} and does nothing else, so "
        "it cannot {} (an escalation level can fire on it: {{on: {}, ...}})",
        event, event == "assign" ? "assignee" : event,
        use == ConditionUse::obligation ? "open, meet or end an obligation's periods"
                                        : "start, stop, pause, resume or restart a clock",
        event);
    return true;
  }
  if (event == "created" && use != ConditionUse::start) {
    why =
        "'created' is the ticket's creation, not an event of its log: it can start a clock, "
        "nothing else (a level that fires as the target starts is 'at: 0%')";
    return true;
  }
  return false;
}

}  // namespace

std::optional<Condition> read_condition(const yaml::Reader& reader, const yaml::Value& value,
                                        std::string_view what, ConditionUse use) {
  const bool events_only =
      use == ConditionUse::events || use == ConditionUse::on || use == ConditionUse::obligation;
  const auto text = reader.text(value, what);
  if (!text) return std::nullopt;
  if (text->empty()) {
    reader.error(value.at, code::bad_condition, fmt::format("{} cannot be empty", what));
    return std::nullopt;
  }
  const std::string_view t = *text;
  const auto open = t.find('(');
  if (open == std::string_view::npos && plain_word(t)) {
    if (std::string why; reserved_here(t, use, why)) {
      reader.error(value.at, code::reserved_event, why);
      return std::nullopt;
    }
    return Condition{Condition::Kind::event, *text};
  }
  const std::string_view head = t.substr(0, open == std::string_view::npos ? t.size() : open);
  const bool call = open != std::string_view::npos && t.back() == ')' && plain_word(head) &&
                    plain_word(t.substr(open + 1, t.size() - open - 2));
  const std::string inner = call ? std::string(t.substr(open + 1, t.size() - open - 2)) : "";
  // met(x) and breached(x): the outcomes a condition may wait for ("event(x)" is no outcome).
  const std::vector<std::string_view> outcomes = {to_string(Condition::Kind::met),
                                                  to_string(Condition::Kind::breached)};
  const auto outcome = call ? parse<Condition::Kind>(head) : std::nullopt;
  if (outcome && *outcome != Condition::Kind::event) {
    if (events_only) {
      reader.error(value.at, code::bad_condition,
                   fmt::format("{} takes event types, not a target's outcome ('{}')", what, t));
      return std::nullopt;
    }
    return Condition{*outcome, inner};
  }
  std::vector<DiagnosticNote> notes;
  if (call && !events_only) {
    if (auto guess = yaml::closest_match(head, outcomes))
      notes.push_back(yaml::did_you_mean(fmt::format("{}({})", *guess, inner), value.at));
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

// Event types, one or a list of them: the value of `pause`, `resume` or `restart`.
std::vector<std::string> read_events(const yaml::Reader& reader, const yaml::MapEntry& entry,
                                     ConditionUse use) {
  std::vector<std::string> events;
  const std::string what = fmt::format("'{}'", entry.key);
  for (const auto& value :
       reader.one_or_list(entry.value, what, "an event type").value_or(std::vector<yaml::Value>{}))
    if (auto c = read_condition(reader, value, what, use)) events.push_back(c->name);
  return events;
}

}  // namespace sla::rules
