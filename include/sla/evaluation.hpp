// sla/evaluation.hpp — the state of a ticket's SLA clocks at one instant: what Engine returns.
//
// One TargetOutcome per target and cycle (a periodic target, or one restarted, has several),
// each with its escalation levels; one ObligationOutcome per period of each obligation; the
// ticket's severity, tier and assignee at `now`; and `next_wakeup`, the instant the host must
// look again. sla/engine.hpp defines every field's
// meaning; sla/json.hpp writes it as JSON; sla/words.hpp has the words of its enums
// (to_string(TargetState::met) is "met").
//
// Lifetime: names (ids of the policy, tier, severity, assignee, targets) and `rule` pointers are
// views into the Engine's RuleSet. They stay valid as long as the Engine, or any copy of its
// RuleSet, lives.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sla/escalation.hpp"
#include "sla/time.hpp"
#include "sla/time_zone.hpp"

namespace sla {

enum class TargetState {
  pending,         ///< not started (its start condition has not happened, or never can)
  running,         ///< started, counting, not past its due instant
  paused,          ///< started, not counting (a pause event), due unknown until it resumes
  met,             ///< stopped at or before its due instant
  breached,        ///< still running (or paused) after its due instant passed
  missed,          ///< stopped after its due instant (or after a breach)
  cancelled,       ///< ended because its goal stopped applying (a change removed an optional cell)
  not_applicable,  ///< an optional target without a goal cell for the ticket's tier and severity
};

/// What a fired level did to the ticket's severity.
enum class SeverityEffect {
  none,       ///< the level has no raise_severity / set_severity action
  changed,    ///< the severity changed
  unchanged,  ///< already the most severe (raise) or already that severity (set): a no-op
};

struct EscalationOutcome {
  int level = 0;                          ///< 1-based position in the target's escalation list
  const EscalationLevel* rule = nullptr;  ///< its trigger and actions
  /// When it fired (fired) or will fire if nothing else happens (not fired). Null while the
  /// target is pending or paused, or when the instant cannot be known yet (an `on:` level).
  std::optional<Instant> at;
  bool fired = false;  ///< at <= now, or its event happened while the target ran
  // What firing did (fired levels only):
  std::string_view assignee;  ///< the ticket's assignee right after the level's actions
  std::string_view severity;  ///< the ticket's severity right after the level's actions
  SeverityEffect severity_effect = SeverityEffect::none;
};

struct TargetOutcome {
  std::string_view id;
  int cycle = 1;  ///< 1-based; a periodic or restarted target has one outcome per cycle
  TargetState state = TargetState::pending;
  std::optional<Instant> started;
  std::optional<Instant> stopped;
  std::optional<Instant> due;          ///< null while pending or paused
  std::optional<Instant> breached_at;  ///< sticky: set once, never cleared
  Seconds goal{0};                     ///< the goal's length L on the cycle's clock
  Seconds elapsed{0};                  ///< running time on the cycle's clock (pauses excluded)
  /// goal - elapsed; negative past the due instant; 0 while a due(x) goal has no length
  Seconds remaining{0};
  /// 100 × elapsed / goal; null while pending or when the goal's length is unknown.
  std::optional<double> percent;
  /// The zone times are shown in: the cycle clock's calendar (the tier's for the wall clock).
  const TimeZone* zone = nullptr;
  std::uint32_t first_escalation = 0;  ///< index into Evaluation::escalations
  std::uint32_t escalation_count = 0;
};

enum class ObligationState {
  running,  ///< now lies in the period (up to and including its due instant), not met yet
  met,      ///< a met_by event happened in [start, due]
  missed,   ///< now is past the due instant and no met_by event came
};

/// One period of a periodic obligation, or one occurrence of a dated one.
struct ObligationOutcome {
  std::string_view id;
  int period = 1;  ///< 1-based: the periods (occurrences) in order
  ObligationState state = ObligationState::running;
  Instant start{};
  Instant due{};                       ///< the period's end, or the dated occurrence's due
  std::optional<Instant> met_at;       ///< the met_by event that met it
  std::optional<Instant> breached_at;  ///< missed: the due instant
  const TimeZone* zone = nullptr;      ///< the obligation calendar's zone, to show times in
};

struct EvaluationDiagnostic {
  enum class Severity { error, warning };
  Severity severity = Severity::warning;
  int event = -1;    ///< index into Ticket::events; -1 = the ticket itself
  std::string code;  ///< stable: "event_out_of_order", "unknown_severity", ... (sla/engine.hpp)
  std::string message;
};

struct Evaluation {
  std::string ticket;  ///< Ticket::id
  std::string_view policy;
  std::string_view tier;      ///< at `now`
  std::string_view severity;  ///< at `now` (an id, also when the ticket used an alias)
  std::string_view assignee;  ///< at `now`; empty when the rules have no roles
  Instant now{};
  std::optional<Instant> next_wakeup;  ///< earliest instant > now at which anything changes
  const TimeZone* zone = nullptr;      ///< the tier's calendar's zone, for `now` and the ticket
  std::vector<TargetOutcome> targets;  ///< in the policy's target order, cycles in order
  std::vector<EscalationOutcome> escalations;  ///< all targets' levels (see escalations_of)
  /// The reported periods of every obligation, in the policy's order, periods in order.
  std::vector<ObligationOutcome> obligations;
  std::vector<EvaluationDiagnostic> diagnostics;

  /// False when the ticket could not be evaluated at all (its policy, tier or severity is
  /// unknown, or a deadline cannot be computed); the diagnostics say why.
  bool ok() const {
    for (const auto& d : diagnostics)
      if (d.severity == EvaluationDiagnostic::Severity::error) return false;
    return true;
  }

  /// The escalation levels of one target outcome, in level order.
  std::span<const EscalationOutcome> escalations_of(const TargetOutcome& target) const {
    return std::span<const EscalationOutcome>(escalations)
        .subspan(target.first_escalation, target.escalation_count);
  }
};

}  // namespace sla
