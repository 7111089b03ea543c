// examples/crm_scheduler.cpp — how a CRM embeds sla-engine: evaluate its open tickets, sleep
// until the earliest next_wakeup (or the next event), and act on each escalation exactly once.
//
//   example_crm_scheduler rules/maintenance.yaml
//
// The clock is simulated: the program walks from the first ticket's creation to the end of the
// month, waking only when the engine says something will change or a ticket gets an event,
// and prints every escalation as it would notify someone. A real CRM does the same with
// `sleep_until(next_wakeup)` and re-evaluates a ticket whenever it records an event.
//
// Correctness, checked here: every level is acted on exactly once (deduplicated by ticket,
// target, cycle, level) at the very instant it fires (the scheduler never wakes late), a level
// once fired keeps its instant, no level that a final evaluation reports fired is missed, and
// the hand-worked escalations of ticket T-1 fire when the agreement says. Exit status 1
// otherwise.
#include <sla/sla.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace {

sla::Instant at(const char* text) { return sla::parse_instant(text, sla::TimeZone::utc()); }

sla::Ticket ticket(const char* id, const char* tier, const char* severity, const char* created,
                   std::vector<sla::TicketEvent> events) {
  sla::Ticket t;
  t.id = id;
  t.policy = "maintenance";
  t.tier = tier;
  t.severity = severity;
  t.created = at(created);
  t.events = std::move(events);
  return t;
}

using LevelKey = std::tuple<std::string, std::string, int, int>;  // ticket, target, cycle, level

std::string describe(const sla::EscalationLevel& level) {
  std::string text;
  for (const auto& a : level.actions) {
    if (!text.empty()) text += ", ";
    switch (a.kind) {
      case sla::EscalationAction::Kind::notify:
        text += "notify";
        for (const auto& role : a.roles) text += " " + role;
        break;
      case sla::EscalationAction::Kind::escalate:
        text += "escalate " + std::to_string(a.steps);
        break;
      case sla::EscalationAction::Kind::raise_severity:
        text += "raise severity " + std::to_string(a.steps);
        break;
      case sla::EscalationAction::Kind::set_severity:
        text += "set severity " + a.name;
        break;
      case sla::EscalationAction::Kind::action:
        text += "action " + a.name;
        break;
    }
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s rules/maintenance.yaml\n", argv[0]);
    return 2;
  }
  const sla::LoadResult loaded = sla::load_rules({argv[1]});
  for (const auto& d : loaded.diagnostics) std::fputs(d.to_string().c_str(), stderr);
  if (!loaded.ok()) return 2;
  const sla::Engine engine(*loaded.rules);  // immutable: share it with every worker thread

  // The CRM's open tickets (Beijing time). Their events are recorded as time goes by: the
  // scheduler only sees an event once the simulated clock has reached it.
  const std::vector<sla::Ticket> tickets = {
      // Tier C, sev1, reported on a Friday an hour before closing, never responded to.
      ticket("T-1", "C", "sev1", "2026-11-20T17:00:00+08:00", {}),
      // Tier A (7x24), sev2, paused for the customer, resolved in time.
      ticket("T-2", "A", "sev2", "2026-11-21T02:00:00+08:00",
             {{at("2026-11-21T02:20:00+08:00"), "responded", ""},
              {at("2026-11-21T03:00:00+08:00"), "waiting_customer", ""},
              {at("2026-11-23T10:00:00+08:00"), "customer_replied", ""},
              {at("2026-11-23T20:00:00+08:00"), "resolved", ""}}),
      // Tier C, sev3, handed to the service manager at once, raised to sev2 later.
      ticket("T-3", "C", "sev3", "2026-11-23T09:00:00+08:00",
             {{at("2026-11-23T09:00:00+08:00"), "assign", "service_manager"},
              {at("2026-11-23T09:05:00+08:00"), "responded", ""},
              {at("2026-11-24T11:00:00+08:00"), "severity", "sev2"}}),
  };
  const sla::TimeZone beijing = sla::TimeZone::locate("Asia/Shanghai");
  const sla::Instant end = at("2026-11-30T00:00:00+08:00");

  std::set<LevelKey> acted;
  std::map<LevelKey, sla::Instant> when;
  int moved = 0;  // a level reported again with another instant (dedup would be unsafe)
  int late = 0;   // a level first seen after its instant (a wakeup was missed)
  sla::Instant now = tickets.front().created;
  sla::Evaluation e;  // reused: no allocation per ticket once it has grown
  int wakeups = 0;
  while (now <= end) {
    ++wakeups;
    std::optional<sla::Instant> next;
    auto consider = [&](sla::Instant t) {
      if (t > now && (!next || t < *next)) next = t;
    };
    for (const sla::Ticket& t : tickets) {
      if (t.created > now) {
        consider(t.created);
        continue;
      }
      engine.evaluate(t, now, e);
      for (const sla::TargetOutcome& target : e.targets) {
        for (const sla::EscalationOutcome& level : e.escalations_of(target)) {
          if (!level.fired) continue;
          const LevelKey key{t.id, std::string(target.id), target.cycle, level.level};
          if (!acted.insert(key).second) {  // acted on at an earlier wakeup: the same instant?
            if (when[key] != *level.at) ++moved;
            continue;
          }
          when[key] = *level.at;
          if (*level.at != now) ++late;  // the scheduler woke after the level's instant
          std::printf("%s  %s %-10s #%d level %d (%s): %s -> assignee %s, severity %s\n",
                      sla::format_instant(*level.at, beijing).c_str(), t.id.c_str(),
                      std::string(target.id).c_str(), target.cycle, level.level,
                      sla::to_string(level.rule->trigger).c_str(), describe(*level.rule).c_str(),
                      std::string(level.assignee).c_str(), std::string(level.severity).c_str());
        }
      }
      if (e.next_wakeup) consider(*e.next_wakeup);
      for (const auto& event : t.events) consider(event.at);  // the CRM re-evaluates on events
    }
    if (!next) break;
    now = *next;  // sleep_until(*next)
  }

  // Every level a final evaluation reports fired was acted on, once.
  int missed = 0;
  for (const sla::Ticket& t : tickets) {
    engine.evaluate(t, end, e);
    for (const auto& target : e.targets)
      for (const auto& level : e.escalations_of(target))
        if (level.fired &&
            acted.count({t.id, std::string(target.id), target.cycle, level.level}) == 0) {
          std::printf("MISSED: %s %s level %d\n", t.id.c_str(), std::string(target.id).c_str(),
                      level.level);
          ++missed;
        }
  }

  // T-1 by hand (tier C: Mon–Fri 09–12, 13–18; resolution sev1 = 8h from Fri 17:00):
  //   after 30m            Fri 17:30  escalate 1 -> service_manager
  //   at 50% (4h)          Mon 12:00  (Fri 1h + Mon 09–12)
  //   at 100% (8h)         Mon 17:00  raise severity (sev1 is the top: stays sev1)
  //   after_breach 24h     Thu 17:00  (Mon 1h, Tue 8h, Wed 8h, Thu 09–12, 13–17)
  const std::map<LevelKey, const char*> expected = {
      {{"T-1", "resolution", 1, 2}, "2026-11-20T17:30:00+08:00"},
      {{"T-1", "resolution", 1, 1}, "2026-11-23T12:00:00+08:00"},
      {{"T-1", "resolution", 1, 3}, "2026-11-23T17:00:00+08:00"},
      {{"T-1", "resolution", 1, 4}, "2026-11-26T17:00:00+08:00"},
  };
  int wrong = 0;
  for (const auto& [key, text] : expected) {
    const auto it = when.find(key);
    if (it == when.end() || it->second != at(text)) {
      std::printf("WRONG: %s %s level %d: expected at %s\n", std::get<0>(key).c_str(),
                  std::get<1>(key).c_str(), std::get<3>(key), text);
      ++wrong;
    }
  }
  std::printf("%zu escalations acted on in %d wakeups; %d late, %d missed, %d moved, %d wrong\n",
              acted.size(), wakeups, late, missed, moved, wrong);
  return late + missed + moved + wrong == 0 && acted.size() >= expected.size() ? 0 : 1;
}
