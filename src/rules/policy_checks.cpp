#include "rules/policy_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "graph/cycles.hpp"
#include "rules/codes.hpp"
#include "rules/goal_expander.hpp"
#include "rules/ids.hpp"
#include "rules/policy_warnings.hpp"
#include "sla/words.hpp"
#include "yaml/suggest.hpp"

namespace sla::rules {
namespace {

class Checker {
 public:
  Checker(const PolicySources& sources, const std::vector<std::string_view>& calendar_ids,
          yaml::DiagnosticSink& sink)
      : sources_(sources), calendar_ids_(calendar_ids), sink_(sink) {}

  CheckedPolicies run() {
    CheckedPolicies out;
    for (const auto& s : sources_.severities) out.severities.push_back(s.severity);
    for (const auto& r : sources_.roles) out.roles.push_back(r.role);
    severities_ = &out.severities;
    check_roles();
    const auto with_targets =
        std::find_if(sources_.policies.begin(), sources_.policies.end(),
                     [](const PolicySource& p) { return !p.targets.empty(); });
    if (with_targets != sources_.policies.end() && out.severities.empty())
      sink_.error(with_targets->at, code::no_severities,
                  fmt::format("policy '{}' has targets, but the rules list no severities (add a "
                              "'severities' list, most severe first)",
                              with_targets->id));
    for (const auto& policy : sources_.policies) out.policies.push_back(check_policy(policy));
    return out;
  }

 private:
  // --- the role ladder -------------------------------------------------------------------

  std::optional<std::size_t> role_index(std::string_view id) const {
    for (std::size_t i = 0; i < sources_.roles.size(); ++i)
      if (sources_.roles[i].role.id == id) return i;
    return std::nullopt;
  }

  std::vector<std::string_view> role_ids() const {
    std::vector<std::string_view> ids;
    for (const auto& r : sources_.roles) ids.push_back(r.role.id);
    return ids;
  }

  void check_roles() {
    const auto& roles = sources_.roles;
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (std::size_t i = 0; i < roles.size(); ++i) {
      const RoleSource& role = roles[i];
      if (!role.role.escalates_to) continue;
      any_escalation_ = true;
      const std::string& next = *role.role.escalates_to;
      if (const auto j = role_index(next)) {
        edges.emplace_back(i, *j);
        continue;
      }
      sink_.error(
          *role.next_at, code::unknown_role,
          fmt::format("role '{}' escalates to '{}', which is not a role", role.role.id, next),
          yaml::suggest(next, role_ids(), *role.next_at));
    }
    const auto cycles = graph::find_cycles(roles.size(), edges);
    for (const auto& cycle : cycles) {
      std::vector<std::string_view> names;
      std::vector<DiagnosticNote> notes;
      for (const std::size_t v : cycle) {
        names.push_back(roles[v].role.id);
        notes.push_back(
            {*roles[v].next_at, fmt::format("'{}' escalates to '{}' here", roles[v].role.id,
                                            *roles[v].role.escalates_to)});
      }
      sink_.error(roles[cycle.front()].at, code::role_cycle,
                  fmt::format("the role ladder has a cycle: {}", cycle_text(names)),
                  std::move(notes));
    }
    if (cycles.empty()) ladder_height_ = longest_chain(edges);
  }

  // Steps of the longest chain up the ladder (it has no cycle; each role has one next rung).
  int longest_chain(const std::vector<std::pair<std::size_t, std::size_t>>& edges) const {
    std::vector<std::optional<std::size_t>> next(sources_.roles.size());
    for (const auto& [from, to] : edges) next[from] = to;
    int longest = 0;
    for (std::size_t i = 0; i < next.size(); ++i) {
      int steps = 0;
      for (auto at = next[i]; at && steps <= static_cast<int>(next.size()); at = next[*at]) ++steps;
      longest = std::max(longest, steps);
    }
    return longest;
  }

  // --- names used by policies ------------------------------------------------------------

  bool known_calendar(std::string_view id) const {
    return std::find(calendar_ids_.begin(), calendar_ids_.end(), id) != calendar_ids_.end();
  }

  void check_clock(const Clock& clock, const std::optional<SourcePosition>& at,
                   std::string_view whose) {
    if (clock.kind != Clock::Kind::calendar || known_calendar(clock.calendar) || !at) return;
    std::vector<std::string_view> names = calendar_ids_;
    names.push_back("business");
    names.push_back("wall");
    sink_.error(*at, code::unknown_calendar,
                fmt::format("{} counts on calendar '{}', which is not defined (a clock is "
                            "business, wall or a calendar id)",
                            whose, clock.calendar),
                yaml::suggest(clock.calendar, names, *at));
  }

  const Severity* find_severity(std::string_view name) const {
    const auto it = std::find_if(severities_->begin(), severities_->end(),
                                 [&](const Severity& s) { return s.answers_to(name); });
    return it == severities_->end() ? nullptr : &*it;
  }

  // --- policies --------------------------------------------------------------------------

  Policy check_policy(const PolicySource& source) {
    Policy policy;
    policy.id = source.id;
    policy.match = source.match;
    for (const auto& tier : source.tiers) {
      policy.tiers.push_back(tier.tier);
      if (!tier.calendar_at || known_calendar(tier.tier.calendar)) continue;
      sink_.error(*tier.calendar_at, code::unknown_calendar,
                  fmt::format("tier '{}' runs on calendar '{}', which is not defined", tier.tier.id,
                              tier.tier.calendar),
                  yaml::suggest(tier.tier.calendar, calendar_ids_, *tier.calendar_at));
    }
    std::vector<std::vector<SourcePosition>> cell_at;
    for (const auto& target : source.targets) {
      cell_at.emplace_back();
      policy.targets.push_back(check_target(source, policy, target, cell_at.back()));
    }
    check_start_cycles(source);
    warn_policy({policy, source, cell_at, ladder_height_}, sink_);
    return policy;
  }

  void check_condition(const PolicySource& policy, const Condition& condition,
                       const SourcePosition& at, std::string_view target, std::string_view verb) {
    if (condition.kind == Condition::Kind::event) return;
    for (const auto& t : policy.targets)
      if (t.rule.id == condition.name) return;
    std::vector<std::string_view> ids;
    for (const auto& t : policy.targets) ids.push_back(t.rule.id);
    sink_.error(at, code::unknown_target,
                fmt::format("target '{}' {} on {}, but policy '{}' has no target '{}'", target,
                            verb, to_string(condition), policy.id, condition.name),
                yaml::suggest(condition.name, ids, at));
  }

  TargetRule check_target(const PolicySource& policy, const Policy& model,
                          const TargetSource& source, std::vector<SourcePosition>& cell_at) {
    TargetRule rule = source.rule;
    const std::string& id = rule.id;
    check_condition(policy, rule.start, source.start_at, id, "starts");
    for (std::size_t k = 0; k < rule.stop.size(); ++k)
      check_condition(policy, rule.stop[k], source.stop_at[k], id, "stops");
    check_clock(rule.clock, source.clock_at, fmt::format("target '{}'", id));
    if (source.goal && source.goal->due_of && !source.goal->broken)
      check_due_of(policy, *source.goal->due_of, id);
    if (source.goal) {
      const GoalScope scope{policy.id, id, model.tiers, *severities_, rule.optional};
      if (auto goal = expand_goal(*source.goal, scope, sink_)) {
        rule.goal = std::move(goal->goal);
        cell_at = std::move(goal->cell_at);
      }
    }
    rule.escalation.clear();
    for (const auto& level : source.escalation) rule.escalation.push_back(check_level(level, id));
    return rule;
  }

  EscalationLevel check_level(const EscalationSource& source, std::string_view target) {
    EscalationLevel level = source.level;
    for (const auto& role : source.notify) {
      if (role_index(role.name)) continue;
      sink_.error(role.at, code::unknown_role,
                  fmt::format("'notify' names '{}', which is not a role", role.name),
                  yaml::suggest(role.name, role_ids(), role.at));
    }
    if (source.set_severity) {
      const Reference& named = *source.set_severity;
      if (const Severity* s = find_severity(named.name)) {
        for (auto& action : level.actions)
          if (action.kind == EscalationAction::Kind::set_severity) action.name = s->id;
      } else if (!severities_->empty()) {
        sink_.error(named.at, code::unknown_severity,
                    fmt::format("'set_severity' names '{}', which is not a severity", named.name),
                    yaml::suggest(named.name, severity_names(*severities_), named.at));
      }
    }
    if (source.escalate_at && !any_escalation_)
      sink_.error(*source.escalate_at, code::nowhere_to_escalate,
                  "'escalate' hands the ticket up the role ladder, but no role escalates to "
                  "another (give the roles 'escalates_to')");
    if (level.clock)
      check_clock(*level.clock, source.clock_at,
                  fmt::format("an escalation level of target '{}'", target));
    return level;
  }

  // `goal: due(x)`: x must be another target of the policy.
  void check_due_of(const PolicySource& policy, const Reference& due_of, std::string_view target) {
    if (due_of.name == target) {
      sink_.error(due_of.at, code::unknown_target,
                  fmt::format("target '{}' is due when it is due: due({}) must name another "
                              "target of policy '{}'",
                              target, due_of.name, policy.id));
      return;
    }
    for (const auto& t : policy.targets)
      if (t.rule.id == due_of.name) return;
    std::vector<std::string_view> ids;
    for (const auto& t : policy.targets) ids.push_back(t.rule.id);
    sink_.error(due_of.at, code::unknown_target,
                fmt::format("the goal of target '{}' is due({}), but policy '{}' has no target "
                            "'{}'",
                            target, due_of.name, policy.id, due_of.name),
                yaml::suggest(due_of.name, ids, due_of.at));
  }

  // Target A starting on met(B) or breached(B), or due when B is (goal: due(B)), waits for B:
  // a cycle of such waits never starts, or never gets a due instant.
  void check_start_cycles(const PolicySource& policy) {
    const auto& targets = policy.targets;
    auto index_of = [&](std::string_view id) -> std::optional<std::size_t> {
      for (std::size_t b = 0; b < targets.size(); ++b)
        if (targets[b].rule.id == id) return b;
      return std::nullopt;
    };
    auto due_of = [&](std::size_t a) -> const Reference* {
      const auto& goal = targets[a].goal;
      return goal && goal->due_of && !goal->broken ? &*goal->due_of : nullptr;
    };
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (std::size_t a = 0; a < targets.size(); ++a) {
      const Condition& start = targets[a].rule.start;
      if (start.kind != Condition::Kind::event)
        if (const auto b = index_of(start.name)) edges.emplace_back(a, *b);
      if (const Reference* d = due_of(a))
        if (const auto b = index_of(d->name); b && *b != a) edges.emplace_back(a, *b);
    }
    for (const auto& cycle : graph::find_cycles(targets.size(), edges)) {
      std::vector<std::string_view> names;
      std::vector<DiagnosticNote> notes;
      bool through_due = false;
      for (std::size_t k = 0; k < cycle.size(); ++k) {
        const std::size_t v = cycle[k];
        const std::size_t w = cycle[(k + 1) % cycle.size()];
        names.push_back(targets[v].rule.id);
        const Condition& start = targets[v].rule.start;
        if (start.kind != Condition::Kind::event && start.name == targets[w].rule.id) {
          notes.push_back({targets[v].start_at, fmt::format("'{}' starts on {} here",
                                                            targets[v].rule.id, to_string(start))});
        } else {
          through_due = true;
          notes.push_back({due_of(v)->at, fmt::format("'{}' is due when '{}' is, here",
                                                      targets[v].rule.id, targets[w].rule.id)});
        }
      }
      const std::string chain = cycle_text(names);
      const std::string message =
          through_due ? fmt::format(
                            "targets of policy '{}' wait on each other in a cycle, so "
                            "none of them ever gets a due instant: {}",
                            policy.id, chain)
          : cycle.size() == 1
              ? fmt::format("target '{}' starts on its own outcome, so it never starts: {}",
                            targets[cycle.front()].rule.id, chain)
              : fmt::format(
                    "targets of policy '{}' start on each other in a cycle, so none of "
                    "them ever starts: {}",
                    policy.id, chain);
      sink_.error(targets[cycle.front()].at, code::start_cycle, message, std::move(notes));
    }
  }

  const PolicySources& sources_;
  const std::vector<std::string_view>& calendar_ids_;
  yaml::DiagnosticSink& sink_;
  const std::vector<Severity>* severities_ = nullptr;
  bool any_escalation_ = false;  ///< some role escalates to another
  int ladder_height_ = -1;
};

}  // namespace

CheckedPolicies check_policies(const PolicySources& sources,
                               const std::vector<std::string_view>& calendar_ids,
                               yaml::DiagnosticSink& sink) {
  return Checker(sources, calendar_ids, sink).run();
}

}  // namespace sla::rules
