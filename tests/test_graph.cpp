// tests/test_graph.cpp — cycles in directed graphs (src/graph/cycles.hpp), the check behind
// "the role ladder must be acyclic" and "target start dependencies must be acyclic".
#include <catch2/catch_test_macros.hpp>

#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

#include "graph/cycles.hpp"

namespace {

using Edges = std::vector<std::pair<std::size_t, std::size_t>>;
using Cycles = std::vector<std::vector<std::size_t>>;

using sla::graph::find_cycles;

}  // namespace

TEST_CASE("a graph without cycles has none, forward and cross edges included", "[graph]") {
  CHECK(find_cycles(0, {}).empty());
  CHECK(find_cycles(3, {}).empty());
  // 0→1→2→3 with a forward edge 0→2 and a cross edge 4→1 (reached after 1 is finished).
  CHECK(find_cycles(5, {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {4, 1}}).empty());
}

TEST_CASE("a self-loop is the cycle of its one vertex", "[graph]") {
  CHECK(find_cycles(3, {{0, 1}, {1, 1}}) == Cycles{{1}});
}

TEST_CASE("two vertices pointing at each other are a 2-cycle", "[graph]") {
  CHECK(find_cycles(2, {{0, 1}, {1, 0}}) == Cycles{{0, 1}});
}

TEST_CASE("a tail leading into a cycle is not part of the cycle", "[graph]") {
  // 0→1 is the tail; 1→2→3→1 the cycle; 3→4 leads out of it.
  CHECK(find_cycles(5, {{0, 1}, {1, 2}, {2, 3}, {3, 1}, {3, 4}}) == Cycles{{1, 2, 3}});
}

TEST_CASE("disjoint cycles are each reported, in the order the search meets them", "[graph]") {
  CHECK(find_cycles(5, {{2, 3}, {3, 4}, {4, 2}, {0, 1}, {1, 0}}) == Cycles{{0, 1}, {2, 3, 4}});
}

TEST_CASE("a cycle that does not contain vertex 0 is found", "[graph]") {
  CHECK(find_cycles(4, {{1, 2}, {2, 3}, {3, 1}}) == Cycles{{1, 2, 3}});
  // Vertex 0 isolated, the cycle reached only by restarting the search at 2.
  CHECK(find_cycles(4, {{2, 3}, {3, 2}}) == Cycles{{2, 3}});
}

TEST_CASE("a cycle is rotated to start at its smallest vertex, keeping its direction", "[graph]") {
  // The search enters the cycle at 3 (from 0) and meets the back edge 2→3: the path is 3, 1, 2,
  // reported as 1→2→3→1, not 3→1→2 nor the reversed 1→3→2.
  CHECK(find_cycles(4, {{0, 3}, {3, 1}, {1, 2}, {2, 3}}) == Cycles{{1, 2, 3}});
  CHECK(find_cycles(4, {{0, 3}, {3, 2}, {2, 1}, {1, 3}}) == Cycles{{1, 3, 2}});
}

TEST_CASE("out-edges are followed in insertion order, so the result is deterministic", "[graph]") {
  // 0 has two cycles through it; which is found first depends only on the edge order given.
  const Edges two_then_one{{0, 2}, {0, 1}, {2, 0}, {1, 0}};
  CHECK(find_cycles(3, two_then_one) == Cycles{{0, 2}, {0, 1}});
  CHECK(find_cycles(3, {{0, 1}, {0, 2}, {2, 0}, {1, 0}}) == Cycles{{0, 1}, {0, 2}});
  for (int i = 0; i < 10; ++i) CHECK(find_cycles(3, two_then_one) == Cycles{{0, 2}, {0, 1}});
  // A figure eight: two cycles sharing vertex 1.
  CHECK(find_cycles(3, {{0, 1}, {1, 0}, {1, 2}, {2, 1}}) == Cycles{{0, 1}, {1, 2}});
}

TEST_CASE("one cycle is reported per back edge, not every elementary cycle", "[graph]") {
  // 0→1→2→0 and 0→2→0 are both cycles, but the search meets 0→2 as a forward edge (2 already
  // finished), so only the back edge 2→0 and its cycle are reported. Enough to reject a graph
  // and name a cycle; not an enumeration.
  CHECK(find_cycles(3, {{0, 1}, {1, 2}, {2, 0}, {0, 2}}) == Cycles{{0, 1, 2}});
  // Two parallel back edges are two back edges: the same cycle twice.
  CHECK(find_cycles(2, {{0, 1}, {1, 0}, {1, 0}}) == Cycles{{0, 1}, {0, 1}});
}

TEST_CASE("a long chain is searched without recursion", "[graph]") {
  // Boost's depth_first_search keeps its own stack, so depth is bounded by memory, not by the
  // call stack; 100,000 vertices would overflow a recursive search on a small stack.
  constexpr std::size_t n = 100'000;
  Edges chain;
  for (std::size_t v = 0; v + 1 < n; ++v) chain.emplace_back(v, v + 1);
  CHECK(find_cycles(n, chain).empty());

  // Closing the chain 99,999→0 gives one cycle through every vertex, in order.
  chain.emplace_back(n - 1, 0);
  const Cycles cycles = find_cycles(n, chain);
  REQUIRE(cycles.size() == 1);
  REQUIRE(cycles[0].size() == n);
  bool in_order = true;
  for (std::size_t i = 0; i < n; ++i) in_order = in_order && cycles[0][i] == i;
  CHECK(in_order);
}

TEST_CASE("an edge naming a vertex outside the graph is rejected", "[graph]") {
  CHECK_THROWS_AS(find_cycles(2, {{0, 2}}), std::out_of_range);
  CHECK_THROWS_AS(find_cycles(0, {{0, 0}}), std::out_of_range);
}
