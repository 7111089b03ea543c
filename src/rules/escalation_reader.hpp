// rules/escalation_reader.hpp — one level of a target's `escalation:` list (docs/semantics.md §3).
//
//   escalation:
//     - {at: 50%, notify: [engineer]}              # a trigger and one or more actions
//     - {after: 30m, escalate: 1}
//     - {before_breach: 1h, raise_severity: 1, notify: [service_manager]}
//     - {at_breach: true, set_severity: sev1}
//     - {after_breach: 24h, action: provide_backup_equipment, clock: cn-7x8}
//
// Exactly one trigger: `at` (a percentage of the goal, may exceed 100%), `after`,
// `before_breach`, `after_breach` (amounts of time: 30m, 2bd, 3cd — not anchors like eobd) or
// `at_breach: true`. No trigger is SLA250, two are SLA251, no action SLA252; a bad percentage is
// SLA253, a step count below 1 SLA254, a negative time or `at_breach: false` SLA255. The roles,
// the severity and the calendar named are checked once every file is read (check_policies).
#pragma once

#include "rules/policy_source.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads one level (`item` of the list); the result is marked broken after a problem.
EscalationSource read_escalation_level(const yaml::Reader& reader, const yaml::Value& item);

}  // namespace sla::rules
