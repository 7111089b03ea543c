// Evaluations and schedules as JSON (sla/json.hpp; schema/evaluation.schema.json and
// schema/schedule.schema.json say the same formally).
#include <fmt/format.h>

#include "json/json_writer.hpp"
#include "sla/json.hpp"
#include "sla/words.hpp"
#include "time/time_text.hpp"

namespace sla {
namespace {

using json::JsonWriter;

// Writes optional instants as text in `zone` (UTC when there is none), or null.
class TimeFields {
 public:
  TimeFields(JsonWriter& w, const TimeZone* zone) : w_(w), zone_(zone) {}

  void local(std::string_view name, std::optional<Instant> t) {
    w_.key(name);
    if (!t) {
      w_.null();
    } else if (zone_ != nullptr) {
      w_.plain_string([&](std::string& out) { detail::append_instant(out, *t, *zone_); });
    } else {
      w_.plain_string([&](std::string& out) { detail::append_utc(out, *t); });
    }
  }

  void utc(std::string_view name, std::optional<Instant> t) {
    w_.key(name);
    if (!t)
      w_.null();
    else
      w_.plain_string([&](std::string& out) { detail::append_utc(out, *t); });
  }

 private:
  JsonWriter& w_;
  const TimeZone* zone_;
};

void write_name_or_null(JsonWriter& w, std::string_view name, std::string_view value) {
  w.key(name);
  if (value.empty())
    w.null();
  else
    w.value(value);
}

void write_actions(JsonWriter& w, const EscalationLevel& level) {
  using Kind = EscalationAction::Kind;
  w.key("actions").begin_array();
  for (const EscalationAction& a : level.actions) {
    w.begin_object();
    switch (a.kind) {
      case Kind::notify:
        w.key("notify").begin_array();
        for (const auto& role : a.roles) w.value(role);
        w.end_array();
        break;
      case Kind::escalate:
        w.field("escalate", a.steps);
        break;
      case Kind::raise_severity:
        w.field("raise_severity", a.steps);
        break;
      case Kind::set_severity:
        w.field("set_severity", a.name);
        break;
      case Kind::action:
        w.field("action", a.name);
        break;
    }
    w.end_object();
  }
  w.end_array();
}

void write_diagnostics(JsonWriter& w, const std::vector<EvaluationDiagnostic>& diagnostics) {
  w.key("diagnostics").begin_array();
  for (const auto& d : diagnostics) {
    w.begin_object();
    w.field("severity", d.severity == EvaluationDiagnostic::Severity::error ? "error" : "warning");
    w.key("event");
    if (d.event < 0)
      w.null();
    else
      w.value(d.event);
    w.field("code", d.code).field("message", d.message).end_object();
  }
  w.end_array();
}

void write_target(JsonWriter& w, const Evaluation& e, const TargetOutcome& t) {
  TimeFields times(w, t.zone);
  w.begin_object();
  w.field("id", t.id).field("cycle", t.cycle).field("state", to_string(t.state));
  times.local("started", t.started);
  times.local("stopped", t.stopped);
  times.local("due", t.due);
  times.utc("due_utc", t.due);
  times.local("breached_at", t.breached_at);
  w.field("goal_s", static_cast<long long>(t.goal.count()));
  w.field("elapsed_s", static_cast<long long>(t.elapsed.count()));
  w.field("remaining_s", static_cast<long long>(t.remaining.count()));
  w.key("percent");
  if (t.percent)
    w.value(*t.percent);
  else
    w.null();
  w.key("escalations").begin_array();
  for (const EscalationOutcome& l : e.escalations_of(t)) {
    w.begin_object();
    w.field("level", l.level).field("trigger", to_string(l.rule->trigger));
    times.local("at", l.at);
    w.field("fired", l.fired);
    write_actions(w, *l.rule);
    write_name_or_null(w, "assignee", l.fired ? l.assignee : std::string_view{});
    write_name_or_null(w, "severity", l.fired ? l.severity : std::string_view{});
    if (l.severity_effect != SeverityEffect::none)
      w.field("severity_effect", to_string(l.severity_effect));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void append_json(const Evaluation& e, std::string& out) {
  JsonWriter w(out);
  TimeFields times(w, e.zone);
  w.begin_object();
  w.field("ticket", e.ticket).field("ok", e.ok());
  write_name_or_null(w, "policy", e.policy);
  write_name_or_null(w, "tier", e.tier);
  write_name_or_null(w, "severity", e.severity);
  write_name_or_null(w, "assignee", e.assignee);
  times.local("now", e.now);
  times.local("next_wakeup", e.next_wakeup);
  write_diagnostics(w, e.diagnostics);
  w.key("targets").begin_array();
  for (const TargetOutcome& t : e.targets) write_target(w, e, t);
  w.end_array();
  w.end_object();
}

std::string to_json(const Evaluation& evaluation) {
  std::string out;
  append_json(evaluation, out);
  return out;
}

std::string to_json(const Schedule& s) {
  std::string out;
  JsonWriter w(out);
  TimeFields created(w, s.zone);
  w.begin_object().field("ok", s.ok());
  write_name_or_null(w, "policy", s.policy);
  write_name_or_null(w, "tier", s.tier);
  write_name_or_null(w, "severity", s.severity);
  created.local("created", s.created);
  write_diagnostics(w, s.diagnostics);
  w.key("targets").begin_array();
  for (const ScheduledTarget& t : s.targets) {
    TimeFields times(w, t.zone);
    w.begin_object().field("id", t.id);
    times.local("start", t.start);
    times.local("due", t.due);
    times.utc("due_utc", t.due);
    w.field("goal_s", static_cast<long long>(t.goal.count()));
    w.key("escalations").begin_array();
    for (const ScheduledLevel& l : s.levels_of(t)) {
      w.begin_object().field("level", l.level).field("trigger", to_string(l.rule->trigger));
      times.local("at", l.at);
      write_actions(w, *l.rule);
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return out;
}

}  // namespace sla
