#include "engine_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "sla/duration_spec.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"
#include "sla/words.hpp"

namespace sla::cli {
namespace {

std::string time_text(std::optional<Instant> t, const TimeZone* zone) {
  if (!t) return "-";
  return format_instant(*t, zone != nullptr ? *zone : TimeZone::utc());
}

std::string seconds_text(Seconds s) { return DurationSpec::business_time(s).to_string(); }

std::string actions_text(const EscalationLevel& level) {
  std::vector<std::string> parts;
  for (const auto& a : level.actions) {
    switch (a.kind) {
      case EscalationAction::Kind::notify:
        parts.push_back(fmt::format("notify {}", fmt::join(a.roles, ", ")));
        break;
      case EscalationAction::Kind::escalate:
        parts.push_back(fmt::format("escalate {}", a.steps));
        break;
      case EscalationAction::Kind::raise_severity:
        parts.push_back(fmt::format("raise severity {}", a.steps));
        break;
      case EscalationAction::Kind::set_severity:
        parts.push_back(fmt::format("set severity {}", a.name));
        break;
      case EscalationAction::Kind::action:
        parts.push_back(fmt::format("action {}", a.name));
        break;
    }
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::size_t id_width(auto const& targets) {
  std::size_t width = 6;
  for (const auto& t : targets) width = std::max(width, t.id.size());
  return width;
}

}  // namespace

const TimeZone& tier_zone(const RuleSet& rules, std::string_view policy, std::string_view tier) {
  const Policy* p = rules.find_policy(policy);
  if (p == nullptr) throw Error(fmt::format("--policy: the rules have no policy '{}'", policy));
  const Tier* t = p->find_tier(tier);
  if (t == nullptr) {
    std::vector<std::string_view> ids;
    for (const Tier& x : p->tiers) ids.push_back(x.id);
    throw Error(fmt::format("--tier: policy '{}' has no tier '{}' (its tiers: {})", policy, tier,
                            fmt::join(ids, ", ")));
  }
  return rules.calendar(t->calendar).time_zone();
}

void print_schedule(const Schedule& s, const RuleSet& rules, std::ostream& out) {
  out << fmt::format("policy {}, tier {}, severity {}, created {}\n", s.policy, s.tier, s.severity,
                     time_text(s.created, s.zone));
  const Policy* policy = rules.find_policy(s.policy);
  const std::size_t w = id_width(s.targets);
  for (const ScheduledTarget& t : s.targets) {
    if (!t.start) {
      const TargetRule* rule = policy->find_target(t.id);
      out << fmt::format("  {:<{}}  waits for {}\n", t.id, w, to_string(rule->start));
      continue;
    }
    out << fmt::format("  {:<{}}  due {}  (started {}, goal {})\n", t.id, w,
                       time_text(t.due, t.zone), time_text(t.start, t.zone), seconds_text(t.goal));
    for (const ScheduledLevel& l : s.levels_of(t))
      out << fmt::format(
          "  {:<{}}    level {} {:<20} {}  {}\n", "", w, l.level, to_string(l.rule->trigger),
          l.at ? time_text(l.at, t.zone) : std::string("on its event"), actions_text(*l.rule));
  }
}

void print_evaluation(const Evaluation& e, std::ostream& out) {
  out << fmt::format("ticket {}: policy {}, tier {}, severity {}, assignee {}\n",
                     e.ticket.empty() ? "-" : e.ticket, e.policy, e.tier,
                     e.severity.empty() ? "-" : e.severity, e.assignee.empty() ? "-" : e.assignee);
  out << fmt::format("now {}, next wakeup {}\n", time_text(e.now, e.zone),
                     e.next_wakeup ? time_text(e.next_wakeup, e.zone) : "none");
  const std::size_t w = id_width(e.targets);
  for (const TargetOutcome& t : e.targets) {
    std::string line = fmt::format("  {:<{}} #{} {:<9}", t.id, w, t.cycle, to_string(t.state));
    if (t.due) line += fmt::format(" due {}", time_text(t.due, t.zone));
    if (t.stopped) line += fmt::format(" stopped {}", time_text(t.stopped, t.zone));
    if (t.breached_at) line += fmt::format(" breached at {}", time_text(t.breached_at, t.zone));
    if (t.started)
      line += fmt::format(" elapsed {} remaining {}", seconds_text(t.elapsed),
                          seconds_text(t.remaining));
    out << line << '\n';
    for (const EscalationOutcome& l : e.escalations_of(t)) {
      std::string when = l.fired ? fmt::format("fired {}", time_text(l.at, t.zone))
                         : l.at  ? fmt::format("at {}", time_text(l.at, t.zone))
                                 : std::string("not scheduled");
      std::string effect;
      if (l.fired && !l.assignee.empty()) effect += fmt::format(" -> assignee {}", l.assignee);
      if (l.severity_effect == SeverityEffect::changed)
        effect += fmt::format(", severity {}", l.severity);
      if (l.severity_effect == SeverityEffect::unchanged)
        effect += fmt::format(", severity stays {}", l.severity);
      out << fmt::format("  {:<{}}    level {} {:<20} {}  {}{}\n", "", w, l.level,
                         to_string(l.rule->trigger), when, actions_text(*l.rule), effect);
    }
  }
  const std::size_t ow = id_width(e.obligations);
  for (const ObligationOutcome& o : e.obligations) {
    std::string line =
        fmt::format("  {:<{}} #{} {:<9} {} .. due {}", o.id, ow, o.period, to_string(o.state),
                    time_text(o.start, o.zone), time_text(o.due, o.zone));
    if (o.met_at) line += fmt::format(" met at {}", time_text(o.met_at, o.zone));
    out << line << '\n';
  }
  // A diagnostic about an event names the event in its message ("event 3 ('key_period') ...").
  for (const auto& d : e.diagnostics)
    out << fmt::format("{}: {}\n",
                       d.severity == EvaluationDiagnostic::Severity::error ? "error" : "warning",
                       d.message);
}

}  // namespace sla::cli
