#include "rules/policy_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_set>

#include "graph/cycles.hpp"
#include "rules/codes.hpp"
#include "rules/goal_expander.hpp"
#include "rules/ids.hpp"
#include "rules/policy_warnings.hpp"
#include "sla/words.hpp"
#include "yaml/codes.hpp"
#include "yaml/limits.hpp"
#include "yaml/suggest.hpp"

namespace sla::rules {
namespace {

class Checker {
 public:
  // Every name is indexed once here: the checks below look names up once per reference, and a
  // linear search there makes a file of 100,000 roles or targets take minutes.
  Checker(const PolicySources& sources, const std::vector<std::string_view>& calendar_ids,
          yaml::DiagnosticSink& sink)
      : sources_(sources),
        calendar_ids_(calendar_ids),
        calendar_set_(calendar_ids.begin(), calendar_ids.end()),
        sink_(sink) {
    for (std::size_t i = 0; i < sources.roles.size(); ++i) {
      role_index_.emplace(sources.roles[i].role.id, i);
      role_ids_.push_back(sources.roles[i].role.id);
    }
  }

  CheckedPolicies run() {
    CheckedPolicies out;
    for (const auto& s : sources_.severities) out.severities.push_back(s.severity);
    for (const auto& r : sources_.roles) out.roles.push_back(r.role);
    severities_ = &out.severities;
    for (std::size_t i = 0; i < out.severities.size(); ++i) {
      severity_index_.emplace(out.severities[i].id, i);
      for (const auto& alias : out.severities[i].aliases) severity_index_.emplace(alias, i);
    }
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
    const auto it = role_index_.find(id);
    if (it == role_index_.end()) return std::nullopt;
    return it->second;
  }

  // "did you mean" over `candidates`, unless the diagnostic would not be shown anyway: the
  // search is over every id, once per unknown name.
  std::vector<DiagnosticNote> suggest(std::string_view name,
                                      const std::vector<std::string_view>& candidates,
                                      const SourcePosition& at) const {
    if (sink_.full()) return {};
    return yaml::suggest(name, candidates, at);
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
          suggest(next, role_ids_, *role.next_at));
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
  // Each role's height is computed once: walking up from every role is quadratic in a ladder
  // of 100,000 rungs.
  int longest_chain(const std::vector<std::pair<std::size_t, std::size_t>>& edges) const {
    std::vector<std::optional<std::size_t>> next(sources_.roles.size());
    for (const auto& [from, to] : edges) next[from] = to;
    constexpr int kUnknown = -1;
    std::vector<int> height(next.size(), kUnknown);
    int longest = 0;
    std::vector<std::size_t> path;
    for (std::size_t i = 0; i < next.size(); ++i) {
      std::size_t at = i;
      while (height[at] == kUnknown && next[at]) {
        path.push_back(at);
        at = *next[at];
      }
      if (height[at] == kUnknown) height[at] = 0;  // the top of its ladder
      for (std::size_t k = path.size(); k-- > 0;)
        height[path[k]] = height[next[path[k]].value()] + 1;
      path.clear();
      longest = std::max(longest, height[i]);
    }
    return longest;
  }

  // --- names used by policies ------------------------------------------------------------

  bool known_calendar(std::string_view id) const { return calendar_set_.count(id) != 0; }

  void check_clock(const Clock& clock, const std::optional<SourcePosition>& at,
                   std::string_view whose) {
    if (clock.kind != Clock::Kind::calendar || known_calendar(clock.calendar) || !at) return;
    std::vector<std::string_view> names;
    if (!sink_.full()) {
      names = calendar_ids_;
      names.push_back("business");
      names.push_back("wall");
    }
    sink_.error(*at, code::unknown_calendar,
                fmt::format("{} counts on calendar '{}', which is not defined (a clock is "
                            "business, wall or a calendar id)",
                            whose, clock.calendar),
                suggest(clock.calendar, names, *at));
  }

  const Severity* find_severity(std::string_view name) const {
    const auto it = severity_index_.find(name);
    return it == severity_index_.end() ? nullptr : &(*severities_)[it->second];
  }

  // --- policies --------------------------------------------------------------------------

  Policy check_policy(const PolicySource& source) {
    Policy policy;
    policy.id = source.id;
    policy.match = source.match;
    tier_index_.clear();
    target_index_.clear();
    target_ids_.clear();
    for (std::size_t t = 0; t < source.targets.size(); ++t) {
      target_index_.emplace(source.targets[t].rule.id, t);
      target_ids_.push_back(source.targets[t].rule.id);
    }
    for (const auto& tier : source.tiers) {
      tier_index_.emplace(tier.tier.id, policy.tiers.size());
      policy.tiers.push_back(tier.tier);
      if (!tier.calendar_at || known_calendar(tier.tier.calendar)) continue;
      sink_.error(*tier.calendar_at, code::unknown_calendar,
                  fmt::format("tier '{}' runs on calendar '{}', which is not defined", tier.tier.id,
                              tier.tier.calendar),
                  suggest(tier.tier.calendar, calendar_ids_, *tier.calendar_at));
    }
    std::vector<std::vector<SourcePosition>> cell_at;
    for (const auto& target : source.targets) {
      cell_at.emplace_back();
      policy.targets.push_back(check_target(source, policy, target, cell_at.back()));
    }
    for (const auto& obligation : source.obligations)
      policy.obligations.push_back(check_obligation(source, obligation));
    check_start_cycles(source);
    warn_policy({policy, source, cell_at, ladder_height_}, sink_);
    return policy;
  }

  // An obligation's calendar must exist; its id must not be a target's too (policy tests and
  // results name both by id).
  Obligation check_obligation(const PolicySource& policy, const ObligationSource& source) {
    const Obligation& o = source.rule;
    if (source.calendar_at && !known_calendar(o.calendar))
      sink_.error(*source.calendar_at, code::unknown_calendar,
                  fmt::format("obligation '{}' cuts its periods on calendar '{}', which is not "
                              "defined",
                              o.id, o.calendar),
                  suggest(o.calendar, calendar_ids_, *source.calendar_at));
    if (const auto t = target_index(o.id))
      sink_.error(source.at, code::obligation_is_target,
                  fmt::format("policy '{}' has a target and an obligation both named '{}'",
                              policy.id, o.id),
                  {{policy.targets[*t].at, "the target is here"}});
    return o;
  }

  std::optional<std::size_t> target_index(std::string_view id) const {
    const auto it = target_index_.find(id);
    if (it == target_index_.end()) return std::nullopt;
    return it->second;
  }

  void check_condition(const PolicySource& policy, const Condition& condition,
                       const SourcePosition& at, std::string_view target, std::string_view verb) {
    if (condition.kind == Condition::Kind::event || target_index(condition.name)) return;
    sink_.error(at, code::unknown_target,
                fmt::format("target '{}' {} on {}, but policy '{}' has no target '{}'", target,
                            verb, to_string(condition), policy.id, condition.name),
                suggest(condition.name, target_ids_, at));
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
      const GoalScope scope{policy.id,     id,           model.tiers,      *severities_,
                            rule.optional, &tier_index_, &severity_index_, &goal_budget_};
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
                  suggest(role.name, role_ids_, role.at));
    }
    if (source.set_severity) {
      const Reference& named = *source.set_severity;
      if (const Severity* s = find_severity(named.name)) {
        for (auto& action : level.actions)
          if (action.kind == EscalationAction::Kind::set_severity) action.name = s->id;
      } else if (!severities_->empty()) {
        sink_.error(named.at, code::unknown_severity,
                    fmt::format("'set_severity' names '{}', which is not a severity", named.name),
                    sink_.full()
                        ? std::vector<DiagnosticNote>{}
                        : yaml::suggest(named.name, severity_names(*severities_), named.at));
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
    if (target_index(due_of.name)) return;
    sink_.error(due_of.at, code::unknown_target,
                fmt::format("the goal of target '{}' is due({}), but policy '{}' has no target "
                            "'{}'",
                            target, due_of.name, policy.id, due_of.name),
                suggest(due_of.name, target_ids_, due_of.at));
  }

  // Target A starting on met(B) or breached(B), or due when B is (goal: due(B)), waits for B:
  // a cycle of such waits never starts, or never gets a due instant.
  void check_start_cycles(const PolicySource& policy) {
    const auto& targets = policy.targets;
    auto index_of = [&](std::string_view id) { return target_index(id); };
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
  std::unordered_set<std::string_view> calendar_set_;
  yaml::DiagnosticSink& sink_;
  const std::vector<Severity>* severities_ = nullptr;
  StringMap<std::size_t> role_index_;       ///< role id → index in sources_.roles
  std::vector<std::string_view> role_ids_;  ///< for "did you mean"
  StringMap<std::size_t> severity_index_;   ///< ids and aliases → index in *severities_
  // Of the policy being checked:
  StringMap<std::size_t> tier_index_;         ///< tier id → index in its tiers
  StringMap<std::size_t> target_index_;       ///< target id → index in its targets
  std::vector<std::string_view> target_ids_;  ///< for "did you mean"
  GoalBudget goal_budget_;                    ///< of every goal of the load (SLA028)
  bool any_escalation_ = false;               ///< some role escalates to another
  int ladder_height_ = -1;
};

}  // namespace

CheckedPolicies check_policies(const PolicySources& sources,
                               const std::vector<std::string_view>& calendar_ids,
                               yaml::DiagnosticSink& sink) {
  return Checker(sources, calendar_ids, sink).run();
}

}  // namespace sla::rules
