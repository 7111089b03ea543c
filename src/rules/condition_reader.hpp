// rules/condition_reader.hpp — conditions and event types as a target or a level writes them.
//
//   start: created            an event type ("created" is the ticket's creation)
//   stop: [resolved, met(x)]  conditions: event types, met(target), breached(target)
//   pause: waiting_customer   event types only (also resume, restart, and a level's `on:`)
//
// A malformed condition or event type is SLA230 (with "did you mean met(x)" for "meet(x)").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/target_rule.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Where a condition is written: what it may name. The engine's own event types are refused
/// where they could never act (SLA234): `severity`, `tier` and `assign` change the ticket and do
/// nothing else (only an `on:` level may fire on them), and `created` is the ticket's creation,
/// not an event of its log (only `start` may name it).
enum class ConditionUse {
  start,       ///< `start`: an event type, created, met(x), breached(x)
  stop,        ///< `stop`: an event type, met(x), breached(x)
  events,      ///< `pause`, `resume`, `restart`: event types
  on,          ///< a level's `on`: an event type, also severity / tier / assign
  obligation,  ///< an obligation's `before`, `met_by`, `until`: event types
};

/// One condition; `what` names the key it belongs to ("'start'").
std::optional<Condition> read_condition(const yaml::Reader& reader, const yaml::Value& value,
                                        std::string_view what, ConditionUse use);

/// Event types, one or a list of them: the value of `pause`, `resume` or `restart` (`use`
/// events), or of an obligation's `met_by` or `until` (`use` obligation).
std::vector<std::string> read_events(const yaml::Reader& reader, const yaml::MapEntry& entry,
                                     ConditionUse use = ConditionUse::events);

}  // namespace sla::rules
