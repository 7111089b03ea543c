// sla/ticket.hpp — a ticket as the engine sees it: who it is for, and what happened to it.
//
// A ticket names its policy (or gives attributes that a policy's `match` selects it by), its
// tier and severity at creation, the instant it was created, and an event log. Event types are
// free-form words that the rules use (`responded`, `engineer_arrived`, `waiting_customer` ...);
// an event type no rule mentions is ignored. Three types carry a value in `to` and are the
// engine's own:
//
//   severity   the ticket's severity changes to `to` (a severity id or alias)
//   tier       the ticket's tier changes to `to` (a tier id of the ticket's policy)
//   assign     the ticket is handed to role `to` (where the next `escalate: N` counts from)
//
// The condition `created` in the rules is the ticket's creation instant, `Ticket::created`.
//
// The log is read in order. Events must not go back in time and must not be before `created`:
// one that does is reported (EvaluationDiagnostic, with its index) and ignored, never guessed
// at. Events at the same instant apply in log order. sla/engine.hpp states the whole model.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sla/time.hpp"

namespace sla {

struct TicketEvent {
  Instant at{};
  std::string type;  ///< "responded", "severity", ...
  std::string to;    ///< severity / tier / assign: the new value; empty for other types
};

struct Ticket {
  std::string id;      ///< the host's id, echoed in results; may be empty
  std::string policy;  ///< a policy id; empty = select by `attributes` (first `match` wins)
  std::vector<std::pair<std::string, std::string>> attributes;  ///< (name, value)
  std::string tier;                                             ///< a tier id of the policy
  std::string severity;                                         ///< a severity id or alias
  std::string assignee;  ///< the role holding the ticket; empty = the bottom of the ladder
  Instant created{};
  std::vector<TicketEvent> events;
};

}  // namespace sla
