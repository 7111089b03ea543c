// engine/evaluator.hpp — one evaluation: a discrete-event simulation of a ticket's clocks.
//
// The ticket's life is replayed in time order. Two kinds of things happen: the log's events
// (up to `now`), and the clocks' own instants — a due instant passing (a breach), an escalation
// level's trigger being reached. The next thing is always the earliest of the next event and
// the earliest pending own instant; at equal instants events go first. Every target caches its
// next own instant and recomputes it only when something touched it (a start, a pause, a goal
// change), so a ticket costs a few calendar operations per target (each O(log n)).
//
// The model is stated in sla/engine.hpp; this file implements exactly that.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/plan.hpp"
#include "sla/evaluation.hpp"
#include "sla/schedule.hpp"
#include "sla/ticket.hpp"

namespace sla::engine {

/// Evaluates `ticket` on `plan` at `now` into `result` (cleared first, storage reused).
void evaluate(const Plan& plan, const Ticket& ticket, Instant now, Evaluation& result);

/// The schedule of a ticket to which nothing happens (Engine::due).
void schedule(const Plan& plan, std::string_view policy, std::string_view tier,
              std::string_view severity, Instant created, Schedule& result);

}  // namespace sla::engine
