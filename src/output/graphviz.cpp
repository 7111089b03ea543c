#include "output/graphviz.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "graph/dot.hpp"
#include "sla/error.hpp"
#include "sla/graphviz.hpp"

namespace sla {
namespace output {
namespace {

using graph::DotGraph;
using Node = std::size_t;  // an index into DotGraph::nodes

// Builds the DotGraph of sla/graphviz.hpp. Nodes are created in the order the text lists them
// (a cluster's members in order, dangling references where first met), edges in file order.
class GraphvizBuilder {
 public:
  GraphvizBuilder() { graph_.attributes.push_back("rankdir=LR"); }

  void add_roles(const std::vector<Role>& roles) {
    graph::DotCluster cluster{"cluster_roles", "roles", {}};
    std::map<std::string, Node, std::less<>> by_name;
    auto node = [&](const std::string& name, bool unknown) {
      const Node v = add_node(numbered("role_", cluster.members.size()), name, "box", unknown);
      cluster.members.push_back(v);
      by_name.emplace(name, v);
      return v;
    };
    for (const Role& role : roles) node(role.id, false);
    for (const Role& role : roles) {
      if (!role.escalates_to) continue;
      auto up = by_name.find(*role.escalates_to);
      const Node to = up != by_name.end() ? up->second : node(*role.escalates_to, true);
      graph_.edges.push_back({by_name.find(role.id)->second, to, {}, {}});
    }
    if (!cluster.members.empty()) graph_.clusters.push_back(std::move(cluster));
  }

  void add_policy(const Policy& policy) {
    const std::string prefix = numbered("policy_", policy_count_++);
    graph::DotCluster cluster{"cluster_" + prefix, "policy " + policy.id, {}};
    std::map<std::string, Node, std::less<>> targets, events;
    std::size_t target_count = 0, event_count = 0;
    auto target_node = [&](const std::string& name, bool unknown) {
      const Node v =
          add_node(numbered(prefix + "_target_", target_count++), name, "ellipse", unknown);
      cluster.members.push_back(v);
      targets.emplace(name, v);
      return v;
    };
    for (const TargetRule& t : policy.targets) target_node(t.id, false);
    for (const TargetRule& t : policy.targets) {
      const Node to = targets.find(t.id)->second;
      if (t.start.kind == Condition::Kind::event) {
        auto it = events.find(t.start.name);
        if (it == events.end()) {
          const Node v = add_node(numbered(prefix + "_event_", event_count++), t.start.name,
                                  "plaintext", false);
          cluster.members.push_back(v);
          it = events.emplace(t.start.name, v).first;
        }
        graph_.edges.push_back({it->second, to, {}, {}});
      } else {
        auto it = targets.find(t.start.name);
        const Node from = it != targets.end() ? it->second : target_node(t.start.name, true);
        if (t.start.kind == Condition::Kind::met)
          graph_.edges.push_back({from, to, "met", {}});
        else
          graph_.edges.push_back({from, to, "breached", "red"});
      }
    }
    graph_.clusters.push_back(std::move(cluster));
  }

  std::string write() const { return graph::write_dot(graph_); }

 private:
  static std::string numbered(const std::string& prefix, std::size_t n) {
    return prefix + std::to_string(n);
  }

  Node add_node(std::string id, const std::string& name, const char* shape, bool unknown) {
    graph_.nodes.push_back({std::move(id), unknown ? name + " (unknown)" : name, shape, unknown});
    return graph_.nodes.size() - 1;
  }

  DotGraph graph_;
  std::size_t policy_count_ = 0;
};

}  // namespace

std::string model_to_graphviz(const std::vector<Role>& roles,
                              const std::vector<const Policy*>& policies) {
  GraphvizBuilder builder;
  builder.add_roles(roles);
  for (const Policy* p : policies) builder.add_policy(*p);
  return builder.write();
}

}  // namespace output

std::string to_graphviz(const RuleSet& rules, std::optional<std::string_view> policy_id) {
  std::vector<const Policy*> policies;
  if (policy_id) {
    const Policy* only = rules.find_policy(*policy_id);
    if (only == nullptr) {
      std::vector<std::string_view> ids;
      for (const Policy& p : rules.policies()) ids.push_back(p.id);
      throw Error(fmt::format(
          "unknown policy '{}' (the rules define: {})", *policy_id,
          ids.empty() ? std::string("no policies") : fmt::format("{}", fmt::join(ids, ", "))));
    }
    policies.push_back(only);
  } else {
    for (const Policy& p : rules.policies()) policies.push_back(&p);
  }
  return output::model_to_graphviz(rules.roles(), policies);
}

}  // namespace sla
