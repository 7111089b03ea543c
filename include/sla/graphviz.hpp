// sla/graphviz.hpp — a loaded rule set drawn as a Graphviz digraph (what `sla graph` prints;
// render it with `dot -Tsvg`).
//
// One `digraph G`, left to right (rankdir=LR):
//
//   - the role ladder, in a cluster labelled "roles": a box per role (file order) and an edge
//     role → the role it escalates_to;
//   - each policy, in a cluster labelled "policy <id>": an ellipse per target (file order) and,
//     for every target, one edge into it from what starts its clock: from another target,
//     labelled "met" or "breached" (breached edges red), or from an event node (plain text, e.g.
//     "created"; one node per event type and policy, in order of first use).
//
// So an edge A → B always reads "B's clock starts on A" (or "A escalates to B" in the ladder).
// Node ids are made from positions (role_0, policy_1_target_2, policy_1_event_0), never from
// names, so any id the rules use is safe; names appear only in labels, escaped for dot. For
// example, a ladder engineer → service_manager and a policy `maintenance` whose `report` starts
// when `resolution` is met:
//
//   digraph G {
//   rankdir=LR;
//   subgraph cluster_roles {
//   label="roles";
//   role_0;
//   role_1;
//   }
//   subgraph cluster_policy_0 {
//   label="policy maintenance";
//   policy_0_target_0;
//   policy_0_target_1;
//   policy_0_event_0;
//   }
//   role_0[label="engineer",shape=box];
//   role_1[label="service_manager",shape=box];
//   policy_0_target_0[label="resolution",shape=ellipse];
//   policy_0_target_1[label="report",shape=ellipse];
//   policy_0_event_0[label="created",shape=plaintext];
//   role_0->role_1 ;
//   policy_0_target_0->policy_0_target_1 [label="met"];
//   policy_0_event_0->policy_0_target_0 ;
//   }
//
// The text depends only on the rules (and the policy chosen): the same rules give the same
// bytes. A RuleSet has passed the loader's checks, so every reference resolves and the picture
// has no cycle.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sla/rule_set.hpp"

namespace sla {

/// The dot text of the role ladder and every policy of `rules`, or of the ladder and the policy
/// `policy_id` only (the ladder is always drawn). Ends with a newline. Throws sla::Error naming
/// `policy_id` and the policies the rules define when there is no such policy.
std::string to_graphviz(const RuleSet& rules,
                        std::optional<std::string_view> policy_id = std::nullopt);

}  // namespace sla
