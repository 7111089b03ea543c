// sla._core.Engine: one ticket as JSON text (the formats of sla/json.hpp, so a Python dict
// gets exactly what `sla evaluate --json` prints), and a table of tickets as columns.
//
// evaluate_columns() is what sla.Engine.evaluate_frame runs on. Tickets arrive as columns:
// creation instants (epoch seconds), and policy / tier / severity / assignee as integer codes
// into small lists of distinct strings (pandas categorical codes; -1 = none). Events arrive
// flattened, grouped by ticket: ticket i owns events [event_offsets[i], event_offsets[i+1]).
// One Ticket and one Evaluation are reused for every row, so the loop allocates only to grow
// the output columns; it runs with the GIL released. Names in the output (targets, tiers,
// severities, assignees) are codes into one interned list, `names`.
#include <pybind11/stl.h>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "sla/engine.hpp"
#include "sla/error.hpp"
#include "sla/json.hpp"
#include "sla/words.hpp"

namespace sla::python {
namespace {

constexpr int kStateCount = static_cast<int>(TargetState::not_applicable) + 1;

std::vector<std::string> state_names() {
  std::vector<std::string> names;
  for (int s = 0; s < kStateCount; ++s) names.emplace_back(to_string(static_cast<TargetState>(s)));
  return names;
}

std::int64_t epoch_or_nat(const std::optional<Instant>& t) { return t ? to_epoch(*t) : kNaT; }

// Evaluates a ticket given as JSON. Returns (result JSON, "") or ("", why the ticket or the
// instant is unusable). `now` is the argument, else the ticket's own "now"; both given and
// different is an error rather than a silent choice.
std::pair<std::string, std::string> evaluate_json(const Engine& engine, std::string_view text,
                                                  std::optional<std::int64_t> now_arg) {
  py::gil_scoped_release release;
  const TicketJson parsed = parse_ticket_json(text);
  if (!parsed.ticket) return {"", parsed.error};
  std::optional<Instant> now = parsed.now;
  if (now_arg) {
    if (now && *now != to_instant(*now_arg))
      return {"", "now: the ticket's own \"now\" differs from the now argument"};
    now = to_instant(*now_arg);
  }
  if (!now) return {"", "now: give a now argument (or a \"now\" in the ticket)"};
  return {to_json(engine.evaluate(*parsed.ticket, *now)), ""};
}

std::string due_json(const Engine& engine, std::string_view policy, std::string_view tier,
                     std::string_view severity, std::int64_t created) {
  py::gil_scoped_release release;
  return to_json(engine.due(policy, tier, severity, to_instant(created)));
}

// Interns the rule set's names (views into the Engine's RuleSet) as small integer codes.
class Names {
 public:
  std::int32_t code(std::string_view name) {
    if (name.empty()) return -1;
    const auto [it, inserted] = index_.try_emplace(name, static_cast<std::int32_t>(list_.size()));
    if (inserted) list_.emplace_back(name);
    return it->second;
  }
  std::vector<std::string> take() { return std::move(list_); }

 private:
  std::unordered_map<std::string_view, std::int32_t> index_;
  std::vector<std::string> list_;
};

void check_codes(const Array<std::int32_t>& codes, std::size_t count, const char* what,
                 bool allow_none) {
  const auto c = codes.unchecked<1>();
  for (py::ssize_t i = 0; i < c.shape(0); ++i) {
    const std::int32_t v = c(i);
    if (v >= static_cast<std::int64_t>(count) || v < (allow_none ? -1 : 0))
      throw py::value_error(std::string(what) + ": code " + std::to_string(v) + " at row " +
                            std::to_string(i) + " is out of range");
  }
}

void check_length(py::ssize_t actual, py::ssize_t expected, const char* what) {
  if (actual != expected)
    throw py::value_error(std::string(what) + ": " + std::to_string(actual) + " values, expected " +
                          std::to_string(expected));
}

struct Columns {
  // One entry per (ticket, target, cycle).
  std::vector<std::int64_t> row;
  std::vector<std::int32_t> target, cycle;
  std::vector<std::int8_t> state;
  std::vector<std::int64_t> started, stopped, due, breached_at, goal, elapsed, remaining;
  std::vector<double> percent;
  // One entry per ticket: the state at `now`.
  std::vector<std::int32_t> tier_now, severity_now, assignee_now;
  std::vector<std::int64_t> next_wakeup;
  std::vector<bool> ok;
  // Diagnostics (usually few): row, event index (-1 = the ticket), severity, code, message.
  std::vector<std::tuple<std::int64_t, int, std::string, std::string, std::string>> diagnostics;
};

py::dict evaluate_columns(
    const Engine& engine, std::int64_t now, const Array<std::int64_t>& created_array,
    const Array<std::int32_t>& policy_codes, const std::vector<std::string>& policies,
    const Array<std::int32_t>& tier_codes, const std::vector<std::string>& tiers,
    const Array<std::int32_t>& severity_codes, const std::vector<std::string>& severities,
    const Array<std::int32_t>& assignee_codes, const std::vector<std::string>& assignees,
    const Array<std::int64_t>& event_offsets, const Array<std::int64_t>& event_at,
    const Array<std::int32_t>& event_type_codes, const std::vector<std::string>& event_types,
    const Array<std::int32_t>& event_to_codes, const std::vector<std::string>& event_tos) {
  const auto created = created_array.unchecked<1>();
  const py::ssize_t n = created.shape(0);
  check_length(policy_codes.shape(0), n, "policy");
  check_length(tier_codes.shape(0), n, "tier");
  check_length(severity_codes.shape(0), n, "severity");
  check_length(assignee_codes.shape(0), n, "assignee");
  check_length(event_offsets.shape(0), n + 1, "event_offsets");
  check_codes(policy_codes, policies.size(), "policy", false);
  check_codes(tier_codes, tiers.size(), "tier", false);
  check_codes(severity_codes, severities.size(), "severity", false);
  check_codes(assignee_codes, assignees.size(), "assignee", true);
  const py::ssize_t m = event_at.shape(0);
  check_length(event_type_codes.shape(0), m, "event type");
  check_length(event_to_codes.shape(0), m, "event to");
  check_codes(event_type_codes, event_types.size(), "event type", false);
  check_codes(event_to_codes, event_tos.size(), "event to", true);
  const auto offsets = event_offsets.unchecked<1>();
  for (py::ssize_t i = 0; i < n; ++i)
    if (offsets(i) < 0 || offsets(i) > offsets(i + 1) || offsets(i + 1) > m)
      throw py::value_error("event_offsets: not a non-decreasing split of the events at row " +
                            std::to_string(i));
  for (py::ssize_t i = 0; i < n; ++i)
    if (created(i) == kNaT) throw py::value_error("created: NaT at row " + std::to_string(i));
  const auto at = event_at.unchecked<1>();
  for (py::ssize_t e = 0; e < m; ++e)
    if (at(e) == kNaT) throw py::value_error("event at: NaT at event " + std::to_string(e));

  const auto pc = policy_codes.unchecked<1>();
  const auto tc = tier_codes.unchecked<1>();
  const auto sc = severity_codes.unchecked<1>();
  const auto ac = assignee_codes.unchecked<1>();
  const auto ec = event_type_codes.unchecked<1>();
  const auto eto = event_to_codes.unchecked<1>();

  Columns out;
  Names names;
  {
    py::gil_scoped_release release;
    Ticket ticket;
    Evaluation evaluation;
    const Instant now_instant = to_instant(now);
    for (py::ssize_t i = 0; i < n; ++i) {
      ticket.policy.assign(policies[static_cast<std::size_t>(pc(i))]);
      ticket.tier.assign(tiers[static_cast<std::size_t>(tc(i))]);
      ticket.severity.assign(severities[static_cast<std::size_t>(sc(i))]);
      if (ac(i) < 0)
        ticket.assignee.clear();
      else
        ticket.assignee.assign(assignees[static_cast<std::size_t>(ac(i))]);
      ticket.created = to_instant(created(i));
      const py::ssize_t first = offsets(i);
      ticket.events.resize(static_cast<std::size_t>(offsets(i + 1) - first));
      for (std::size_t k = 0; k < ticket.events.size(); ++k) {
        const py::ssize_t e = first + static_cast<py::ssize_t>(k);
        TicketEvent& event = ticket.events[k];
        event.at = to_instant(at(e));
        event.type.assign(event_types[static_cast<std::size_t>(ec(e))]);
        if (eto(e) < 0)
          event.to.clear();
        else
          event.to.assign(event_tos[static_cast<std::size_t>(eto(e))]);
      }
      engine.evaluate(ticket, now_instant, evaluation);

      out.tier_now.push_back(names.code(evaluation.tier));
      out.severity_now.push_back(names.code(evaluation.severity));
      out.assignee_now.push_back(names.code(evaluation.assignee));
      out.next_wakeup.push_back(epoch_or_nat(evaluation.next_wakeup));
      out.ok.push_back(evaluation.ok());
      for (const EvaluationDiagnostic& d : evaluation.diagnostics)
        out.diagnostics.emplace_back(
            i, d.event, d.severity == EvaluationDiagnostic::Severity::error ? "error" : "warning",
            d.code, d.message);
      for (const TargetOutcome& t : evaluation.targets) {
        out.row.push_back(i);
        out.target.push_back(names.code(t.id));
        out.cycle.push_back(t.cycle);
        out.state.push_back(static_cast<std::int8_t>(t.state));
        out.started.push_back(epoch_or_nat(t.started));
        out.stopped.push_back(epoch_or_nat(t.stopped));
        out.due.push_back(epoch_or_nat(t.due));
        out.breached_at.push_back(epoch_or_nat(t.breached_at));
        out.goal.push_back(t.goal.count());
        out.elapsed.push_back(t.elapsed.count());
        out.remaining.push_back(t.remaining.count());
        out.percent.push_back(t.percent ? *t.percent : std::nan(""));
      }
    }
  }

  py::dict result;
  result["row"] = to_numpy(std::move(out.row));
  result["target"] = to_numpy(std::move(out.target));
  result["cycle"] = to_numpy(std::move(out.cycle));
  result["state"] = to_numpy(std::move(out.state));
  result["started"] = to_numpy(std::move(out.started));
  result["stopped"] = to_numpy(std::move(out.stopped));
  result["due"] = to_numpy(std::move(out.due));
  result["breached_at"] = to_numpy(std::move(out.breached_at));
  result["goal"] = to_numpy(std::move(out.goal));
  result["elapsed"] = to_numpy(std::move(out.elapsed));
  result["remaining"] = to_numpy(std::move(out.remaining));
  result["percent"] = to_numpy(std::move(out.percent));
  result["tier_now"] = to_numpy(std::move(out.tier_now));
  result["severity_now"] = to_numpy(std::move(out.severity_now));
  result["assignee_now"] = to_numpy(std::move(out.assignee_now));
  result["next_wakeup"] = to_numpy(std::move(out.next_wakeup));
  py::array_t<bool> ok(static_cast<py::ssize_t>(out.ok.size()));
  auto ok_view = ok.mutable_unchecked<1>();
  for (std::size_t i = 0; i < out.ok.size(); ++i) ok_view(static_cast<py::ssize_t>(i)) = out.ok[i];
  result["ok"] = ok;
  result["diagnostics"] = out.diagnostics;
  result["names"] = names.take();
  return result;
}

}  // namespace

void bind_engine(py::module_& m) {
  py::class_<Engine>(m, "Engine")
      .def(py::init<RuleSet>(), py::arg("rules"), py::call_guard<py::gil_scoped_release>())
      .def("evaluate_json", &evaluate_json, py::arg("ticket"), py::arg("now") = py::none())
      .def("due_json", &due_json, py::arg("policy"), py::arg("tier"), py::arg("severity"),
           py::arg("created"))
      .def("evaluate_columns", &evaluate_columns, py::arg("now"), py::arg("created"),
           py::arg("policy_codes"), py::arg("policies"), py::arg("tier_codes"), py::arg("tiers"),
           py::arg("severity_codes"), py::arg("severities"), py::arg("assignee_codes"),
           py::arg("assignees"), py::arg("event_offsets"), py::arg("event_at"),
           py::arg("event_type_codes"), py::arg("event_types"), py::arg("event_to_codes"),
           py::arg("event_tos"));
  m.attr("TARGET_STATES") = state_names();
}

}  // namespace sla::python
