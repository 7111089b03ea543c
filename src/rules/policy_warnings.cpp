#include "rules/policy_warnings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "rules/codes.hpp"
#include "sla/words.hpp"

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

// at_breach is at: 100%.
bool same_trigger(const EscalationTrigger& a, const EscalationTrigger& b) {
  using Kind = EscalationTrigger::Kind;
  const auto kind = [](const EscalationTrigger& t) {
    return t.kind == Kind::at_breach ? Kind::at_percent : t.kind;
  };
  if (kind(a) != kind(b)) return false;
  if (kind(a) == Kind::at_percent) return a.percent == b.percent;
  if (kind(a) == Kind::on_event) return a.event == b.event;
  return a.duration == b.duration;
}

class Warner {
 public:
  Warner(const PolicyWarningInput& input, yaml::DiagnosticSink& sink) : in_(input), sink_(sink) {}

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

  // The cell (tier, severity) of target t, if its goal has it.
  std::optional<CellRef> cell(std::size_t t, std::string_view tier, std::string_view severity) {
    const auto& cells = in_.policy.targets[t].goal.cells();
    if (in_.cell_at[t].size() != cells.size()) return std::nullopt;
    for (std::size_t k = 0; k < cells.size(); ++k)
      if (cells[k].tier == tier && cells[k].severity == severity && !cells[k].durations.empty())
        return CellRef{&cells[k].durations.front(), in_.cell_at[t][k]};
    return std::nullopt;
  }

  std::vector<std::string> severity_ids(std::size_t t) const {
    std::vector<std::string> ids;
    for (const auto& c : in_.policy.targets[t].goal.cells())
      if (std::find(ids.begin(), ids.end(), c.severity) == ids.end()) ids.push_back(c.severity);
    return ids;  // cells are in rank order within a tier, and every tier lists them alike
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
    const auto severities = severity_ids(t);
    for (const Tier& tier : in_.policy.tiers) {
      for (std::size_t i = 0; i < severities.size(); ++i) {
        const auto a = cell(t, tier.id, severities[i]);
        if (!a) continue;
        for (std::size_t j = i + 1; j < severities.size(); ++j) {
          const auto b = cell(t, tier.id, severities[j]);
          if (!b || compare(*a->first, *b->first) != 1) continue;
          warn(t, code::severity_not_monotone, a->at,
               fmt::format("target '{}'{}: the more severe {} gets {}, longer than the {} of {}",
                           target.id, name_tier ? fmt::format(", tier {}", tier.id) : "",
                           severities[i], a->first->to_string(), b->first->to_string(),
                           severities[j]),
               {{b->at, fmt::format("{} gets {} here", severities[j], b->first->to_string())}});
          break;
        }
      }
    }
  }

  // SLA301: for one severity, a better tier (listed earlier) must not get a longer goal.
  void tiers_in_order(std::size_t t) {
    const TargetRule& target = in_.policy.targets[t];
    const bool name_severity = target.goal.shape() == Goal::Shape::by_tier_and_severity;
    const auto& tiers = in_.policy.tiers;
    for (const auto& severity : severity_ids(t)) {
      for (std::size_t i = 0; i < tiers.size(); ++i) {
        const auto a = cell(t, tiers[i].id, severity);
        if (!a) continue;
        for (std::size_t j = i + 1; j < tiers.size(); ++j) {
          const auto b = cell(t, tiers[j].id, severity);
          if (!b || compare(*a->first, *b->first) != 1) continue;
          warn(t, code::tier_not_monotone, a->at,
               fmt::format("target '{}'{}: tier {} gets {}, longer than the {} of tier {}, "
                           "though it is listed first (tiers go best first)",
                           target.id, name_severity ? fmt::format(", severity {}", severity) : "",
                           tiers[i].id, a->first->to_string(), b->first->to_string(), tiers[j].id),
               {{b->at, fmt::format("tier {} gets {} here", tiers[j].id, b->first->to_string())}});
          break;
        }
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
    std::vector<std::string> severities;
    for (const auto t : {response, on_site, resolution}) {
      if (!t) continue;
      for (const auto& id : severity_ids(*t))
        if (std::find(severities.begin(), severities.end(), id) == severities.end())
          severities.push_back(id);
    }
    for (const Tier& tier : in_.policy.tiers) {
      for (const auto& severity : severities) {
        bool through_on_site = false;
        if (on_site) {
          const bool before = pair_in_order(response, on_site, tier.id, severity);
          const bool after = pair_in_order(on_site, resolution, tier.id, severity);
          through_on_site = before && after;
        }
        if (!through_on_site) pair_in_order(response, resolution, tier.id, severity);
      }
    }
  }

  // Warns when target a's cell is longer than target b's; false when there is nothing to compare.
  bool pair_in_order(std::optional<std::size_t> a, std::optional<std::size_t> b,
                     std::string_view tier, std::string_view severity) {
    if (!a || !b) return false;
    const auto first = cell(*a, tier, severity);
    const auto second = cell(*b, tier, severity);
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
    for (std::size_t i = 0; i < source.escalation.size() && i < target.escalation.size(); ++i) {
      const EscalationSource& level = source.escalation[i];
      if (level.broken) continue;
      const EscalationTrigger& trigger = target.escalation[i].trigger;
      if (trigger.kind == EscalationTrigger::Kind::at_percent && trigger.percent == 0)
        warn(t, code::trigger_before_start, level.trigger_at,
             fmt::format("'at: 0%' fires as target '{}' starts", target.id), {});
      if (trigger.kind == EscalationTrigger::Kind::before_breach)
        before_breach(t, target.escalation[i], level);
      for (std::size_t k = 0; k < i; ++k) {
        if (source.escalation[k].broken || !same_trigger(target.escalation[k].trigger, trigger) ||
            !same_clock(target.escalation[k].clock.value_or(target.clock),
                        target.escalation[i].clock.value_or(target.clock)))
          continue;
        warn(t, code::duplicate_trigger, level.trigger_at,
             fmt::format("target '{}' has two escalation levels with the same trigger ({}); "
                         "give both sets of actions to one level",
                         target.id, to_string(trigger)),
             {{source.escalation[k].trigger_at, "the other level's trigger is here"}});
        break;
      }
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
  // goal of some cell (compared on the same clock only).
  void before_breach(std::size_t t, const EscalationLevel& level, const EscalationSource& source) {
    const TargetRule& target = in_.policy.targets[t];
    if (level.clock && !same_clock(*level.clock, target.clock)) return;
    const auto& cells = target.goal.cells();
    if (in_.cell_at[t].size() != cells.size()) return;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (cells[k].durations.empty()) continue;
      const DurationSpec& goal = cells[k].durations.front();
      const auto order = compare(level.trigger.duration, goal);
      if (!order || *order < 0) continue;
      const bool single = target.goal.shape() == Goal::Shape::single;
      warn(t, code::trigger_before_start, source.trigger_at,
           fmt::format(
               "'before_breach: {}' is not shorter than the goal {} of target '{}'{}: "
               "the level would fire as the target starts",
               level.trigger.duration.to_string(), goal.to_string(), target.id,
               single ? std::string()
                      : fmt::format(" (tier {}, severity {})", cells[k].tier, cells[k].severity)),
           {{in_.cell_at[t][k], "the goal is here"}});
      return;
    }
  }

  const PolicyWarningInput& in_;
  yaml::DiagnosticSink& sink_;
  std::set<std::tuple<std::string, std::string, int, int, int, int>> reported_;
};

}  // namespace

void warn_policy(const PolicyWarningInput& input, yaml::DiagnosticSink& sink) {
  Warner(input, sink).run();
}

}  // namespace sla::rules
