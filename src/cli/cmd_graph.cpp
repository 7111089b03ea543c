// sla graph: the role ladder and the policies' target start dependencies as Graphviz dot, to be
// rendered with `dot -Tsvg`. The drawing is the library's (sla/graphviz.hpp describes it);
// this command adds the option handling:
//
// --policy P draws that policy only; the ladder is always drawn. Rules that do not load are not
// drawn: their diagnostics go to stderr and the exit status is 1 (a cyclic ladder is reported,
// with the cycle, by the loader). --json prints
//   {"policies":["maintenance"],"dot":"digraph G {\n..."}
// with the ids of the policies drawn, in the order drawn.
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "common.hpp"
#include "emit.hpp"
#include "sla/graphviz.hpp"

namespace sla::cli {

int run_graph(const ParsedArgs& args, Io& io) {
  const RuleSet rules = load_rule_set(args, io);
  std::vector<std::string> ids;
  for (const Policy& p : rules.policies()) ids.push_back(p.id);
  const std::optional<std::string> only = args.get("policy");
  // Checked here rather than left to to_graphviz so that the message names the option.
  if (only && rules.find_policy(*only) == nullptr)
    throw unknown_id("policy", "policies", *only, ids);
  const std::string dot = to_graphviz(rules, only);
  const std::vector<std::string> drawn = only ? std::vector{*only} : ids;
  return emit(args, io, dot, {{"policies", drawn}, {"dot", dot}});
}

}  // namespace sla::cli
