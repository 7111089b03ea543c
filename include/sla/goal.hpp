// sla/goal.hpp — how long a target may take, per (tier, severity).
//
// Written in the rules as one duration, a map by tier, a map by severity, or a map tier →
// severity; any value may be a list, which makes the target periodic (status updates every
// 10m, then 30m, then hourly: `[10m, 30m, 1h]` — the last value repeats). Loading expands the
// written shape into one cell per (tier, severity) it covers; a missing cell is a validation
// error unless the target is `optional` (then the target does not apply to that ticket).
//
// A goal may also be another target's due instant, `goal: due(resolution)` ("the visit is due
// when the fix is"): Shape::due_of_target, no cells; the target is due whenever the named
// target of the same policy is (docs/semantics.md §4).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sla/duration_spec.hpp"

namespace sla {

class Goal {
 public:
  enum class Shape { single, by_tier, by_severity, by_tier_and_severity, due_of_target };

  struct Cell {
    std::string tier;                     ///< a tier id of the policy
    std::string severity;                 ///< a severity id
    std::vector<DurationSpec> durations;  ///< one value, or the periodic sequence
  };

  Goal() = default;
  Goal(Shape shape, bool periodic, std::vector<Cell> cells)
      : shape_(shape), periodic_(periodic), cells_(std::move(cells)) {}

  /// `goal: due(target)`: due when `target` is.
  static Goal due_of(std::string target) {
    Goal g;
    g.shape_ = Shape::due_of_target;
    g.due_of_ = std::move(target);
    return g;
  }

  Shape shape() const { return shape_; }
  /// Shape::due_of_target: the target whose due instant this goal is; empty otherwise.
  const std::string& due_of() const { return due_of_; }
  bool periodic() const { return periodic_; }
  const std::vector<Cell>& cells() const { return cells_; }

  /// The durations for (tier, severity), or nullptr when the goal has no such cell.
  const std::vector<DurationSpec>* find(std::string_view tier, std::string_view severity) const {
    for (const Cell& c : cells_)
      if (c.tier == tier && c.severity == severity) return &c.durations;
    return nullptr;
  }

 private:
  Shape shape_ = Shape::single;
  bool periodic_ = false;
  std::vector<Cell> cells_;
  std::string due_of_;
};

}  // namespace sla
