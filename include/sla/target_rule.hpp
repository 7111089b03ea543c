// sla/target_rule.hpp — one promise of a policy: response, remote fix, on-site arrival,
// resolution, status updates, incident report ... (rules/README.md, "targets").
//
// A target's clock starts on a condition (an event type such as `created`, or another target's
// outcome, `met(remote_fix)` / `breached(remote_fix)`), stops on the first of its stop
// conditions, may pause and resume on event types, and may restart (periodic targets start a
// new cycle on `restart` events). Its deadline is start + goal on its clock.
#pragma once

#include <string>
#include <vector>

#include "sla/escalation.hpp"
#include "sla/goal.hpp"

namespace sla {

/// When a clock starts or stops.
struct Condition {
  enum class Kind {
    event,     ///< an event of this type is recorded ("created" = the ticket's creation)
    met,       ///< the named target stopped before its deadline
    breached,  ///< the named target passed its deadline
  };
  Kind kind = Kind::event;
  std::string name;  ///< event type, or target id

  friend bool operator==(const Condition&, const Condition&) = default;
};

/// The condition as the rules write it: "created", "met(remote_fix)", "breached(remote_fix)".
std::string to_string(const Condition& condition);

enum class OnSeverityChange {
  recompute,  ///< keep the start, use the new severity's goal
  restart,    ///< start the clock again at the change
};

struct TargetRule {
  std::string id;
  Condition start;
  std::vector<Condition> stop;
  std::vector<std::string> pause;    ///< event types that pause the clock
  std::vector<std::string> resume;   ///< event types that resume it
  std::vector<std::string> restart;  ///< event types that start a new cycle
  Goal goal;
  Clock clock;
  bool optional = false;  ///< missing goal cells mean "does not apply" instead of an error
  OnSeverityChange on_severity_change = OnSeverityChange::recompute;
  std::vector<EscalationLevel> escalation;
};

}  // namespace sla
