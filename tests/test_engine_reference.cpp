// tests/test_engine_reference.cpp — sla::Engine against the brute-force reference model
// (tests/reference_engine.hpp).
//
// Random rule sets, written as YAML and loaded like a user's: calendars with lunch breaks,
// holidays, a make-up working day, overnight windows, DST zones (Europe/Berlin,
// America/New_York) and 7×24; tiers on those calendars; targets starting on creation, on an
// event, on met(x) and breached(x), with stops, pauses, restarts, periodic goals, goals by tier
// and severity in business time, business days, anchors and calendar days, optional targets
// with missing cells, both on_severity_change modes, level clocks, and escalation levels of
// every trigger with every action; goals due(x) of another target (earlier or later in the
// policy, itself due(y) in chains; x running, paused, pending, optional and waiting, stopped,
// periodic, changing goal), and on: levels on event types that come while the target runs, is
// paused, has stopped or has not started, including severity / tier / assign. Random tickets
// with event logs (severity / tier / assign changes, pauses across holidays and DST, bad
// events), evaluated at random instants. Every field of every Evaluation is compared, and
// Engine::due against a replay without events.
//
// The seed is printed; set SLA_REFERENCE_SEED=<n> to replay a run, SLA_ENGINE_REFERENCE_SHOW=1
// to print every case that disagrees (rules, ticket, now, fields) instead of the first few.
//
// Where sla/engine.hpp's model text leaves a choice, the reference takes these readings (marked
// READING there); each is a question for the model's wording, not settled by this test alone:
//   1. One instant: after each breach or level, the next is again the first due in policy order.
//   2. met(x) / breached(x) caused by an event or a level happen after its own effects, in order.
//   3. A stop condition also ends a target waiting for its (optional) goal cell, for good.
//   4. The pause state belongs to the target: a restart or a regained cell starts paused.
//   5. A change while paused breaches at once when more than the new L has run.
//   6. A goal in business days is due where it says (bd+1@08:00 at 08:00, though L is used up at
//      the previous close) while the cycle counts without pause on one calendar; otherwise when
//      running time reaches L. at_breach and at: 100% fire at that due instant.
//   7. When exactly L had run at the last resume or change (not anchored), the due instant is the
//      next open instant (add(t, 0) = roll_forward(t)).
//   8. A recompute onto another clock (4h -> 1cd) carries the running time over, as a tier
//      change does; a goal in business days takes its L from the start on the new clock.
//   9. A cycle ended by its own level at its breach instant (a restart) is missed.
//  10. Zones: an ended cycle shows its calendar's, targets without a cycle the tier's.
//  11. The whole log is screened for diagnostics, also events after now.
//  12. A severity that does not change (raise at the top) changes nothing: no restart.
//  13. A trigger in business days (after: 1bd) is the open time of those days on the level's
//      clock, from the start (after), back from the due (before_breach) or on from it
//      (after_breach); the wall clock is an always-open calendar in UTC for business days.
//  14. A target is pending until its start condition happens, also when it has no goal cell;
//      not_applicable once it has started (or stopped) without one.
//  15. An ended cycle reports the due instant it had when it ended (null if it ended paused).
// goal: due(x) and on: levels (their text is the commit that added them and the trigger table):
//  16. x's due is read as it stands. x stopped = its last cycle ended met or missed (that
//      cycle's due); x whose last cycle was cancelled, or stopped while waiting for its goal
//      cell, has none.
//  17. While a target due(x) has no due instant its L is 0 (percent null, remaining -elapsed).
//      Paused, it keeps the L it had before the pausing event (the same event pausing x first
//      does not change it); a cycle that begins paused has L 0; an ended one takes its due and
//      L as they stand at its end (x restarted or changed by an earlier effect at that instant).
//  18. A due of a target due(x) that becomes known, or moves, into the past (it starts or
//      resumes after x's due, x resumes or changes goal) breaches it at that instant, visible at
//      once, found with the breaches after the instant's events in policy order; an event at
//      that instant that stops it first leaves it missed without a breach.
//  19. at_breach and at: 100% of a target due(x) fire at its due instant (as in 6); the levels
//      on L follow its due, firing at once when a change moves them into the past.
//  20. A severity or tier change leaves a target due(x) as it is (x's change moves it): no
//      restart even with on_severity_change: restart; `optional` is not generated for it.
//  21. An event's effects are taken target by target: each target's on: levels after its own
//      start, stop, pause, resume and restart, on the state as it is then; the outcomes it
//      causes come after (2). An event during a pause, before the start or after the stop is
//      not remembered. A severity / tier / assign event fires its type's on: levels after the
//      change (and starts, stops, pauses nothing, as before).
//  22. A target without a due instant and without a length (a due(x) whose x has none) reports
//      remaining 0, not -elapsed (which would read as overdue).
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "reference_engine.hpp"
#include "sla/sla.hpp"

namespace {

using namespace std::chrono;
using sla_ref::Days;
using sla_ref::OptT;
using std::int64_t;

struct Rng {
  std::mt19937_64 engine;
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine); }
  bool chance(double p) { return std::bernoulli_distribution(p)(engine); }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(uniform(0, static_cast<int>(v.size()) - 1))];
  }
};

Days ymd(int y, unsigned m, unsigned d) { return Days{year{y} / month{m} / day{d}}; }
std::string date_text(Days d) { return sla_ref::format_date(d); }

// ---------------------------------------------------------------------------------------------
// Rule sets

// Two eras, each with the DST changes of both zones and holidays: March 2026 (New York springs
// forward on the 8th, Berlin on the 29th) and October–November 2026 (Berlin falls back on
// October 25, New York on November 1; Thanksgiving November 26).
struct Era {
  Days first_created, last_created;  ///< tickets are created in these dates
  Days model_first, model_last;      ///< the reference models these dates
};
const std::vector<Era> kEras = {
    {ymd(2026, 3, 2), ymd(2026, 4, 2), ymd(2026, 2, 20), ymd(2026, 5, 20)},
    {ymd(2026, 10, 19), ymd(2026, 11, 27), ymd(2026, 10, 10), ymd(2027, 1, 15)},
};

const std::vector<std::string> kCalendarIds = {"office", "ny", "night", "always"};
const std::vector<std::string> kSeverities = {"sev1", "sev2", "sev3", "sev4"};
const std::vector<std::string> kSeverityNames = {"sev1", "P1", "sev2", "P2", "sev3", "sev4"};
const std::vector<std::string> kRoles = {"engineer", "lead", "manager", "director", "support"};

int era_days(const Era& era) {
  return static_cast<int>((era.last_created - era.first_created).count());
}

Days random_weekday(Rng& rng, const Era& era) {
  Days d = era.first_created + days{rng.uniform(0, era_days(era))};
  while (weekday{d} == Saturday || weekday{d} == Sunday) d += days{1};
  return d;
}
Days random_saturday(Rng& rng, const Era& era) {
  Days d = era.first_created + days{rng.uniform(0, era_days(era))};
  while (weekday{d} != Saturday) d += days{1};
  return d;
}

std::string calendars_yaml(Rng& rng, const Era& era) {
  std::ostringstream y;
  y << "calendars:\n";
  // Berlin office: a lunch break (or none), a holiday, a holiday range, a make-up Saturday.
  const std::string open = rng.pick(std::vector<std::string>{"08:00", "08:30", "09:00"});
  const std::string close = rng.pick(std::vector<std::string>{"17:00", "17:30", "18:00"});
  const std::string lunch =
      rng.pick(std::vector<std::string>{"12:00\", \"13:00", "12:30\", \"13:15", ""});
  y << "  office:\n    time_zone: Europe/Berlin\n    hours: {mon-fri: [\"" << open << "-";
  if (!lunch.empty()) y << lunch.substr(0, 5) << "\", \"" << lunch.substr(9, 5) << "-";
  y << close << "\"]}\n";
  const Days h = random_weekday(rng, era);
  const Days r = random_weekday(rng, era);
  y << "    holidays: [" << date_text(h) << ", {from: " << date_text(r)
    << ", to: " << date_text(r + days{rng.uniform(1, 3)}) << "}]\n";
  y << "    workdays: [" << date_text(random_saturday(rng, era)) << "]\n";
  // New York: long days, maybe Saturday mornings, Thanksgiving.
  y << "  ny:\n    time_zone: America/New_York\n    hours: {mon-fri: [\""
    << rng.pick(std::vector<std::string>{"07:00-19:00", "08:00-12:00\", \"12:45-18:00"}) << "\"]"
    << (rng.chance(0.5) ? ", sat: [\"10:00-14:00\"]" : "") << "}\n";
  y << "    holidays: [{yearly: {month: 11, weekday: thu, nth: 4}}, "
    << date_text(random_weekday(rng, era)) << "]\n";
  // Overnight and DST-straddling windows.
  y << "  night:\n    time_zone: "
    << rng.pick(std::vector<std::string>{"America/New_York", "Europe/Berlin"})
    << "\n    hours: {daily: ["
    << rng.pick(std::vector<std::string>{"\"22:00-06:00\"", "\"01:00-05:00\", \"20:00-23:30\""})
    << "]}\n";
  y << "  always: {time_zone: UTC, hours: {daily: [\"00:00-24:00\"]}}\n";
  return y.str();
}

struct TargetShape {
  std::string id;
  bool wall = false;  ///< counts on the wall clock (fewer business-day goals there)
};

std::string goal_value(Rng& rng, bool wall, bool periodic) {
  static const std::vector<std::string> business = {"20m", "30m", "45m", "1h",  "1h7m",
                                                    "2h",  "3h",  "4h",  "13m", "8h"};
  static const std::vector<std::string> days = {
      "1bd", "2bd", "eobd", "eobd+1", "1cd", "bd+1@10:00", "bd+1@12:30", "bd+2@07:00", "2cd"};
  auto one = [&] {
    if (rng.chance(0.3)) {
      const std::string d = rng.pick(days);
      if (!wall || d.find("cd") != std::string::npos || rng.chance(0.3)) return d;
    }
    return rng.pick(business);
  };
  if (!periodic) return one();
  std::string list = "[";
  const int n = rng.uniform(1, 3);
  for (int k = 0; k < n; ++k) list += (k ? ", " : "") + rng.pick(business);
  return list + "]";
}

std::string goal_yaml(Rng& rng, bool wall, bool periodic, bool optional,
                      const std::vector<std::string>& tiers) {
  auto subset = [&](const std::vector<std::string>& all) {
    std::vector<std::string> out;
    for (const auto& x : all)
      if (!optional || rng.chance(0.6)) out.push_back(x);
    if (out.empty()) out.push_back(rng.pick(all));
    return out;
  };
  auto by_severity = [&] {
    std::string s = "{";
    const auto sevs = subset(kSeverities);
    for (std::size_t k = 0; k < sevs.size(); ++k) {
      std::string key = sevs[k];
      if (key == "sev1" && rng.chance(0.3)) key = "P1";
      s += (k ? ", " : "") + key + ": " + goal_value(rng, wall, periodic);
    }
    return s + "}";
  };
  switch (optional ? rng.uniform(1, 3) : rng.uniform(0, 3)) {
    case 0:
      return goal_value(rng, wall, periodic);
    case 1: {
      std::string s = "{";
      const auto ts = subset(tiers);
      for (std::size_t k = 0; k < ts.size(); ++k)
        s += (k ? ", " : "") + ts[k] + ": " + goal_value(rng, wall, periodic);
      return s + "}";
    }
    case 2:
      return by_severity();
    default: {
      std::string s = "{";
      const auto ts = subset(tiers);
      for (std::size_t k = 0; k < ts.size(); ++k)
        s += (k ? ", " : "") + ts[k] + ": " +
             (rng.chance(0.5) ? by_severity() : goal_value(rng, wall, periodic));
      return s + "}";
    }
  }
}

std::string level_yaml(Rng& rng) {
  std::string s = "{";
  bool timed = false;
  switch (rng.uniform(0, 5)) {
    case 0:
      s += "at: " + rng.pick(std::vector<std::string>{"10%", "25%", "33%", "50%", "67%", "75%",
                                                      "90%", "100%", "120%", "150%"});
      break;
    case 1:
      s += "after: " +
           rng.pick(std::vector<std::string>{"5m", "17m", "30m", "1h", "2h", "1cd", "1bd"});
      timed = true;
      break;
    case 2:
      s += "before_breach: " +
           rng.pick(std::vector<std::string>{"5m", "10m", "15m", "30m", "1h", "3h", "1cd", "1bd"});
      timed = true;
      break;
    case 3:
      s += "at_breach: true";
      break;
    case 4:
      s += "after_breach: " + rng.pick(std::vector<std::string>{"15m", "1h", "2h", "1cd", "2bd"});
      timed = true;
      break;
    default:
      s += "on: " + rng.pick(std::vector<std::string>{"call", "call", "wait", "reply", "upd",
                                                      "resolved", "ack", "arrive", "severity",
                                                      "tier", "assign", "hold"});
      break;
  }
  if (timed && rng.chance(0.25))
    s += ", clock: " + rng.pick(std::vector<std::string>{"wall", "business", "office", "night"});
  const int actions = rng.uniform(1, 2);
  bool severity_action = false, any_action = false;
  std::vector<bool> used(5, false);
  for (int a = 0; a < actions; ++a) {
    const int kind = rng.uniform(0, 4);
    // One action of a kind, and one severity action, a level.
    if (used[static_cast<std::size_t>(kind)] || ((kind == 2 || kind == 3) && severity_action))
      continue;
    used[static_cast<std::size_t>(kind)] = true;
    any_action = true;
    switch (kind) {
      case 0:
        s += ", notify: [" + rng.pick(kRoles) + "]";
        break;
      case 1:
        s += ", escalate: " + std::to_string(rng.uniform(1, 2));
        break;
      case 2:
        s += ", raise_severity: " + std::to_string(rng.uniform(1, 2));
        severity_action = true;
        break;
      case 3:
        s += ", set_severity: " + rng.pick(kSeverityNames);
        severity_action = true;
        break;
      default:
        s += ", action: call_" + std::to_string(a);
        break;
    }
  }
  if (!any_action) s += ", action: ping";
  return s + "}";
}

struct RulesCase {
  std::string yaml;
  std::vector<std::string> tiers;
  int targets = 0;
  bool with_loop = false;  ///< has policy `loop`, whose rules loop
};

RulesCase random_rules(Rng& rng, const Era& era, bool with_loop) {
  RulesCase rc;
  std::ostringstream y;
  y << "version: 1\n" << calendars_yaml(rng, era);
  y << "roles:\n  engineer: {escalates_to: lead}\n  lead: {escalates_to: manager}\n"
       "  manager: {escalates_to: director}\n  director: {}\n  support: {escalates_to: manager}\n";
  y << "severities:\n  - {id: sev1, aliases: [P1]}\n  - {id: sev2, aliases: [P2]}\n"
       "  - {id: sev3}\n  - {id: sev4}\n";
  y << "policies:\n  - id: p\n    match: {contract: sla}\n    tiers:\n";
  const std::vector<std::pair<std::string, std::vector<std::string>>> tier_pool = {
      {"gold", {"always", "night"}}, {"silver", {"ny"}}, {"bronze", {"office", "ny"}}};
  for (const auto& [tier, cals] : tier_pool) {
    if (tier != "bronze" && rng.chance(0.25)) continue;
    rc.tiers.push_back(tier);
    y << "      " << tier << ": {calendar: " << rng.pick(cals) << "}\n";
  }
  y << "    targets:\n";
  rc.targets = rng.uniform(2, 6);
  // Start and due(x) dependencies: target i waits on waits[i] (the loader refuses a cycle).
  std::vector<std::vector<int>> waits(static_cast<std::size_t>(rc.targets));
  auto reaches = [&](int from, int to) {
    std::vector<int> todo = {from};
    std::vector<bool> seen(waits.size(), false);
    while (!todo.empty()) {
      const int v = todo.back();
      todo.pop_back();
      if (v == to) return true;
      if (seen[static_cast<std::size_t>(v)]) continue;
      seen[static_cast<std::size_t>(v)] = true;
      for (const int w : waits[static_cast<std::size_t>(v)]) todo.push_back(w);
    }
    return false;
  };
  std::vector<int> linked;  // targets whose goal is due(x), for chains
  for (int i = 0; i < rc.targets; ++i) {
    const std::string id = "t" + std::to_string(i);
    y << "      " << id << ":\n";
    auto other = [&](bool earlier) {
      int j = rng.uniform(0, earlier ? i - 1 : rc.targets - 1);
      if (!earlier && j == i) j = (j + 1) % rc.targets;
      return j;
    };
    const int start = i == 0 ? rng.uniform(0, 1) : rng.uniform(0, 3);
    const int start_on = start >= 2 ? other(true) : -1;
    if (start_on >= 0 && !reaches(start_on, i)) {
      waits[static_cast<std::size_t>(i)].push_back(start_on);
      y << "        start: " << (start == 2 ? "met(t" : "breached(t") << start_on << ")\n";
    } else {
      y << "        start: "
        << (start == 0 ? (rng.chance(0.7) ? "created" : "ack")
                       : (rng.chance(0.5) ? "created" : "arrive"))
        << "\n";
    }
    // goal: due(x) of another target, also of one due(y) itself (a chain), also of a later one.
    int due_of = -1;
    if (rng.chance(0.3)) {
      due_of = !linked.empty() && rng.chance(0.4) ? rng.pick(linked) : other(false);
      if (reaches(due_of, i)) due_of = -1;
    }
    if (due_of >= 0) {
      waits[static_cast<std::size_t>(i)].push_back(due_of);
      linked.push_back(i);
    }
    std::vector<std::string> stops = {rng.pick(std::vector<std::string>{"resolved", "fixed"})};
    if (rng.chance(0.3)) stops.push_back("closed");
    if (rng.chance(0.2))
      stops.push_back((rng.chance(0.5) ? "met(t" : "breached(t") + std::to_string(other(false)) +
                      ")");
    y << "        stop: [";
    for (std::size_t k = 0; k < stops.size(); ++k) y << (k ? ", " : "") << stops[k];
    y << "]\n";
    if (rng.chance(0.4))
      y << "        pause: " << (rng.chance(0.3) ? "[wait, hold]" : "wait")
        << "\n        resume: reply\n";
    const bool restart = rng.chance(0.25);
    if (restart) y << "        restart: upd\n";
    const int clock = rng.uniform(0, 9);
    const bool wall = clock == 7;
    if (wall) y << "        clock: wall\n";
    if (clock >= 8) y << "        clock: " << (clock == 8 ? "office" : "always") << "\n";
    const bool optional = due_of < 0 && rng.chance(0.15);
    if (optional) y << "        optional: true\n";
    if (rng.chance(0.25)) y << "        on_severity_change: restart\n";
    const bool periodic = due_of < 0 && rng.chance(restart ? 0.6 : 0.1);
    if (due_of >= 0)
      y << "        goal: due(t" << due_of << ")\n";
    else
      y << "        goal: " << goal_yaml(rng, wall, periodic, optional, rc.tiers) << "\n";
    const int levels = rng.uniform(0, 4);
    if (levels > 0) {
      y << "        escalation:\n";
      for (int k = 0; k < levels; ++k) y << "          - " << level_yaml(rng) << "\n";
    }
  }
  rc.with_loop = with_loop;
  if (with_loop) {
    // Levels that fire as their target starts and keep changing the severity: a loop in the
    // rules, which the engine reports (change_limit) instead of hanging.
    y << "  - id: loop\n    match: {contract: loop}\n    tiers: {bronze: {calendar: office}}\n"
         "    targets:\n      loop:\n        start: created\n        stop: [resolved]\n"
         "        on_severity_change: restart\n        goal: 1h\n"
         "        escalation: [{before_breach: 2h, raise_severity: 1},\n"
         "                     {before_breach: 2h, set_severity: sev4}]\n";
  }
  rc.yaml = y.str();
  return rc;
}

// ---------------------------------------------------------------------------------------------
// Tickets

int64_t instant_of(Days d, int minute_of_day) {
  // A UTC instant near the local time of the zones used (their offsets are -5 .. +2 h); exact
  // local times do not matter, minute alignment does.
  return sla_ref::local_midnight(d) + int64_t{minute_of_day} * 60;
}

sla::Ticket random_ticket(Rng& rng, const Era& era, const RulesCase& rc, int n) {
  sla::Ticket t;
  t.id = "T-" + std::to_string(n);
  t.policy = "p";
  t.tier = rng.pick(rc.tiers);
  t.severity = rng.pick(kSeverityNames);
  if (rng.chance(0.1)) t.assignee = rng.pick(kRoles);
  if (rng.chance(0.1)) {  // selected by its attributes
    t.policy.clear();
    t.attributes = {{"contract", rng.chance(0.9) ? "sla" : "none"}};
  }
  switch (rng.uniform(0, 60)) {  // a ticket that cannot be evaluated
    case 0:
      t.policy = "q";
      break;
    case 1:
      t.tier = "platinum";
      break;
    case 2:
      t.severity = "sev9";
      break;
    case 3:
      t.assignee = "nobody";
      break;
    default:
      break;
  }
  const Days d = era.first_created + days{rng.uniform(0, era_days(era))};
  const int minute = rng.chance(0.4) ? 60 * rng.uniform(0, 23) + rng.pick(std::vector<int>{0, 30})
                                     : rng.uniform(0, 1439);
  const int64_t created = instant_of(d, minute);
  t.created = sla::Instant{seconds{created}};
  const int events = rng.uniform(0, 10);
  int64_t at = created;
  static const std::vector<std::string> types = {"resolved", "fixed", "closed", "ack",   "arrive",
                                                 "wait",     "hold",  "reply",  "reply", "upd",
                                                 "upd",      "noise", "wait",   "call"};
  for (int k = 0; k < events; ++k) {
    switch (rng.uniform(0, 4)) {
      case 0:
        break;  // the same instant
      case 1:
        at += 60 * rng.uniform(1, 59);
        break;
      case 2:
        at += 60 * rng.uniform(60, 8 * 60);
        break;
      default:
        at += 60 * rng.uniform(8 * 60, 3 * 24 * 60);
        break;
    }
    sla::TicketEvent e;
    e.at = sla::Instant{seconds{at}};
    const int kind = rng.uniform(0, 19);
    if (kind < 12) {
      e.type = rng.pick(types);
    } else if (kind < 15) {
      e.type = "severity";
      e.to = rng.chance(0.08) ? "sev9" : rng.pick(kSeverityNames);
    } else if (kind < 17) {
      e.type = "tier";
      e.to = rng.chance(0.1) ? "platinum" : rng.pick(rc.tiers);
    } else if (kind < 18) {
      e.type = "assign";
      e.to = rng.chance(0.15) ? "nobody" : rng.pick(kRoles);
    } else if (kind < 19) {
      e.type = rng.pick(std::vector<std::string>{"severity", "tier", "assign"});  // no `to`
    } else {
      e.type = rng.pick(types);  // back in time, or before creation
      e.at = sla::Instant{seconds{at - 60 * rng.uniform(1, 3 * 24 * 60)}};
    }
    t.events.push_back(e);
  }
  return t;
}

std::string show(OptT t) { return t ? sla_ref::format_utc(*t) : "null"; }
std::string show(const std::optional<sla::Instant>& t) {
  return t ? show(OptT{sla_ref::secs(*t)}) : "null";
}
std::string show(std::optional<double> p) {
  if (!p) return "null";
  std::ostringstream s;
  s << *p;
  return s.str();
}
std::string show(sla::SeverityEffect e) {
  return e == sla::SeverityEffect::none      ? "none"
         : e == sla::SeverityEffect::changed ? "changed"
                                             : "unchanged";
}
std::string show(sla::TargetState s) { return std::string(sla::to_string(s)); }
std::string show(const std::string& s) { return s; }
std::string show(std::string_view s) { return std::string(s); }
std::string show(int64_t v) { return std::to_string(v); }
std::string show(int v) { return std::to_string(v); }
std::string show(bool v) { return v ? "true" : "false"; }

std::string describe(const sla::Ticket& t, int64_t now) {
  std::ostringstream s;
  s << "ticket: tier " << t.tier << ", severity " << t.severity << ", assignee '" << t.assignee
    << "', created " << show(OptT{sla_ref::secs(t.created)}) << "\n";
  for (std::size_t i = 0; i < t.events.size(); ++i)
    s << "  event " << i << ": " << show(OptT{sla_ref::secs(t.events[i].at)}) << " "
      << t.events[i].type << (t.events[i].to.empty() ? "" : ":" + t.events[i].to) << "\n";
  s << "now: " << show(OptT{now}) << "\n";
  return s.str();
}

/// The reference's evaluation, one line a target cycle, to read a disagreement by.
std::string outline(const sla_ref::RefEvaluation& r) {
  std::ostringstream s;
  s << "reference: severity " << r.severity << ", tier " << r.tier << ", next_wakeup "
    << show(r.next_wakeup) << "\n";
  for (const auto& t : r.targets) {
    s << "  " << t.id << "#" << t.cycle << " " << show(t.state) << " started " << show(t.started)
      << " stopped " << show(t.stopped) << " due " << show(t.due) << " breached_at "
      << show(t.breached_at) << " goal " << t.goal << " elapsed " << t.elapsed << "\n";
    for (const auto& l : t.levels)
      if (l.fired || l.at)
        s << "    level " << l.level << (l.fired ? " fired " : " at ") << show(l.at) << "\n";
  }
  return s.str();
}

/// Every field of the engine's evaluation against the reference's; the differences, one a line
/// (values are formatted only when they differ).
OptT norm(const std::optional<sla::Instant>& t) { return t ? OptT{sla_ref::secs(*t)} : OptT{}; }
OptT norm(const OptT& t) { return t; }
std::string_view norm(std::string_view s) { return s; }
std::string_view norm(const std::string& s) { return s; }
template <class T>
const T& norm(const T& v) {
  return v;
}

struct Diff {
  std::vector<std::string> lines;
  template <class A, class B>
  void field(const std::string& prefix, const char* name, const A& engine, const B& reference) {
    if (norm(engine) == norm(reference)) return;
    lines.push_back(prefix + name + ": engine " + show(engine) + ", reference " + show(reference));
  }
};

Diff compare(const sla::Evaluation& e, const sla_ref::RefEvaluation& r) {
  Diff d;
  d.field("", "ok", e.ok(), r.ok);
  std::string ediag, rdiag;
  for (const auto& x : e.diagnostics)
    ediag += std::to_string(x.event) + ":" + x.code +
             (x.severity == sla::EvaluationDiagnostic::Severity::error ? "(error) " : " ");
  for (const auto& x : r.diagnostics)
    rdiag += std::to_string(x.event) + ":" + x.code + (x.error ? "(error) " : " ");
  d.field("", "diagnostics", ediag, rdiag);
  if (!e.ok() || !r.ok) return d;
  d.field("", "policy", e.policy, r.policy);
  d.field("", "tier", e.tier, r.tier);
  d.field("", "severity", e.severity, r.severity);
  d.field("", "assignee", e.assignee, r.assignee);
  d.field("", "zone", e.zone ? e.zone->name() : "null", r.zone);
  d.field("", "next_wakeup", e.next_wakeup, r.next_wakeup);
  d.field("", "outcomes", static_cast<int>(e.targets.size()), static_cast<int>(r.targets.size()));
  const std::size_t n = std::min(e.targets.size(), r.targets.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& et = e.targets[i];
    const auto& rt = r.targets[i];
    const std::string w = rt.id + "#" + std::to_string(rt.cycle) + " ";
    d.field(w, "id", et.id, rt.id);
    d.field(w, "cycle", et.cycle, rt.cycle);
    d.field(w, "state", et.state, rt.state);
    d.field(w, "started", et.started, rt.started);
    d.field(w, "stopped", et.stopped, rt.stopped);
    d.field(w, "due", et.due, rt.due);
    d.field(w, "breached_at", et.breached_at, rt.breached_at);
    d.field(w, "goal", int64_t{et.goal.count()}, rt.goal);
    d.field(w, "elapsed", int64_t{et.elapsed.count()}, rt.elapsed);
    d.field(w, "remaining", int64_t{et.remaining.count()}, rt.remaining);
    d.field(w, "percent", et.percent, rt.percent);
    d.field(w, "zone", et.zone ? et.zone->name() : "null", rt.zone);
    const auto levels = e.escalations_of(et);
    d.field(w, "levels", static_cast<int>(levels.size()), static_cast<int>(rt.levels.size()));
    for (std::size_t k = 0; k < std::min(levels.size(), rt.levels.size()); ++k) {
      const auto& el = levels[k];
      const auto& rl = rt.levels[k];
      const std::string lw = w + "level " + std::to_string(rl.level) + " ";
      d.field(lw, "level", el.level, rl.level);
      d.field(lw, "at", el.at, rl.at);
      d.field(lw, "fired", el.fired, rl.fired);
      d.field(lw, "assignee", el.assignee, rl.assignee);
      d.field(lw, "severity", el.severity, rl.severity);
      d.field(lw, "severity_effect", el.severity_effect, rl.effect);
    }
  }
  return d;
}

Diff compare(const sla::Schedule& s, const std::vector<sla_ref::RefScheduledTarget>& r) {
  Diff d;
  d.field("", "targets", static_cast<int>(s.targets.size()), static_cast<int>(r.size()));
  for (std::size_t i = 0; i < std::min(s.targets.size(), r.size()); ++i) {
    const auto& st = s.targets[i];
    const std::string w = r[i].id + " ";
    d.field(w, "id", st.id, r[i].id);
    d.field(w, "start", st.start, r[i].start);
    d.field(w, "due", st.due, r[i].due);
    d.field(w, "goal", int64_t{st.goal.count()}, r[i].goal);
    const auto levels = s.levels_of(st);
    d.field(w, "levels", static_cast<int>(levels.size()), static_cast<int>(r[i].levels.size()));
    for (std::size_t k = 0; k < std::min(levels.size(), r[i].levels.size()); ++k)
      d.field(w + "level " + std::to_string(k + 1), " at", levels[k].at, r[i].levels[k]);
  }
  return d;
}

unsigned long long seed_from_env() {
  if (const char* s = std::getenv("SLA_REFERENCE_SEED")) return std::strtoull(s, nullptr, 10);
  return 20261101ULL;  // the 2026 US fall-back day
}

/// Tallies what a reference evaluation contains, to show (and check) what the cases reach.
void count(const sla_ref::RefEvaluation& r, std::map<std::string, long>& c) {
  for (const auto& d : r.diagnostics) c["diagnostic " + d.code]++;
  if (!r.ok) return;
  for (int bit = 0; bit < sla_ref::kNoteCount; ++bit)
    if (r.notes & (1u << bit)) c[sla_ref::note_name(bit)]++;
  c[r.next_wakeup ? "next_wakeup set" : "next_wakeup null"]++;
  for (const auto& t : r.targets) {
    c["state " + std::string(sla::to_string(t.state))]++;
    if (t.cycle > 1) c["cycle > 1"]++;
    if (t.breached_at && t.due && *t.breached_at != *t.due) c["breached by a change"]++;
    for (const auto& l : t.levels) {
      if (!l.fired) continue;
      c["level fired"]++;
      if (l.effect == sla::SeverityEffect::changed) c["severity changed"]++;
      if (l.effect == sla::SeverityEffect::unchanged) c["severity unchanged"]++;
    }
  }
}

/// The same for goal: due(x) and on: levels, which need the rules: what x's state gives the
/// target due(x) (running or breached, so that its due is x's), and what on: levels did.
void count(const sla_ref::RefEvaluation& r, const sla::Policy& policy,
           std::map<std::string, long>& c) {
  if (!r.ok) return;
  auto last = [&](const std::string& id) -> const sla_ref::RefTarget* {
    const sla_ref::RefTarget* found = nullptr;
    for (const auto& t : r.targets)
      if (t.id == id) found = &t;
    return found;
  };
  for (const auto& t : r.targets) {
    const sla::TargetRule* rule = policy.find_target(t.id);
    for (std::size_t k = 0; k < t.levels.size(); ++k) {
      const auto& trigger = rule->escalation[k].trigger;
      if (trigger.kind != sla::EscalationTrigger::Kind::on_event) continue;
      if (t.levels[k].fired) c["on: level fired"]++;
      if (t.levels[k].fired && t.cycle > 1) c["on: level fired in a later cycle"]++;
      if (!t.levels[k].fired && t.state == sla::TargetState::running) c["on: level waiting"]++;
    }
    if (rule->goal.shape() != sla::Goal::Shape::due_of_target) continue;
    c["due(x): " + std::string(sla::to_string(t.state))]++;
    const bool counting =
        t.state == sla::TargetState::running || t.state == sla::TargetState::breached;
    if (!counting || (t.state == sla::TargetState::breached && !t.due)) continue;
    const sla_ref::RefTarget* x = last(rule->goal.due_of());
    c["due(x), x " + std::string(sla::to_string(x->state))]++;
    if (policy.find_target(x->id)->goal.shape() == sla::Goal::Shape::due_of_target && t.due)
      c["due(x), x due(y), with a due"]++;
    if (x->cycle > 1 && t.due) c["due(x), x in a later cycle"]++;
    if (t.breached_at && t.due && *t.breached_at > *t.due) c["due(x) breached after its due"]++;
    if (t.due && *t.due < *t.started) c["due(x) due before its start"]++;
    for (const auto& l : t.levels)
      if (l.fired) c["due(x): level fired"]++;
  }
}

/// The same for what needs the rules: fired levels on their own clock, escalations.
void count(const sla::Evaluation& e, std::map<std::string, long>& c) {
  for (const auto& l : e.escalations) {
    if (!l.fired) continue;
    if (l.rule->clock) c["level on its own clock fired"]++;
    for (const auto& a : l.rule->actions)
      if (a.kind == sla::EscalationAction::Kind::escalate) c["escalated"]++;
  }
}

constexpr int kRuleSets = 100;
constexpr int kTicketsPerRuleSet = 12;
constexpr int kNowsPerTicket = 3;

}  // namespace

TEST_CASE("random tickets evaluate as the brute-force reference model says, field by field",
          "[engine][reference]") {
  const unsigned long long seed = seed_from_env();
  const bool show_all = std::getenv("SLA_ENGINE_REFERENCE_SHOW") != nullptr;
  std::cout << "engine reference test: seed " << seed << " (replay with SLA_REFERENCE_SEED=" << seed
            << ")\n";
  Rng rng{std::mt19937_64{seed}};
  const auto started = steady_clock::now();
  long evaluations = 0, schedules = 0, mismatches = 0, shown = 0;
  double engine_time = 0, reference_time = 0, setup_time = 0, schedule_time = 0;
  std::map<std::string, long> coverage;
  for (int s = 0; s < kRuleSets; ++s) {
    const Era& era = kEras[static_cast<std::size_t>(s % 2)];
    const RulesCase rc = random_rules(rng, era, s % 50 == 7);
    auto loaded = sla::load_rules_from_string(rc.yaml, "random.yaml");
    if (!loaded.ok()) {
      for (const auto& d : loaded.diagnostics) std::cout << d.to_string() << "\n";
      FAIL("a generated rule set does not load:\n" << rc.yaml);
    }
    const sla::Engine engine(*loaded.rules);
    const auto s0 = steady_clock::now();
    const sla_ref::RefClocks clocks(*loaded.rules, era.model_first, era.model_last);
    setup_time += duration<double>(steady_clock::now() - s0).count();
    const sla_ref::ReferenceEngine reference(*loaded.rules, clocks);
    auto report = [&](const std::string& what, const Diff& diff) {
      ++mismatches;
      if (!show_all && ++shown > 3) return;
      std::cout << "---- disagreement (" << what << ")\n" << rc.yaml;
      for (const auto& l : diff.lines) std::cout << "  " << l << "\n";
    };
    for (int k = 0; k < kTicketsPerRuleSet; ++k) {
      sla::Ticket ticket = random_ticket(rng, era, rc, k);
      if (rc.with_loop && k == 0) {
        ticket.policy = "loop";
        ticket.tier = "bronze";
      }
      const int64_t created = sla_ref::secs(ticket.created);
      int64_t last = created;
      for (const auto& ev : ticket.events) last = std::max(last, sla_ref::secs(ev.at));
      OptT wakeup;  // the previous evaluation's next_wakeup
      for (int n = 0; n < kNowsPerTicket; ++n) {
        int64_t now;
        if (n == 0 && !ticket.events.empty())
          now = sla_ref::secs(rng.pick(ticket.events).at);  // exactly at an event
        else if (n == 2 && wakeup)
          now = *wakeup;  // exactly where something changes: a level, a due instant, a breach
        else
          now = created + 60 * rng.uniform(0, static_cast<int>((last - created) / 60) + 3 * 1440);
        if (rng.chance(0.03))
          now = created - 60 * rng.uniform(1, 600);  // before creation
        else
          now = std::max(now, created);
        const auto t0 = steady_clock::now();
        const sla::Evaluation got = engine.evaluate(ticket, sla::Instant{seconds{now}});
        const auto t1 = steady_clock::now();
        const sla_ref::RefEvaluation want = reference.evaluate(ticket, now);
        engine_time += duration<double>(t1 - t0).count();
        reference_time += duration<double>(steady_clock::now() - t1).count();
        ++evaluations;
        count(want, coverage);
        if (want.ok) count(want, *loaded.rules->find_policy(want.policy), coverage);
        count(got, coverage);
        wakeup = want.next_wakeup;
        const Diff diff = compare(got, want);
        if (!diff.lines.empty())
          report("evaluate\n" + describe(ticket, now) + (show_all ? outline(want) : ""), diff);
      }
      // Engine::due against the replay without events.
      const auto d0 = steady_clock::now();
      const sla::Schedule got = engine.due("p", ticket.tier, ticket.severity, ticket.created);
      for (const auto& st : got.targets)
        coverage[st.start ? "schedule: started" : "schedule: waiting"]++;
      const auto want = reference.due("p", ticket.tier, ticket.severity, created);
      schedule_time += duration<double>(steady_clock::now() - d0).count();
      ++schedules;
      const Diff diff = compare(got, want);
      if (!diff.lines.empty())
        report("due " + ticket.tier + " " + ticket.severity + " " + show(OptT{created}) + "\n",
               diff);
    }
  }
  const double elapsed = duration<double>(steady_clock::now() - started).count();
  std::cout << "engine reference test: " << kRuleSets << " rule sets, " << evaluations
            << " evaluations and " << schedules << " schedules compared, " << mismatches
            << " mismatches, " << elapsed << " s (engine " << engine_time << " s, reference "
            << reference_time << " s, the reference's calendars " << setup_time << " s, schedules "
            << schedule_time << " s)\ncoverage:";
  for (const auto& [what, n] : coverage) std::cout << " [" << what << " " << n << "]";
  std::cout << "\n";
  // What the cases reached: every state, cycles, changes, every kind of bad input. A generator
  // that stopped producing one of them would make the comparison above vacuous there.
  for (const char* what : {"state pending",
                           "state running",
                           "state paused",
                           "state met",
                           "state breached",
                           "state missed",
                           "state cancelled",
                           "state not_applicable",
                           "cycle > 1",
                           "breached by a change",
                           "level fired",
                           "severity changed",
                           "severity unchanged",
                           "level on its own clock fired",
                           "escalated",
                           "diagnostic event_out_of_order",
                           "diagnostic event_before_creation",
                           "diagnostic unknown_severity",
                           "diagnostic unknown_tier",
                           "diagnostic unknown_role",
                           "diagnostic missing_to",
                           "diagnostic unknown_policy",
                           "diagnostic no_matching_policy",
                           "diagnostic change_limit",
                           "next_wakeup null",
                           "next_wakeup set",
                           "schedule: started",
                           "schedule: waiting",
                           "due(x): running",
                           "due(x): paused",
                           "due(x): breached",
                           "due(x): met",
                           "due(x): missed",
                           "due(x): level fired",
                           "due(x), x due(y), with a due",
                           "due(x), x in a later cycle",
                           "due(x) due before its start",
                           "on: level fired",
                           "on: level fired in a later cycle",
                           "on: level waiting"}) {
    INFO(what);
    // One rule set in fifty loops, on purpose, and only its first ticket uses it.
    CHECK(coverage[what] >= (std::string_view(what) == "diagnostic change_limit" ? 1 : 5));
  }
  for (int bit = 0; bit < sla_ref::kNoteCount; ++bit) {  // on the way to `now`
    INFO(sla_ref::note_name(bit));
    CHECK(coverage[sla_ref::note_name(bit)] >= 5);
  }
  CHECK(evaluations == kRuleSets * kTicketsPerRuleSet * kNowsPerTicket);
  CHECK(schedules == kRuleSets * kTicketsPerRuleSet);
  CHECK(mismatches == 0);
}
