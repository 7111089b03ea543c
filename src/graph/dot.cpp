#include "graph/dot.hpp"

// GCC 12 at -O3 warns that the boost::optional inside adjacency_list's edge iterator (which
// write_graphviz walks) "may be used uninitialized": a false positive in Boost 1.74's headers,
// reported where they are inlined into this file. Silenced for this file only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace sla::graph {
namespace {

// vecS/vecS keeps vertices in creation order and out-edges in insertion order, and
// write_graphviz writes vertices by index and edges by source: the text is deterministic.
// Vertex i is DotGraph::nodes[i]; the edge property is the index into DotGraph::edges.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    std::size_t>;

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

std::size_t checked(std::size_t node, const DotGraph& g) {
  if (node >= g.nodes.size())
    throw std::out_of_range("write_dot: node index " + std::to_string(node) + " of " +
                            std::to_string(g.nodes.size()));
  return node;
}

}  // namespace

std::string write_dot(const DotGraph& g) {
  Graph graph(g.nodes.size());
  for (std::size_t i = 0; i < g.edges.size(); ++i)
    boost::add_edge(checked(g.edges[i].from, g), checked(g.edges[i].to, g), i, graph);
  for (const DotCluster& c : g.clusters)
    for (const std::size_t member : c.members) checked(member, g);

  auto write_vertex = [&g](std::ostream& os, std::size_t v) {
    const DotNode& n = g.nodes[v];
    os << "[label=" << dot_quote(n.label) << ",shape=" << n.shape
       << (n.dashed ? ",style=dashed" : "") << "]";
  };
  auto write_edge = [&g, &graph](std::ostream& os, const auto& e) {
    const DotEdge& edge = g.edges[graph[e]];
    if (edge.label.empty() && edge.color.empty()) return;
    std::string attributes;
    if (!edge.label.empty()) attributes = "label=" + dot_quote(edge.label);
    if (!edge.color.empty()) attributes += (attributes.empty() ? "color=" : ",color=") + edge.color;
    os << "[" << attributes << "]";
  };
  // Graph attributes and the clusters come first; a node named inside a cluster belongs to
  // it, and its attributes follow in write_graphviz's own node list.
  auto write_graph = [&g](std::ostream& os) {
    for (const std::string& a : g.attributes) os << a << ";\n";
    for (const DotCluster& c : g.clusters) {
      os << "subgraph " << c.id << " {\nlabel=" << dot_quote(c.label) << ";\n";
      for (const std::size_t v : c.members) os << g.nodes[v].id << ";\n";
      os << "}\n";
    }
  };
  std::vector<std::string> ids;
  for (const DotNode& n : g.nodes) ids.push_back(n.id);

  std::ostringstream out;
  boost::write_graphviz(
      out, graph, write_vertex, write_edge, write_graph,
      boost::make_iterator_property_map(ids.begin(), boost::get(boost::vertex_index, graph)));
  return out.str();
}

}  // namespace sla::graph
