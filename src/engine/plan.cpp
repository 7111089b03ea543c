#include "engine/plan.hpp"

#include <cmath>

namespace sla::engine {
namespace {

CalendarDefinition always_open() {
  CalendarDefinition d;
  d.id = "wall";
  d.time_zone = "UTC";
  for (auto& day : d.weekly) day = {LocalWindow{std::chrono::hours{0}, std::chrono::hours{24}}};
  return d;
}

// The calendar a clock counts on, per tier.
ClockByTier resolve_clock(const Clock& clock, const PolicyPlan& policy, const Plan& plan) {
  switch (clock.kind) {
    case Clock::Kind::wall:
      return ClockByTier(policy.tier_calendar.size(), &plan.wall);
    case Clock::Kind::calendar:
      return ClockByTier(policy.tier_calendar.size(), &plan.rules.calendar(clock.calendar));
    case Clock::Kind::business:
      break;
  }
  return policy.tier_calendar;
}

int target_index(const Policy& policy, std::string_view id) {
  for (std::size_t i = 0; i < policy.targets.size(); ++i)
    if (policy.targets[i].id == id) return static_cast<int>(i);
  return kNone;
}

int intern(PolicyPlan& policy, std::string_view type) {
  if (const auto it = policy.event_index.find(type); it != policy.event_index.end())
    return it->second;
  const int index = static_cast<int>(policy.effects.size());
  policy.event_index.emplace(std::string(type), index);
  policy.effects.emplace_back();
  return index;
}

void on_event(PolicyPlan& policy, std::string_view type, EventEffect effect) {
  policy.effects[static_cast<std::size_t>(intern(policy, type))].push_back(effect);
}

LevelPlan compile_level(const EscalationLevel& level, const TargetPlan& target, PolicyPlan& policy,
                        const Plan& plan, int& slots) {
  LevelPlan out;
  out.rule = &level;
  out.kind = level.trigger.kind;
  out.duration = level.trigger.duration;
  if (out.kind == EscalationTrigger::Kind::at_percent)
    out.basis_points = std::llround(static_cast<double>(level.trigger.percent) * 100);
  const bool timed = out.kind == EscalationTrigger::Kind::after ||
                     out.kind == EscalationTrigger::Kind::before_breach ||
                     out.kind == EscalationTrigger::Kind::after_breach;
  // A duration in calendar days is wall time whatever the clock; `clock:` moves the level to
  // another clock. Percentages and the breach itself are always the target's.
  if (timed && out.duration.kind == DurationSpec::Kind::calendar_days) {
    out.own_clock = ClockByTier(policy.tier_calendar.size(), &plan.wall);
  } else if (timed && level.clock) {
    out.own_clock = resolve_clock(*level.clock, policy, plan);
    // The target's own clock is the cycle's (slot 0), unless a goal in calendar days moves the
    // cycle to the wall clock: then the level keeps the clock it names.
    bool cycle_may_be_wall = false;
    for (const auto* cell : target.cells)
      for (const DurationSpec& d : *cell)
        if (d.kind == DurationSpec::Kind::calendar_days) cycle_may_be_wall = true;
    if (out.own_clock == target.clock && !cycle_may_be_wall) out.own_clock.clear();
  }
  if (!out.own_clock.empty()) out.slot = slots++;
  for (const EscalationAction& action : level.actions) {
    switch (action.kind) {
      case EscalationAction::Kind::escalate:
        out.escalate += action.steps;
        break;
      case EscalationAction::Kind::raise_severity:
        out.raise_severity += action.steps;
        break;
      case EscalationAction::Kind::set_severity:
        out.set_severity = plan.severity_rank.at(action.name);
        break;
      case EscalationAction::Kind::notify:
      case EscalationAction::Kind::action:
        break;
    }
  }
  return out;
}

// Kahn's order over the edges x → t for every `goal: due(x)` of t (acyclic: the loader
// refuses cycles), targets without such a goal in their own order first.
std::vector<int> due_order(const std::vector<TargetPlan>& targets) {
  std::vector<std::vector<int>> linked(targets.size());
  std::vector<int> waiting(targets.size(), 0);
  for (std::size_t t = 0; t < targets.size(); ++t)
    if (targets[t].due_of != kNone) {
      linked[static_cast<std::size_t>(targets[t].due_of)].push_back(static_cast<int>(t));
      waiting[t] = 1;
    }
  std::vector<int> order;
  for (std::size_t t = 0; t < targets.size(); ++t)
    if (waiting[t] == 0) order.push_back(static_cast<int>(t));
  for (std::size_t next = 0; next < order.size(); ++next)
    for (const int t : linked[static_cast<std::size_t>(order[next])]) order.push_back(t);
  return order;
}

}  // namespace

int PolicyPlan::tier_index(std::string_view id) const {
  for (std::size_t i = 0; i < policy->tiers.size(); ++i)
    if (policy->tiers[i].id == id) return static_cast<int>(i);
  return kNone;
}

Plan::Plan(RuleSet r) : rules(std::move(r)), wall(Calendar::compile(always_open())) {
  for (const Severity& s : rules.severities()) {
    severity_rank.emplace(s.id, s.rank);
    for (const std::string& alias : s.aliases) severity_rank.emplace(alias, s.rank);
  }
  severity_count = static_cast<int>(rules.severities().size());

  const auto& roles = rules.roles();
  for (std::size_t i = 0; i < roles.size(); ++i)
    role_index.emplace(roles[i].id, static_cast<int>(i));
  role_next.assign(roles.size(), kNone);
  std::vector<bool> has_lower(roles.size(), false);
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (!roles[i].escalates_to) continue;
    const int next = role_index.at(*roles[i].escalates_to);
    role_next[i] = next;
    has_lower[static_cast<std::size_t>(next)] = true;
  }
  for (std::size_t i = 0; i < roles.size() && bottom_role == kNone; ++i)
    if (!has_lower[i]) bottom_role = static_cast<int>(i);

  const auto& all = rules.policies();
  policies.resize(all.size());
  for (std::size_t p = 0; p < all.size(); ++p) {
    const Policy& policy = all[p];
    PolicyPlan& out = policies[p];
    out.policy = &policy;
    policy_index.emplace(policy.id, static_cast<int>(p));
    for (const Tier& tier : policy.tiers)
      out.tier_calendar.push_back(&rules.calendar(tier.calendar));

    const std::size_t tiers = policy.tiers.size();
    out.targets.resize(policy.targets.size());
    for (std::size_t i = 0; i < policy.targets.size(); ++i) {
      const TargetRule& rule = policy.targets[i];
      TargetPlan& t = out.targets[i];
      t.rule = &rule;
      t.clock = resolve_clock(rule.clock, out, *this);
      t.periodic = rule.goal.periodic();
      t.optional = rule.optional;
      t.restart_on_change = rule.on_severity_change == OnSeverityChange::restart;
      if (rule.goal.shape() == Goal::Shape::due_of_target)
        t.due_of = target_index(policy, rule.goal.due_of());
      t.cell.assign(tiers * static_cast<std::size_t>(severity_count), kNone);
      for (const Goal::Cell& cell : rule.goal.cells()) {
        const int tier = out.tier_index(cell.tier);
        const int severity = severity_rank.at(cell.severity);
        t.cell[static_cast<std::size_t>(tier * severity_count + severity)] =
            static_cast<int>(t.cells.size());
        t.cells.push_back(&cell.durations);
      }
      switch (rule.start.kind) {
        case Condition::Kind::event:
          if (rule.start.name == "created") {
            t.start = TargetPlan::Start::created;
          } else {
            t.start = TargetPlan::Start::event;
            t.start_ref = intern(out, rule.start.name);
            on_event(out, rule.start.name, {EventEffect::Kind::start, static_cast<int>(i), 0});
          }
          break;
        case Condition::Kind::met:
          t.start = TargetPlan::Start::met;
          t.start_ref = target_index(policy, rule.start.name);
          break;
        case Condition::Kind::breached:
          t.start = TargetPlan::Start::breached;
          t.start_ref = target_index(policy, rule.start.name);
          break;
      }
      const int self = static_cast<int>(i);
      for (const Condition& stop : rule.stop)
        if (stop.kind == Condition::Kind::event)
          on_event(out, stop.name, {EventEffect::Kind::stop, self, 0});
      for (const auto& type : rule.pause) on_event(out, type, {EventEffect::Kind::pause, self, 0});
      for (const auto& type : rule.resume)
        on_event(out, type, {EventEffect::Kind::resume, self, 0});
      for (const auto& type : rule.restart)
        on_event(out, type, {EventEffect::Kind::restart, self, 0});
      int slots = 1;
      for (std::size_t l = 0; l < rule.escalation.size(); ++l) {
        t.levels.push_back(compile_level(rule.escalation[l], t, out, *this, slots));
        if (t.levels.back().kind == EscalationTrigger::Kind::on_event)
          on_event(out, rule.escalation[l].trigger.event,
                   {EventEffect::Kind::level, self, static_cast<int>(l)});
      }
      t.slot_count = slots;
    }
    out.refresh_order = due_order(out.targets);
    // Who waits on whose outcome.
    for (std::size_t i = 0; i < policy.targets.size(); ++i) {
      const TargetRule& rule = policy.targets[i];
      const int self = static_cast<int>(i);
      TargetPlan& t = out.targets[i];
      if (t.start == TargetPlan::Start::met)
        out.targets[static_cast<std::size_t>(t.start_ref)].start_on_met.push_back(self);
      if (t.start == TargetPlan::Start::breached)
        out.targets[static_cast<std::size_t>(t.start_ref)].start_on_breached.push_back(self);
      for (const Condition& stop : rule.stop) {
        if (stop.kind == Condition::Kind::event) continue;
        auto& x = out.targets[static_cast<std::size_t>(target_index(policy, stop.name))];
        (stop.kind == Condition::Kind::met ? x.stop_on_met : x.stop_on_breached).push_back(self);
      }
    }
  }
}

}  // namespace sla::engine
