// graph/dot.hpp — a small directed graph written as Graphviz dot text (boost::write_graphviz).
//
// This layer knows graphs, not rules: callers describe nodes, edges and clusters by position,
// and write_dot() spells them out. Drawing the rules model (which node is a role, what an edge
// means) lives with the model's public rendering, src/output/graphviz.cpp; keeping it out of
// here is what lets the rules loader use src/graph (find_cycles) without src/graph depending on
// the rules in turn.
//
// The text, for one node in one cluster and one edge:
//
//   digraph G {
//   rankdir=LR;                          <- DotGraph::attributes, one a line
//   subgraph cluster_roles {             <- each cluster: its id, label and members' ids
//   label="roles";
//   role_0;
//   }
//   role_0[label="engineer",shape=box];  <- each node: label, shape, ",style=dashed" if dashed
//   role_0->role_1 [label="met",color=red];  <- each edge: label and color when set, else " ;"
//   }
//
// Nodes are written in index order, edges grouped by source node in index order and, within a
// source, in the order given: the same DotGraph always gives the same bytes. Node ids must be
// plain dot identifiers (callers build them from positions); labels may be any text and are
// escaped here.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sla::graph {

struct DotNode {
  std::string id;     ///< a plain dot identifier: letters, digits, '_'
  std::string label;  ///< any text; escaped when written
  std::string shape;  ///< a Graphviz shape: "box", "ellipse", "plaintext"
  bool dashed = false;
};

struct DotEdge {
  std::size_t from = 0;  ///< index into DotGraph::nodes
  std::size_t to = 0;
  std::string label;  ///< empty = none; escaped when written
  std::string color;  ///< empty = Graphviz's default; a color name such as "red"
};

struct DotCluster {
  std::string id;  ///< "cluster_..." (Graphviz draws a box only around subgraphs named so)
  std::string label;
  std::vector<std::size_t> members;  ///< indices into DotGraph::nodes
};

struct DotGraph {
  std::vector<std::string> attributes;  ///< graph attributes such as "rankdir=LR"
  std::vector<DotCluster> clusters;
  std::vector<DotNode> nodes;
  std::vector<DotEdge> edges;
};

/// `graph` as one `digraph G { ... }`, ending with a newline. Throws std::out_of_range when an
/// edge or a cluster names a node index >= nodes.size().
std::string write_dot(const DotGraph& graph);

}  // namespace sla::graph
