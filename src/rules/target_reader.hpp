// rules/target_reader.hpp — one entry of a policy's `targets:` (docs/semantics.md §3).
//
//   resolution:
//     start: created                    # a condition (required)
//     stop: [resolved, cancelled]       # a condition or a list of them (required)
//     pause: waiting_customer           # event types or lists of them; pause needs resume
//     resume: customer_replied          #   and resume needs pause (SLA232)
//     restart: customer_updated         # starts a new cycle (periodic targets)
//     goal: {A: 2h, C: 8h}              # required: see goal_reader.hpp
//     clock: business                   # business (default) | wall | a calendar id
//     optional: false                   # true: uncovered goal cells mean "does not apply"
//     on_severity_change: recompute     # or restart
//     escalation: [...]                 # see escalation_reader.hpp
//     ignore_warnings: [SLA300]         # see ignore_warnings.hpp
//
// A condition is `met(x)` or `breached(x)` — x a target of the same policy, checked once the
// policy is read — or any other word: an event type (`created` is the ticket's creation).
// A malformed condition is SLA230.
#pragma once

#include "rules/policy_source.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads the target `entry` (id → map); the result is marked broken after a problem.
TargetSource read_target(const yaml::Reader& reader, const yaml::MapEntry& entry);

}  // namespace sla::rules
