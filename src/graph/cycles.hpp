// graph/cycles.hpp — cycles in small directed graphs (role ladders, target start dependencies),
// found with Boost.Graph so that the loader can spell every cycle out.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace sla::graph {

/// Directed graph on vertices 0..vertex_count-1. Returns one cycle per back edge found by a
/// depth-first search that visits vertices and out-edges in index/insertion order (so the result
/// is deterministic): each cycle is the vertex sequence [v0, v1, …, vk] with edges v0→v1 …
/// vk→v0, rotated so that v0 is its smallest vertex index. A self-loop is the cycle [v].
/// This names a cycle for every back edge; it does not enumerate every elementary cycle.
/// The search keeps its own stack (no recursion), so long chains are fine. Throws
/// std::out_of_range when an edge names a vertex ≥ vertex_count.
std::vector<std::vector<std::size_t>> find_cycles(
    std::size_t vertex_count, const std::vector<std::pair<std::size_t, std::size_t>>& edges);

}  // namespace sla::graph
