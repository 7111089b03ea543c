// sla/escalation.hpp — what happens as a target's clock runs towards (and past) its deadline.
//
// A level = a trigger + actions. Triggers are measured on the target's running clock (paused
// time does not count):
//   at: 50%             half of the goal has elapsed (whole percentages, 0% to 10000%)
//   after: 30m          30 minutes of clock time since the target started
//   before_breach: 1h   one hour of clock time before the due instant
//   at_breach: true     at the due instant (same as at: 100%)
//   after_breach: 24h   24 hours of clock time after the due instant
//   on: remote_failed   when an event of that type happens while the target runs
// Actions: notify: [roles], escalate: N (N rungs up the role ladder), raise_severity: N,
// set_severity: id, action: name (free-form, passed to the host system).
//
// Extension (additive): `clock: <calendar id | business | wall>` on a level
// counts its `after` / `before_breach` / `after_breach` duration on another clock than the
// target's — "escalation deadlines are counted on a 7 × 8 calendar" while the repair clock
// runs 7 × 24.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sla/duration_spec.hpp"

namespace sla {

struct EscalationTrigger {
  enum class Kind { at_percent, after, before_breach, at_breach, after_breach, on_event };
  static constexpr int kMaxPercent = 10000;  ///< a hundred times the goal

  Kind kind = Kind::at_breach;
  /// Kind::at_percent: a whole percentage of the goal, 0 to kMaxPercent (at_breach is 100).
  /// With D the clock time from the target's start to its due instant, the level fires at the
  /// first whole second t of clock time with t × 100 >= D × percent: the exact threshold,
  /// rounded up to the second (50% of a 1 s goal fires at 1 s, never before half of it has run).
  /// Rule files write whole percentages ("50%"); "12.5%" is refused (SLA253), not rounded.
  int percent = 100;
  DurationSpec duration{};  ///< after / before_breach / after_breach
  std::string event;        ///< on_event: the event type
};

struct EscalationAction {
  enum class Kind { notify, escalate, raise_severity, set_severity, action };
  Kind kind = Kind::notify;
  std::vector<std::string> roles;  ///< notify
  int steps = 0;                   ///< escalate / raise_severity
  std::string name;                ///< set_severity: a severity id; action: the action's name
};

/// Where an escalation level or a target counts its time.
struct Clock {
  enum class Kind {
    business,  ///< the tier's calendar (the default)
    wall,      ///< elapsed real time, always running
    calendar,  ///< a named calendar
  };
  Kind kind = Kind::business;
  std::string calendar;  ///< Kind::calendar: its id
};

/// The trigger as the rules write it: "at: 50%", "after: 30m", "before_breach: 1h",
/// "at_breach: true", "after_breach: 24h", "on: remote_failed".
std::string to_string(const EscalationTrigger& trigger);

struct EscalationLevel {
  EscalationTrigger trigger;
  std::vector<EscalationAction> actions;
  std::optional<Clock> clock;  ///< extension: count this level on another clock
};

}  // namespace sla
