// engine/obligations.hpp — the periods of a contract's obligations at `now` (sla/engine.hpp,
// "Obligations"). A computation of its own after the replay: obligations depend on the event log
// only (met_by, before and until events), never on the targets' clocks.
#pragma once

#include <span>

#include "engine/plan.hpp"
#include "sla/evaluation.hpp"
#include "sla/ticket.hpp"

namespace sla::engine {

/// Appends the reported periods of every obligation of `policy` to out.obligations and the
/// `bad_date` warnings of events that should name a date to out.diagnostics, and lowers
/// out.next_wakeup to the earliest instant after `now` at which a period starts, ends or turns
/// missed. `tier` picks the calendar of obligations without their own. `event_type[k]` is the
/// interned type of event k, or kNone when the event was rejected (before the creation, out of
/// order) or no rule names its type: only the others are read, in log order.
/// Throws EvaluationLimit("period_limit") rather than report over 100,000 periods.
void evaluate_obligations(const PolicyPlan& policy, int tier, const Ticket& ticket,
                          std::span<const int> event_type, Instant now, Evaluation& out);

}  // namespace sla::engine
