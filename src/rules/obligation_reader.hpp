// rules/obligation_reader.hpp — one entry of a policy's `obligations:` (sla/obligation.hpp).
//
//   quarterly_inspection:
//     every: quarter              # month | quarter | half_year | year | a duration: 90cd, 30bd
//     anchor: calendar            # calendar (default) | contract; a duration needs contract
//     met_by: inspection_done     # an event type or a list of them (required, not empty)
//     until: contract_ended       # event types after which no period starts
//     calendar: cn-office         # whose zone cuts the periods (default: the tier's calendar)
//   key_period_inspection:
//     before: key_period          # an event type whose `to` names a date
//     lead: 3cd                   # due this long before that date's local midnight (default 0)
//     met_by: inspection_done
//
// Problems found here: neither `every` nor `before` (SLA270), both (SLA271), a period or lead
// that is not one (SLA272; a lead that does not parse is SLA240), a duration with anchor:
// calendar (SLA273), `met_by: []` (SLA274), `anchor` with `before` or `lead` with `every`
// (SLA276), event types that are not words (SLA230). The calendar, and an id shared with a
// target (SLA275), are checked with the policy.
#pragma once

#include "rules/policy_source.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads the obligation `entry` (id → map); the result is marked broken after a problem.
ObligationSource read_obligation(const yaml::Reader& reader, const yaml::MapEntry& entry);

}  // namespace sla::rules
