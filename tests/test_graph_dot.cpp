// tests/test_graph_dot.cpp — graph::write_dot (src/graph/dot.hpp): positional nodes, edges and
// clusters written as dot text. The rules drawing on top of it is tested in test_graphviz.cpp.
#include <catch2/catch_test_macros.hpp>

#include <stdexcept>
#include <string>

#include "graph/dot.hpp"

using sla::graph::DotGraph;
using sla::graph::write_dot;

TEST_CASE("write_dot writes attributes, clusters, nodes and then edges by source", "[graph]") {
  DotGraph g;
  g.attributes = {"rankdir=TB", "splines=ortho"};
  g.nodes = {{"a", "first", "box", false}, {"b", "second", "ellipse", true}, {"c", "", "point"}};
  g.clusters = {{"cluster_x", "x \"quoted\"", {2, 0}}};
  // Given out of source order: written grouped by source node, in the order given within one.
  g.edges = {{1, 0, "", "blue"}, {0, 2, "", ""}, {0, 1, "back\\slash", "red"}, {1, 1, "self", ""}};
  CHECK(write_dot(g) ==
        "digraph G {\n"
        "rankdir=TB;\n"
        "splines=ortho;\n"
        "subgraph cluster_x {\n"
        "label=\"x \\\"quoted\\\"\";\n"
        "c;\n"
        "a;\n"
        "}\n"
        "a[label=\"first\",shape=box];\n"
        "b[label=\"second\",shape=ellipse,style=dashed];\n"
        "c[label=\"\",shape=point];\n"
        "a->c ;\n"
        "a->b [label=\"back\\\\slash\",color=red];\n"
        "b->a [color=blue];\n"
        "b->b [label=\"self\"];\n"
        "}\n");
}

TEST_CASE("write_dot refuses an edge or a cluster member that names no node", "[graph]") {
  DotGraph g;
  g.nodes = {{"a", "a", "box"}};
  g.edges = {{0, 1, "", ""}};
  CHECK_THROWS_AS(write_dot(g), std::out_of_range);
  g.edges.clear();
  g.clusters = {{"cluster_c", "c", {3}}};
  CHECK_THROWS_AS(write_dot(g), std::out_of_range);
  g.clusters.clear();
  CHECK(write_dot(g) == "digraph G {\na[label=\"a\",shape=box];\n}\n");
}
