#include "rules/policy_warnings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "rules/codes.hpp"
#include "sla/words.hpp"
#include "yaml/string_map.hpp"

namespace sla::rules {
namespace {

// a < b: -1, a == b: 0, a > b: 1; nullopt when the kinds differ (see the header).
std::optional<int> compare(const DurationSpec& a, const DurationSpec& b) {
  if (a.kind != b.kind) return std::nullopt;
  auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (a.kind) {
    case DurationSpec::Kind::business:
      return sign(a.business, b.business);
    case DurationSpec::Kind::business_days:
    case DurationSpec::Kind::calendar_days:
    case DurationSpec::Kind::end_of_business_day:
      return sign(a.days, b.days);
    case DurationSpec::Kind::business_day_at:
      return sign(std::tie(a.days, a.at), std::tie(b.days, b.at));
  }
  return std::nullopt;
}

bool same_clock(const Clock& a, const Clock& b) {
  return a.kind == b.kind && (a.kind != Clock::Kind::calendar || a.calendar == b.calendar);
}

// Equal for two (trigger, clock) pairs exactly when they are the same trigger (at_breach is at:
// 100%) on the same clock.
std::string trigger_key(const EscalationTrigger& t, const Clock& clock) {
  using Kind = EscalationTrigger::Kind;
  const Kind kind = t.kind == Kind::at_breach ? Kind::at_percent : t.kind;
  const int percent = t.kind == Kind::at_breach ? 100 : t.percent;
  std::string key = fmt::format("{}|{}|{}|", static_cast<int>(kind), static_cast<int>(clock.kind),
                                clock.kind == Clock::Kind::calendar ? clock.calendar.size() : 0);
  if (clock.kind == Clock::Kind::calendar) key += clock.calendar;
  if (kind == Kind::at_percent) return key + fmt::format("|{}", percent);
  if (kind == Kind::on_event) return key + "|" + t.event;
  const DurationSpec& d = t.duration;
  return key + fmt::format("|{}|{}|{}|{}|{}", static_cast<int>(d.kind), d.business.count(), d.days,
                           d.at.count(), d.backward);
}

class Warner {
 public:
  Warner(const PolicyWarningInput& input, yaml::DiagnosticSink& sink) : in_(input), sink_(sink) {
    for (std::size_t i = 0; i < in_.policy.tiers.size(); ++i)
      tier_index_.emplace(in_.policy.tiers[i].id, i);
    grids_.resize(in_.policy.targets.size());
    for (std::size_t t = 0; t < grids_.size(); ++t) index_cells(t);
  }

  void run() {
    for (std::size_t t = 0; t < in_.policy.targets.size(); ++t) {
      if (in_.cell_at[t].size() == in_.policy.targets[t].goal.cells().size()) {
        severities_in_order(t);
        tiers_in_order(t);
      }
      escalations(t);
      due_of_settings(t);
    }
    targets_in_order();
  }

  // SLA306: settings a target with `goal: due(x)` ignores — it always applies (it has no goal
  // cells to miss), and a change never restarts it (x's own change moves its due instant).
  void due_of_settings(std::size_t t) {
    const TargetRule& target = in_.policy.targets[t];
    if (target.goal.shape() != Goal::Shape::due_of_target) return;
    const SourcePosition& at = in_.source.targets[t].goal_key_at;
    std::vector<std::string_view> ignored;
    if (target.optional) ignored.push_back("'optional'");
    if (target.on_severity_change == OnSeverityChange::restart)
      ignored.push_back("'on_severity_change: restart'");
    if (ignored.empty()) return;
    warn(t, code::no_effect_on_due_of, at,
         fmt::format("{} {} no effect on target '{}': it is due when '{}' is — it always "
                     "applies, and a change moves that instant instead of restarting it",
                     fmt::join(ignored, " and "), ignored.size() == 1 ? "has" : "have", target.id,
                     target.goal.due_of()),
         {});
  }

 private:
  struct CellRef {
    const DurationSpec* first = nullptr;  ///< the (first) duration
    SourcePosition at;
  };

  // A target's cells by (tier index, severity), the severities in the order its cells give.
  struct Grid {
    std::vector<std::string_view> severities;
    StringMap<std::size_t> severity_index;
    std::vector<int> cell;  ///< [tier * severities + severity]: index into cells(), or -1
  };

  void index_cells(std::size_t t) {
    Grid& grid = grids_[t];
    const auto& cells = in_.policy.targets[t].goal.cells();
    for (const auto& c : cells)
      if (grid.severity_index.emplace(c.severity, grid.severities.size()).second)
        grid.severities.push_back(c.severity);
    if (in_.cell_at[t].size() != cells.size()) return;  // no positions: nothing is compared
    grid.cell.assign(in_.policy.tiers.size() * grid.severities.size(), -1);
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const auto tier = tier_index_.find(cells[k].tier);
      if (tier == tier_index_.end() || cells[k].durations.empty()) continue;
      int& slot = grid.cell[tier->second * grid.severities.size() +
                            grid.severity_index.find(cells[k].severity)->second];
      if (slot < 0) slot = static_cast<int>(k);
    }
  }

  // The cell (tier index, severity index) of target t, if its goal has it.
  std::optional<CellRef> cell(std::size_t t, std::size_t tier, std::size_t severity) const {
    const Grid& grid = grids_[t];
    if (grid.cell.empty() || severity >= grid.severities.size()) return std::nullopt;
    const int k = grid.cell[tier * grid.severities.size() + severity];
    if (k < 0) return std::nullopt;
    const auto& c = in_.policy.targets[t].goal.cells()[static_cast<std::size_t>(k)];
    return CellRef{&c.durations.front(), in_.cell_at[t][static_cast<std::size_t>(k)]};
  }

  // The same, by severity id.
  std::optional<CellRef> cell(std::size_t t, std::size_t tier, std::string_view severity) const {
    const auto it = grids_[t].severity_index.find(severity);
    if (it == grids_[t].severity_index.end()) return std::nullopt;
    return cell(t, tier, it->second);
  }

  // For each cell of `line` (a row or column of one target, in order), the first later cell
  // whose duration compare() finds shorter: a stack of the cells still waiting for theirs, one
  // stack per kind of duration (only durations of one kind are compared).
  static std::vector<std::optional<std::size_t>> first_shorter_later(
      const std::vector<std::optional<CellRef>>& line) {
    std::vector<std::optional<std::size_t>> out(line.size());
    std::map<DurationSpec::Kind, std::vector<std::size_t>> waiting;
    for (std::size_t j = 0; j < line.size(); ++j) {
      if (!line[j]) continue;
      auto& stack = waiting[line[j]->first->kind];
      // Values on a stack never decrease upwards: whatever j is shorter than is answered.
      while (!stack.empty() && compare(*line[stack.back()]->first, *line[j]->first) == 1) {
        out[stack.back()] = j;
        stack.pop_back();
      }
      stack.push_back(j);
    }
    return out;
  }

  bool ignored(std::string_view code, std::size_t t) const {
    auto has = [&](const std::vector<std::string>& codes) {
      return std::find(codes.begin(), codes.end(), code) != codes.end();
    };
    return has(in_.source.ignore_warnings) || has(in_.source.targets[t].ignore_warnings);
  }

  // One warning per place: a goal written once for several cells would repeat it.
  void warn(std::size_t t, std::string_view code, const SourcePosition& at, std::string message,
            std::vector<DiagnosticNote> notes) {
    if (ignored(code, t)) return;
    const auto key = std::make_tuple(std::string(code), at.file, at.line, at.column,
                                     notes.empty() ? 0 : notes.front().where.line,
                                     notes.empty() ? 0 : notes.front().where.column);
    if (!reported_.insert(key).second) return;
    sink_.warning(at, code, std::move(message), std::move(notes));
  }

  // SLA300: within one tier, severities most severe first must not get longer goals.
  void severities_in_order(std::size_t t) {
    const TargetRule& target = in_.policy.targets[t];
    const bool name_tier = target.goal.shape() == Goal::Shape::by_tier_and_severity;
    const auto& severities = grids_[t].severities;
    std::vector<std::optional<CellRef>> row(severities.size());
    for (std::size_t tier = 0; tier < in_.policy.tiers.size(); ++tier) {
      for (std::size_t i = 0; i < severities.size(); ++i) row[i] = cell(t, tier, i);
      const auto shorter = first_shorter_later(row);
      for (std::size_t i = 0; i < severities.size(); ++i) {
        if (!shorter[i]) continue;
        const CellRef& a = *row[i];
        const CellRef& b = *row[*shorter[i]];
        const std::string_view later = severities[*shorter[i]];
        warn(t, code::severity_not_monotone, a.at,
             fmt::format("target '{}'{}: the more severe {} gets {}, longer than the {} of {}",
                         target.id,
                         name_tier ? fmt::format(", tier {}", in_.policy.tiers[tier].id) : "",
                         severities[i], a.first->to_string(), b.first->to_string(), later),
             {{b.at, fmt::format("{} gets {} here", later, b.first->to_string())}});
      }
    }
  }

  // SLA301: for one severity, a better tier (listed earlier) must not get a longer goal.
  void tiers_in_order(std::size_t t) {
    const TargetRule& target = in_.policy.targets[t];
    const bool name_severity = target.goal.shape() == Goal::Shape::by_tier_and_severity;
    const auto& tiers = in_.policy.tiers;
    const auto& severities = grids_[t].severities;
    std::vector<std::optional<CellRef>> column(tiers.size());
    for (std::size_t s = 0; s < severities.size(); ++s) {
      for (std::size_t i = 0; i < tiers.size(); ++i) column[i] = cell(t, i, s);
      const auto shorter = first_shorter_later(column);
      for (std::size_t i = 0; i < tiers.size(); ++i) {
        if (!shorter[i]) continue;
        const CellRef& a = *column[i];
        const CellRef& b = *column[*shorter[i]];
        const std::size_t j = *shorter[i];
        warn(
            t, code::tier_not_monotone, a.at,
            fmt::format("target '{}'{}: tier {} gets {}, longer than the {} of tier {}, "
                        "though it is listed first (tiers go best first)",
                        target.id, name_severity ? fmt::format(", severity {}", severities[s]) : "",
                        tiers[i].id, a.first->to_string(), b.first->to_string(), tiers[j].id),
            {{b.at, fmt::format("tier {} gets {} here", tiers[j].id, b.first->to_string())}});
      }
    }
  }

  std::optional<std::size_t> target_index(std::string_view id) const {
    for (std::size_t t = 0; t < in_.policy.targets.size(); ++t)
      if (in_.policy.targets[t].id == id) return t;
    return std::nullopt;
  }

  // SLA302: response <= on_site <= resolution, cell by cell, where the targets exist. Response
  // and resolution are compared directly only when on_site cannot stand between them.
  void targets_in_order() {
    const auto response = target_index("response");
    const auto on_site = target_index("on_site");
    const auto resolution = target_index("resolution");
    std::vector<std::string_view> severities;
    std::unordered_set<std::string_view> listed;
    for (const auto t : {response, on_site, resolution}) {
      if (!t) continue;
      for (const auto id : grids_[*t].severities)
        if (listed.insert(id).second) severities.push_back(id);
    }
    for (std::size_t tier = 0; tier < in_.policy.tiers.size(); ++tier) {
      for (const auto severity : severities) {
        bool through_on_site = false;
        if (on_site) {
          const bool before = pair_in_order(response, on_site, tier, severity);
          const bool after = pair_in_order(on_site, resolution, tier, severity);
          through_on_site = before && after;
        }
        if (!through_on_site) pair_in_order(response, resolution, tier, severity);
      }
    }
  }

  // Warns when target a's cell is longer than target b's; false when there is nothing to compare.
  bool pair_in_order(std::optional<std::size_t> a, std::optional<std::size_t> b,
                     std::size_t tier_index, std::string_view severity) {
    const std::string_view tier = in_.policy.tiers[tier_index].id;
    if (!a || !b) return false;
    const auto first = cell(*a, tier_index, severity);
    const auto second = cell(*b, tier_index, severity);
    if (!first || !second) return false;
    const auto order = compare(*first->first, *second->first);
    if (!order) return false;
    if (*order != 1 || ignored(code::targets_out_of_order, *b)) return true;
    const std::string& x = in_.policy.targets[*a].id;
    const std::string& y = in_.policy.targets[*b].id;
    // A cell is named only when one of the goals varies by tier or severity.
    const bool uniform = in_.policy.targets[*a].goal.shape() == Goal::Shape::single &&
                         in_.policy.targets[*b].goal.shape() == Goal::Shape::single;
    warn(*a, code::targets_out_of_order, first->at,
         fmt::format(
             "target '{}' gets {}{}, longer than the {} of '{}' (expected response <= "
             "on_site <= resolution)",
             x, first->first->to_string(),
             uniform ? std::string() : fmt::format(" for tier {}, severity {}", tier, severity),
             second->first->to_string(), y),
         {{second->at, fmt::format("'{}' gets {} here", y, second->first->to_string())}});
    return true;
  }

  // SLA303, SLA304, SLA305.
  void escalations(std::size_t t) {
    const TargetRule& target = in_.policy.targets[t];
    const TargetSource& source = in_.source.targets[t];
    StringMap<std::size_t> levels;  // trigger_key → the first level with it
    for (std::size_t i = 0; i < source.escalation.size() && i < target.escalation.size(); ++i) {
      const EscalationSource& level = source.escalation[i];
      if (level.broken) continue;
      const EscalationTrigger& trigger = target.escalation[i].trigger;
      if (trigger.kind == EscalationTrigger::Kind::at_percent && trigger.percent == 0)
        warn(t, code::trigger_before_start, level.trigger_at,
             fmt::format("'at: 0%' fires as target '{}' starts", target.id), {});
      if (trigger.kind == EscalationTrigger::Kind::before_breach)
        before_breach(t, target.escalation[i], level);
      // The first earlier level with the same trigger on the same clock, found by key.
      const auto [first, added] = levels.emplace(
          trigger_key(trigger, target.escalation[i].clock.value_or(target.clock)), i);
      if (!added)
        warn(t, code::duplicate_trigger, level.trigger_at,
             fmt::format("target '{}' has two escalation levels with the same trigger ({}); "
                         "give both sets of actions to one level",
                         target.id, to_string(trigger)),
             {{source.escalation[first->second].trigger_at, "the other level's trigger is here"}});
      for (const auto& action : target.escalation[i].actions) {
        if (action.kind != EscalationAction::Kind::escalate || !level.escalate_at) continue;
        if (in_.ladder_height <= 0 || action.steps <= in_.ladder_height) continue;
        warn(t, code::escalate_past_ladder, *level.escalate_at,
             fmt::format("'escalate: {}' goes past the top of the role ladder, whose longest "
                         "chain has {} step{}",
                         action.steps, in_.ladder_height, in_.ladder_height == 1 ? "" : "s"),
             {});
      }
    }
  }

  // before_breach D fires at goal - D: at or before the start when D is not shorter than the
  // goal of some cell (compared on the same clock only). The first such cell is found by binary
  // search over the running minimum of the target's cells of D's kind.
  void before_breach(std::size_t t, const EscalationLevel& level, const EscalationSource& source) {
    const TargetRule& target = in_.policy.targets[t];
    if (level.clock && !same_clock(*level.clock, target.clock)) return;
    const auto& cells = target.goal.cells();
    if (in_.cell_at[t].size() != cells.size()) return;
    const DurationSpec& d = level.trigger.duration;
    const auto& minima = running_minima(t, d.kind);
    // The minima only go down: those still above D form a prefix.
    const auto it = std::partition_point(minima.begin(), minima.end(), [&](const MinimumSoFar& m) {
      return compare(d, *m.minimum) < 0;
    });
    if (it == minima.end()) return;
    const DurationSpec& goal = cells[it->cell].durations.front();
    const bool single = target.goal.shape() == Goal::Shape::single;
    warn(t, code::trigger_before_start, source.trigger_at,
         fmt::format("'before_breach: {}' is not shorter than the goal {} of target '{}'{}: "
                     "the level would fire as the target starts",
                     d.to_string(), goal.to_string(), target.id,
                     single ? std::string()
                            : fmt::format(" (tier {}, severity {})", cells[it->cell].tier,
                                          cells[it->cell].severity)),
         {{in_.cell_at[t][it->cell], "the goal is here"}});
  }

  // The cells of target t whose goal is of `kind`, each with the shortest goal among them so
  // far: a prefix of this list is what a trigger must not reach.
  struct MinimumSoFar {
    std::size_t cell;
    const DurationSpec* minimum;
  };
  const std::vector<MinimumSoFar>& running_minima(std::size_t t, DurationSpec::Kind kind) {
    auto& known = minima_[{t, kind}];
    if (known) return *known;
    known.emplace();
    const auto& cells = in_.policy.targets[t].goal.cells();
    const DurationSpec* least = nullptr;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (cells[k].durations.empty() || cells[k].durations.front().kind != kind) continue;
      const DurationSpec& goal = cells[k].durations.front();
      if (least == nullptr || compare(goal, *least) == -1) {
        least = &goal;
        known->push_back({k, least});  // only where the minimum goes down
      }
    }
    return *known;
  }

  const PolicyWarningInput& in_;
  yaml::DiagnosticSink& sink_;
  std::set<std::tuple<std::string, std::string, int, int, int, int>> reported_;
  StringMap<std::size_t> tier_index_;  ///< tier id → index in the policy's tiers
  std::vector<Grid> grids_;            ///< per target
  std::map<std::pair<std::size_t, DurationSpec::Kind>, std::optional<std::vector<MinimumSoFar>>>
      minima_;
};

}  // namespace

void warn_policy(const PolicyWarningInput& input, yaml::DiagnosticSink& sink) {
  Warner(input, sink).run();
}

}  // namespace sla::rules
