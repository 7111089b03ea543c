// graph/dot.hpp — the loaded model drawn as a Graphviz graph (`sla graph`, SPEC §5).
//
// One `digraph G`, written by boost::write_graphviz, left to right (rankdir=LR):
//
//   - the role ladder, in a cluster labelled "roles": a box per role (file order) and an edge
//     role → the role it escalates_to;
//   - each policy, in a cluster labelled "policy <id>": an ellipse per target (file order) and,
//     for every target, one edge into it from what starts its clock: from another target,
//     labelled "met" or "breached" (breached edges red), or from an event node (plain text, e.g.
//     "created"; one node per event type and policy, in order of first use).
//
// So an edge A → B always reads "B's clock starts on A" (or "A escalates to B" in the ladder),
// and a cycle in the picture is a cycle the loader rejects. Node ids are made from positions
// (role_0, policy_1_target_2, policy_1_event_0), never from names, so any id the rules use is
// safe; names appear only in labels, escaped for dot. A reference to a role or target that does
// not exist (the loader rejects those) is drawn as a dashed node labelled "<name> (unknown)".
//
// The text depends only on the rules (and the policy chosen): the same rules give the same
// bytes.
#pragma once

#include <string>

#include "sla/policy.hpp"
#include "sla/rule_set.hpp"

namespace sla::graph {

/// The dot text for the role ladder and every policy, or only `only_policy` when it is not
/// null (the ladder is always drawn). Ends with a newline.
std::string rules_to_dot(const RuleSet& rules, const Policy* only_policy = nullptr);

/// The same from the parts, for callers (and tests) that have no RuleSet: `policies` are drawn
/// in the order given.
std::string model_to_dot(const std::vector<Role>& roles,
                         const std::vector<const Policy*>& policies);

}  // namespace sla::graph
