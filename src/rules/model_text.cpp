// The rules model as the rules write it (to_string of sla/escalation.hpp, sla/target_rule.hpp):
// one spelling for messages, JSON output and the CLI.
#include <fmt/format.h>

#include "sla/escalation.hpp"
#include "sla/target_rule.hpp"

namespace sla {

std::string to_string(const EscalationTrigger& t) {
  switch (t.kind) {
    case EscalationTrigger::Kind::at_percent:
      return fmt::format("at: {}%", t.percent);
    case EscalationTrigger::Kind::after:
      return fmt::format("after: {}", t.duration.to_string());
    case EscalationTrigger::Kind::before_breach:
      return fmt::format("before_breach: {}", t.duration.to_string());
    case EscalationTrigger::Kind::at_breach:
      return "at_breach: true";
    case EscalationTrigger::Kind::after_breach:
      return fmt::format("after_breach: {}", t.duration.to_string());
    case EscalationTrigger::Kind::on_event:
      return fmt::format("on: {}", t.event);
  }
  return {};
}

std::string to_string(const Condition& c) {
  switch (c.kind) {
    case Condition::Kind::met:
      return fmt::format("met({})", c.name);
    case Condition::Kind::breached:
      return fmt::format("breached({})", c.name);
    case Condition::Kind::event:
      break;
  }
  return c.name;
}

}  // namespace sla
