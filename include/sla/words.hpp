// sla/words.hpp — the words for the model's enums, as rule files, the CLI and the Python binding
// write them, both ways.
//
// Each enum has one table; to_string and parse both read it, so a word cannot be added in one
// direction and forgotten in the other:
//
//   sla::to_string(sla::Landing::next_open)           // "next_open"
//   sla::parse<sla::RollConvention>("preceding")      // RollConvention::preceding
//   sla::parse<sla::RollConvention>("Preceding")      // nullopt: words are exact, lower case
//   sla::words<sla::Observance>()                     // {"none", "nearest_weekday", ...}
//   sla::to_string(std::chrono::Monday)               // "mon", the weekday keys of `hours:`
//
// The words are part of the rules format and of the CLI's output: they do not change once
// released. Escalation triggers and actions are named by the key that writes them in a level
// (`at: 50%` is EscalationTrigger::Kind::at_percent, "at").
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/calendar_definition.hpp"
#include "sla/diagnostic.hpp"
#include "sla/escalation.hpp"
#include "sla/evaluation.hpp"
#include "sla/goal.hpp"
#include "sla/target_rule.hpp"

namespace sla {

template <class Enum>
struct Word {
  Enum value;
  std::string_view text;
};

/// The table of an enum's words, in declaration order; specialised below for every enum that has
/// words. An enum without one has no to_string / parse.
template <class Enum>
struct Vocabulary;

template <class Enum>
concept HasWords = requires {
  Vocabulary<Enum>::words;
};

/// The word for `value` (empty for a value outside the enum).
template <HasWords Enum>
constexpr std::string_view to_string(Enum value) {
  for (const Word<Enum>& w : Vocabulary<Enum>::words)
    if (w.value == value) return w.text;
  return {};
}

/// The value `word` names exactly, or nullopt.
template <HasWords Enum>
constexpr std::optional<Enum> parse(std::string_view word) {
  for (const Word<Enum>& w : Vocabulary<Enum>::words)
    if (w.text == word) return w.value;
  return std::nullopt;
}

/// Every word of the enum, in table order (for "expected one of: ..." and "did you mean").
template <HasWords Enum>
std::vector<std::string_view> words() {
  std::vector<std::string_view> out;
  for (const Word<Enum>& w : Vocabulary<Enum>::words) out.push_back(w.text);
  return out;
}

// --- the tables ------------------------------------------------------------------------------

template <>
struct Vocabulary<Landing> {
  static constexpr std::array<Word<Landing>, 2> words{{
      {Landing::close, "close"},
      {Landing::next_open, "next_open"},
  }};
};

template <>
struct Vocabulary<RollConvention> {
  static constexpr std::array<Word<RollConvention>, 5> words{{
      {RollConvention::following, "following"},
      {RollConvention::preceding, "preceding"},
      {RollConvention::modified_following, "modified_following"},
      {RollConvention::modified_preceding, "modified_preceding"},
      {RollConvention::raise, "raise"},
  }};
};

template <>
struct Vocabulary<DayKind> {
  static constexpr std::array<Word<DayKind>, 4> words{{
      {DayKind::weekly, "weekly"},
      {DayKind::holiday, "holiday"},
      {DayKind::make_up_workday, "make_up_workday"},
      {DayKind::override_hours, "override"},
  }};
};

template <>
struct Vocabulary<Observance> {
  static constexpr std::array<Word<Observance>, 4> words{{
      {Observance::none, "none"},
      {Observance::nearest_weekday, "nearest_weekday"},
      {Observance::sunday_to_monday, "sunday_to_monday"},
      {Observance::next_weekday, "next_weekday"},
  }};
};

/// The weekday keys of a calendar's `hours:` ("mon-fri"), Monday first.
template <>
struct Vocabulary<std::chrono::weekday> {
  static constexpr std::array<Word<std::chrono::weekday>, 7> words{{
      {std::chrono::Monday, "mon"},
      {std::chrono::Tuesday, "tue"},
      {std::chrono::Wednesday, "wed"},
      {std::chrono::Thursday, "thu"},
      {std::chrono::Friday, "fri"},
      {std::chrono::Saturday, "sat"},
      {std::chrono::Sunday, "sun"},
  }};
};

template <>
struct Vocabulary<Diagnostic::Severity> {
  static constexpr std::array<Word<Diagnostic::Severity>, 2> words{{
      {Diagnostic::Severity::error, "error"},
      {Diagnostic::Severity::warning, "warning"},
  }};
};

template <>
struct Vocabulary<Clock::Kind> {
  static constexpr std::array<Word<Clock::Kind>, 3> words{{
      {Clock::Kind::business, "business"},
      {Clock::Kind::wall, "wall"},
      {Clock::Kind::calendar, "calendar"},
  }};
};

template <>
struct Vocabulary<EscalationTrigger::Kind> {
  static constexpr std::array<Word<EscalationTrigger::Kind>, 6> words{{
      {EscalationTrigger::Kind::at_percent, "at"},
      {EscalationTrigger::Kind::after, "after"},
      {EscalationTrigger::Kind::before_breach, "before_breach"},
      {EscalationTrigger::Kind::at_breach, "at_breach"},
      {EscalationTrigger::Kind::after_breach, "after_breach"},
      {EscalationTrigger::Kind::on_event, "on"},
  }};
};

template <>
struct Vocabulary<EscalationAction::Kind> {
  static constexpr std::array<Word<EscalationAction::Kind>, 5> words{{
      {EscalationAction::Kind::notify, "notify"},
      {EscalationAction::Kind::escalate, "escalate"},
      {EscalationAction::Kind::raise_severity, "raise_severity"},
      {EscalationAction::Kind::set_severity, "set_severity"},
      {EscalationAction::Kind::action, "action"},
  }};
};

template <>
struct Vocabulary<Condition::Kind> {
  static constexpr std::array<Word<Condition::Kind>, 3> words{{
      {Condition::Kind::event, "event"},
      {Condition::Kind::met, "met"},
      {Condition::Kind::breached, "breached"},
  }};
};

template <>
struct Vocabulary<OnSeverityChange> {
  static constexpr std::array<Word<OnSeverityChange>, 2> words{{
      {OnSeverityChange::recompute, "recompute"},
      {OnSeverityChange::restart, "restart"},
  }};
};

template <>
struct Vocabulary<Goal::Shape> {
  static constexpr std::array<Word<Goal::Shape>, 5> words{{
      {Goal::Shape::single, "single"},
      {Goal::Shape::by_tier, "by_tier"},
      {Goal::Shape::by_severity, "by_severity"},
      {Goal::Shape::by_tier_and_severity, "by_tier_and_severity"},
      {Goal::Shape::due_of_target, "due_of_target"},
  }};
};

template <>
struct Vocabulary<TargetState> {
  static constexpr std::array<Word<TargetState>, 8> words{{
      {TargetState::pending, "pending"},
      {TargetState::running, "running"},
      {TargetState::paused, "paused"},
      {TargetState::met, "met"},
      {TargetState::breached, "breached"},
      {TargetState::missed, "missed"},
      {TargetState::cancelled, "cancelled"},
      {TargetState::not_applicable, "not_applicable"},
  }};
};

template <>
struct Vocabulary<SeverityEffect> {
  static constexpr std::array<Word<SeverityEffect>, 3> words{{
      {SeverityEffect::none, "none"},
      {SeverityEffect::changed, "changed"},
      {SeverityEffect::unchanged, "unchanged"},
  }};
};

}  // namespace sla
