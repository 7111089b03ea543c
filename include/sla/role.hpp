// sla/role.hpp — a rung of the escalation ladder (rules/README.md, "roles").
//
// `escalate: N` hands a ticket N rungs up from the role that holds it, following escalates_to.
// The ladder is a graph that must be acyclic (checked when loading).
#pragma once

#include <optional>
#include <string>

namespace sla {

struct Role {
  std::string id;
  std::optional<std::string> escalates_to;  ///< the next rung up, if any
};

}  // namespace sla
