#include "graph/cycles.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <stdexcept>
#include <string>

namespace sla::graph {
namespace {

// vecS/vecS: vertices are 0..n-1 and each vertex keeps its out-edges in insertion order, which
// is what makes the search order (and so the result) deterministic.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

constexpr std::size_t kNotOnPath = static_cast<std::size_t>(-1);

// Keeps the current DFS tree path (the gray vertices, root first) and turns every back edge
// u→v into the cycle v … u: v is on the path because a back edge leads to a gray vertex.
// Boost copies visitors by value, so the state lives outside and the visitor holds pointers.
struct State {
  std::vector<Vertex> path;
  std::vector<std::size_t> position;  // index in `path` while a vertex is gray, else kNotOnPath
  std::vector<std::vector<std::size_t>> cycles;
};

class CycleRecorder : public boost::default_dfs_visitor {
 public:
  explicit CycleRecorder(State* state) : state_(state) {}

  void discover_vertex(Vertex v, const Graph&) {
    state_->position[v] = state_->path.size();
    state_->path.push_back(v);
  }
  void finish_vertex(Vertex v, const Graph&) {
    // Boost's search is iterative but finishes vertices in stack order: v is the path's end.
    state_->path.pop_back();
    state_->position[v] = kNotOnPath;
  }
  void back_edge(Edge e, const Graph& g) {
    const Vertex v = boost::target(e, g);
    std::vector<std::size_t> cycle(state_->path.begin() + state_->position[v], state_->path.end());
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    state_->cycles.push_back(std::move(cycle));
  }

 private:
  State* state_;
};

}  // namespace

std::vector<std::vector<std::size_t>> find_cycles(
    std::size_t vertex_count, const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  Graph g(vertex_count);
  for (const auto& [from, to] : edges) {
    // adjacency_list would silently grow the graph to fit; a bad index is the caller's bug.
    if (from >= vertex_count || to >= vertex_count)
      throw std::out_of_range("find_cycles: edge " + std::to_string(from) + "->" +
                              std::to_string(to) + " names a vertex outside 0.." +
                              std::to_string(vertex_count) + "-1");
    boost::add_edge(from, to, g);
  }
  State state;
  state.position.assign(vertex_count, kNotOnPath);
  // depth_first_search starts at vertex 0 and restarts at the smallest unvisited vertex.
  boost::depth_first_search(g, boost::visitor(CycleRecorder(&state)));
  return std::move(state.cycles);
}

}  // namespace sla::graph
