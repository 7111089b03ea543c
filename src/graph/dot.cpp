#include "graph/dot.hpp"

// GCC 12 at -O3 warns that the boost::optional inside adjacency_list's edge iterator (which
// write_graphviz walks) "may be used uninitialized": a false positive in Boost 1.74's headers,
// reported where they are inlined into this file. Silenced for this file only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <map>
#include <sstream>
#include <string_view>
#include <vector>

namespace sla::graph {
namespace {

struct NodeInfo {
  std::string id;     // the dot node id: built from positions, always a plain dot identifier
  std::string label;  // what the reader sees (a role, target or event name)
  std::string shape;
  bool unknown = false;  // a dangling reference, drawn dashed
};

struct EdgeInfo {
  std::string label;  // "met" / "breached" for target → target, empty otherwise
};

// vecS/vecS keeps vertices in creation order and out-edges in insertion order, and
// write_graphviz writes vertices by index and edges by source: the text is deterministic.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, NodeInfo, EdgeInfo>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

// `text` as a dot double-quoted string. Graphviz reads \" as a quote and, in labels, \\ as one
// backslash and \n as a line break; other control characters become spaces. Boost's own
// escape_dot_string escapes only quotes (a name ending in a backslash would end the string), so
// labels are written by hand.
std::string dot_quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// A subgraph cluster: its label and the vertices that belong to it.
struct Cluster {
  std::string id;
  std::string label;
  std::vector<Vertex> members;
};

class DotBuilder {
 public:
  void add_roles(const std::vector<Role>& roles) {
    Cluster cluster{"cluster_roles", "roles", {}};
    std::map<std::string, Vertex, std::less<>> by_name;
    auto node = [&](const std::string& name, bool unknown) {
      const Vertex v = add_node(fmt_id("role_", cluster.members.size()), name, "box", unknown);
      cluster.members.push_back(v);
      by_name.emplace(name, v);
      return v;
    };
    for (const Role& role : roles) node(role.id, false);
    for (const Role& role : roles) {
      if (!role.escalates_to) continue;
      auto up = by_name.find(*role.escalates_to);
      const Vertex to = up != by_name.end() ? up->second : node(*role.escalates_to, true);
      boost::add_edge(by_name.find(role.id)->second, to, EdgeInfo{}, graph_);
    }
    if (!cluster.members.empty()) clusters_.push_back(std::move(cluster));
  }

  void add_policy(const Policy& policy) {
    const std::string prefix = fmt_id("policy_", policy_count_++) + "_";
    Cluster cluster{"cluster_" + prefix.substr(0, prefix.size() - 1), "policy " + policy.id, {}};
    std::map<std::string, Vertex, std::less<>> targets, events;
    std::size_t target_count = 0, event_count = 0;
    auto target_node = [&](const std::string& name, bool unknown) {
      const Vertex v =
          add_node(fmt_id(prefix + "target_", target_count++), name, "ellipse", unknown);
      cluster.members.push_back(v);
      targets.emplace(name, v);
      return v;
    };
    for (const TargetRule& t : policy.targets) target_node(t.id, false);
    for (const TargetRule& t : policy.targets) {
      const Vertex to = targets.find(t.id)->second;
      if (t.start.kind == Condition::Kind::event) {
        auto it = events.find(t.start.name);
        if (it == events.end()) {
          const Vertex v =
              add_node(fmt_id(prefix + "event_", event_count++), t.start.name, "plaintext", false);
          cluster.members.push_back(v);
          it = events.emplace(t.start.name, v).first;
        }
        boost::add_edge(it->second, to, EdgeInfo{}, graph_);
      } else {
        auto it = targets.find(t.start.name);
        const Vertex from = it != targets.end() ? it->second : target_node(t.start.name, true);
        const bool met = t.start.kind == Condition::Kind::met;
        boost::add_edge(from, to, EdgeInfo{met ? "met" : "breached"}, graph_);
      }
    }
    clusters_.push_back(std::move(cluster));
  }

  std::string write() const {
    std::ostringstream out;
    auto write_vertex = [this](std::ostream& os, Vertex v) {
      const NodeInfo& n = graph_[v];
      os << "[label=" << dot_quote(n.unknown ? n.label + " (unknown)" : n.label)
         << ",shape=" << n.shape << (n.unknown ? ",style=dashed" : "") << "]";
    };
    auto write_edge = [this](std::ostream& os, const auto& e) {
      const EdgeInfo& info = graph_[e];
      if (info.label.empty()) return;
      os << "[label=" << dot_quote(info.label) << (info.label == "breached" ? ",color=red" : "")
         << "]";
    };
    // Graph attributes and the clusters come first; a node named inside a cluster belongs to
    // it, and its attributes follow in write_graphviz's own node list.
    auto write_graph = [this](std::ostream& os) {
      os << "rankdir=LR;\n";
      for (const Cluster& c : clusters_) {
        os << "subgraph " << c.id << " {\nlabel=" << dot_quote(c.label) << ";\n";
        for (const Vertex v : c.members) os << graph_[v].id << ";\n";
        os << "}\n";
      }
    };
    boost::write_graphviz(out, graph_, write_vertex, write_edge, write_graph,
                          boost::get(&NodeInfo::id, graph_));
    return out.str();
  }

 private:
  static std::string fmt_id(const std::string& prefix, std::size_t n) {
    return prefix + std::to_string(n);
  }

  Vertex add_node(std::string id, const std::string& label, const char* shape, bool unknown) {
    return boost::add_vertex(NodeInfo{std::move(id), label, shape, unknown}, graph_);
  }

  Graph graph_;
  std::vector<Cluster> clusters_;
  std::size_t policy_count_ = 0;
};

}  // namespace

std::string model_to_dot(const std::vector<Role>& roles,
                         const std::vector<const Policy*>& policies) {
  DotBuilder builder;
  builder.add_roles(roles);
  for (const Policy* p : policies) builder.add_policy(*p);
  return builder.write();
}

std::string rules_to_dot(const RuleSet& rules, const Policy* only_policy) {
  std::vector<const Policy*> policies;
  if (only_policy != nullptr) {
    policies.push_back(only_policy);
  } else {
    for (const Policy& p : rules.policies()) policies.push_back(&p);
  }
  return model_to_dot(rules.roles(), policies);
}

}  // namespace sla::graph
