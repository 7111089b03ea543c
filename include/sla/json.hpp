// sla/json.hpp — tickets in, evaluations and schedules out, as JSON.
//
// The formats are specified by JSON Schemas in schema/ (ticket.schema.json,
// evaluation.schema.json, schedule.schema.json) and described in the README. In short:
//
//   ticket   {"id": "T-1", "policy": "maintenance", "tier": "C", "severity": "sev1",
//             "created": "2026-11-20T19:00:00+08:00", "attributes": {"contract": "x"},
//             "assignee": "engineer", "now": "2026-11-23T12:00:00+08:00",
//             "events": [{"at": "2026-11-23T09:20:00+08:00", "type": "responded"},
//                        {"at": "...", "type": "severity", "to": "sev2"}]}
//
// Reading is strict: an unknown key, a value of the wrong type or a time without a UTC offset
// is an error naming where it is (`events[2].at: ...`), never skipped. `policy` may be left out
// when `attributes` select it; `id`, `assignee`, `attributes`, `events` and `now` are optional,
// and so is `severity` (the engine needs one when the ticket's policy has targets).
//
// Output is compact JSON, one value per call (a line of a JSON Lines stream). Times are
// ISO-8601 with the offset of the zone in force (`due`), and in UTC with `Z` (`due_utc`).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sla/evaluation.hpp"
#include "sla/schedule.hpp"
#include "sla/ticket.hpp"

namespace sla {

/// A ticket read from JSON, or why it could not be read.
struct TicketJson {
  std::optional<Ticket> ticket;
  std::optional<Instant> now;  ///< the ticket's own "now", when it has one
  std::string error;           ///< empty on success; otherwise says where and what
};

/// The most text one ticket may take (1 MiB: thousands of events). A host reading tickets from
/// a stream can refuse a longer line without holding it.
inline constexpr std::size_t kMaxTicketBytes = std::size_t{1} << 20;

/// Reads one ticket (a JSON object) of at most kMaxTicketBytes. Strings that are ids, names or
/// event types may not hold control characters. Never throws.
TicketJson parse_ticket_json(std::string_view text);

/// Appends the evaluation as one JSON object (no newline) to `out`.
void append_json(const Evaluation& evaluation, std::string& out);
std::string to_json(const Evaluation& evaluation);

/// The schedule of Engine::due as one JSON object.
std::string to_json(const Schedule& schedule);

}  // namespace sla
