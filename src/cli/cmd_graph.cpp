// sla graph: the role ladder and the policies' target start dependencies as Graphviz dot, to be
// rendered with `dot -Tsvg` (the drawing itself is described in graph/dot.hpp):
//
//   digraph G {
//   rankdir=LR;
//   subgraph cluster_roles { ... }
//   subgraph cluster_policy_0 { label="policy maintenance"; ... }
//   role_0[label="engineer",shape=box];
//   ...
//   policy_0_target_1->policy_0_target_2 [label="breached",color=red];
//   policy_0_event_0->policy_0_target_0 ;
//   }
//
// An edge A -> B reads "A escalates to B" (roles) or "B's clock starts on A" (a target's met or
// breach, or an event). --policy P draws that policy only; the ladder is always drawn. Rules
// that do not load are not drawn: their diagnostics go to stderr and the exit status is 1 (a
// cyclic ladder is reported, with the cycle, by the loader). --json prints
//   {"policies":["maintenance"],"dot":"digraph G {\n..."}
// with the ids of the policies drawn, in the order drawn.
#include <fmt/format.h>

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "cli/json_writer.hpp"
#include "graph/dot.hpp"
#include "sla/error.hpp"

namespace sla::cli {

int run_graph(const ParsedArgs& args, Io& io) {
  const RuleSet rules = load_rule_set(args, io);
  const Policy* only = nullptr;
  if (const auto id = args.get("policy")) {
    only = rules.find_policy(*id);
    if (only == nullptr) {
      std::vector<std::string> known;
      for (const Policy& p : rules.policies()) known.push_back(p.id);
      throw Error(fmt::format("--policy: unknown policy '{}' ({})", *id,
                              known.empty() ? std::string("the rules define no policies")
                                            : fmt::format("known: {}", fmt::join(known, ", "))));
    }
  }
  const std::string dot = graph::rules_to_dot(rules, only);
  if (!args.has("json")) {
    io.out << dot;
    return exit_ok;
  }
  JsonWriter json;
  json.begin_object().key("policies").begin_array();
  if (only != nullptr) {
    json.value(only->id);
  } else {
    for (const Policy& p : rules.policies()) json.value(p.id);
  }
  json.end_array().field("dot", dot).end_object();
  io.out << json.str() << '\n';
  return exit_ok;
}

}  // namespace sla::cli
