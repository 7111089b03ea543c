// Recurring obligations (sla/obligation.hpp, sla/engine.hpp "Obligations"): periods cut by hand-
// worked examples, then against a brute-force reference that steps through civil dates one day
// at a time.
//
// Calendars: cn-office (Asia/Shanghai, +08:00 all year; Mon–Fri 09:00–12:00 and 13:00–18:00;
// National Day 2026-10-01..07 closed; Saturday 2026-10-10 a make-up working day), ny-office
// (America/New_York: EST -05:00, EDT -04:00 from 2026-03-08 to 2026-11-01; Mon–Fri 09–17) and
// asuncion (America/Asuncion, whose clocks went from 2023-10-01 00:00 -04:00 straight to 01:00
// -03:00: that local midnight does not exist). Every expected instant is worked out in the
// comment beside it.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "reference_calendar.hpp"
#include "sla/sla.hpp"

namespace {

using sla::ObligationState;
using namespace std::chrono;

constexpr const char* kRules = R"(
version: 1
calendars:
  cn-office:
    time_zone: Asia/Shanghai
    hours: {mon-fri: ["09:00-12:00", "13:00-18:00"]}
    holidays: [{from: 2026-10-01, to: 2026-10-07, name: National Day}]
    workdays: [2026-10-10]
  ny-office: {time_zone: America/New_York, hours: {mon-fri: ["09:00-17:00"]}}
  asuncion: {time_zone: America/Asuncion, hours: {mon-fri: ["09:00-17:00"]}}
severities: [{id: sev1}]
policies:
  - id: quarterly
    tiers: {B: {calendar: cn-office}, US: {calendar: ny-office}, PY: {calendar: asuncion}}
    obligations:
      inspection: {every: quarter, met_by: [inspection_done, audit_done], until: contract_ended}
  - id: monthly
    tiers: {B: {calendar: cn-office}, US: {calendar: ny-office}}
    obligations: {report: {every: month, met_by: report_delivered}}
  - id: half_yearly
    tiers: {B: {calendar: cn-office}}
    obligations: {evaluation: {every: half_year, met_by: evaluation_delivered}}
  - id: yearly
    tiers: {B: {calendar: cn-office}}
    obligations: {audit: {every: year, met_by: audit_done}}
  - id: by_contract
    tiers: {B: {calendar: cn-office}}
    obligations:
      report: {every: month, anchor: contract, met_by: report_delivered}
      inspection: {every: quarter, anchor: contract, met_by: inspection_done}
  - id: durations
    tiers: {B: {calendar: cn-office}, US: {calendar: ny-office}}
    obligations:
      scan: {every: 90cd, anchor: contract, met_by: scan_done}
      review: {every: 20bd, anchor: contract, met_by: review_done}
  - id: daily
    tiers: {B: {calendar: cn-office}}
    obligations: {check: {every: 1cd, anchor: contract, met_by: checked}}
  - id: key_periods
    tiers: {B: {calendar: cn-office}}
    obligations:
      three_days: {before: key_period, lead: 3cd, met_by: inspection_done}
      two_business_days: {before: key_period, lead: 2bd, met_by: inspection_done}
      four_hours: {before: key_period, lead: 4h, met_by: inspection_done}
      at_midnight: {before: key_period, met_by: inspection_done, until: contract_ended}
  - id: own_calendar
    tiers: {B: {calendar: cn-office}}
    obligations: {report: {every: month, met_by: report_delivered, calendar: ny-office}}
  - id: mixed
    tiers: {B: {calendar: cn-office}}
    targets: {fix: {start: created, stop: resolved, goal: 4h}}
    obligations: {inspection: {every: quarter, met_by: inspection_done}}
)";

const sla::Engine& engine() {
  static const sla::Engine e = [] {
    auto loaded = sla::load_rules_from_string(kRules, "obligations.yaml");
    for (const auto& d : loaded.diagnostics) FAIL(d.to_string());
    return sla::Engine(*loaded.rules);
  }();
  return e;
}

sla::Instant at(const std::string& text) {  // with an offset, or Shanghai local time
  return sla::parse_instant(text, sla::TimeZone::locate("Asia/Shanghai"));
}

sla::Ticket contract(std::string policy, std::string created, std::string tier = "B") {
  sla::Ticket t;
  t.policy = std::move(policy);
  t.tier = std::move(tier);
  t.created = at(created);
  return t;
}

void event(sla::Ticket& t, const std::string& when, std::string type, std::string to = {}) {
  t.events.push_back({at(when), std::move(type), std::move(to)});
}

// One period as a line: "2 missed 2027-01-01T00:00:00+08:00 .. 2027-04-01T00:00:00+08:00
// breached 2027-04-01T00:00:00+08:00", times in the obligation's zone.
std::string line(const sla::ObligationOutcome& o) {
  const auto show = [&](sla::Instant t) { return sla::format_instant(t, *o.zone); };
  std::string s = std::to_string(o.period) + " " + std::string(sla::to_string(o.state)) + " " +
                  show(o.start) + " .. " + show(o.due);
  if (o.met_at) s += " met " + show(*o.met_at);
  if (o.breached_at) s += " breached " + show(*o.breached_at);
  return s;
}

std::vector<std::string> periods(const sla::Evaluation& e, std::string_view id) {
  INFO(e.diagnostics.size() << " diagnostics");
  for (const auto& d : e.diagnostics) UNSCOPED_INFO(d.code << ": " << d.message);
  std::vector<std::string> out;
  for (const auto& o : e.obligations)
    if (o.id == id) out.push_back(line(o));
  return out;
}

std::string wakeup(const sla::Evaluation& e) {
  return e.next_wakeup ? sla::format_instant(*e.next_wakeup, *e.obligations.front().zone)
                       : std::string("none");
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("Obligations are read into the policy as written", "[obligations][rules]") {
  const sla::Policy& p = *engine().rules().find_policy("key_periods");
  REQUIRE(p.obligations.size() == 4);
  const sla::Obligation& cd = p.obligations[0];
  CHECK(cd.id == "three_days");
  CHECK(cd.kind == sla::Obligation::Kind::dated);
  CHECK(cd.before == "key_period");
  CHECK(cd.lead == sla::DurationSpec::calendar_days(3));
  CHECK(cd.met_by == std::vector<std::string>{"inspection_done"});
  const sla::Obligation& q =
      *engine().rules().find_policy("quarterly")->find_obligation("inspection");
  CHECK(q.kind == sla::Obligation::Kind::periodic);
  CHECK(q.every == sla::ObligationPeriod::quarter());
  CHECK(q.anchor == sla::ObligationAnchor::calendar);
  CHECK(q.met_by == std::vector<std::string>{"inspection_done", "audit_done"});
  CHECK(q.until == std::vector<std::string>{"contract_ended"});
  CHECK(q.calendar.empty());
  const sla::Obligation& scan = *engine().rules().find_policy("durations")->find_obligation("scan");
  CHECK(scan.every == sla::ObligationPeriod::of(sla::DurationSpec::calendar_days(90)));
  CHECK(scan.every.to_string() == "90cd");
  CHECK(scan.anchor == sla::ObligationAnchor::contract);
  CHECK(engine().rules().find_policy("own_calendar")->obligations[0].calendar == "ny-office");
}

TEST_CASE("Calendar quarters: the first starts at the contract, the next at local midnight",
          "[obligations]") {
  sla::Ticket t = contract("quarterly", "2026-11-15T10:00");
  event(t, "2026-12-31T23:59:59", "inspection_done");  // the last second of Q4
  event(t, "2027-04-20T10:00", "audit_done");          // an audit counts too
  const auto e = engine().evaluate(t, at("2027-05-02T12:00"));
  CHECK(e.ok());
  CHECK(e.severity.empty());  // a contract ticket has none
  CHECK(periods(e, "inspection") ==
        Lines{"1 met 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00 met "
              "2026-12-31T23:59:59+08:00",
              "2 missed 2027-01-01T00:00:00+08:00 .. 2027-04-01T00:00:00+08:00 breached "
              "2027-04-01T00:00:00+08:00",
              "3 met 2027-04-01T00:00:00+08:00 .. 2027-07-01T00:00:00+08:00 met "
              "2027-04-20T10:00:00+08:00"});
  CHECK(wakeup(e) == "2027-07-01T00:00:00+08:00");  // Q3 starts
}

TEST_CASE("Months, half years and years run across the year's end", "[obligations]") {
  sla::Ticket m = contract("monthly", "2026-12-15T09:00");
  event(m, "2027-01-31T18:00", "report_delivered");
  CHECK(periods(engine().evaluate(m, at("2027-02-03T12:00")), "report") ==
        Lines{"1 missed 2026-12-15T09:00:00+08:00 .. 2027-01-01T00:00:00+08:00 breached "
              "2027-01-01T00:00:00+08:00",
              "2 met 2027-01-01T00:00:00+08:00 .. 2027-02-01T00:00:00+08:00 met "
              "2027-01-31T18:00:00+08:00",
              "3 running 2027-02-01T00:00:00+08:00 .. 2027-03-01T00:00:00+08:00"});

  const auto h = engine().evaluate(contract("half_yearly", "2026-05-05T10:00"), at("2027-01-09"));
  CHECK(periods(h, "evaluation") ==
        Lines{"1 missed 2026-05-05T10:00:00+08:00 .. 2026-07-01T00:00:00+08:00 breached "
              "2026-07-01T00:00:00+08:00",
              "2 missed 2026-07-01T00:00:00+08:00 .. 2027-01-01T00:00:00+08:00 breached "
              "2027-01-01T00:00:00+08:00",
              "3 running 2027-01-01T00:00:00+08:00 .. 2027-07-01T00:00:00+08:00"});

  const auto y = engine().evaluate(contract("yearly", "2026-03-01T00:00"), at("2027-02-01"));
  CHECK(periods(y, "audit") ==
        Lines{"1 missed 2026-03-01T00:00:00+08:00 .. 2027-01-01T00:00:00+08:00 breached "
              "2027-01-01T00:00:00+08:00",
              "2 running 2027-01-01T00:00:00+08:00 .. 2028-01-01T00:00:00+08:00"});
  CHECK(wakeup(y) == "2028-01-01T00:00:00+08:00");
}

TEST_CASE("Periods in a DST zone end at local midnight, whatever the offset", "[obligations]") {
  // New York: Q1 ends 2026-04-01 00:00 EDT, after the spring change; November (1 00:00 EDT to
  // December 1 00:00 EST) is 30 days and one hour long.
  const auto q = engine().evaluate(contract("quarterly", "2026-02-10T10:00:00-05:00", "US"),
                                   at("2026-11-20T12:00:00-05:00"));
  CHECK(periods(q, "inspection") ==
        Lines{"1 missed 2026-02-10T10:00:00-05:00 .. 2026-04-01T00:00:00-04:00 breached "
              "2026-04-01T00:00:00-04:00",
              "2 missed 2026-04-01T00:00:00-04:00 .. 2026-07-01T00:00:00-04:00 breached "
              "2026-07-01T00:00:00-04:00",
              "3 missed 2026-07-01T00:00:00-04:00 .. 2026-10-01T00:00:00-04:00 breached "
              "2026-10-01T00:00:00-04:00",
              "4 running 2026-10-01T00:00:00-04:00 .. 2027-01-01T00:00:00-05:00"});
  const auto m = engine().evaluate(contract("monthly", "2026-11-01T00:00:00-04:00", "US"),
                                   at("2026-11-20T12:00:00-05:00"));
  REQUIRE(m.obligations.size() == 1);
  CHECK(m.obligations[0].due - m.obligations[0].start == days{30} + hours{1});
  CHECK(sla::format_instant(m.obligations[0].due, sla::TimeZone::utc()) ==
        "2026-12-01T05:00:00+00:00");
}

TEST_CASE("A quarter boundary at a local midnight that does not exist starts when the gap ends",
          "[obligations]") {
  // Asuncion 2023-10-01: 00:00 -04:00 became 01:00 -03:00, so Q4 starts at 04:00Z.
  const auto e = engine().evaluate(contract("quarterly", "2023-08-15T10:00:00-04:00", "PY"),
                                   at("2023-10-02T12:00:00-03:00"));
  CHECK(periods(e, "inspection") ==
        Lines{"1 missed 2023-08-15T10:00:00-04:00 .. 2023-10-01T01:00:00-03:00 breached "
              "2023-10-01T01:00:00-03:00",
              "2 running 2023-10-01T01:00:00-03:00 .. 2024-01-01T00:00:00-03:00"});
  CHECK(sla::format_instant(e.obligations[0].due, sla::TimeZone::utc()) ==
        "2023-10-01T04:00:00+00:00");
}

TEST_CASE("Contract months count from the start's local date; the 31st clamps to a month's end",
          "[obligations]") {
  const auto e = engine().evaluate(contract("by_contract", "2026-01-31T10:00"), at("2026-05-01"));
  CHECK(periods(e, "report") ==
        Lines{"1 missed 2026-01-31T10:00:00+08:00 .. 2026-02-28T10:00:00+08:00 breached "
              "2026-02-28T10:00:00+08:00",
              "2 missed 2026-02-28T10:00:00+08:00 .. 2026-03-31T10:00:00+08:00 breached "
              "2026-03-31T10:00:00+08:00",  // from January 31st again, not from February 28th
              "3 missed 2026-03-31T10:00:00+08:00 .. 2026-04-30T10:00:00+08:00 breached "
              "2026-04-30T10:00:00+08:00",
              "4 running 2026-04-30T10:00:00+08:00 .. 2026-05-31T10:00:00+08:00"});
  // 2027-11-30 + 3 months = 2028-02-30, clamped to the leap day; + 6 months = 2028-05-30.
  const auto q = engine().evaluate(contract("by_contract", "2027-11-30T08:00"), at("2028-03-01"));
  CHECK(periods(q, "inspection") ==
        Lines{"1 missed 2027-11-30T08:00:00+08:00 .. 2028-02-29T08:00:00+08:00 breached "
              "2028-02-29T08:00:00+08:00",
              "2 running 2028-02-29T08:00:00+08:00 .. 2028-05-30T08:00:00+08:00"});
}

TEST_CASE("Periods of a duration: calendar days on the wall clock, business days on the calendar",
          "[obligations]") {
  // 2026-11-20 + 90 days = 2027-02-18 (10 days of November, 31 + 31 of December and January, 18).
  sla::Ticket cn = contract("durations", "2026-11-20T10:00");
  CHECK(periods(engine().evaluate(cn, at("2026-12-01")), "scan") ==
        Lines{"1 running 2026-11-20T10:00:00+08:00 .. 2027-02-18T10:00:00+08:00"});
  // In New York 90 × 24 h from 10:00 EST is 11:00 EDT on 2026-05-11.
  const auto ny = engine().evaluate(contract("durations", "2026-02-10T10:00:00-05:00", "US"),
                                    at("2026-03-01T12:00:00-05:00"));
  CHECK(periods(ny, "scan") ==
        Lines{"1 running 2026-02-10T10:00:00-05:00 .. 2026-05-11T11:00:00-04:00"});
  // 20 business days from Monday 2026-09-21 10:00: Sep 22–25 (4), 28–30 (7), National Day
  // closed, Oct 8, 9 and the make-up Saturday 10 (10), Oct 12–16 (15), 19–23 (20): Oct 23 10:00.
  // Then Oct 26–30, Nov 2–6, 9–13, 16–20: Nov 20 10:00.
  sla::Ticket review = contract("durations", "2026-09-21T10:00");
  event(review, "2026-10-23T10:00", "review_done");  // on the boundary: meets the first period
  CHECK(periods(engine().evaluate(review, at("2026-11-02")), "review") ==
        Lines{"1 met 2026-09-21T10:00:00+08:00 .. 2026-10-23T10:00:00+08:00 met "
              "2026-10-23T10:00:00+08:00",
              "2 running 2026-10-23T10:00:00+08:00 .. 2026-11-20T10:00:00+08:00"});
}

TEST_CASE("A contract whose periods would number over 100,000 fails with period_limit",
          "[obligations]") {
  // Daily from 1950-01-01: 100,000 days later is 2223-10-17. At 2200 the evaluation reports
  // every period (91,312: the last one running); at 2300 it refuses, naming the obligation,
  // and reports none, in bounded time and memory.
  const sla::Ticket t = contract("daily", "1950-01-01T00:00");
  const auto in_2200 = engine().evaluate(t, at("2200-01-01T12:00"));
  CHECK(in_2200.ok());
  REQUIRE(in_2200.obligations.size() == 91'312);
  CHECK(line(in_2200.obligations.back()) ==
        "91312 running 2200-01-01T00:00:00+08:00 .. 2200-01-02T00:00:00+08:00");
  const auto in_2300 = engine().evaluate(t, at("2300-01-01T12:00"));
  CHECK_FALSE(in_2300.ok());
  CHECK(in_2300.obligations.empty());
  CHECK_FALSE(in_2300.next_wakeup.has_value());
  REQUIRE(in_2300.diagnostics.size() == 1);
  CHECK(in_2300.diagnostics[0].code == "period_limit");
  CHECK(in_2300.diagnostics[0].message.find("obligation 'check' would report more than 100000") !=
        std::string::npos);
}

TEST_CASE("An event on a boundary meets the period ending there, and one period only",
          "[obligations]") {
  sla::Ticket t = contract("quarterly", "2026-11-15T10:00");
  event(t, "2027-01-01T00:00", "inspection_done");
  CHECK(periods(engine().evaluate(t, at("2027-04-01T00:00:01")), "inspection") ==
        Lines{"1 met 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00 met "
              "2027-01-01T00:00:00+08:00",
              "2 missed 2027-01-01T00:00:00+08:00 .. 2027-04-01T00:00:00+08:00 breached "
              "2027-04-01T00:00:00+08:00",
              "3 running 2027-04-01T00:00:00+08:00 .. 2027-07-01T00:00:00+08:00"});
  // A second event at the same instant meets the next period.
  event(t, "2027-01-01T00:00", "audit_done");
  CHECK(periods(engine().evaluate(t, at("2027-02-01")), "inspection") ==
        Lines{"1 met 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00 met "
              "2027-01-01T00:00:00+08:00",
              "2 met 2027-01-01T00:00:00+08:00 .. 2027-04-01T00:00:00+08:00 met "
              "2027-01-01T00:00:00+08:00"});
}

TEST_CASE(
    "A period runs up to its due instant, is missed the second after, and next_wakeup "
    "follows",
    "[obligations]") {
  const sla::Ticket t = contract("quarterly", "2026-11-15T10:00");
  const auto before = engine().evaluate(t, at("2026-12-31T23:59:59"));
  CHECK(periods(before, "inspection") ==
        Lines{"1 running 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00"});
  CHECK(wakeup(before) == "2027-01-01T00:00:00+08:00");
  // At the boundary: the first is still running (due now), the second has started.
  const auto boundary = engine().evaluate(t, at("2027-01-01T00:00"));
  CHECK(periods(boundary, "inspection") ==
        Lines{"1 running 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00",
              "2 running 2027-01-01T00:00:00+08:00 .. 2027-04-01T00:00:00+08:00"});
  CHECK(wakeup(boundary) == "2027-01-01T00:00:01+08:00");
  const auto after = engine().evaluate(t, at("2027-01-01T00:00:01"));
  CHECK(periods(after, "inspection")[0] ==
        "1 missed 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00 breached "
        "2027-01-01T00:00:00+08:00");
  CHECK(wakeup(after) == "2027-04-01T00:00:00+08:00");
  // Before the contract starts nothing is reported; it is looked at again when it starts.
  const auto early = engine().evaluate(t, at("2026-11-01"));
  CHECK(early.obligations.empty());
  REQUIRE(early.next_wakeup);
  CHECK(*early.next_wakeup == at("2026-11-15T10:00"));
}

TEST_CASE("No period starts at or after an until event; the current one runs to its end",
          "[obligations]") {
  sla::Ticket t = contract("quarterly", "2026-11-15T10:00");
  event(t, "2027-02-15T10:00", "contract_ended");
  const auto e = engine().evaluate(t, at("2027-05-01"));
  CHECK(periods(e, "inspection") ==
        Lines{"1 missed 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00 breached "
              "2027-01-01T00:00:00+08:00",
              "2 missed 2027-01-01T00:00:00+08:00 .. 2027-04-01T00:00:00+08:00 breached "
              "2027-04-01T00:00:00+08:00"});
  CHECK_FALSE(e.next_wakeup.has_value());
  // Ended exactly on a boundary: the period that would start then does not.
  sla::Ticket on_boundary = contract("quarterly", "2026-11-15T10:00");
  event(on_boundary, "2027-04-01T00:00", "inspection_done");
  event(on_boundary, "2027-04-01T00:00", "contract_ended");
  CHECK(periods(engine().evaluate(on_boundary, at("2027-05-01")), "inspection").size() == 2);
  // Not seen before it happens.
  CHECK(periods(engine().evaluate(t, at("2027-02-01")), "inspection").size() == 2);
  CHECK(periods(engine().evaluate(t, at("2027-04-01T00:00")), "inspection").size() == 2);
}

TEST_CASE("Dated occurrences: due a lead before the named date's midnight, met from the event on",
          "[obligations]") {
  sla::Ticket t = contract("key_periods", "2026-01-05T09:00");
  event(t, "2026-11-30T10:00", "inspection_done");  // before the announcement: does not count
  // The client names Sunday 2026-12-20 as a key period.
  event(t, "2026-12-01T09:00", "key_period", "2026-12-20");
  event(t, "2026-12-16T17:00", "inspection_done");
  const auto e = engine().evaluate(t, at("2026-12-18T12:00"));
  CHECK(e.ok());
  // 3cd: 2026-12-17 00:00. 2bd: back from Sunday midnight to Friday's 18:00 close, two business
  // days earlier at the same time: Wednesday 12-16 18:00. 4h: Friday 14:00. No lead: 12-20 00:00.
  CHECK(periods(e, "three_days") ==
        Lines{"1 met 2026-12-01T09:00:00+08:00 .. 2026-12-17T00:00:00+08:00 met "
              "2026-12-16T17:00:00+08:00"});
  CHECK(periods(e, "two_business_days") ==
        Lines{"1 met 2026-12-01T09:00:00+08:00 .. 2026-12-16T18:00:00+08:00 met "
              "2026-12-16T17:00:00+08:00"});
  CHECK(periods(e, "four_hours") ==
        Lines{"1 met 2026-12-01T09:00:00+08:00 .. 2026-12-18T14:00:00+08:00 met "
              "2026-12-16T17:00:00+08:00"});
  CHECK(periods(e, "at_midnight") ==
        Lines{"1 met 2026-12-01T09:00:00+08:00 .. 2026-12-20T00:00:00+08:00 met "
              "2026-12-16T17:00:00+08:00"});

  // Inspected only on 12-17 10:00: too late for the 3cd and 2bd leads, in time for the others.
  sla::Ticket late = contract("key_periods", "2026-01-05T09:00");
  event(late, "2026-12-01T09:00", "key_period", "2026-12-20");
  event(late, "2026-12-17T10:00", "inspection_done");
  const auto l = engine().evaluate(late, at("2026-12-18T12:00"));
  CHECK(periods(l, "three_days") ==
        Lines{"1 missed 2026-12-01T09:00:00+08:00 .. 2026-12-17T00:00:00+08:00 breached "
              "2026-12-17T00:00:00+08:00"});
  CHECK(periods(l, "two_business_days")[0].substr(0, 8) == "1 missed");
  CHECK(periods(l, "four_hours")[0].substr(0, 5) == "1 met");
  CHECK(periods(l, "at_midnight")[0].substr(0, 5) == "1 met");
  // The next due instant: the 4h occurrence's, Friday 14:00 (met, nothing changes then, but a
  // period's end is always looked at).
  CHECK(wakeup(l) == "2026-12-18T14:00:00+08:00");
}

TEST_CASE("Each dated event opens its own occurrence; bad dates are reported and ignored",
          "[obligations]") {
  sla::Ticket t = contract("key_periods", "2026-01-05T09:00");
  event(t, "2026-06-01T09:00", "inspection_done");  // logged first, at the same instant: counts
  event(t, "2026-06-01T09:00", "key_period", "2026-06-18");
  event(t, "2026-06-02T09:00", "key_period", "2026-06-31");
  event(t, "2026-06-03T09:00", "key_period");
  // Announced after the lead has passed: missed as it opens.
  event(t, "2026-06-17T09:00", "key_period", "2026-06-19");
  const auto e = engine().evaluate(t, at("2026-06-17T12:00"));
  CHECK(periods(e, "three_days") ==
        Lines{"1 met 2026-06-01T09:00:00+08:00 .. 2026-06-15T00:00:00+08:00 met "
              "2026-06-01T09:00:00+08:00",
              "2 missed 2026-06-17T09:00:00+08:00 .. 2026-06-16T00:00:00+08:00 breached "
              "2026-06-16T00:00:00+08:00"});
  REQUIRE(e.diagnostics.size() == 2);
  CHECK(e.diagnostics[0].code == "bad_date");
  CHECK(e.diagnostics[0].event == 2);
  CHECK(e.diagnostics[0].message ==
        "event 2 ('key_period') names no date in 'to': invalid date '2026-06-31' (expected an "
        "existing date as YYYY-MM-DD); it is ignored");
  CHECK(e.diagnostics[1].event == 3);
  CHECK(e.diagnostics[1].message ==
        "event 3 ('key_period') names no date in 'to' (YYYY-MM-DD, the date an obligation is due "
        "before); it is ignored");
}

TEST_CASE("A date outside the supported years is a bad date, whatever the lead", "[obligations]") {
  // Once the lead ran on the calendar (bd, h) and failed the whole evaluation, once (0, cd) it
  // gave an occurrence due in year 2400 or 0: now the event is ignored with bad_date.
  for (const char* to : {"2400-01-03", "1899-12-31", "0000-01-01"}) {
    INFO(to);
    sla::Ticket t = contract("key_periods", "2026-01-05T09:00");
    event(t, "2026-06-01T09:00", "key_period", to);
    const auto e = engine().evaluate(t, at("2026-06-02T12:00"));
    CHECK(e.ok());
    CHECK(e.obligations.empty());
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].code == "bad_date");
    CHECK(e.diagnostics[0].message ==
          "event 0 ('key_period') names no date in 'to': " + std::string(to) +
              " is outside the years calendars compute in (1900-2399); it is ignored");
  }
}

TEST_CASE("An obligation's own calendar cuts its periods in that calendar's zone",
          "[obligations]") {
  // Tier B is Shanghai's, but the report runs on New York months: 2026-03-01 00:00 EST.
  const auto e =
      engine().evaluate(contract("own_calendar", "2026-02-10T10:00"), at("2026-02-20T12:00"));
  CHECK(periods(e, "report") ==
        Lines{"1 running 2026-02-09T21:00:00-05:00 .. 2026-03-01T00:00:00-05:00"});
}

TEST_CASE("A ticket needs a severity when its policy has targets, a contract ticket does not",
          "[obligations]") {
  const auto e = engine().evaluate(contract("mixed", "2026-11-15T10:00"), at("2026-11-16"));
  CHECK_FALSE(e.ok());
  REQUIRE(e.diagnostics.size() == 1);
  CHECK(e.diagnostics[0].code == "unknown_severity");
  CHECK(e.diagnostics[0].message ==
        "the ticket has no severity, and the goals of policy 'mixed' depend on one");
  sla::Ticket with = contract("mixed", "2026-11-15T10:00");
  with.severity = "sev1";
  const auto ok = engine().evaluate(with, at("2026-11-15T12:00"));
  CHECK(ok.ok());
  CHECK(ok.targets.size() == 1);
  CHECK(periods(ok, "inspection") ==
        Lines{"1 running 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00"});
  // 2026-11-15 is a Sunday: the fix is due Monday 14:00 (3 h in the morning, 1 h after lunch),
  // before the quarter ends.
  REQUIRE(ok.next_wakeup);
  CHECK(*ok.next_wakeup == at("2026-11-16T14:00"));
}

TEST_CASE("Events the log rejects do not meet obligations", "[obligations]") {
  sla::Ticket t = contract("quarterly", "2026-11-15T10:00");
  event(t, "2026-11-10T10:00", "inspection_done");  // before the contract: rejected
  event(t, "2026-12-10T10:00", "report");
  event(t, "2026-12-01T10:00", "inspection_done");  // out of order: rejected
  const auto e = engine().evaluate(t, at("2026-12-20"));
  CHECK(periods(e, "inspection") ==
        Lines{"1 running 2026-11-15T10:00:00+08:00 .. 2027-01-01T00:00:00+08:00"});
  REQUIRE(e.diagnostics.size() == 2);
  CHECK(e.diagnostics[0].code == "event_before_creation");
  CHECK(e.diagnostics[1].code == "event_out_of_order");
}

// --- brute force ---------------------------------------------------------------------------------

namespace {

using sla_ref::Days;

struct Rng {
  std::mt19937_64 engine;
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine); }
  std::int64_t uniform64(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(engine);
  }
};

// The period's boundaries the simple way: walk civil dates one at a time from the contract's
// local date, in the reference's own zone (date-tz, without sla::TimeZone), and put each boundary
// date's local time on the time line.
struct Reference {
  sla_ref::Zone zone;
  std::int64_t created;
  std::string every;  // month, quarter, half_year, year, Ncd or Nbd
  bool contract;
  const sla_ref::ReferenceCalendar* business = nullptr;  // Nbd: the brute-force calendar

  int months() const {
    return every == "month" ? 1 : every == "quarter" ? 3 : every == "half_year" ? 6 : 12;
  }

  // The ends of the first `count` periods.
  std::vector<std::int64_t> ends(int count) const {
    std::vector<std::int64_t> out;
    const std::int64_t local = zone.to_local(created);
    const Days start_day = sla_ref::date_of_local(local);
    if (every.back() == 'd') {  // Ncd: N × 24 h; Nbd: N business days; one period at a time
      const int n = std::stoi(every.substr(0, every.size() - 2));
      const bool business_days = every[every.size() - 2] == 'b';
      std::int64_t t = created;
      while (static_cast<int>(out.size()) < count)
        out.push_back(t = business_days ? business->add_business_days(t, n, false)
                                        : sla_ref::add_calendar_days(t, n));
      return out;
    }
    const auto ymd_of = [](Days d) { return year_month_day{d}; };
    if (!contract) {
      // Every later date that is the 1st of a month whose number (from January = 0) is a multiple
      // of the period's months, at local midnight; only instants after `created` end a period.
      for (Days d = start_day; static_cast<int>(out.size()) < count; d += days{1}) {
        const auto ymd = ymd_of(d);
        if (ymd.day() != day{1} || (static_cast<unsigned>(ymd.month()) - 1) % months() != 0)
          continue;
        const std::int64_t t = zone.to_instant(sla_ref::local_midnight(d));
        if (t > created) out.push_back(t);
      }
      return out;
    }
    // Contract: the k-th boundary is in the month k × months later, on the same day of the
    // month or that month's last day, at the start's time of day.
    const std::int64_t time_of_day = local - sla_ref::local_midnight(start_day);
    const unsigned wanted_day = static_cast<unsigned>(ymd_of(start_day).day());
    int month_changes = 0;
    Days d = start_day;
    for (int k = 1; k <= count; ++k) {
      while (month_changes < k * months()) {
        d += days{1};
        if (ymd_of(d).day() == day{1}) ++month_changes;
      }
      Days pick = d;  // the 1st of the target month; walk to the wanted day or the month's end
      while (static_cast<unsigned>(ymd_of(pick).day()) < wanted_day &&
             ymd_of(pick + days{1}).month() == ymd_of(d).month())
        pick += days{1};
      out.push_back(zone.to_instant(sla_ref::local_midnight(pick) + time_of_day));
    }
    return out;
  }
};

std::string utc(std::int64_t t) { return sla_ref::format_utc(t); }

}  // namespace

TEST_CASE("Period boundaries agree with a day-by-day reference on random contracts and zones",
          "[obligations][reference]") {
  const char* seed_text = std::getenv("SLA_REFERENCE_SEED");
  const std::uint64_t seed =
      seed_text != nullptr ? std::strtoull(seed_text, nullptr, 10) : std::random_device{}();
  std::cout << "obligation reference seed: " << seed << '\n';
  Rng rng{std::mt19937_64(seed)};
  // Zones whose clocks change at or around local midnight, on the 1st of a month (Asuncion,
  // Havana, Amman), by half an hour (Lord_Howe), skip a whole date (Apia), fall back across
  // midnight (St_Johns), and plain ones.
  const std::vector<std::string> zones = {
      "Asia/Shanghai", "America/New_York",    "America/Asuncion",  "America/Havana",
      "Asia/Amman",    "Australia/Lord_Howe", "Pacific/Apia",      "America/St_Johns",
      "Europe/London", "America/Santiago",    "Africa/Casablanca", "+05:30"};
  const std::vector<std::string> periods_of = {"month", "quarter", "half_year", "year", "1cd",
                                               "7cd",   "30cd",    "90cd",      "1bd",  "20bd"};
  const int cases = 300;
  int compared = 0;
  for (int c = 0; c < cases; ++c) {
    const std::string zone =
        zones[static_cast<std::size_t>(rng.uniform(0, static_cast<int>(zones.size()) - 1))];
    const std::string every = periods_of[static_cast<std::size_t>(
        rng.uniform(0, static_cast<int>(periods_of.size()) - 1))];
    const bool contract = every.back() == 'd' || rng.uniform(0, 1) == 1;
    // Created anywhere in 1995–2034, often on a month's first day or its last days.
    const std::int64_t lo = 788918400, hi = 2051222400;  // 1995-01-01 .. 2035-01-01 UTC
    std::int64_t created = rng.uniform64(lo, hi);
    if (rng.uniform(0, 2) == 0) {
      const sla_ref::Zone z(zone);
      const Days d = sla_ref::date_of_local(z.to_local(created));
      const auto ymd = year_month_day{d};
      const Days first{ymd.year() / ymd.month() / day{1}};
      const Days pick = rng.uniform(0, 1) == 0 ? first : first + days{27 + rng.uniform(0, 3)};
      created =
          z.to_instant(sla_ref::local_midnight(pick) + rng.uniform(0, 1) * rng.uniform(0, 86399));
    }
    // The calendar counts Nbd periods: Monday to Friday 09:00-17:00, as the reference's.
    const std::string rules = "version: 1\ncalendars:\n  c: {time_zone: \"" + zone +
                              "\", hours: {mon-fri: [\"09:00-17:00\"]}}\npolicies:\n  - id: p\n"
                              "    tiers: {T: {calendar: c}}\n    obligations:\n      o: {every: " +
                              every + ", anchor: " + (contract ? "contract" : "calendar") +
                              ", met_by: done}\n";
    const auto loaded = sla::load_rules_from_string(rules, "random.yaml");
    REQUIRE(loaded.ok());
    const sla::Engine engine(*loaded.rules);
    sla::CalendarDefinition week;
    week.time_zone = zone;
    for (const weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday})
      week.weekly[d] = {sla::LocalWindow{hours{9}, hours{17}}};
    const Days created_day = sla_ref::date_of_local(sla_ref::Zone(zone).to_local(created));
    const sla_ref::ReferenceCalendar business(week, created_day - days{7}, created_day + days{400});
    const Reference ref{sla_ref::Zone(zone), created, every, contract, &business};
    const int count = rng.uniform(1, every.back() == 'd' ? 12 : 8);
    const std::vector<std::int64_t> ends = ref.ends(count);
    // now: inside the last of the `count` periods.
    const std::int64_t start_last =
        count == 1 ? created : ends[static_cast<std::size_t>(count - 2)];
    const std::int64_t now = start_last + rng.uniform64(0, ends.back() - start_last - 1);
    sla::Ticket t;
    t.policy = "p";
    t.tier = "T";
    t.created = sla::Instant{seconds{created}};
    const auto e = engine.evaluate(t, sla::Instant{seconds{now}});
    INFO("seed " << seed << ", case " << c << ": " << zone << ", every " << every
                 << (contract ? " (contract)" : " (calendar)") << ", created " << utc(created)
                 << ", now " << utc(now));
    REQUIRE(e.ok());
    REQUIRE(e.obligations.size() == static_cast<std::size_t>(count));
    std::int64_t start = created;
    for (int k = 0; k < count; ++k) {
      const sla::ObligationOutcome& o = e.obligations[static_cast<std::size_t>(k)];
      INFO("period " << k + 1);
      CHECK(utc(o.start.time_since_epoch().count()) == utc(start));
      CHECK(utc(o.due.time_since_epoch().count()) == utc(ends[static_cast<std::size_t>(k)]));
      CHECK(o.state == (k + 1 < count ? ObligationState::missed : ObligationState::running));
      start = ends[static_cast<std::size_t>(k)];
    }
    REQUIRE(e.next_wakeup);
    CHECK(utc(e.next_wakeup->time_since_epoch().count()) == utc(ends.back()));
    ++compared;
  }
  CHECK(compared == cases);
}

TEST_CASE("Which period an event meets agrees with a brute-force assignment",
          "[obligations][reference]") {
  // Events at random instants, often on boundaries; the reference hands each period, in order,
  // the earliest event in [start, end] that no earlier period took.
  Rng rng{std::mt19937_64(20260701)};
  const sla::Engine& e = engine();
  for (int c = 0; c < 200; ++c) {
    sla::Ticket t = contract("quarterly", "2026-02-10T10:00");
    const std::vector<sla::Instant> boundaries = {at("2026-04-01T00:00"), at("2026-07-01T00:00"),
                                                  at("2026-10-01T00:00"), at("2027-01-01T00:00"),
                                                  at("2027-04-01T00:00")};
    std::vector<sla::Instant> times;
    const int n = rng.uniform(0, 6);
    for (int k = 0; k < n; ++k) {
      const auto b = boundaries[static_cast<std::size_t>(rng.uniform(0, 4))];
      times.push_back(rng.uniform(0, 1) == 0 ? b
                                             : b + seconds{rng.uniform(-86400 * 60, 86400 * 60)});
    }
    std::sort(times.begin(), times.end());
    for (const auto& time : times) t.events.push_back({time, "inspection_done", ""});
    const sla::Instant now = at("2027-03-31T12:00");
    const auto result = e.evaluate(t, now);
    REQUIRE(result.ok());
    std::vector<bool> used(times.size(), false);
    sla::Instant start = t.created;
    std::vector<std::string> expected;
    for (std::size_t p = 0; p < 5 && start <= now; ++p) {
      const sla::Instant end = boundaries[p];
      std::optional<sla::Instant> met;
      for (std::size_t k = 0; k < times.size() && !met; ++k)
        if (!used[k] && times[k] >= start && times[k] <= end && times[k] <= now) {
          used[k] = true;
          met = times[k];
        }
      expected.push_back(met ? "met " + sla::format_instant(*met, sla::TimeZone::utc())
                             : std::string(now > end ? "missed" : "running"));
      start = end;
    }
    std::vector<std::string> actual;
    for (const auto& o : result.obligations)
      actual.push_back(o.met_at ? "met " + sla::format_instant(*o.met_at, sla::TimeZone::utc())
                                : std::string(sla::to_string(o.state)));
    INFO("case " << c);
    CHECK(actual == expected);
  }
}

TEST_CASE("An event type plays one part in an obligation, and not the engine's own events",
          "[obligations][rules]") {
  const std::string head = R"(version: 1
calendars:
  c: {time_zone: UTC, hours: {mon-fri: ["09:00-17:00"]}}
policies:
  - id: p
    tiers: {B: {calendar: c}}
    obligations:
)";
  struct Case {
    std::string obligation, message;
  };
  const std::vector<Case> cases = {
      {"k: {before: key, met_by: [done, key]}",
       "bad.yaml:8:32: error: event type 'key' both opens an occurrence ('before') and meets a "
       "period ('met_by') in obligation 'k': each event type may play one part [SLA277]"},
      {"m: {every: month, met_by: done, until: [ended, done]}",
       "bad.yaml:8:46: error: event type 'done' both meets a period ('met_by') and ends the "
       "contract ('until') in obligation 'm': each event type may play one part [SLA277]"},
      {"k: {before: severity, met_by: done}",
       "bad.yaml:8:19: error: 'severity' is the engine's own event: it changes the ticket's "
       "severity and does nothing else, so it cannot open, meet or end an obligation's periods "
       "(an escalation level can fire on it: {on: severity, ...}) [SLA234]"},
      {"k: {before: key, met_by: done, until: key}",
       "bad.yaml:8:45: error: event type 'key' both opens an occurrence ('before') and ends the "
       "contract ('until') in obligation 'k': each event type may play one part [SLA277]"},
  };
  for (const Case& c : cases) {
    INFO(c.obligation);
    const auto loaded =
        sla::load_rules_from_string(head + "      " + c.obligation + "\n", "bad.yaml");
    CHECK_FALSE(loaded.ok());
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].to_string() == c.message + "\n");
  }
}
