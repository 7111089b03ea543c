// tests/reference_engine.hpp — an independent, brute-force model of ticket evaluation.
//
// It answers what sla::Engine answers (sla/engine.hpp, "THE MODEL"), from the same RuleSet and
// Ticket, but shares no code with src/engine: it was written from the model's text alone. It is
// a tick simulation, meant to be obviously right and slow:
//
//   * Openness. Every calendar of the rule set becomes a bitmap of open minutes, filled from
//     tests/reference_calendar.hpp's interval union (the calendar's own brute-force model); the
//     wall clock is always open. All windows and zone offsets used are whole minutes, so a
//     minute is open or closed as a whole.
//   * Time moves in ticks of one minute, or of one second while some threshold (a level, a due
//     instant) is crossed strictly inside the minute. At each tick instant t, in this order: the
//     ticket's creation (at `created`), the events at t in log order, then, until nothing
//     changes, targets in the policy's order: the breach (running time >= L) and the levels in
//     list order whose running time reached their threshold. Then every running cycle adds the
//     tick's open time to one counter per clock (the tier's calendar, the wall, each calendar).
//   * Running time is those counters: a cycle's elapsed time is the counter of its clock; a
//     level counts on its own clock's counter. "The instant running time reaches X" is read off
//     the counter's recorded history (past) or found by walking minutes forward (future).
//   * The calendar's duration arithmetic is used once per goal: the due instant of `2bd`,
//     `eobd+N`, `bd+N@HH:MM` at the cycle's start (ReferenceCalendar), whose open time from the
//     start is the goal's length L.
//
// Readings of the model where its text leaves a choice (each one marked "READING" below) are
// those of the engine's header where it states them; the rest are listed in the test's report.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "reference_calendar.hpp"
#include "sla/evaluation.hpp"
#include "sla/rule_set.hpp"
#include "sla/ticket.hpp"

namespace sla_ref {

using sla::SeverityEffect;
using sla::TargetState;
using OptT = std::optional<int64_t>;

inline int64_t secs(sla::Instant t) { return t.time_since_epoch().count(); }

// ---------------------------------------------------------------------------------------------
// What the reference reports: sla::Evaluation's fields as plain values.

struct RefLevel {
  int level = 0;
  bool fired = false;
  OptT at;
  std::string assignee, severity;
  SeverityEffect effect = SeverityEffect::none;
};

struct RefTarget {
  std::string id;
  int cycle = 1;
  TargetState state = TargetState::pending;
  OptT started, stopped, due, breached_at;
  int64_t goal = 0, elapsed = 0, remaining = 0;
  std::optional<double> percent;
  std::string zone;
  std::vector<RefLevel> levels;
};

struct RefDiagnostic {
  int event = -1;
  std::string code;
  bool error = false;
  friend bool operator==(const RefDiagnostic&, const RefDiagnostic&) = default;
};

struct RefEvaluation {
  bool ok = true;
  std::string policy, tier, severity, assignee, zone;
  OptT next_wakeup;
  std::vector<RefTarget> targets;
  std::vector<RefDiagnostic> diagnostics;
};

struct RefScheduledTarget {
  std::string id;
  OptT start, due;
  int64_t goal = 0;
  std::vector<OptT> levels;
};

// ---------------------------------------------------------------------------------------------
// The rule set's clocks as minute bitmaps over [lo, hi).

class RefClocks {
 public:
  /// Models every calendar of `rules` over the local dates [first, last].
  RefClocks(const sla::RuleSet& rules, Days first, Days last) : ids_(rules.calendar_ids()) {
    for (const auto& id : ids_) {
      cals_.push_back(
          std::make_unique<ReferenceCalendar>(rules.calendar(id).definition(), first, last));
    }
    lo_ = local_midnight(first + days{1}) + 86400;  // safely inside every zone's model
    hi_ = local_midnight(last) - 2 * 86400;
    for (const auto& c : cals_) {
      lo_ = std::max(lo_, c->lo());
      hi_ = std::min(hi_, c->hi());
    }
    lo_ -= lo_ % 60;
    hi_ -= hi_ % 60;
    const auto n = static_cast<std::size_t>((hi_ - lo_) / 60);
    for (const auto& c : cals_) {
      std::vector<std::uint8_t> bits(n, 0);
      for (const auto& [o, cl] : c->intervals()) {
        if (o % 60 != 0 || cl % 60 != 0) throw std::logic_error("a window edge is not a minute");
        for (int64_t m = std::max(o, lo_); m < std::min(cl, hi_); m += 60)
          bits[static_cast<std::size_t>((m - lo_) / 60)] = 1;
      }
      bits_.push_back(std::move(bits));
    }
  }

  int64_t lo() const { return lo_; }
  int64_t hi() const { return hi_; }
  int calendar_count() const { return static_cast<int>(ids_.size()); }
  int index_of(const std::string& id) const {
    for (std::size_t i = 0; i < ids_.size(); ++i)
      if (ids_[i] == id) return static_cast<int>(i);
    throw std::logic_error("unknown calendar " + id);
  }
  const std::string& id(int k) const { return ids_[static_cast<std::size_t>(k)]; }
  const ReferenceCalendar& calendar(int k) const { return *cals_[static_cast<std::size_t>(k)]; }

  /// Whether calendar k (-1: the wall clock) is open during the second starting at t.
  bool open(int k, int64_t t) const {
    if (t < lo_ || t >= hi_) throw OutOfRange("instant " + format_utc(t) + " outside the model");
    if (k < 0) return true;
    return bits_[static_cast<std::size_t>(k)][static_cast<std::size_t>((t - lo_) / 60)] != 0;
  }

 private:
  std::vector<std::string> ids_;
  std::vector<std::unique_ptr<ReferenceCalendar>> cals_;
  std::vector<std::vector<std::uint8_t>> bits_;
  int64_t lo_ = 0, hi_ = 0;
};

// ---------------------------------------------------------------------------------------------
// The simulation.

class ReferenceEngine {
 public:
  ReferenceEngine(const sla::RuleSet& rules, const RefClocks& clocks)
      : rules_(rules), clocks_(clocks) {}

  RefEvaluation evaluate(const sla::Ticket& ticket, int64_t now) const {
    Sim sim(*this, ticket, now, /*actions=*/true);
    try {
      return sim.run_and_report();
    } catch (const ChangeLimit&) {
      RefEvaluation out;
      out.ok = false;
      out.diagnostics.push_back({-1, "change_limit", true});
      return out;
    }
  }

  /// Engine::due: a ticket created at `created` to which nothing happens, its levels' actions
  /// not applied. Empty when the ticket cannot be resolved.
  std::vector<RefScheduledTarget> due(const std::string& policy, const std::string& tier,
                                      const std::string& severity, int64_t created) const {
    sla::Ticket t;
    t.policy = policy;
    t.tier = tier;
    t.severity = severity;
    t.created = sla::Instant{std::chrono::seconds{created}};
    Sim sim(*this, t, clocks_.hi() - 3 * 86400, /*actions=*/false);
    return sim.schedule();
  }

 private:
  const sla::RuleSet& rules_;
  const RefClocks& clocks_;

  struct ChangeLimit {};

  // Counters: 0 = the business clock (the tier's calendar of the moment), 1 = the wall clock,
  // 2 + k = calendar k.
  struct Run {
    int64_t t0, r0, len;
  };
  struct Level {
    bool fired = false;
    int64_t at = 0;
    std::string assignee, severity;
    SeverityEffect effect = SeverityEffect::none;
  };
  struct Cycle {
    int number = 1;
    int64_t start = 0;
    OptT stop;
    TargetState end_state = TargetState::running;
    bool paused = false;
    sla::DurationSpec spec;
    int64_t L = 0;
    int counter = 0;
    std::vector<int64_t> R;
    std::vector<std::vector<Run>> runs;
    OptT breached_at;  ///< the breach instant (the due instant, or the change that passed it)
    int64_t visible_from = std::numeric_limits<int64_t>::max();  ///< state `breached` from here
    OptT due_at_end;
    std::string zone_at_end;
    std::vector<Level> levels;
  };
  struct Target {
    bool start_happened = false;
    bool done = false;  ///< stopped by a stop condition: never starts again
    std::vector<Cycle> cycles;
    bool live() const { return !cycles.empty() && !cycles.back().stop; }
  };

  class Sim {
   public:
    Sim(const ReferenceEngine& ref, const sla::Ticket& ticket, int64_t now, bool actions)
        : ref_(ref),
          clocks_(ref.clocks_),
          rules_(ref.rules_),
          ticket_(ticket),
          now_(now),
          actions_(actions) {}

    RefEvaluation run_and_report() {
      RefEvaluation out;
      if (!resolve(out)) return out;
      screen_events(out);
      simulate(now_, /*stop_when_quiet=*/false);
      report(out);
      return out;
    }

    std::vector<RefScheduledTarget> schedule() {
      RefEvaluation ignored;
      std::vector<RefScheduledTarget> out;
      if (!resolve(ignored)) return out;
      const int64_t end = simulate(now_, /*stop_when_quiet=*/true);
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        const auto& rule = policy_->targets[i];
        RefScheduledTarget s;
        s.id = rule.id;
        s.levels.assign(rule.escalation.size(), std::nullopt);
        const Target& g = targets_[i];
        if (!g.cycles.empty()) {
          const Cycle& c = g.cycles.front();
          s.start = c.start;
          s.goal = c.L;
          s.due = due_of(c, end);
          for (std::size_t k = 0; k < c.levels.size(); ++k) {
            if (c.levels[k].fired)
              s.levels[k] = c.levels[k].at;
            else
              s.levels[k] = predict_level(i, c, k, end);
          }
        }
        out.push_back(std::move(s));
      }
      return out;
    }

   private:
    const ReferenceEngine& ref_;
    const RefClocks& clocks_;
    const sla::RuleSet& rules_;
    const sla::Ticket& ticket_;
    int64_t now_;
    bool actions_;

    const sla::Policy* policy_ = nullptr;
    int tier_ = 0;      // index into policy_->tiers
    int severity_ = 0;  // rank
    std::string assignee_;
    std::vector<Target> targets_;
    std::vector<std::size_t> accepted_;  // event indices, in log order
    std::size_t next_event_ = 0;
    long version_ = 0;  // bumped by every change; caches of future thresholds key on it
    std::map<std::tuple<std::size_t, int, std::size_t>, std::pair<long, int64_t>> cache_;
    int changes_ = 0;  // levels fired: more than 10,000 is a loop in the rules

    // --- resolution and the event screen ----------------------------------------------------

    bool resolve(RefEvaluation& out) {
      auto error = [&](std::string code) {
        out.ok = false;
        out.diagnostics.push_back({-1, std::move(code), true});
        return false;
      };
      if (!ticket_.policy.empty()) {
        policy_ = rules_.find_policy(ticket_.policy);
        if (!policy_) return error("unknown_policy");
      } else {
        policy_ = rules_.match_policy(ticket_.attributes);
        if (!policy_) return error("no_matching_policy");
      }
      const sla::Tier* tier = policy_->find_tier(ticket_.tier);
      if (!tier) return error("unknown_tier");
      tier_ = static_cast<int>(tier - policy_->tiers.data());
      const sla::Severity* sev = rules_.find_severity(ticket_.severity);
      if (!sev) return error("unknown_severity");
      severity_ = sev->rank;
      assignee_ = ticket_.assignee.empty() ? bottom_role() : ticket_.assignee;
      targets_.assign(policy_->targets.size(), Target{});
      out.policy = policy_->id;
      return true;
    }

    std::string bottom_role() const {
      for (const auto& r : rules_.roles()) {
        bool below = false;
        for (const auto& o : rules_.roles())
          if (o.escalates_to && *o.escalates_to == r.id) below = true;
        if (!below) return r.id;
      }
      return {};
    }

    // READING: the whole log is screened, also events after now (which are then not applied),
    // in log order: before creation, then out of order against the latest event in time order
    // so far, then (for severity / tier / assign) its `to`.
    void screen_events(RefEvaluation& out) {
      const int64_t created = secs(ticket_.created);
      int64_t last = created;
      for (std::size_t i = 0; i < ticket_.events.size(); ++i) {
        const auto& e = ticket_.events[i];
        const int64_t at = secs(e.at);
        const int idx = static_cast<int>(i);
        if (at < created) {
          out.diagnostics.push_back({idx, "event_before_creation", false});
          continue;
        }
        if (at < last) {
          out.diagnostics.push_back({idx, "event_out_of_order", false});
          continue;
        }
        last = at;
        if (e.type == "severity" || e.type == "tier" || e.type == "assign") {
          if (e.to.empty()) {
            out.diagnostics.push_back({idx, "missing_to", false});
            continue;
          }
          if (e.type == "severity" && !rules_.find_severity(e.to)) {
            out.diagnostics.push_back({idx, "unknown_severity", false});
            continue;
          }
          if (e.type == "tier" && !policy_->find_tier(e.to)) {
            out.diagnostics.push_back({idx, "unknown_tier", false});
            continue;
          }
          if (e.type == "assign" && !rules_.find_role(e.to)) {
            out.diagnostics.push_back({idx, "unknown_role", false});
            continue;
          }
        }
        accepted_.push_back(i);
      }
    }

    // --- clocks and counters ------------------------------------------------------------------

    int tier_calendar() const {
      return clocks_.index_of(policy_->tiers[static_cast<std::size_t>(tier_)].calendar);
    }
    int counter_count() const { return 2 + clocks_.calendar_count(); }
    int counter_of(const sla::Clock& clock) const {
      switch (clock.kind) {
        case sla::Clock::Kind::business:
          return 0;
        case sla::Clock::Kind::wall:
          return 1;
        case sla::Clock::Kind::calendar:
          return 2 + clocks_.index_of(clock.calendar);
      }
      return 0;
    }
    /// The bitmap behind a counter (-1: always open).
    int calendar_of_counter(int counter) const {
      return counter == 0 ? tier_calendar() : counter == 1 ? -1 : counter - 2;
    }
    bool open(int counter, int64_t t) const {
      return clocks_.open(calendar_of_counter(counter), t);
    }
    std::string zone_of_counter(int counter) const {
      const int k = counter == 1 ? tier_calendar() : calendar_of_counter(counter);
      return clocks_.calendar(k).definition().time_zone;
    }

    /// Open seconds of a counter's clock in [a, b) (the clock as it is now).
    int64_t open_between(int counter, int64_t a, int64_t b) const {
      int64_t sum = 0;
      for (int64_t t = a; t < b;) {
        const int64_t next = std::min(b, t - t % 60 + 60);
        if (open(counter, t)) sum += next - t;
        t = next;
      }
      return sum;
    }

    /// The earliest instant at which counter `k` of `c` was >= x (x <= its value now).
    static int64_t reached_at(const Cycle& c, int k, int64_t x) {
      if (x <= 0) return c.start;
      for (const Run& r : c.runs[static_cast<std::size_t>(k)])
        if (r.r0 < x && x <= r.r0 + r.len) return r.t0 + (x - r.r0);
      throw std::logic_error("reached_at: the value was never reached");
    }

    /// Counter k of `c` at instant x (x no later than the simulation's time).
    static int64_t value_at(const Cycle& c, int k, int64_t x) {
      int64_t v = 0;
      for (const Run& r : c.runs[static_cast<std::size_t>(k)]) {
        if (r.t0 >= x) break;
        v = r.r0 + std::min(r.len, x - r.t0);
      }
      return v;
    }

    /// The instant counter k reaches x if the cycle runs on from t with value r, or nullopt
    /// when the model ends first.
    OptT walk_to(int k, int64_t t, int64_t r, int64_t x) const {
      while (t < clocks_.hi()) {
        const int64_t next = t - t % 60 + 60;
        if (open(k, t)) {
          if (r + (next - t) >= x) return t + (x - r);
          r += next - t;
        }
        t = next;
      }
      return std::nullopt;
    }

    /// The due instant of a running cycle at t: the instant its counter reaches L.
    OptT due_of(const Cycle& c, int64_t t) const {
      const int64_t r = c.R[static_cast<std::size_t>(c.counter)];
      if (r >= c.L) return reached_at(c, c.counter, c.L);
      return walk_to(c.counter, t, r, c.L);
    }

    /// Counter k's value at the due instant, the cycle running on from t.
    int64_t value_at_due(const Cycle& c, int k, int64_t t) const {
      const int tc = c.counter;
      if (k == tc) return c.L;
      const int64_t rt = c.R[static_cast<std::size_t>(tc)];
      if (rt >= c.L) return value_at(c, k, reached_at(c, tc, c.L));
      int64_t r_t = rt, r_k = c.R[static_cast<std::size_t>(k)];
      while (t < clocks_.hi()) {
        const int64_t next = t - t % 60 + 60;
        const int64_t step = next - t;
        const bool ot = open(tc, t), ok = open(k, t);
        if (ot && r_t + step >= c.L) return r_k + (ok ? c.L - r_t : 0);
        if (ot) r_t += step;
        if (ok) r_k += step;
        t = next;
      }
      throw OutOfRange("value_at_due: the model ends first");
    }

    // --- goals and levels ---------------------------------------------------------------------

    const sla::TargetRule& rule(std::size_t i) const { return policy_->targets[i]; }
    const std::vector<sla::DurationSpec>* cell(std::size_t i) const {
      return rule(i).goal.find(policy_->tiers[static_cast<std::size_t>(tier_)].id,
                               rules_.severities()[static_cast<std::size_t>(severity_)].id);
    }

    static int64_t seconds_of(const sla::DurationSpec& d) {
      switch (d.kind) {
        case sla::DurationSpec::Kind::business:
          return d.business.count();
        case sla::DurationSpec::Kind::calendar_days:
          return int64_t{d.days} * 86400;
        default:
          throw std::logic_error("a trigger in business days is not modelled");
      }
    }

    /// The cycle's clock: the wall for a goal in calendar days, else the target's clock.
    int cycle_counter(std::size_t i, const sla::DurationSpec& spec) const {
      return spec.kind == sla::DurationSpec::Kind::calendar_days ? 1 : counter_of(rule(i).clock);
    }

    /// L: the goal's length on the cycle's clock, for a cycle started at `start`.
    int64_t length_of(const sla::DurationSpec& spec, int counter, int64_t start) const {
      using K = sla::DurationSpec::Kind;
      if (spec.kind == K::business || spec.kind == K::calendar_days) return seconds_of(spec);
      if (counter == 1) throw std::logic_error("a goal in business days on the wall clock");
      const ReferenceCalendar& cal = clocks_.calendar(calendar_of_counter(counter));
      int64_t due = 0;
      if (spec.kind == K::business_days)
        due = cal.add_business_days(start, spec.days, false);
      else if (spec.kind == K::end_of_business_day)
        due = cal.add_end_of_business_day(start, spec.days, false);
      else
        due = cal.add_business_day_at(start, spec.days, spec.at);
      return open_between(counter, start, due);
    }

    /// The counter a level counts on (at: N% and at_breach: the cycle's).
    int level_counter(std::size_t i, const Cycle& c, std::size_t k) const {
      const sla::EscalationLevel& lv = rule(i).escalation[k];
      using TK = sla::EscalationTrigger::Kind;
      if (lv.trigger.kind == TK::at_percent || lv.trigger.kind == TK::at_breach) return c.counter;
      if (lv.trigger.duration.kind == sla::DurationSpec::Kind::calendar_days) return 1;
      return lv.clock ? counter_of(*lv.clock) : c.counter;
    }

    /// The level's threshold on its counter at time t, the cycle running.
    int64_t threshold(std::size_t i, const Cycle& c, std::size_t k, int64_t t) {
      const sla::EscalationLevel& lv = rule(i).escalation[k];
      using TK = sla::EscalationTrigger::Kind;
      switch (lv.trigger.kind) {
        case TK::at_percent: {
          const int64_t bp = std::llround(lv.trigger.percent * 100);
          return (bp * c.L + 9999) / 10000;
        }
        case TK::at_breach:
          return c.L;
        case TK::after:
          return seconds_of(lv.trigger.duration);
        case TK::before_breach:
        case TK::after_breach: {
          const int lc = level_counter(i, c, k);
          const auto key = std::make_tuple(i, c.number, k);
          auto it = cache_.find(key);
          int64_t at_due;
          if (it != cache_.end() && it->second.first == version_) {
            at_due = it->second.second;
          } else {
            at_due = value_at_due(c, lc, t);
            cache_[key] = {version_, at_due};
          }
          const int64_t d = seconds_of(lv.trigger.duration);
          return lv.trigger.kind == TK::before_breach ? at_due - d : at_due + d;
        }
        case TK::on_event:
          break;
      }
      return std::numeric_limits<int64_t>::max();
    }

    OptT predict_level(std::size_t i, const Cycle& c, std::size_t k, int64_t t) {
      if (rule(i).escalation[k].trigger.kind == sla::EscalationTrigger::Kind::on_event)
        return std::nullopt;
      const int lc = level_counter(i, c, k);
      return walk_to(lc, t, c.R[static_cast<std::size_t>(lc)], threshold(i, c, k, t));
    }

    // --- changes ------------------------------------------------------------------------------

    void start_cycle(std::size_t i, int64_t t) {
      const auto* durations = cell(i);
      if (!durations) throw std::logic_error("start_cycle without a goal cell");
      Target& g = targets_[i];
      Cycle c;
      c.number = static_cast<int>(g.cycles.size()) + 1;
      c.start = t;
      c.spec = (*durations)[std::min(g.cycles.size(), durations->size() - 1)];
      c.counter = cycle_counter(i, c.spec);
      c.L = length_of(c.spec, c.counter, t);
      c.R.assign(static_cast<std::size_t>(counter_count()), 0);
      c.runs.assign(static_cast<std::size_t>(counter_count()), {});
      c.levels.assign(rule(i).escalation.size(), Level{});
      g.cycles.push_back(std::move(c));
      ++version_;
    }

    /// Ends the live cycle of target i at t: `how` is met (met or missed), or cancelled.
    void end_cycle(std::size_t i, int64_t t, bool cancelled) {
      Cycle& c = targets_[i].cycles.back();
      c.due_at_end = c.paused ? OptT{} : due_of(c, t);
      c.zone_at_end = zone_of_counter(c.counter);
      c.stop = t;
      c.end_state = cancelled             ? TargetState::cancelled
                    : c.visible_from <= t ? TargetState::missed
                                          : TargetState::met;
      ++version_;
    }

    void try_start(std::size_t i, int64_t t) {
      Target& g = targets_[i];
      if (g.cycles.empty() && !g.done && cell(i)) start_cycle(i, t);
    }

    void condition_happened(sla::Condition::Kind kind, std::size_t x, int64_t t) {
      for (std::size_t j = 0; j < targets_.size(); ++j) {
        const auto& st = rule(j).start;
        if (st.kind == kind && st.name == rule(x).id && !targets_[j].start_happened) {
          targets_[j].start_happened = true;
          try_start(j, t);
        }
      }
      for (std::size_t j = 0; j < targets_.size(); ++j) {
        if (!targets_[j].live()) continue;
        for (const auto& sc : rule(j).stop) {
          if (sc.kind == kind && sc.name == rule(x).id) {
            stop_target(j, t);
            break;
          }
        }
      }
    }

    void stop_target(std::size_t i, int64_t t) {
      end_cycle(i, t, false);
      targets_[i].done = true;
      condition_happened(sla::Condition::Kind::met, i, t);
    }

    /// The goal cell may have changed (severity or tier): READING: every target whose cell
    /// is now missing cancels its cycle; one with `restart` ends its cycle and starts the next;
    /// one with `recompute` keeps its start and running time and takes the new goal (its L,
    /// for a goal in business days, from the start on the clock as it is now); an optional
    /// target whose cell appears starts if its start condition happened.
    void cell_changed(int64_t t) {
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        Target& g = targets_[i];
        const auto* durations = cell(i);
        if (g.live()) {
          if (!durations) {
            end_cycle(i, t, true);
          } else if (rule(i).on_severity_change == sla::OnSeverityChange::restart) {
            end_cycle(i, t, false);
            start_cycle(i, t);
          } else {
            Cycle& c = g.cycles.back();
            c.spec = (*durations)[std::min(static_cast<std::size_t>(c.number - 1),
                                           durations->size() - 1)];
            c.counter = cycle_counter(i, c.spec);
            c.L = length_of(c.spec, c.counter, c.start);
          }
        } else if (durations && g.start_happened && !g.done) {
          start_cycle(i, t);
        }
      }
      ++version_;
    }

    /// READING: a severity that does not change (raise at the top, set to the current one) is
    /// no change at all: nothing restarts.
    bool set_severity(int rank, int64_t t) {
      if (rank == severity_) return false;
      severity_ = rank;
      cell_changed(t);
      return true;
    }

    std::string up(const std::string& role, int steps) const {
      std::string r = role;
      for (int s = 0; s < steps; ++s) {
        const sla::Role* found = rules_.find_role(r);
        if (!found || !found->escalates_to) break;
        r = *found->escalates_to;
      }
      return r;
    }

    void fire(std::size_t i, std::size_t k, int64_t t) {
      if (++changes_ > 10000) throw ChangeLimit{};
      const std::size_t ci = targets_[i].cycles.size() - 1;
      const sla::EscalationLevel& lv = rule(i).escalation[k];
      SeverityEffect effect = SeverityEffect::none;
      {
        Level& l = targets_[i].cycles[ci].levels[k];
        l.fired = true;
        l.at = t;
      }
      ++version_;
      if (actions_) {
        for (const auto& a : lv.actions) {
          switch (a.kind) {
            case sla::EscalationAction::Kind::escalate:
              assignee_ = up(assignee_, a.steps);
              break;
            case sla::EscalationAction::Kind::raise_severity: {
              const int to = std::max(0, severity_ - a.steps);
              effect = set_severity(to, t) ? SeverityEffect::changed : SeverityEffect::unchanged;
              break;
            }
            case sla::EscalationAction::Kind::set_severity: {
              const int to = rules_.find_severity(a.name)->rank;
              effect = set_severity(to, t) ? SeverityEffect::changed : SeverityEffect::unchanged;
              break;
            }
            default:
              break;
          }
        }
      }
      Level& l = targets_[i].cycles[ci].levels[k];
      l.assignee = assignee_;
      l.severity = rules_.severities()[static_cast<std::size_t>(severity_)].id;
      l.effect = effect;
    }

    static bool contains(const std::vector<std::string>& v, const std::string& s) {
      return std::find(v.begin(), v.end(), s) != v.end();
    }

    void apply_event(const sla::TicketEvent& e, int64_t t) {
      if (e.type == "severity") {
        set_severity(rules_.find_severity(e.to)->rank, t);
        return;
      }
      if (e.type == "tier") {
        const int to = static_cast<int>(policy_->find_tier(e.to) - policy_->tiers.data());
        if (to != tier_) {
          tier_ = to;
          cell_changed(t);
        }
        return;
      }
      if (e.type == "assign") {
        assignee_ = e.to;
        return;
      }
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        Target& g = targets_[i];
        const sla::TargetRule& r = rule(i);
        if (!g.start_happened && r.start.kind == sla::Condition::Kind::event &&
            r.start.name == e.type) {
          g.start_happened = true;
          try_start(i, t);
          continue;
        }
        if (!g.live()) continue;
        bool stops = false;
        for (const auto& sc : r.stop)
          if (sc.kind == sla::Condition::Kind::event && sc.name == e.type) stops = true;
        Cycle& c = g.cycles.back();
        if (stops) {
          stop_target(i, t);
        } else if (contains(r.pause, e.type) && !c.paused) {
          c.paused = true;
          ++version_;
        } else if (contains(r.resume, e.type) && c.paused) {
          c.paused = false;
          ++version_;
        } else if (contains(r.restart, e.type)) {
          end_cycle(i, t, false);
          start_cycle(i, t);
        }
      }
    }

    // --- the tick loop ------------------------------------------------------------------------

    void process_instant(int64_t t) {
      if (t == secs(ticket_.created)) {
        for (std::size_t i = 0; i < targets_.size(); ++i) {
          const auto& st = rule(i).start;
          if (st.kind == sla::Condition::Kind::event && st.name == "created") {
            targets_[i].start_happened = true;
            try_start(i, t);
          }
        }
      }
      while (next_event_ < accepted_.size() &&
             secs(ticket_.events[accepted_[next_event_]].at) == t) {
        apply_event(ticket_.events[accepted_[next_event_]], t);
        ++next_event_;
      }
      for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < targets_.size(); ++i) {
          if (!targets_[i].live() || targets_[i].cycles.back().paused) continue;
          {
            Cycle& c = targets_[i].cycles.back();
            if (!c.breached_at && c.R[static_cast<std::size_t>(c.counter)] >= c.L) {
              const int64_t due = reached_at(c, c.counter, c.L);
              c.breached_at = t;
              c.visible_from = due == t ? t + 1 : t;
              ++version_;
              changed = true;
              condition_happened(sla::Condition::Kind::breached, i, t);
            }
          }
          for (std::size_t k = 0; k < rule(i).escalation.size(); ++k) {
            if (!targets_[i].live() || targets_[i].cycles.back().paused) break;
            Cycle& c = targets_[i].cycles.back();
            if (c.levels[k].fired) continue;
            if (rule(i).escalation[k].trigger.kind == sla::EscalationTrigger::Kind::on_event)
              continue;
            const int lc = level_counter(i, c, k);
            if (c.R[static_cast<std::size_t>(lc)] >= threshold(i, c, k, t)) {
              fire(i, k, t);
              changed = true;
            }
          }
        }
      }
    }

    /// Whether some threshold of a running cycle is crossed strictly inside [t, t + 60).
    bool busy_minute(int64_t t) {
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        if (!targets_[i].live() || targets_[i].cycles.back().paused) continue;
        Cycle& c = targets_[i].cycles.back();
        auto inside = [&](int k, int64_t x) {
          const int64_t r = c.R[static_cast<std::size_t>(k)];
          return open(k, t) && r < x && x < r + 60;
        };
        if (!c.breached_at && inside(c.counter, c.L)) return true;
        for (std::size_t k = 0; k < c.levels.size(); ++k) {
          if (c.levels[k].fired) continue;
          if (rule(i).escalation[k].trigger.kind == sla::EscalationTrigger::Kind::on_event)
            continue;
          if (inside(level_counter(i, c, k), threshold(i, c, k, t))) return true;
        }
      }
      return false;
    }

    /// Whether nothing can change any more without an event: every running cycle is breached
    /// and has fired its levels (used by the schedule, which has no events).
    bool quiet() const {
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        if (!targets_[i].live() || targets_[i].cycles.back().paused) continue;
        const Cycle& c = targets_[i].cycles.back();
        if (!c.breached_at) return false;
        for (std::size_t k = 0; k < c.levels.size(); ++k)
          if (!c.levels[k].fired &&
              rule(i).escalation[k].trigger.kind != sla::EscalationTrigger::Kind::on_event)
            return false;
      }
      return true;
    }

    void advance(int64_t t, int64_t step) {
      for (auto& g : targets_) {
        if (!g.live() || g.cycles.back().paused) continue;
        Cycle& c = g.cycles.back();
        for (int k = 0; k < counter_count(); ++k) {
          if (!open(k, t)) continue;
          auto& runs = c.runs[static_cast<std::size_t>(k)];
          auto& r = c.R[static_cast<std::size_t>(k)];
          if (!runs.empty() && runs.back().t0 + runs.back().len == t)
            runs.back().len += step;
          else
            runs.push_back({t, r, step});
          r += step;
        }
      }
    }

    /// Runs from creation to `end` (inclusive); returns the instant it stopped at.
    int64_t simulate(int64_t end, bool stop_when_quiet) {
      int64_t t = secs(ticket_.created);
      for (;;) {
        process_instant(t);
        if (t >= end || (stop_when_quiet && quiet())) return t;
        const int64_t step = (t % 60 != 0 || busy_minute(t)) ? 1 : std::min<int64_t>(60, end - t);
        advance(t, step);
        t += step;
      }
    }

    // --- the report ---------------------------------------------------------------------------

    static std::optional<double> percent_of(int64_t elapsed, int64_t goal) {
      if (goal <= 0) return std::nullopt;
      return std::round(1000.0 * static_cast<double>(elapsed) / static_cast<double>(goal)) / 10.0;
    }

    void report(RefEvaluation& out) {
      const int64_t now = now_;
      out.tier = policy_->tiers[static_cast<std::size_t>(tier_)].id;
      out.severity = rules_.severities()[static_cast<std::size_t>(severity_)].id;
      out.assignee = assignee_;
      out.zone = clocks_.calendar(tier_calendar()).definition().time_zone;
      OptT wake;
      auto candidate = [&](OptT x) {
        if (x && *x > now && (!wake || *x < *wake)) wake = x;
      };
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        const Target& g = targets_[i];
        const sla::TargetRule& r = rule(i);
        if (g.cycles.empty()) {
          RefTarget o;
          o.id = r.id;
          o.state = cell(i) || !r.optional ? TargetState::pending : TargetState::not_applicable;
          o.zone = zone_of_counter(counter_of(r.clock));
          for (std::size_t k = 0; k < r.escalation.size(); ++k) {
            RefLevel l;
            l.level = static_cast<int>(k) + 1;
            o.levels.push_back(std::move(l));
          }
          out.targets.push_back(std::move(o));
          continue;
        }
        for (const Cycle& c : g.cycles) {
          RefTarget o;
          o.id = r.id;
          o.cycle = c.number;
          o.started = c.start;
          o.goal = c.L;
          o.elapsed = c.R[static_cast<std::size_t>(c.counter)];
          o.remaining = o.goal - o.elapsed;
          o.percent = percent_of(o.elapsed, o.goal);
          const bool live = !c.stop;
          const bool running = live && !c.paused;
          if (live) {
            o.state = c.visible_from <= now ? TargetState::breached
                      : c.paused            ? TargetState::paused
                                            : TargetState::running;
            o.due = c.paused ? OptT{} : due_of(c, now);
            if (c.visible_from <= now) o.breached_at = c.breached_at;
            o.zone = zone_of_counter(c.counter);
            if (running && c.visible_from > now && o.due) {
              candidate(o.due);
              candidate(*o.due + 1);
            }
          } else {
            o.state = c.end_state;
            o.stopped = c.stop;
            o.due = c.due_at_end;
            if (c.visible_from <= *c.stop) o.breached_at = c.breached_at;
            o.zone = c.zone_at_end;
          }
          for (std::size_t k = 0; k < c.levels.size(); ++k) {
            RefLevel l;
            l.level = static_cast<int>(k) + 1;
            if (c.levels[k].fired) {
              l.fired = true;
              l.at = c.levels[k].at;
              l.assignee = c.levels[k].assignee;
              l.severity = c.levels[k].severity;
              l.effect = c.levels[k].effect;
            } else if (running) {
              l.at = predict_level(i, c, k, now);
              candidate(l.at);
            }
            o.levels.push_back(std::move(l));
          }
          out.targets.push_back(std::move(o));
        }
      }
      out.next_wakeup = wake;
    }
  };
};

}  // namespace sla_ref
