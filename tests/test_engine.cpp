// The engine's model (sla/engine.hpp), one rule at a time, on hand-worked tickets.
//
// Calendars: cn-office (Mon–Fri 09:00–12:00, 13:00–18:00; National Day 2026-10-01..07 closed,
// Saturday 2026-10-10 a make-up working day) and cn-24x7, both Asia/Shanghai (+08:00).
// Every expected instant below is worked out by hand in the comment beside it.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <tuple>

#include "sla/sla.hpp"

namespace {

constexpr const char* kRules = R"(
version: 1
include: [../rules/calendars/cn-2026.yaml]
roles:
  engineer: {escalates_to: service_manager}
  service_manager: {escalates_to: implementation_manager}
  implementation_manager: {}
severities:
  - {id: sev1, aliases: [P1]}
  - {id: sev2, aliases: [P2]}
  - {id: sev3}
policies:
  - id: maintenance
    match: {contract: maintenance}
    tiers:
      A: {calendar: cn-24x7}
      C: {calendar: cn-office}
    targets:
      response: {start: created, stop: responded, goal: 30m}
      remote_fix:
        start: created
        stop: resolved
        goal: {sev1: 4h, sev2: 8h, sev3: 24h}
      on_site:
        start: breached(remote_fix)
        stop: [engineer_arrived, resolved]
        goal: {A: 2h, C: eobd+1}
      resolution:
        start: created
        stop: resolved
        pause: waiting_customer
        resume: customer_replied
        goal: {A: {sev1: 2h, sev2: 24h, sev3: 48h}, C: {sev1: 8h, sev2: 16h, sev3: 24h}}
        escalation:
          - {at: 50%, notify: [engineer]}
          - {after: 30m, escalate: 1}
          - {at_breach: true, raise_severity: 1, notify: [service_manager]}
          - {after_breach: 24h, action: provide_backup_equipment}
      updates:
        start: created
        stop: met(resolution)
        restart: customer_updated
        goal: [10m, 30m, 1h]
      report: {start: met(resolution), stop: report_delivered, goal: 3bd}
  - id: watch
    tiers: {C: {calendar: cn-office}}
    targets:
      watch:
        start: created
        stop: resolved
        goal: 1h
        escalation: [{at_breach: true, raise_severity: 1}]
      fix:
        start: created
        stop: resolved
        goal: {sev1: 4h, sev2: 8h, sev3: 8h}
      restarted:
        start: created
        stop: resolved
        on_severity_change: restart
        goal: {sev1: 2h, sev2: 4h, sev3: 4h}
      second_line:
        start: created
        stop: resolved
        optional: true
        goal: {sev1: 1h}
  - id: mail
    match: {contract: mail}
    tiers: {C: {calendar: cn-office}}
    targets:
      fix:
        start: created
        stop: resolved
        pause: waiting_customer
        resume: customer_replied
        goal: {sev1: 4h, sev2: 8h, sev3: 16h}
      on_site:
        start: remote_failed
        stop: [engineer_arrived, resolved]
        goal: due(fix)
        escalation: [{at_breach: true, notify: [service_manager]}]
      remote:
        start: created
        stop: [resolved, remote_failed]
        goal: 4h
        escalation: [{on: customer_called, action: call_back}]
  - id: on_changes
    tiers: {C: {calendar: cn-office}, D: {calendar: cn-office}}
    targets:
      fix:
        start: created
        stop: resolved
        pause: waiting_customer
        resume: customer_replied
        goal: {sev1: 4h, sev2: 8h, sev3: 16h}
        escalation:
          - {on: severity, notify: [service_manager]}
          - {on: assign, action: brief_assignee}
          - {on: tier, action: check_contract}
          - {on: customer_called, action: call_back}
  - id: linked
    tiers: {C: {calendar: cn-office}}
    targets:
      fix: {start: created, stop: resolved, goal: {sev1: 2h, sev2: 4h, sev3: 8h}}
      spare: {start: created, stop: resolved, optional: true, goal: {sev1: 1h}}
      backup: {start: created, stop: closed, goal: due(spare)}
      visit:
        start: created
        stop: arrived
        pause: wait
        resume: proceed
        restart: again
        goal: due(fix)
      late_visit: {start: met(fix), stop: closed, goal: due(fix)}
  - id: raised
    tiers: {C: {calendar: cn-office}}
    targets:
      fix:
        start: created
        stop: resolved
        goal: {sev1: 2h, sev2: 4h, sev3: 8h}
        escalation: [{after: 1h, raise_severity: 1}]
      ack: {start: created, stop: acknowledged, goal: {sev1: 30m, sev2: 2h, sev3: 2h}}
      visit: {start: created, stop: [arrived, breached(ack)], goal: due(fix)}
  - id: cycles
    tiers: {C: {calendar: cn-office}}
    targets:
      updates: {start: created, stop: resolved, restart: update, goal: [1h, 2h]}
      follow: {start: created, stop: resolved, goal: due(updates)}
      direct: {start: created, stop: update, goal: due(updates)}
      chained: {start: created, stop: update, goal: due(follow)}
  - id: self_raise
    match: {contract: self_raise}
    tiers: {C: {calendar: cn-office}}
    targets:
      callback:
        start: created
        stop: resolved
        on_severity_change: restart
        goal: {sev1: 1h, sev2: 2h, sev3: 2h}
        escalation: [{after: 30m, raise_severity: 1, escalate: 1}]
  - id: visits
    match: {contract: visits}
    tiers: {C: {calendar: cn-office}, D: {calendar: cn-office}}
    targets:
      visit:
        start: created
        stop: arrived
        goal: bd+1@08:00
        escalation: [{at_breach: true, notify: [engineer]}, {after: 7h, notify: [engineer]}]
      daily:
        start: created
        stop: arrived
        goal: 1cd
        escalation: [{after: 30m, clock: business, notify: [engineer]}, {after: 30m, action: x}]
      watchdog:
        start: created
        stop: arrived
        clock: cn-24x7
        goal: 4h
        escalation: [{after: 2h, clock: business, notify: [engineer]}]
  - id: updates
    match: {contract: updates}
    tiers: {A: {calendar: cn-24x7}}
    targets:
      fix: {start: created, stop: fixed, goal: 4h}
      updates: {start: created, stop: met(fix), restart: [customer_updated, fixed], goal: [1h]}
  - id: late
    match: {contract: late}
    tiers: {C: {calendar: cn-office}}
    targets:
      fix:
        start: created
        stop: resolved
        pause: waiting_customer
        resume: customer_replied
        goal: {sev1: 2h, sev2: 8h, sev3: 8h}
        escalation: [{after_breach: 1h, clock: cn-24x7, action: call}]
)";

const sla::Engine& engine() {
  static const sla::Engine e = [] {
    auto loaded = sla::load_rules_from_string(kRules, SLA_SOURCE_DIR "/tests/engine-test.yaml");
    for (const auto& d : loaded.diagnostics)
      if (d.severity == sla::Diagnostic::Severity::error) FAIL(d.to_string());
    return sla::Engine(*loaded.rules);
  }();
  return e;
}

sla::Instant at(const std::string& local) {  // Shanghai local time
  return sla::parse_instant(local + "+08:00", sla::TimeZone::utc());
}

sla::Ticket ticket(std::string policy, std::string tier, std::string severity,
                   const std::string& created,
                   std::vector<std::pair<std::string, std::string>> events = {}) {
  sla::Ticket t;
  t.id = "T-1";
  t.policy = std::move(policy);
  t.tier = std::move(tier);
  t.severity = std::move(severity);
  t.created = at(created);
  for (auto& [when, type] : events) {
    sla::TicketEvent e;
    e.at = at(when);
    const auto colon = type.find(':');
    e.type = type.substr(0, colon);
    if (colon != std::string::npos) e.to = type.substr(colon + 1);
    t.events.push_back(e);
  }
  return t;
}

const sla::TargetOutcome& target(const sla::Evaluation& e, std::string_view id, int cycle = 1) {
  for (const auto& t : e.targets)
    if (t.id == id && t.cycle == cycle) return t;
  FAIL("no outcome for target " << id << " cycle " << cycle);
  throw;
}

const sla::EscalationOutcome& level(const sla::Evaluation& e, std::string_view id, int n,
                                    int cycle = 1) {
  return e.escalations_of(target(e, id, cycle))[static_cast<std::size_t>(n - 1)];
}

std::string show(std::optional<sla::Instant> t) {
  return t ? sla::format_instant(*t, sla::TimeZone::locate("+08:00")) : "null";
}
std::string show(const std::string& local) { return show(at(local)); }

}  // namespace

TEST_CASE("A fresh ticket: every clock that starts on creation runs towards its own due instant") {
  // Tier C (cn-office), sev1, created Friday 2026-11-20 17:00, looked at 17:20.
  const auto e = engine().evaluate(ticket("maintenance", "C", "sev1", "2026-11-20T17:00"),
                                   at("2026-11-20T17:20"));
  REQUIRE(e.ok());
  CHECK(e.policy == "maintenance");
  CHECK(e.assignee == "engineer");  // the bottom of the ladder
  const auto& response = target(e, "response");
  CHECK(response.state == sla::TargetState::running);
  CHECK(show(response.due) == show("2026-11-20T17:30"));
  CHECK(response.elapsed == std::chrono::minutes{20});
  CHECK(response.remaining == std::chrono::minutes{10});
  CHECK(response.percent == 66.7);
  // 4h: Friday 17–18 (1h), Monday 09–12 (3h).
  CHECK(show(target(e, "remote_fix").due) == show("2026-11-23T12:00"));
  // 8h: Friday 1h, Monday 09–12 and 13–17.
  const auto& resolution = target(e, "resolution");
  CHECK(show(resolution.due) == show("2026-11-23T17:00"));
  CHECK(show(level(e, "resolution", 1).at) == show("2026-11-23T12:00"));  // 50% = 4h
  CHECK(show(level(e, "resolution", 2).at) == show("2026-11-20T17:30"));  // after 30m
  CHECK(show(level(e, "resolution", 3).at) == show("2026-11-23T17:00"));  // at the breach
  // 24h of office time after Monday 17:00: Mon 1h, Tue 8h, Wed 8h, Thu 09–12, 13–17.
  CHECK(show(level(e, "resolution", 4).at) == show("2026-11-26T17:00"));
  for (int n = 1; n <= 4; ++n) CHECK_FALSE(level(e, "resolution", n).fired);
  // The first status update was due at 17:10: breached, and still running.
  const auto& updates = target(e, "updates");
  CHECK(updates.state == sla::TargetState::breached);
  CHECK(show(updates.breached_at) == show("2026-11-20T17:10"));
  CHECK(target(e, "on_site").state == sla::TargetState::pending);
  CHECK_FALSE(target(e, "on_site").due.has_value());
  CHECK(target(e, "report").state == sla::TargetState::pending);
  CHECK(show(e.next_wakeup) == show("2026-11-20T17:30"));
}

TEST_CASE("Over a weekend: levels fire, a breach starts the target waiting on it") {
  const auto e = engine().evaluate(
      ticket("maintenance", "C", "sev1", "2026-11-20T17:00", {{"2026-11-20T17:25", "responded"}}),
      at("2026-11-23T12:30"));
  REQUIRE(e.ok());
  CHECK(target(e, "response").state == sla::TargetState::met);
  CHECK(show(target(e, "response").stopped) == show("2026-11-20T17:25"));
  // remote_fix was due Monday 12:00 and nothing stopped it.
  const auto& remote = target(e, "remote_fix");
  CHECK(remote.state == sla::TargetState::breached);
  CHECK(show(remote.breached_at) == show("2026-11-23T12:00"));
  CHECK(remote.remaining == std::chrono::seconds{0});  // 12:00–13:00 is the lunch break
  // on_site starts at that breach: eobd+1 from Monday = Tuesday 18:00.
  const auto& on_site = target(e, "on_site");
  CHECK(on_site.state == sla::TargetState::running);
  CHECK(show(on_site.started) == show("2026-11-23T12:00"));
  CHECK(show(on_site.due) == show("2026-11-24T18:00"));
  // after 30m fired on Friday and handed the ticket up one rung.
  CHECK(level(e, "resolution", 2).fired);
  CHECK(show(level(e, "resolution", 2).at) == show("2026-11-20T17:30"));
  CHECK(level(e, "resolution", 2).assignee == "service_manager");
  CHECK(level(e, "resolution", 1).fired);  // 50% at Monday 12:00
  CHECK(level(e, "resolution", 1).assignee == "service_manager");
  CHECK_FALSE(level(e, "resolution", 3).fired);
  CHECK(e.assignee == "service_manager");
  CHECK(show(e.next_wakeup) == show("2026-11-23T17:00"));
}

TEST_CASE("A stop exactly at the due instant is met, and a level due then does not fire") {
  // Tier A (7×24), sev1: resolution 2h from 09:00 is due 11:00; resolved at 11:00.
  const auto e = engine().evaluate(
      ticket("maintenance", "A", "sev1", "2026-11-23T09:00", {{"2026-11-23T11:00", "resolved"}}),
      at("2026-11-23T12:00"));
  const auto& resolution = target(e, "resolution");
  CHECK(resolution.state == sla::TargetState::met);
  CHECK(show(resolution.due) == show("2026-11-23T11:00"));
  CHECK_FALSE(resolution.breached_at.has_value());
  CHECK_FALSE(level(e, "resolution", 3).fired);
  CHECK_FALSE(level(e, "resolution", 3).at.has_value());
  CHECK(level(e, "resolution", 1).fired);  // 50% at 10:00
  // One second later is late.
  const auto late = engine().evaluate(
      ticket("maintenance", "A", "sev1", "2026-11-23T09:00", {{"2026-11-23T11:00:01", "resolved"}}),
      at("2026-11-23T12:00"));
  CHECK(target(late, "resolution").state == sla::TargetState::missed);
  CHECK(show(target(late, "resolution").breached_at) == show("2026-11-23T11:00"));
  CHECK(level(late, "resolution", 3).fired);
}

TEST_CASE("At the due instant a clock is still running; one second later it is breached") {
  const auto t = ticket("maintenance", "A", "sev1", "2026-11-23T09:00");
  const auto at_due = engine().evaluate(t, at("2026-11-23T11:00"));
  CHECK(target(at_due, "resolution").state == sla::TargetState::running);
  CHECK_FALSE(target(at_due, "resolution").breached_at.has_value());  // not breached yet
  CHECK(level(at_due, "resolution", 3).fired);                        // its instant is <= now
  CHECK(show(at_due.next_wakeup) == show("2026-11-23T11:00:01"));
  const auto after = engine().evaluate(t, at("2026-11-23T11:00:01"));
  CHECK(target(after, "resolution").state == sla::TargetState::breached);
  CHECK(show(target(after, "resolution").breached_at) == show("2026-11-23T11:00"));
}

TEST_CASE("A pause across the National Day holiday freezes the clock; resuming recomputes due") {
  // Tier C, sev3 (24h). Wednesday 2026-09-30 09:00, paused 10:00 (1h used), resumed Thursday
  // 2026-10-08 10:00 with 23h left: Thu 10–12, 13–18 (7h), Fri 8h, Saturday 10-10 is a make-up
  // working day with Monday's hours (8h) -> due Saturday 2026-10-10 18:00.
  const auto t =
      ticket("maintenance", "C", "sev3", "2026-09-30T09:00",
             {{"2026-09-30T10:00", "waiting_customer"}, {"2026-10-08T10:00", "customer_replied"}});
  const auto paused = engine().evaluate(t, at("2026-10-05T12:00"));
  const auto& p = target(paused, "resolution");
  CHECK(p.state == sla::TargetState::paused);
  CHECK_FALSE(p.due.has_value());
  CHECK(p.elapsed == std::chrono::hours{1});
  CHECK(p.remaining == std::chrono::hours{23});
  CHECK_FALSE(level(paused, "resolution", 1).at.has_value());  // future levels: null
  const auto resumed = engine().evaluate(t, at("2026-10-09T12:00"));
  const auto& r = target(resumed, "resolution");
  CHECK(r.state == sla::TargetState::running);
  CHECK(show(r.due) == show("2026-10-10T18:00"));
  CHECK(r.elapsed == std::chrono::hours{11});  // 1 + 7 + Friday 09–12
  // 50% = 12h of running time: 1 + 7 (Thu) + 4 (Fri 09–12, 13–14) -> Friday 14:00.
  CHECK(show(level(resumed, "resolution", 1).at) == show("2026-10-09T14:00"));
}

TEST_CASE("A pause spanning the old due instant does not breach") {
  // Tier A, sev1 (2h on 7×24) from 09:00, paused 10:00–15:00: due 16:00 instead of 11:00.
  const auto e = engine().evaluate(
      ticket("maintenance", "A", "sev1", "2026-11-23T09:00",
             {{"2026-11-23T10:00", "waiting_customer"}, {"2026-11-23T15:00", "customer_replied"}}),
      at("2026-11-23T15:30"));
  const auto& r = target(e, "resolution");
  CHECK(r.state == sla::TargetState::running);
  CHECK_FALSE(r.breached_at.has_value());
  CHECK(show(r.due) == show("2026-11-23T16:00"));
  CHECK(r.remaining == std::chrono::minutes{30});
}

TEST_CASE("A periodic target reports every cycle; the last goal repeats") {
  // Tier C from Monday 09:00: cycle 1 (10m) met at 09:05; cycle 2 (30m, due 09:35) missed at
  // 09:40; cycle 3 (1h, due 10:40) running; cycle 4 would be 1h again.
  const auto t =
      ticket("maintenance", "C", "sev2", "2026-11-23T09:00",
             {{"2026-11-23T09:05", "customer_updated"}, {"2026-11-23T09:40", "customer_updated"}});
  const auto e = engine().evaluate(t, at("2026-11-23T10:00"));
  CHECK(target(e, "updates", 1).state == sla::TargetState::met);
  CHECK(show(target(e, "updates", 1).stopped) == show("2026-11-23T09:05"));
  CHECK(target(e, "updates", 2).state == sla::TargetState::missed);
  CHECK(show(target(e, "updates", 2).breached_at) == show("2026-11-23T09:35"));
  CHECK(show(target(e, "updates", 3).started) == show("2026-11-23T09:40"));
  CHECK(show(target(e, "updates", 3).due) == show("2026-11-23T10:40"));
  CHECK(target(e, "updates", 3).state == sla::TargetState::running);
  auto more = t;
  more.events.push_back({at("2026-11-23T10:30"), "customer_updated", ""});
  const auto e4 = engine().evaluate(more, at("2026-11-23T11:00"));
  CHECK(target(e4, "updates", 4).goal == std::chrono::hours{1});
  // Updates stop when the resolution is met.
  more.events.push_back({at("2026-11-23T11:30"), "resolved", ""});
  const auto done = engine().evaluate(more, at("2026-11-23T12:00"));
  CHECK(target(done, "updates", 4).state == sla::TargetState::met);
  CHECK(show(target(done, "updates", 4).stopped) == show("2026-11-23T11:30"));
  // ... and the report starts then: 3bd from Monday 11:30 = Thursday 11:30.
  CHECK(show(target(done, "report").due) == show("2026-11-26T11:30"));
}

TEST_CASE("A target waiting on a breach that never comes stays pending") {
  const auto e = engine().evaluate(
      ticket("maintenance", "C", "sev1", "2026-11-23T09:00", {{"2026-11-23T10:00", "resolved"}}),
      at("2026-12-31T12:00"));
  CHECK(target(e, "remote_fix").state == sla::TargetState::met);
  CHECK(target(e, "on_site").state == sla::TargetState::pending);
  CHECK_FALSE(e.next_wakeup.has_value());
}

TEST_CASE("A cycle that starts and stops at one instant reports its due instant") {
  // `fixed` at 10:00 restarts `updates` (cycle 2, 1h) and, by meeting `fix`, stops it at once.
  const auto e = engine().evaluate(
      ticket("updates", "A", "sev2", "2026-11-23T09:00", {{"2026-11-23T10:00", "fixed"}}),
      at("2026-11-23T10:30"));
  CHECK(target(e, "fix").state == sla::TargetState::met);
  const auto& second = target(e, "updates", 2);
  CHECK(second.state == sla::TargetState::met);
  CHECK(show(second.started) == show("2026-11-23T10:00"));
  CHECK(show(second.stopped) == show("2026-11-23T10:00"));
  CHECK(show(second.due) == show("2026-11-23T11:00"));
}

TEST_CASE("A severity change recomputes the goal from the same start; past due breaches at once") {
  // Tier C, sev3 (24h) from Monday 09:00. Raised to P1 (sev1, 8h) on Tuesday 12:00 when 11h
  // have run: the new due (Monday 18:00) is past, so it is breached at the change.
  const auto e = engine().evaluate(
      ticket("maintenance", "C", "sev3", "2026-11-23T09:00", {{"2026-11-24T12:00", "severity:P1"}}),
      at("2026-11-24T12:00"));
  CHECK(e.severity == "sev1");
  const auto& r = target(e, "resolution");
  CHECK(r.state == sla::TargetState::breached);
  CHECK(show(r.breached_at) == show("2026-11-24T12:00"));
  CHECK(show(r.due) == show("2026-11-23T18:00"));
  CHECK(r.goal == std::chrono::hours{8});
  // Levels the change moved into the past fire at the change.
  CHECK(show(level(e, "resolution", 3).at) == show("2026-11-24T12:00"));
  CHECK(level(e, "resolution", 3).fired);
  // An earlier change, with time to spare: from 10:00 the 8h goal is due Monday 18:00.
  const auto early = engine().evaluate(ticket("maintenance", "C", "sev3", "2026-11-23T09:00",
                                              {{"2026-11-23T10:00", "severity:sev1"}}),
                                       at("2026-11-23T11:00"));
  CHECK(target(early, "resolution").state == sla::TargetState::running);
  CHECK(show(target(early, "resolution").due) == show("2026-11-23T18:00"));
}

TEST_CASE("After a breach the due instant follows the goal and breached_at stays") {
  // Tier A (7x24), sev3: resolution 48h from Monday 09:00 breaches Wednesday 09:00, where its
  // level raises the severity to sev2 (24h): running time reached 24h on Tuesday 09:00, the
  // due instant now; breached_at stays Wednesday 09:00. after_breach 24h = 48h of running
  // time: reached, so it fires at the change.
  const auto e = engine().evaluate(ticket("maintenance", "A", "sev3", "2026-11-23T09:00"),
                                   at("2026-11-25T10:00"));
  CHECK(e.severity == "sev2");
  const auto& r = target(e, "resolution");
  CHECK(r.state == sla::TargetState::breached);
  CHECK(r.goal == std::chrono::hours{24});
  CHECK(show(r.due) == show("2026-11-24T09:00"));
  CHECK(show(r.breached_at) == show("2026-11-25T09:00"));
  CHECK(r.remaining == -std::chrono::hours{25});
  CHECK(show(level(e, "resolution", 4).at) == show("2026-11-25T09:00"));
}

TEST_CASE("A pause after a breach by a change keeps the due instant") {
  // As in the severity-change case: due Monday 18:00, breached at the change Tuesday 12:00;
  // paused 13:00-14:00.
  const auto e = engine().evaluate(ticket("maintenance", "C", "sev3", "2026-11-23T09:00",
                                          {{"2026-11-24T12:00", "severity:P1"},
                                           {"2026-11-24T13:00", "waiting_customer"},
                                           {"2026-11-24T14:00", "customer_replied"}}),
                                   at("2026-11-24T15:00"));
  const auto& r = target(e, "resolution");
  CHECK(r.state == sla::TargetState::breached);
  CHECK(show(r.due) == show("2026-11-23T18:00"));
  CHECK(show(r.breached_at) == show("2026-11-24T12:00"));
}

TEST_CASE("after_breach on the level's own clock counts from the due instant") {
  // sev2 (8h) from Monday 09:00; raised to P1 (2h) at 14:00, when 4h have run: due 11:00,
  // breached at 14:00. The level counts 1h of cn-24x7 after the due: 12:00, already past, so
  // it fires at the change.
  const auto e = engine().evaluate(
      ticket("late", "C", "sev2", "2026-11-23T09:00", {{"2026-11-23T14:00", "severity:P1"}}),
      at("2026-11-23T14:30"));
  const auto& f = target(e, "fix");
  CHECK(show(f.due) == show("2026-11-23T11:00"));
  CHECK(show(f.breached_at) == show("2026-11-23T14:00"));
  CHECK(level(e, "fix", 1).fired);
  CHECK(show(level(e, "fix", 1).at) == show("2026-11-23T14:00"));
}

TEST_CASE("A tier change moves business clocks to the new tier's calendar") {
  // Tier C sev1 (8h on cn-office) from Monday 09:00; at 10:00 the ticket moves to tier A
  // (2h on 7×24): 1h has run, 1h is left -> due 11:00.
  const auto e = engine().evaluate(
      ticket("maintenance", "C", "sev1", "2026-11-23T09:00", {{"2026-11-23T10:00", "tier:A"}}),
      at("2026-11-23T10:30"));
  CHECK(e.tier == "A");
  CHECK(show(target(e, "resolution").due) == show("2026-11-23T11:00"));
  CHECK(target(e, "resolution").elapsed == std::chrono::minutes{90});
}

TEST_CASE("A tier change that keeps the calendar keeps a bd+N@HH:MM goal's due instant") {
  // bd+1@08:00 from Monday 10:00 is due Tuesday 08:00, before cn-office opens (L = 7h, all of
  // it by Monday 18:00). Tier D counts on the same calendar: the due instant stays.
  const auto t =
      ticket("visits", "C", "sev2", "2026-11-23T10:00", {{"2026-11-23T11:00", "tier:D"}});
  const auto before = engine().evaluate(t, at("2026-11-23T10:30"));
  CHECK(show(target(before, "visit").due) == show("2026-11-24T08:00"));
  const auto after = engine().evaluate(t, at("2026-11-23T11:30"));
  CHECK(after.tier == "D");
  CHECK(target(after, "visit").goal == std::chrono::hours{7});
  CHECK(show(target(after, "visit").due) == show("2026-11-24T08:00"));
  // At Monday 18:00 all 7 h have run, and the target is not breached until its due instant.
  const auto evening = engine().evaluate(t, at("2026-11-23T20:00"));
  CHECK(target(evening, "visit").state == sla::TargetState::running);
  CHECK(target(evening, "visit").remaining == std::chrono::seconds{0});
}

TEST_CASE("A change after the goal's time has run does not fire at_breach before the due") {
  // visit (bd+1@08:00) from Monday 10:00 has run its 7h at 18:00 and is due Tuesday 08:00. A
  // severity change at 20:00 keeps that goal; its at_breach level still waits for 08:00.
  const auto e = engine().evaluate(
      ticket("visits", "C", "sev2", "2026-11-23T10:00", {{"2026-11-23T20:00", "severity:sev1"}}),
      at("2026-11-23T21:00"));
  CHECK(target(e, "visit").state == sla::TargetState::running);
  CHECK_FALSE(level(e, "visit", 1).fired);
  CHECK(show(level(e, "visit", 1).at) == show("2026-11-24T08:00"));
  CHECK(show(e.next_wakeup) == show("2026-11-24T08:00"));
}

TEST_CASE("after: D fires when D has run even when D is the goal's length") {
  // visit (bd+1@08:00) from Monday 10:00: L = 7h, run by Monday 18:00, due Tuesday 08:00. The
  // level `after: 7h` fires when 7h have run; only the breach waits for the due instant.
  const auto e =
      engine().evaluate(ticket("visits", "C", "sev2", "2026-11-23T10:00"), at("2026-11-23T18:30"));
  CHECK(level(e, "visit", 2).fired);
  CHECK(show(level(e, "visit", 2).at) == show("2026-11-23T18:00"));
  CHECK_FALSE(level(e, "visit", 1).fired);
  CHECK(show(level(e, "visit", 1).at) == show("2026-11-24T08:00"));
}

TEST_CASE("A level on the business clock counts business time under a goal in calendar days") {
  // `daily` (1cd) counts on the wall clock; its first level says `clock: business` (cn-office):
  // 30m from Friday 17:45 = 17:45-18:00 and Monday 09:00-09:15. The second level has no clock
  // and counts on the cycle's: 30 real minutes.
  const auto e =
      engine().evaluate(ticket("visits", "C", "sev2", "2026-11-20T17:45"), at("2026-11-20T17:50"));
  CHECK(show(target(e, "daily").due) == show("2026-11-21T17:45"));
  CHECK(show(level(e, "daily", 1).at) == show("2026-11-23T09:15"));
  CHECK(show(level(e, "daily", 2).at) == show("2026-11-20T18:15"));
}

TEST_CASE("A level on its own clock fires when that clock's time is reached and not at the due") {
  // `watchdog` runs 4h on cn-24x7 from Friday 16:00: due 20:00. Its level counts 2h on the
  // tier's cn-office: 16:00-18:00, all the office time before the due, so it fires at 18:00.
  const auto e =
      engine().evaluate(ticket("visits", "C", "sev2", "2026-11-20T16:00"), at("2026-11-20T16:30"));
  CHECK(show(target(e, "watchdog").due) == show("2026-11-20T20:00"));
  CHECK(show(level(e, "watchdog", 1).at) == show("2026-11-20T18:00"));
}

TEST_CASE("An escalation that raises the severity shortens another target's goal") {
  // Policy watch, sev2, Monday 09:00: `watch` (1h) breaches at 10:00 and raises to sev1; `fix`
  // then has 4h instead of 8h: 09–12 and 13–14 -> due 14:00.
  const auto e =
      engine().evaluate(ticket("watch", "C", "sev2", "2026-11-23T09:00"), at("2026-11-23T11:00"));
  CHECK(e.severity == "sev1");
  CHECK(level(e, "watch", 1).severity_effect == sla::SeverityEffect::changed);
  CHECK(level(e, "watch", 1).severity == "sev1");
  CHECK(show(target(e, "fix").due) == show("2026-11-23T14:00"));
  // on_severity_change: restart -> a new cycle at the change: 2h from 10:00 = 12:00.
  CHECK(target(e, "restarted", 1).state == sla::TargetState::met);
  CHECK(show(target(e, "restarted", 2).started) == show("2026-11-23T10:00"));
  CHECK(show(target(e, "restarted", 2).due) == show("2026-11-23T12:00"));
  // The optional target applies to sev1 only: it starts at the change.
  CHECK(show(target(e, "second_line").started) == show("2026-11-23T10:00"));
}

TEST_CASE("A level that restarts its own target reports its effects on the cycle that fired") {
  // sev2 from Monday 09:00: after 30m the level raises to sev1 and hands the ticket up; the
  // target restarts on the change, so cycle 1 ends at 09:30 and cycle 2 (1h) starts then.
  const auto e = engine().evaluate(ticket("self_raise", "C", "sev2", "2026-11-23T09:00"),
                                   at("2026-11-23T09:45"));
  const auto& fired = level(e, "callback", 1, 1);
  CHECK(fired.fired);
  CHECK(fired.severity_effect == sla::SeverityEffect::changed);
  CHECK(fired.severity == "sev1");
  CHECK(fired.assignee == "service_manager");
  CHECK(target(e, "callback", 1).state == sla::TargetState::met);
  const auto& next = level(e, "callback", 1, 2);  // cycle 2's level: 30m from 09:30
  CHECK_FALSE(next.fired);
  CHECK(show(next.at) == show("2026-11-23T10:00"));
  CHECK(next.severity.empty());
  CHECK(next.assignee.empty());
}

TEST_CASE("Raising the severity past the most severe is a reported no-op") {
  const auto e =
      engine().evaluate(ticket("watch", "C", "sev1", "2026-11-23T09:00"), at("2026-11-23T11:00"));
  CHECK(e.severity == "sev1");
  CHECK(level(e, "watch", 1).fired);
  CHECK(level(e, "watch", 1).severity_effect == sla::SeverityEffect::unchanged);
  CHECK(target(e, "restarted", 1).state == sla::TargetState::running);  // no change, no restart
}

TEST_CASE("An optional target without a goal cell does not apply; losing its cell cancels it") {
  const auto sev2 =
      engine().evaluate(ticket("watch", "C", "sev2", "2026-11-23T09:00"), at("2026-11-23T09:30"));
  CHECK(target(sev2, "second_line").state == sla::TargetState::not_applicable);
  const auto lowered = engine().evaluate(
      ticket("watch", "C", "sev1", "2026-11-23T09:00", {{"2026-11-23T09:20", "severity:sev3"}}),
      at("2026-11-23T09:30"));
  CHECK(target(lowered, "second_line").state == sla::TargetState::cancelled);
  CHECK(show(target(lowered, "second_line").stopped) == show("2026-11-23T09:20"));
}

TEST_CASE("An assign event sets where escalate counts from") {
  const auto e = engine().evaluate(ticket("maintenance", "C", "sev1", "2026-11-20T17:00",
                                          {{"2026-11-20T17:05", "assign:service_manager"}}),
                                   at("2026-11-20T17:40"));
  CHECK(level(e, "resolution", 2).assignee == "implementation_manager");
  CHECK(e.assignee == "implementation_manager");
}

TEST_CASE("Bad events are reported with their index and ignored; bad tickets are errors") {
  auto t = ticket("maintenance", "C", "sev1", "2026-11-23T09:00",
                  {{"2026-11-23T10:00", "responded"},
                   {"2026-11-23T09:30", "resolved"},
                   {"2026-11-23T08:00", "engineer_arrived"},
                   {"2026-11-23T10:10", "severity:sev9"},
                   {"2026-11-23T10:20", "tier:Z"},
                   {"2026-11-23T10:30", "assign:nobody"},
                   {"2026-11-23T10:40", "severity"}});
  const auto e = engine().evaluate(t, at("2026-11-23T11:00"));
  REQUIRE(e.ok());
  std::vector<std::pair<int, std::string>> got;
  for (const auto& d : e.diagnostics) got.emplace_back(d.event, d.code);
  const std::vector<std::pair<int, std::string>> expected = {
      {1, "event_out_of_order"}, {2, "event_before_creation"}, {3, "unknown_severity"},
      {4, "unknown_tier"},       {5, "unknown_role"},          {6, "missing_to"}};
  CHECK(got == expected);
  CHECK(target(e, "resolution").state == sla::TargetState::running);  // 'resolved' was ignored
  CHECK(e.severity == "sev1");

  auto unknown = t;
  unknown.policy = "nope";
  const auto bad = engine().evaluate(unknown, at("2026-11-23T11:00"));
  CHECK_FALSE(bad.ok());
  CHECK(bad.diagnostics.front().code == "unknown_policy");
  CHECK(bad.targets.empty());
  unknown.policy = "maintenance";
  unknown.severity = "sev9";
  CHECK(engine().evaluate(unknown, at("2026-11-23T11:00")).diagnostics.front().code ==
        "unknown_severity");
  unknown.severity = "sev1";
  unknown.tier = "B";
  CHECK(engine().evaluate(unknown, at("2026-11-23T11:00")).diagnostics.front().code ==
        "unknown_tier");
}

TEST_CASE("A ticket without a policy is matched by its attributes") {
  auto t = ticket("", "C", "sev1", "2026-11-23T09:00");
  t.attributes = {{"contract", "maintenance"}};
  const auto e = engine().evaluate(t, at("2026-11-23T09:10"));
  CHECK(e.policy == "maintenance");
  t.attributes = {{"contract", "other"}};
  // `watch` has no match: it matches everything, and it comes second.
  CHECK(engine().evaluate(t, at("2026-11-23T09:10")).policy == "watch");
}

TEST_CASE("Events after now are not seen") {
  const auto t =
      ticket("maintenance", "A", "sev1", "2026-11-23T09:00", {{"2026-11-23T10:00", "resolved"}});
  const auto before = engine().evaluate(t, at("2026-11-23T09:59:59"));
  CHECK(target(before, "resolution").state == sla::TargetState::running);
  const auto after = engine().evaluate(t, at("2026-11-23T10:00"));
  CHECK(target(after, "resolution").state == sla::TargetState::met);
}

TEST_CASE("Sleeping until next_wakeup and re-evaluating fires every level exactly once") {
  const auto t = ticket("maintenance", "C", "sev2", "2026-11-20T17:00",
                        {{"2026-11-20T17:25", "responded"},
                         {"2026-11-23T09:05", "customer_updated"},
                         {"2026-11-23T10:00", "waiting_customer"},
                         {"2026-11-24T14:00", "customer_replied"},
                         {"2026-11-26T11:00", "resolved"}});
  const sla::Instant end = at("2026-12-10T00:00");
  // Fired levels, keyed by (target, cycle, level), seen by a host that wakes up at every
  // next_wakeup and at every event.
  std::set<std::tuple<std::string, int, int>> seen;
  std::vector<sla::Instant> wakeups = {t.created};
  for (const auto& ev : t.events) wakeups.push_back(ev.at);
  std::sort(wakeups.begin(), wakeups.end());
  sla::Instant now = t.created;
  std::size_t next_event = 0;
  for (int guard = 0; guard < 1000 && now <= end; ++guard) {
    const auto e = engine().evaluate(t, now);
    for (const auto& target : e.targets)
      for (const auto& l : e.escalations_of(target))
        if (l.fired) seen.insert({std::string(target.id), target.cycle, l.level});
    while (next_event < wakeups.size() && wakeups[next_event] <= now) ++next_event;
    std::optional<sla::Instant> next = e.next_wakeup;
    if (next_event < wakeups.size() && (!next || wakeups[next_event] < *next))
      next = wakeups[next_event];
    if (!next) break;
    REQUIRE(*next > now);
    now = *next;
  }
  // The host saw exactly the levels that a single evaluation at the end reports fired.
  const auto final = engine().evaluate(t, end);
  std::set<std::tuple<std::string, int, int>> expected;
  for (const auto& target : final.targets)
    for (const auto& l : final.escalations_of(target))
      if (l.fired) expected.insert({std::string(target.id), target.cycle, l.level});
  CHECK(seen == expected);
  // By hand: after 30m fires Friday 17:30; 50% (8h) Wednesday 11:00 (Fri 1h, Mon 1h, paused
  // until Tue 14:00, Tue 4h, Wed 2h); the breach would be Thursday 11:00, the instant the
  // ticket is resolved: met, and the level due then does not fire.
  const std::set<std::tuple<std::string, int, int>> by_hand = {{"resolution", 1, 1},
                                                               {"resolution", 1, 2}};
  CHECK(expected == by_hand);
  CHECK(show(level(final, "resolution", 1).at) == show("2026-11-25T11:00"));
  CHECK(target(final, "resolution").state == sla::TargetState::met);
}

TEST_CASE("due(): the deadlines of a ticket to which nothing happens") {
  const auto s = engine().due("maintenance", "C", "P1", at("2026-11-20T17:00"));
  REQUIRE(s.ok());
  auto find = [&](std::string_view id) {
    return *std::find_if(s.targets.begin(), s.targets.end(),
                         [&](const auto& t) { return t.id == id; });
  };
  CHECK(show(find("resolution").due) == show("2026-11-23T17:00"));
  CHECK(show(find("on_site").start) == show("2026-11-23T12:00"));  // remote_fix's due
  CHECK(show(find("on_site").due) == show("2026-11-24T18:00"));
  CHECK_FALSE(find("report").start.has_value());
  const auto levels = s.levels_of(find("resolution"));
  CHECK(show(levels[0].at) == show("2026-11-23T12:00"));
  CHECK(show(levels[3].at) == show("2026-11-26T17:00"));
  CHECK(s.severity == "sev1");
}

TEST_CASE("Evaluation is deterministic whatever the number of threads") {
  std::vector<sla::Ticket> tickets;
  for (int i = 0; i < 400; ++i) {
    const std::string day = i % 2 ? "2026-11-20" : "2026-09-30";
    auto t = ticket(i % 3 ? "maintenance" : "watch", i % 3 ? (i % 2 ? "A" : "C") : "C",
                    "sev" + std::to_string(1 + i % 3), day + "T1" + std::to_string(i % 8) + ":00",
                    {{day + "T18:30", i % 5 ? "responded" : "customer_updated"}});
    tickets.push_back(t);
  }
  const auto now = at("2026-10-09T12:00");
  auto run = [&](std::size_t from, std::size_t step, std::vector<std::string>& out) {
    for (std::size_t i = from; i < tickets.size(); i += step) {
      const auto e = engine().evaluate(tickets[i], std::max(now, tickets[i].created));
      std::string s;
      for (const auto& t : e.targets)
        s += std::string(t.id) +
             sla::format_instant(t.due.value_or(sla::Instant{}), sla::TimeZone::utc()) +
             std::string(sla::to_string(t.state)) + std::to_string(t.elapsed.count());
      out[i] = s;
    }
  };
  std::vector<std::string> one(tickets.size()), four(tickets.size());
  run(0, 1, one);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < 4; ++k) threads.emplace_back([&, k] { run(k, 4, four); });
  for (auto& th : threads) th.join();
  CHECK(one == four);
}

TEST_CASE("goal: due(x) is due whenever x is, and follows x's pauses") {
  // sev2 from Monday 09:00: fix (8h) is due 18:00. Remote work fails at 11:00: on_site starts
  // and is due when fix is, 18:00; its goal is the office time 11:00–18:00 = 6h.
  const auto t =
      ticket("mail", "C", "sev2", "2026-11-23T09:00", {{"2026-11-23T11:00", "remote_failed"}});
  const auto e = engine().evaluate(t, at("2026-11-23T11:30"));
  CHECK(show(target(e, "on_site").started) == show("2026-11-23T11:00"));
  CHECK(show(target(e, "on_site").due) == show("2026-11-23T18:00"));
  CHECK(target(e, "on_site").goal == std::chrono::hours{6});
  CHECK(show(level(e, "on_site", 1).at) == show("2026-11-23T18:00"));
  // fix waits for the customer from 11:30 to 14:00 (2.5h used): on_site has no due instant
  // meanwhile, then fix's 5.5h left run 14–18 and Tuesday 09–10:30.
  auto paused = t;
  paused.events.push_back({at("2026-11-23T11:30"), "waiting_customer", ""});
  paused.events.push_back({at("2026-11-23T14:00"), "customer_replied", ""});
  const auto during = engine().evaluate(paused, at("2026-11-23T13:00"));
  CHECK(target(during, "on_site").state == sla::TargetState::running);
  CHECK_FALSE(target(during, "on_site").due.has_value());
  CHECK(target(during, "on_site").elapsed == std::chrono::hours{1});      // 11–12, lunch after
  CHECK(target(during, "on_site").remaining == std::chrono::seconds{0});  // no length: not -1h
  CHECK_FALSE(target(during, "on_site").percent.has_value());
  CHECK_FALSE(level(during, "on_site", 1).at.has_value());
  const auto after = engine().evaluate(paused, at("2026-11-23T15:00"));
  CHECK(show(target(after, "fix").due) == show("2026-11-24T10:30"));
  CHECK(show(target(after, "on_site").due) == show("2026-11-24T10:30"));
  CHECK(show(after.next_wakeup) == show("2026-11-24T10:30"));
}

TEST_CASE("goal: due(x) of a target that starts after x's due instant is breached as it starts") {
  // sev1: fix (4h) is due Monday 14:00; remote work fails at 15:00.
  const auto e = engine().evaluate(
      ticket("mail", "C", "sev1", "2026-11-23T09:00", {{"2026-11-23T15:00", "remote_failed"}}),
      at("2026-11-23T15:00"));
  const auto& on_site = target(e, "on_site");
  CHECK(on_site.state == sla::TargetState::breached);
  CHECK(show(on_site.due) == show("2026-11-23T14:00"));
  CHECK(show(on_site.breached_at) == show("2026-11-23T15:00"));
  CHECK(on_site.goal == std::chrono::seconds{0});
  CHECK(level(e, "on_site", 1).fired);
}

TEST_CASE("An on: level fires at its event while its target runs, once") {
  const auto e = engine().evaluate(
      ticket("mail", "C", "sev2", "2026-11-23T09:00",
             {{"2026-11-23T09:30", "customer_called"}, {"2026-11-23T10:00", "customer_called"}}),
      at("2026-11-23T10:30"));
  const auto& call_back = level(e, "remote", 1);
  CHECK(call_back.fired);
  CHECK(show(call_back.at) == show("2026-11-23T09:30"));
  // Before its event it has no instant (nothing can say when it comes) and no wakeup.
  const auto before =
      engine().evaluate(ticket("mail", "C", "sev2", "2026-11-23T09:00"), at("2026-11-23T09:10"));
  CHECK_FALSE(level(before, "remote", 1).fired);
  CHECK_FALSE(level(before, "remote", 1).at.has_value());
  // After its target stopped, the event fires nothing.
  const auto stopped = engine().evaluate(
      ticket("mail", "C", "sev2", "2026-11-23T09:00",
             {{"2026-11-23T09:20", "remote_failed"}, {"2026-11-23T09:30", "customer_called"}}),
      at("2026-11-23T10:30"));
  CHECK_FALSE(level(stopped, "remote", 1).fired);
}

TEST_CASE("An on: level fires on a severity, tier or assign event too, after the change") {
  // Monday 09:00, sev2. The unknown severity at 09:30 is ignored: no event, nothing fires.
  const auto e = engine().evaluate(ticket("on_changes", "C", "sev2", "2026-11-23T09:00",
                                          {{"2026-11-23T09:30", "severity:sev9"},
                                           {"2026-11-23T10:00", "severity:sev1"},
                                           {"2026-11-23T10:30", "assign:implementation_manager"},
                                           {"2026-11-23T11:00", "tier:D"}}),
                                   at("2026-11-23T11:30"));
  CHECK(show(level(e, "fix", 1).at) == show("2026-11-23T10:00"));
  CHECK(level(e, "fix", 1).severity == "sev1");  // the level sees the new severity
  CHECK(show(level(e, "fix", 2).at) == show("2026-11-23T10:30"));
  CHECK(level(e, "fix", 2).assignee == "implementation_manager");
  CHECK(show(level(e, "fix", 3).at) == show("2026-11-23T11:00"));
  for (int n = 1; n <= 3; ++n) CHECK(level(e, "fix", n).fired);
}

TEST_CASE("goal: due(x) of an x stopped while it waited for its goal cell has no due instant") {
  // sev2: `spare` has no goal cell and waits; `resolved` at 10:00 stops it for good, without a
  // cycle. `backup` (due when spare is) keeps running without a due instant: spare never had
  // one (not the 14:00 of `fix`, the policy's first target).
  const auto e = engine().evaluate(
      ticket("linked", "C", "sev2", "2026-11-23T09:00", {{"2026-11-23T10:00", "resolved"}}),
      at("2026-11-23T11:00"));
  CHECK(target(e, "spare").state == sla::TargetState::not_applicable);
  const auto& backup = target(e, "backup");
  CHECK(backup.state == sla::TargetState::running);
  CHECK_FALSE(backup.due.has_value());
  CHECK(backup.goal == std::chrono::seconds{0});
  CHECK(show(e.next_wakeup) == show("2026-11-23T14:00"));  // visit: due when fix was
}

TEST_CASE("goal: due(x) passing during the target's pause: L counts no paused time") {
  // sev1: fix (2h) is due Monday 11:00. visit pauses 09:30–11:30: its due instant, 11:00, is
  // past as it resumes, so it is breached then; L = its running time to 11:00 = 30m.
  const auto e =
      engine().evaluate(ticket("linked", "C", "sev1", "2026-11-23T09:00",
                               {{"2026-11-23T09:30", "wait"}, {"2026-11-23T11:30", "proceed"}}),
                        at("2026-11-23T11:45"));
  const auto& visit = target(e, "visit");
  CHECK(visit.state == sla::TargetState::breached);
  CHECK(show(visit.due) == show("2026-11-23T11:00"));
  CHECK(show(visit.breached_at) == show("2026-11-23T11:30"));
  CHECK(visit.goal == std::chrono::minutes{30});
  CHECK(visit.elapsed == std::chrono::minutes{45});
  CHECK(visit.remaining == std::chrono::minutes{-15});
  // Restarted at 10:00 while paused, cycle 2 has run nothing by 11:00: L = 0 (not cycle 1's
  // 30m), and no percentage of it.
  const auto again = engine().evaluate(ticket("linked", "C", "sev1", "2026-11-23T09:00",
                                              {{"2026-11-23T09:30", "wait"},
                                               {"2026-11-23T10:00", "again"},
                                               {"2026-11-23T11:30", "proceed"}}),
                                       at("2026-11-23T11:45"));
  const auto& second = target(again, "visit", 2);
  CHECK(show(second.breached_at) == show("2026-11-23T11:30"));
  CHECK(second.goal == std::chrono::seconds{0});
  CHECK_FALSE(second.percent.has_value());
}

TEST_CASE("goal: due(x) that started after x's due and stopped at once is missed") {
  // sev1: fix is due 11:00 and resolved late at 11:30; late_visit starts then (met(fix)) with
  // fix's last due, 11:00, and is closed at the same instant: stopped after its due instant.
  const auto e =
      engine().evaluate(ticket("linked", "C", "sev1", "2026-11-23T09:00",
                               {{"2026-11-23T11:30", "resolved"}, {"2026-11-23T11:30", "closed"}}),
                        at("2026-11-23T12:00"));
  const auto& late = target(e, "late_visit");
  CHECK(show(late.started) == show("2026-11-23T11:30"));
  CHECK(show(late.stopped) == show("2026-11-23T11:30"));
  CHECK(show(late.due) == show("2026-11-23T11:00"));
  CHECK(late.state == sla::TargetState::missed);
}

TEST_CASE("An ended goal: due(x) shows x's due and its L as they stand when it ends") {
  // sev2: fix (4h) is due Monday 14:00. At 10:00 its level raises the severity: fix (now 2h)
  // is due 11:00, ack (now 30m) was due 09:30, breached at the change, which stops visit: it
  // ends due 11:00 with L = 09:00–11:00 = 2h (not the 4h to 14:00 it counted with before).
  const auto e =
      engine().evaluate(ticket("raised", "C", "sev2", "2026-11-23T09:00"), at("2026-11-23T10:30"));
  const auto& visit = target(e, "visit");
  CHECK(show(visit.stopped) == show("2026-11-23T10:00"));
  CHECK(visit.state == sla::TargetState::met);
  CHECK(show(visit.due) == show("2026-11-23T11:00"));
  CHECK(visit.goal == std::chrono::hours{2});
  // `update` at 09:30 restarts `updates` (cycle 2: 2h, due 11:30), then stops `direct` (due
  // when updates is) and `chained` (due when follow is, which is due when updates is): both
  // end due 11:30, L = 09:00–11:30 = 2.5h.
  const auto c = engine().evaluate(
      ticket("cycles", "C", "sev2", "2026-11-23T09:00", {{"2026-11-23T09:30", "update"}}),
      at("2026-11-23T10:00"));
  CHECK(show(target(c, "updates", 2).due) == show("2026-11-23T11:30"));
  for (const char* id : {"direct", "chained"}) {
    INFO(id);
    CHECK(show(target(c, id).stopped) == show("2026-11-23T09:30"));
    CHECK(show(target(c, id).due) == show("2026-11-23T11:30"));
    CHECK(target(c, id).goal == std::chrono::minutes{150});
  }
  CHECK(show(target(c, "follow").due) == show("2026-11-23T11:30"));
}

TEST_CASE("An on: level's event during a pause fires nothing and is not remembered") {
  // fix waits for the customer 09:30–10:30; the call at 10:00 comes during the pause, the one
  // at 11:00 while it runs: the level fires then, at 11:00.
  const auto t = ticket("on_changes", "C", "sev2", "2026-11-23T09:00",
                        {{"2026-11-23T09:30", "waiting_customer"},
                         {"2026-11-23T10:00", "customer_called"},
                         {"2026-11-23T10:30", "customer_replied"},
                         {"2026-11-23T11:00", "customer_called"}});
  const auto during = engine().evaluate(t, at("2026-11-23T10:45"));
  CHECK_FALSE(level(during, "fix", 4).fired);
  CHECK_FALSE(level(during, "fix", 4).at.has_value());
  const auto after = engine().evaluate(t, at("2026-11-23T11:15"));
  CHECK(level(after, "fix", 4).fired);
  CHECK(show(level(after, "fix", 4).at) == show("2026-11-23T11:00"));
}
