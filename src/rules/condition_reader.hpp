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

/// One condition; `what` names the key it belongs to ("'start'"). With `events_only` (pause,
/// resume, restart, on) a target's outcome is refused.
std::optional<Condition> read_condition(const yaml::Reader& reader, const yaml::Value& value,
                                        std::string_view what, bool events_only);

/// Event types, one or a list of them: the value of `pause`, `resume` or `restart`.
std::vector<std::string> read_events(const yaml::Reader& reader, const yaml::MapEntry& entry);

}  // namespace sla::rules
