// output/graphviz.hpp — the drawing behind sla/graphviz.hpp, from the model's parts.
//
// Why here and not in src/graph: src/graph is the Boost.Graph layer that the rules loader
// itself uses (find_cycles), so it must not know roles and policies. This file sits above both:
// it walks the public model (Role, Policy, TargetRule) and hands a positional DotGraph to
// graph::write_dot. Nothing in the core depends on src/output; it exists for clients.
#pragma once

#include <string>
#include <vector>

#include "sla/policy.hpp"
#include "sla/role.hpp"

namespace sla::output {

/// The text of sla/graphviz.hpp for `roles` and `policies` (drawn in the order given), for
/// callers and tests that have parts rather than a loaded RuleSet. Unlike a RuleSet, parts may
/// refer to roles or targets that do not exist: such a reference is drawn as a dashed node
/// labelled "<name> (unknown)". Cycles are drawn as they are.
std::string model_to_graphviz(const std::vector<Role>& roles,
                              const std::vector<const Policy*>& policies);

}  // namespace sla::output
