// rules/goal_expander.cpp — a goal as written, expanded into one cell per (tier, severity).
#include "rules/goal_expander.hpp"

#include <fmt/format.h>

#include "rules/codes.hpp"
#include "rules/ids.hpp"
#include "yaml/codes.hpp"
#include "yaml/limits.hpp"
#include "yaml/suggest.hpp"

namespace sla::rules {

bool afford(std::uint64_t values, const GoalSource& source, const GoalScope& scope,
            yaml::DiagnosticSink& sink);

namespace {

class Expander {
 public:
  Expander(const GoalScope& scope, yaml::DiagnosticSink& sink)
      : scope_(scope), sink_(sink), grid_(scope.tiers.size() * scope.severities.size(), nullptr) {}

  std::optional<ExpandedGoal> run(const GoalSource& source) {
    Goal::Shape shape = Goal::Shape::single;
    if (source.kind != GoalSource::Kind::map) {
      fill(std::nullopt, std::nullopt, source);
    } else {
      shape = top_level_map(source);
    }
    if (!ok_) return std::nullopt;
    const bool periodic = check_periodic();
    if (!ok_) return std::nullopt;
    if (!scope_.optional) report_missing(source);
    if (!ok_) return std::nullopt;
    std::uint64_t values = 0;
    for (const GoalSource* leaf : grid_) values += leaf != nullptr ? leaf->durations.size() : 0;
    if (!afford(values, source, scope_, sink_)) return std::nullopt;
    ExpandedGoal out;
    std::vector<Goal::Cell> cells;
    for (std::size_t t = 0; t < scope_.tiers.size(); ++t) {
      for (std::size_t s = 0; s < scope_.severities.size(); ++s) {
        const GoalSource* leaf = cell(t, s);
        if (leaf == nullptr) continue;
        cells.push_back({scope_.tiers[t].id, scope_.severities[s].id, leaf->durations});
        out.cell_at.push_back(leaf->duration_at.empty() ? leaf->at : leaf->duration_at.front());
      }
    }
    out.goal = Goal(shape, periodic, std::move(cells));
    return out;
  }

 private:
  const GoalSource*& cell(std::size_t t, std::size_t s) {
    return grid_[t * scope_.severities.size() + s];
  }

  static std::optional<std::size_t> lookup(const StringMap<std::size_t>& index,
                                           std::string_view key) {
    const auto it = index.find(key);
    if (it == index.end()) return std::nullopt;
    return it->second;
  }

  std::optional<std::size_t> tier_of(std::string_view key) const {
    return lookup(*scope_.tier_index, key);
  }

  std::optional<std::size_t> severity_of(std::string_view key) const {
    return lookup(*scope_.severity_index, key);
  }

  void error(const SourcePosition& at, std::string_view code, std::string message,
             std::vector<DiagnosticNote> notes = {}) {
    sink_.error(at, code, std::move(message), std::move(notes));
    ok_ = false;
  }

  // A duration or a list, for a tier (or every tier) and a severity (or every severity).
  void fill(std::optional<std::size_t> tier, std::optional<std::size_t> severity,
            const GoalSource& leaf) {
    leaves_.push_back(&leaf);
    // Only the cells the leaf covers are visited: a map by severity fills one column per key.
    const std::size_t t0 = tier.value_or(0), t1 = tier ? *tier + 1 : scope_.tiers.size();
    const std::size_t s0 = severity.value_or(0);
    const std::size_t s1 = severity ? *severity + 1 : scope_.severities.size();
    for (std::size_t t = t0; t < t1; ++t)
      for (std::size_t s = s0; s < s1; ++s) cell(t, s) = &leaf;
  }

  // The value for one severity must be a duration or a list: goals go tier → severity.
  bool expect_leaf(const GoalEntry& entry, std::string_view what) {
    if (entry.value.kind != GoalSource::Kind::map) return true;
    error(entry.value.at, code::mixed_goal_keys,
          fmt::format("in the goal of target '{}', {} must be a duration or a list of durations, "
                      "not a map (goals go by tier, then by severity)",
                      scope_.target, what));
    return false;
  }

  // A second key naming a severity already given (through an alias): SLA245. `seen` is by
  // severity index.
  bool first_time(std::vector<const GoalEntry*>& seen, std::size_t s, const GoalEntry& entry) {
    if (seen.empty()) seen.assign(scope_.severities.size(), nullptr);
    if (const GoalEntry* first = seen[s]) {
      error(entry.key_at, code::goal_key_twice,
            fmt::format("the goal of target '{}' gives severity '{}' twice ('{}' and '{}')",
                        scope_.target, scope_.severities[s].id, first->key, entry.key),
            {{first->key_at, fmt::format("'{}' given here", first->key)}});
      return false;
    }
    seen[s] = &entry;
    return true;
  }

  void unknown_key(const GoalEntry& entry, bool tiers_allowed, std::string_view where) {
    std::vector<std::string_view> names;  // for "did you mean", when it will be shown
    if (!sink_.full()) {
      if (tiers_allowed)
        for (const Tier& t : scope_.tiers) names.push_back(t.id);
      const auto severities = severity_names(scope_.severities);
      names.insert(names.end(), severities.begin(), severities.end());
    }
    const std::string what =
        tiers_allowed
            ? fmt::format("which is neither a tier of policy '{}' nor a severity", scope_.policy)
            : std::string("which is not a severity");
    error(entry.key_at, code::unknown_goal_key,
          fmt::format("the goal of target '{}' has key '{}'{}, {}", scope_.target, entry.key, where,
                      what),
          yaml::suggest(entry.key, names, entry.key_at));
  }

  Goal::Shape top_level_map(const GoalSource& map) {
    // The first key that is only a tier or only a severity decides what the map is keyed by
    // (a name that is both follows the others; a map of such names is by tier).
    bool by_tier = true;
    const GoalEntry* first = nullptr;
    for (const auto& entry : map.entries) {
      const bool tier = tier_of(entry.key).has_value();
      const bool severity = severity_of(entry.key).has_value();
      if (tier != severity) {
        by_tier = tier;
        first = &entry;
        break;
      }
    }
    bool nested = false;
    std::vector<const GoalEntry*> seen;
    for (const auto& entry : map.entries) {
      const auto tier = tier_of(entry.key);
      const auto severity = severity_of(entry.key);
      if (by_tier && tier) {
        nested = tier_value(*tier, entry) || nested;
      } else if (!by_tier && severity) {
        if (first_time(seen, *severity, entry) &&
            expect_leaf(entry, fmt::format("the value for severity '{}'", entry.key)))
          fill(std::nullopt, *severity, entry.value);
      } else if (tier || severity) {
        error(entry.key_at, code::mixed_goal_keys,
              fmt::format("the goal of target '{}' mixes tiers and severities in one map: '{}' "
                          "is a {}, '{}' a {}",
                          scope_.target, entry.key, by_tier ? "severity" : "tier", first->key,
                          by_tier ? "tier" : "severity"),
              {{first->key_at, fmt::format("'{}' given here", first->key)}});
      } else {
        unknown_key(entry, true, "");
      }
    }
    if (!by_tier) return Goal::Shape::by_severity;
    return nested ? Goal::Shape::by_tier_and_severity : Goal::Shape::by_tier;
  }

  // The value for one tier; true when it is a map by severity.
  bool tier_value(std::size_t t, const GoalEntry& tier) {
    if (tier.value.kind != GoalSource::Kind::map) {
      fill(t, std::nullopt, tier.value);
      return false;
    }
    std::vector<const GoalEntry*> seen;
    for (const auto& entry : tier.value.entries) {
      if (const auto severity = severity_of(entry.key)) {
        if (first_time(seen, *severity, entry) &&
            expect_leaf(entry,
                        fmt::format("the value for tier '{}', severity '{}'", tier.key, entry.key)))
          fill(t, *severity, entry.value);
      } else if (tier_of(entry.key)) {
        error(entry.key_at, code::mixed_goal_keys,
              fmt::format("the goal of target '{}' has tier '{}' under tier '{}': a tier's map "
                          "is keyed by severity",
                          scope_.target, entry.key, tier.key));
      } else {
        unknown_key(entry, false, fmt::format(" under tier '{}'", tier.key));
      }
    }
    return true;
  }

  // Lists make a goal periodic, so a goal is all lists or all single durations.
  bool check_periodic() {
    if (leaves_.empty()) return false;
    const bool periodic = leaves_.front()->kind == GoalSource::Kind::list;
    for (const GoalSource* leaf : leaves_) {
      if ((leaf->kind == GoalSource::Kind::list) == periodic) continue;
      const GoalSource* list = periodic ? leaves_.front() : leaf;
      const GoalSource* single = periodic ? leaf : leaves_.front();
      error(single->at, code::mixed_periodic_goal,
            fmt::format("the goal of target '{}' mixes lists (a periodic goal) and single "
                        "durations: write every value as a list ([1h] repeats 1h)",
                        scope_.target),
            {{list->at, "a list given here"}});
      return periodic;
    }
    return periodic;
  }

  void report_missing(const GoalSource& source) {
    const std::size_t tiers = scope_.tiers.size(), severities = scope_.severities.size();
    auto tier_missing = [&](std::size_t t) {
      for (std::size_t s = 0; s < severities; ++s)
        if (cell(t, s) != nullptr) return false;
      return true;
    };
    std::vector<bool> whole_tier(tiers);
    for (std::size_t t = 0; t < tiers; ++t) whole_tier[t] = tier_missing(t);
    // A severity missing from every tier that is not missing as a whole is named once.
    std::vector<bool> whole_severity(severities, false);
    std::size_t partial_tiers = 0;
    for (std::size_t t = 0; t < tiers; ++t) partial_tiers += whole_tier[t] ? 0 : 1;
    if (partial_tiers > 1) {
      for (std::size_t s = 0; s < severities; ++s) {
        whole_severity[s] = true;
        for (std::size_t t = 0; t < tiers; ++t)
          if (!whole_tier[t] && cell(t, s) != nullptr) whole_severity[s] = false;
      }
    }
    std::vector<std::string> parts;
    for (std::size_t t = 0; t < tiers; ++t)
      if (whole_tier[t]) parts.push_back(fmt::format("tier {}", scope_.tiers[t].id));
    for (std::size_t s = 0; s < severities; ++s)
      if (whole_severity[s])
        parts.push_back(fmt::format("severity {} (in any tier)", scope_.severities[s].id));
    for (std::size_t t = 0; t < tiers; ++t) {
      if (whole_tier[t]) continue;
      std::vector<std::string> missing;
      for (std::size_t s = 0; s < severities; ++s)
        if (!whole_severity[s] && cell(t, s) == nullptr) missing.push_back(scope_.severities[s].id);
      if (missing.empty()) continue;
      parts.push_back(fmt::format("tier {}, severit{} {}", scope_.tiers[t].id,
                                  missing.size() == 1 ? "y" : "ies", fmt::join(missing, ", ")));
    }
    if (parts.empty()) return;
    error(source.at, code::missing_goal_cell,
          fmt::format("the goal of target '{}' has no value for {}", scope_.target,
                      fmt::join(parts, "; ")),
          {{source.at, "if the target does not apply there, say 'optional: true'"}});
  }

  const GoalScope& scope_;
  yaml::DiagnosticSink& sink_;
  std::vector<const GoalSource*> grid_;    ///< [tier][severity], tiers × severities
  std::vector<const GoalSource*> leaves_;  ///< the durations and lists, as written
  bool ok_ = true;
};

}  // namespace

// Whether the budget holds a goal of `values` durations over the scope's grid; reports SLA028
// (once) when it does not.
bool afford(std::uint64_t values, const GoalSource& source, const GoalScope& scope,
            yaml::DiagnosticSink& sink) {
  GoalBudget* budget = scope.budget;
  if (budget == nullptr) return true;
  if (budget->exceeded) return false;
  const std::uint64_t cells = std::uint64_t{scope.tiers.size()} * scope.severities.size();
  const std::uint64_t cost = std::max(cells, values);
  if (cost <= limits::kMaxGoalValues - std::min(budget->used, limits::kMaxGoalValues)) {
    budget->used += cost;
    return true;
  }
  budget->exceeded = true;
  sink.error(source.at, code::goals_too_large,
             fmt::format("the goal of target '{}' takes the goals past {} values once each is "
                         "expanded into one list per (tier, severity): it has {} cells",
                         scope.target, limits::count_text(limits::kMaxGoalValues),
                         limits::count_text(cells)));
  return false;
}

std::optional<ExpandedGoal> expand_goal(const GoalSource& source, const GoalScope& scope,
                                        yaml::DiagnosticSink& sink) {
  if (source.broken || scope.tiers.empty() || scope.severities.empty()) return std::nullopt;
  if (source.kind == GoalSource::Kind::due_of) {  // checked against the policy's targets later
    ExpandedGoal out;
    out.goal = Goal::due_of(source.due_of->name);
    return out;
  }
  // The grid of tiers × severities is allocated first: it must fit before it is built.
  if (!afford(0, source, scope, sink)) return std::nullopt;
  if (scope.budget != nullptr)  // counted again, with the values, once expanded
    scope.budget->used -= std::uint64_t{scope.tiers.size()} * scope.severities.size();
  return Expander(scope, sink).run(source);
}

}  // namespace sla::rules
