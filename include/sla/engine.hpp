// sla/engine.hpp — evaluates tickets against a RuleSet: the state of every SLA clock, every
// escalation level, and the instant to look again.
//
// Evaluation is a pure, deterministic function of (rules, ticket, now). An Engine is immutable:
// share one across threads and call it concurrently, without locks. It compiles, once, an
// indexed plan per policy (calendar pointers per tier and clock, targets with their
// dependencies, a tier × severity goal grid, event types → what they do), so evaluating a ticket
// does no lookup by name except one hash lookup per event type.
//
// THE MODEL (rules/README.md, "How tickets are evaluated", says the same for rule authors)
//
// Clocks. A target counts *running time* on its clock: the tier's calendar (`business`), the
// wall clock (an always-open calendar in UTC: real elapsed time) or a named calendar. A goal in
// calendar days (`3cd`) counts on the wall clock whatever the target's clock: N × 24 real hours,
// also across DST. Running time excludes pauses. The goal's length L is the running time from
// the start to the due instant: 4 h for `4h`; for `2bd`, `eobd+1`, `bd+1@10:00` the business
// time from the start to the instant that duration gives, computed when the cycle starts.
// `goal: due(x)`: the target is due whenever target x is — x's due while x runs, none while x
// is pending, paused or without a goal cell, x's last due once x stopped (none if its last cycle
// was cancelled). L is the running time from the start to that instant (0 when it lies before
// the start, 0 while there is none; a paused target keeps the L it had before the pause). A due
// instant that becomes known, or moves, into the past breaches the target at that instant,
// visible at once; levels on L wait while the due is unknown. A severity or tier change
// neither restarts nor cancels such a target: x's own change moves it.
//
// Start. `created` = the ticket's creation; an event type = the first such event at or after
// creation; met(x) = the instant target x stopped (in time or late); breached(x) = x's due
// instant, if x was still running then. A target that has not started is `pending` (also when
// it never can).
//
// Running. A target runs on [start, stop). The first `stop` condition after the start stops it:
// `met` if at or before the due instant, `missed` if after. A running target is `breached` once
// now is strictly past its due instant; `breached_at` = the due instant (reported from the
// second after it). A breach is sticky: a later change or pause never un-breaches, and a stop
// after a breach is `missed`. Only the breach is sticky: the due instant follows the goal.
//
// The due instant. While a cycle counts without a pause on one calendar, it is the instant the
// goal gives from the start (`bd+1@08:00` is due at 08:00, although L is used up at the
// previous close); otherwise it is the instant running time reaches L, counted from the last
// resume or change (exactly 0 left: the next open instant). Unknown while paused.
//
// Pause / resume. A `pause` event stops the count: `due` is null and `remaining` is frozen; on
// `resume` the due instant is recomputed from the remaining running time. A pause spanning the
// old due instant does not breach. The pause belongs to the target: a cycle that a restart or a
// change begins while it is paused begins paused.
//
// Cycles. A `restart` event ends the current cycle (met, or missed after its due) and starts the
// next at the event; the goal's list gives each cycle's length, the last value repeats. Each
// cycle is reported with its own levels; an ended cycle keeps the due instant it had then.
//
// Changes. A `severity` or `tier` event changes the goal cell. With `on_severity_change:
// recompute` (the default) the target keeps its start and elapsed time and applies the new goal
// (a tier change also moves business clocks to the new tier's calendar from the change on,
// running time carried over); if the new due instant is already past — also while paused, when
// more than the new L has run — the target is breached at the change (breached_at = the
// change). With `restart` a new cycle starts at the change. A change to the severity the ticket
// already has changes nothing. An optional target applies while the ticket's (tier, severity)
// has a goal cell: a change that removes the cell ends the cycle as `cancelled`; one that adds
// it starts the target at the change if its start condition has happened. Such a target is
// `pending` until its start condition happens and `not_applicable` once it has happened (or a
// stop condition ended the wait) without a cell.
//
// Escalations. A level fires at most once per cycle, only while its target runs, at the instant
// its trigger is reached:
//   at: N%            running time reaches ceil(N × L / 100)            (the target's clock)
//   after: D          running time reaches D                            (the level's clock)
//   before_breach: D  running time reaches (running time at due) - D    (the level's clock)
//   at_breach: true   the due instant (also `at: 100%`)
//   after_breach: D   running time reaches (running time at due) + D    (the level's clock)
//   on: E             the first event of type E while the target runs (no instant before it;
//                     taken with that event's effects, target by target; an event during a
//                     pause, before the start or after the stop is not remembered; severity,
//                     tier and assign events fire their levels after the change)
// The level's clock is its `clock:`, else the target's; a D in calendar days counts on the wall
// clock; a D in business days (`after: 1bd`) is the open time of those days on the level's
// clock, from the start, or back from / on from the due instant. A level whose instant a change
// moves into the past fires at the change instant; one due at the instant the target stops does
// not fire. Actions: `notify` and `action` are reported; `escalate: N` moves the assignee N
// rungs up the role ladder (from Ticket::assignee, or the last `assign` event, or the first role
// no role escalates to; not past the top); `raise_severity: N` / `set_severity: id` change the
// ticket's severity at the firing instant — never past the most severe (then a no-op,
// SeverityEffect::unchanged) — for every target.
//
// Order at one instant: events in log order first; then, one at a time, the first breach or
// level due in the policy's target order (levels in list order), looked for again after each.
// Starts and stops that an outcome causes (met(x), breached(x)) follow its own effects, in
// order. Events after `now` are not seen, but the whole log is checked for the diagnostics.
//
// Obligations (sla/obligation.hpp) are per contract: a separate computation over the same event
// log (events rejected above are not read), on the obligation's calendar — its own `calendar:`,
// else the tier's of the ticket as created. Periodic (`every`): consecutive periods
// [start, end); the first starts at `created`. anchor: calendar ends them at the calendar's
// month boundaries (quarter: Jan/Apr/Jul/Oct 1) at local midnight in its zone (a midnight in a
// DST gap: when the gap ends); anchor: contract ends period k at the local date of `created`
// plus k × the period's months (a day the month lacks clamps to its last: Jan 31 → Feb 28,
// Mar 31, Apr 30 — always from `created`, never from the previous end) at `created`'s local time
// of day, or, for a duration, at the previous end + that duration on the calendar (Ncd on the
// wall clock). Dated (`before`): each event of that type at instant a whose `to` is a date D
// (read in the calendar's zone) opens an occurrence [a, due), due = D's local midnight - lead
// (Ncd on the wall clock, Nbd or business time backwards on the calendar); `to` that is no date
// is a `bad_date` warning and opens none. A period (occurrence) is due at its end: `met` by the
// first met_by event in [start, due] — for periods, the first that no earlier period took, so an
// event exactly on a boundary meets the period ending there, and one period only; `missed` once
// now > due (breached_at = due); `running` otherwise. Periods starting after now are not
// reported, and none starts at or after the first `until` event (the current one runs to its
// end; an occurrence opened at or after it is not opened). A ticket whose policy has no targets
// may have no severity.
//
// next_wakeup = the earliest instant strictly after `now` at which a state, due instant, start
// or escalation would change without a new event (a level's instant; a due instant, and the
// second after it, when the state turns `breached`; an obligation period's due instant — the
// next period's start — and the second after it while unmet), or null (always null when the
// evaluation has an error: it reports nothing to act on). A host that sleeps until
// then and re-evaluates never misses a level and never fires one twice: a level is `fired` exactly
// when its instant is <= now, so hosts deduplicate by (ticket, target, cycle, level).
//
// Reported numbers: elapsed and remaining on the cycle's clock (remaining is negative past the
// due instant; 0 while a due(x) target has no due instant), percent = 100 × elapsed / L rounded
// to 0.1 (null while L is unknown or 0).
//
// Bad input never throws and is never guessed at. Evaluation diagnostics (code: meaning):
//   unknown_policy, no_matching_policy, unknown_tier, unknown_severity, unknown_role   (errors
//       on the ticket itself: nothing is evaluated)
//   calendar_error       a deadline cannot be computed (outside the supported years, or outside a
//                        `beyond: error` calendar's covers; an error)
//   beyond_calendar_data a computation needed dates outside a `beyond: warn` calendar's covers
//                        and used its weekly hours and yearly rules there (a warning, per
//                        calendar, naming the date of its first such use: for one operation, the
//                        date farthest outside that it needed, as sla/calendar.hpp "Coverage" says)
//   change_limit         more than 10,000 + 100 × (events) breaches and levels: escalations that
//                        keep changing the severity back and forth (an error)
//   event_before_creation, event_out_of_order   (the event is ignored)
//   unknown_severity, unknown_tier, unknown_role, missing_to   (on an event: it is ignored)
//   bad_date             a `before` event whose `to` is not a date of the years 1900–2399 (it
//                        is ignored)
//   period_limit         obligations would report more than 100,000 periods (a daily
//                        obligation on a contract ticket created centuries ago; an error, no
//                        obligation is reported)
#pragma once

#include <memory>
#include <string_view>

#include "sla/evaluation.hpp"
#include "sla/rule_set.hpp"
#include "sla/schedule.hpp"
#include "sla/ticket.hpp"

namespace sla {

class Engine {
 public:
  /// Compiles the plan of every policy of `rules` (which the Engine keeps alive).
  explicit Engine(RuleSet rules);

  const RuleSet& rules() const;

  /// The state of every clock of `ticket` at `now`.
  Evaluation evaluate(const Ticket& ticket, Instant now) const;

  /// The same, into `result`, reusing its storage: in a loop over many tickets this allocates
  /// nothing once the vectors have grown to the largest ticket.
  void evaluate(const Ticket& ticket, Instant now, Evaluation& result) const;

  /// "What are my deadlines": the schedule of a ticket created at `created` to which nothing
  /// happens. Targets that start on `created`, or on a breach of such a target, get their start,
  /// due instant and every level's instant; targets that wait for an event have none. Levels'
  /// severity and assignee changes are not applied: the schedule is the one of `severity`.
  Schedule due(std::string_view policy, std::string_view tier, std::string_view severity,
               Instant created) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace sla
