// tests/reference_engine.hpp — an independent, brute-force model of ticket evaluation.
//
// It answers what sla::Engine answers (sla/engine.hpp, "THE MODEL"), from the same RuleSet and
// Ticket, but shares no code with src/engine: it was written from the model's text, before the
// engine's evaluator was read. It is a tick simulation, meant to be obviously right and slow:
//
//   * Openness. Every calendar of the rule set becomes a bitmap of open minutes, filled from
//     tests/reference_calendar.hpp's interval union (the calendar's own brute-force model); the
//     wall clock is always open. All windows and zone offsets used are whole minutes, so a
//     minute is open or closed as a whole.
//   * Time moves in ticks of one minute, or of one second while some threshold (a level, a due
//     instant) lies strictly inside the minute. At each tick instant t, in this order: the
//     ticket's creation, the events at t in log order, then breaches and levels, one at a time,
//     always the first due in the policy's order. Then every counting cycle adds the tick's
//     open time to its counters: its own clock's (its running time, `elapsed`) and each of its
//     levels' clocks'.
//   * "The instant running time reaches X" is read off a counter's recorded history (past) or
//     found by walking its calendar's bitmap forward (future), nothing cleverer.
//   * The calendar's duration arithmetic (ReferenceCalendar) is used once per goal or trigger in
//     business days: the instant `2bd`, `eobd+N`, `bd+N@HH:MM` gives from the cycle's start,
//     whose open time from the start is the goal's length L.
//   * `goal: due(x)` and `on:` levels came later, written from the text that introduced them
//     (the commit "Rules and engine: goal: due(x) and on: levels", the trigger table of
//     sla/engine.hpp), again without the evaluator's code: a target due(x) is due whenever x
//     is, read off x's state at each instant (`linked_due`); its L is measured on its own
//     counter up to that instant; an `on:` level fires with its event's effects. Two points the
//     text leaves open (readings 17 and 21) were settled after comparing with the engine.
//
// Each rule is marked MODEL (the text of sla/engine.hpp says so) or READING (the text leaves a
// choice; the one made here, which tests/test_engine_reference.cpp's header lists, was checked
// against the engine and reported). Keep them apart: a READING is a question for the model's
// wording, a MODEL rule that the engine breaks is an engine bug.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
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

/// What the simulation went through on its way to `now` (for the test's coverage tally: states
/// at `now` alone would not show them).
enum Note : unsigned {
  kDueOfPausedX = 1u << 0,       ///< a target due(x) ran without a due: x paused
  kDueOfPendingX = 1u << 1,      ///< ... x pending
  kDueOfWaitingX = 1u << 2,      ///< ... x without a goal cell (waiting, or stopped so)
  kDueOfStoppedX = 1u << 3,      ///< a target due(x) ran on x's last due, x stopped
  kDueOfChangedX = 1u << 4,      ///< x's goal changed (severity, tier) while a target due(x) ran
  kDueKnownLate = 1u << 5,       ///< a target due(x) breached as its due became known, past
  kLevelWaitedForDue = 1u << 6,  ///< a level on L of a target due(x) waited for its due
  kOnWhilePaused = 1u << 7,      ///< an on: level's event came while its target was paused
  kOnAfterStop = 1u << 8,        ///< ... after its target stopped
  kOnBeforeStart = 1u << 9,      ///< ... before its target started
  kOnByChange = 1u << 10,        ///< an on: level fired on a severity, tier or assign event
};
inline constexpr int kNoteCount = 11;
inline const char* note_name(int bit) {
  static const char* const names[kNoteCount] = {"due(x) ran while x paused",
                                                "due(x) ran while x pending",
                                                "due(x) ran while x waited for a cell",
                                                "due(x) ran on x's last due",
                                                "due(x) ran while x's goal changed",
                                                "due(x) breached as its due became known",
                                                "level on L waited for due(x)",
                                                "on: event while paused",
                                                "on: event after stop",
                                                "on: event before start",
                                                "on: level fired on a change event"};
  return names[bit];
}

struct RefEvaluation {
  bool ok = true;
  std::string policy, tier, severity, assignee, zone;
  OptT next_wakeup;
  std::vector<RefTarget> targets;
  std::vector<RefDiagnostic> diagnostics;
  unsigned notes = 0;  ///< Note bits
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
    // READING: the wall clock, for durations in business days, is an always-open calendar in
    // UTC (every day a business day, from 00:00 to 24:00 UTC).
    sla::CalendarDefinition wall;
    wall.id = "wall";
    for (auto& day : wall.weekly)
      day = {sla::LocalWindow{std::chrono::hours{0}, std::chrono::hours{24}}};
    wall_ = std::make_unique<ReferenceCalendar>(wall, first, last);
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
      // Where each minute's stretch of equal openness ends, to walk a stretch at a time.
      std::vector<std::int32_t> ends(n, static_cast<std::int32_t>(n));
      for (std::size_t m = n - 1; m-- > 0;)
        ends[m] = bits[m] == bits[m + 1] ? ends[m + 1] : static_cast<std::int32_t>(m + 1);
      bits_.push_back(std::move(bits));
      ends_.push_back(std::move(ends));
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
  /// Calendar k, or (k = -1) the wall clock as an always-open UTC calendar.
  const ReferenceCalendar& calendar(int k) const {
    return k < 0 ? *wall_ : *cals_[static_cast<std::size_t>(k)];
  }

  /// Whether calendar k (-1: the wall clock) is open during the second starting at t.
  bool open(int k, int64_t t) const {
    if (t < lo_ || t >= hi_) throw OutOfRange("instant " + format_utc(t) + " outside the model");
    if (k < 0) return true;
    return bits_[static_cast<std::size_t>(k)][static_cast<std::size_t>((t - lo_) / 60)] != 0;
  }

  /// The end of the stretch of minutes around t in which calendar k (-1: the wall clock) stays
  /// open, or stays closed.
  int64_t stretch_end(int k, int64_t t) const {
    if (t < lo_ || t >= hi_) throw OutOfRange("instant " + format_utc(t) + " outside the model");
    if (k < 0) return hi_;
    return lo_ +
           60 * int64_t{
                    ends_[static_cast<std::size_t>(k)][static_cast<std::size_t>((t - lo_) / 60)]};
  }

 private:
  std::vector<std::string> ids_;
  std::vector<std::unique_ptr<ReferenceCalendar>> cals_;
  std::unique_ptr<ReferenceCalendar> wall_;
  std::vector<std::vector<std::uint8_t>> bits_;
  std::vector<std::vector<std::int32_t>> ends_;
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
    return sim.run_and_report();
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

  /// A stretch during which a counter grew by one second per second.
  struct Run {
    int64_t t0, r0, len;
  };
  struct Level {
    bool fired = false;
    int64_t at = 0;
    std::string assignee, severity;
    SeverityEffect effect = SeverityEffect::none;
  };
  // Counters of a cycle: 0 = the business clock (the tier's calendar of the moment), 1 = the
  // wall clock, 2 + k = calendar k, and the last = the cycle's own clock (whatever clock its
  // goal counts on at the moment: its running time, elapsed).
  struct Cycle {
    int number = 1;
    int64_t start = 0;
    OptT stop;
    TargetState end_state = TargetState::running;
    sla::DurationSpec spec;
    int64_t L = 0;
    int base = 0;          ///< the counter (0, 1, 2 + k) whose clock the cycle's clock is now
    bool anchored = true;  ///< counted without a pause on one calendar since it started
    int64_t due0 = 0;      ///< anchored, goal in business days: the instant the goal gives
    int64_t seg = 0;       ///< the last start, resume or goal change while running
    std::vector<int64_t> R;
    std::vector<std::vector<Run>> runs;
    OptT breached_at;
    int64_t visible_from = std::numeric_limits<int64_t>::max();  ///< `breached` from here on
    OptT due_at_end;
    std::string zone_at_end;
    std::vector<Level> levels;
    std::size_t target = 0;  ///< the index of the cycle's target
    int linked = -1;         ///< goal: due(x): the index of x; L is measured, not given
    long L_version = -1;
    long due_version = -1;
    std::vector<std::pair<long, int64_t>> thresholds;  ///< per level: (version, threshold)
    int64_t due_cache = 0;
  };
  struct Target {
    bool start_happened = false;  ///< its start condition happened (pending until then)
    bool done = false;            ///< stopped by a stop condition: never starts again
    bool paused = false;          ///< the target's pause state (it outlives a cycle)
    std::vector<Cycle> cycles;
    bool live() const { return !cycles.empty() && !cycles.back().stop; }
  };

  class Sim {
   public:
    Sim(const ReferenceEngine& ref, const sla::Ticket& ticket, int64_t now, bool actions)
        : clocks_(ref.clocks_), rules_(ref.rules_), ticket_(ticket), now_(now), actions_(actions) {}

    RefEvaluation run_and_report() {
      RefEvaluation out;
      if (!resolve(out)) return out;
      screen_events(out);
      try {
        if (now_ >= created()) simulate(now_, /*stop_when_quiet=*/false);
      } catch (const ChangeLimit&) {  // MODEL: a loop in the rules is an error result
        out.ok = false;
        out.diagnostics.push_back({-1, "change_limit", true});
        return out;
      }
      report(out);
      return out;
    }

    std::vector<RefScheduledTarget> schedule() {
      RefEvaluation ignored;
      std::vector<RefScheduledTarget> out;
      if (!resolve(ignored)) return out;
      const int64_t end = simulate(now_, /*stop_when_quiet=*/true);
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        RefScheduledTarget s;
        s.id = rule(i).id;
        s.levels.assign(rule(i).escalation.size(), std::nullopt);
        Target& g = targets_[i];
        if (!g.cycles.empty()) {
          Cycle& c = g.cycles.front();
          const bool running = !c.stop && !g.paused;
          s.start = c.start;
          s.goal = goal_of(c, end);
          s.due = c.stop ? c.due_at_end : running ? due_at(c, end) : OptT{};
          for (std::size_t k = 0; k < c.levels.size(); ++k) {
            if (c.levels[k].fired)
              s.levels[k] = c.levels[k].at;
            else if (running)
              s.levels[k] = predict(i, c, k, end);
          }
        }
        out.push_back(std::move(s));
      }
      return out;
    }

   private:
    const RefClocks& clocks_;
    const sla::RuleSet& rules_;
    const sla::Ticket& ticket_;
    int64_t now_;
    bool actions_;

    const sla::Policy* policy_ = nullptr;
    std::vector<int> tier_calendars_;  // per tier of the policy: its calendar's index
    std::vector<int> linked_;          // per target: x for a goal due(x), else -1
    int tier_ = 0;                     // index into policy_->tiers
    int severity_ = 0;                 // rank
    std::string assignee_;
    std::vector<Target> targets_;
    std::vector<std::size_t> accepted_;  // event indices, in log order
    std::size_t next_event_ = 0;
    std::vector<std::pair<bool, std::size_t>> cascade_;  // (is a stop, target), first in first
    long version_ = 0;  // bumped by every change; cached instants and thresholds key on it
    std::vector<std::vector<int>> counters_;        // per target: the counters its cycles need
    std::vector<std::vector<int>> level_counters_;  // per target and level: its counter
    std::vector<std::vector<bool>> goal_levels_;    // per target and level: at_breach, at: 100%
    int changes_ = 0;     // breaches and levels fired: MODEL: more than 10,000 is a loop
    unsigned notes_ = 0;  // Note bits

    int64_t created() const { return secs(ticket_.created); }

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
      out.policy = policy_->id;
      for (const auto& tier : policy_->tiers)
        tier_calendars_.push_back(clocks_.index_of(tier.calendar));
      const sla::Tier* tier = policy_->find_tier(ticket_.tier);
      if (!tier) return error("unknown_tier");
      tier_ = static_cast<int>(tier - policy_->tiers.data());
      const sla::Severity* sev = rules_.find_severity(ticket_.severity);
      if (!sev) return error("unknown_severity");
      severity_ = sev->rank;
      if (!ticket_.assignee.empty() && !rules_.find_role(ticket_.assignee))
        return error("unknown_role");
      assignee_ = ticket_.assignee.empty() ? bottom_role() : ticket_.assignee;
      targets_.assign(policy_->targets.size(), Target{});
      linked_.assign(targets_.size(), -1);
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        if (rule(i).goal.shape() != sla::Goal::Shape::due_of_target) continue;
        for (std::size_t x = 0; x < targets_.size(); ++x)
          if (rule(x).id == rule(i).goal.due_of()) linked_[i] = static_cast<int>(x);
      }
      // A cycle counts its own clock and its levels' clocks (the others are never read).
      counters_.assign(targets_.size(), {cyc()});
      level_counters_.assign(targets_.size(), {});
      goal_levels_.assign(targets_.size(), {});
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        for (std::size_t k = 0; k < rule(i).escalation.size(); ++k) {
          const int lc = compute_level_counter(i, k);
          level_counters_[i].push_back(lc);
          if (std::find(counters_[i].begin(), counters_[i].end(), lc) == counters_[i].end())
            counters_[i].push_back(lc);
          const auto& trigger = rule(i).escalation[k].trigger;
          using TK = sla::EscalationTrigger::Kind;
          goal_levels_[i].push_back(
              trigger.kind == TK::at_breach ||
              (trigger.kind == TK::at_percent && std::llround(trigger.percent * 100) == 10000));
        }
      }
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

    // READING: the whole log is screened, also events after now (they are then not applied),
    // in log order: before creation, then earlier than the latest event so far, then (for
    // severity / tier / assign) its `to`.
    void screen_events(RefEvaluation& out) {
      int64_t last = created();
      for (std::size_t i = 0; i < ticket_.events.size(); ++i) {
        const auto& e = ticket_.events[i];
        const int64_t at = secs(e.at);
        const int idx = static_cast<int>(i);
        if (at < created()) {
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

    int cyc() const { return 2 + clocks_.calendar_count(); }  // the cycle's own counter
    int counter_count() const { return 3 + clocks_.calendar_count(); }
    int tier_calendar(int tier) const { return tier_calendars_[static_cast<std::size_t>(tier)]; }
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
    /// The calendar behind a base counter (-1: the wall clock), for a tier.
    int calendar_of(int base, int tier) const {
      return base == 0 ? tier_calendar(tier) : base == 1 ? -1 : base - 2;
    }
    int calendar_of(int base) const { return calendar_of(base, tier_); }
    /// Whether counter k of cycle c counts during the second starting at t.
    bool open(const Cycle& c, int k, int64_t t) const {
      return clocks_.open(calendar_of(k == cyc() ? c.base : k), t);
    }
    /// READING: times are shown in the cycle clock's zone; the wall clock and targets without a
    /// cycle show the tier's.
    std::string zone_of(int base) const {
      const int k = calendar_of(base);
      return clocks_.calendar(k < 0 ? tier_calendar(tier_) : k).definition().time_zone;
    }

    /// Open seconds of counter k's clock (as it is now) in [a, b).
    int64_t open_between(const Cycle& c, int k, int64_t a, int64_t b) const {
      int64_t sum = 0;
      for (int64_t t = a; t < b;) {
        const int64_t next = std::min(b, stretch_end(c, k, t));
        if (open(c, k, t)) sum += next - t;
        t = next;
      }
      return sum;
    }

    /// The end of the stretch around t in which counter k's clock stays open (or closed).
    int64_t stretch_end(const Cycle& c, int k, int64_t t) const {
      return clocks_.stretch_end(calendar_of(k == cyc() ? c.base : k), t);
    }

    /// The first instant >= t at which counter k's clock is open.
    int64_t first_open(const Cycle& c, int k, int64_t t) const {
      while (!open(c, k, t)) t = stretch_end(c, k, t);
      return t;
    }

    /// The earliest instant at which counter k of c was >= x (x <= its value now).
    static int64_t reached_at(const Cycle& c, int k, int64_t x) {
      if (x <= 0) return c.start;
      for (const Run& r : c.runs[static_cast<std::size_t>(k)])
        if (r.r0 < x && x <= r.r0 + r.len) return r.t0 + (x - r.r0);
      throw std::logic_error("reached_at: the value was never reached");
    }

    /// Counter k of c at instant x (no later than the simulation's time).
    static int64_t value_at(const Cycle& c, int k, int64_t x) {
      int64_t v = 0;
      for (const Run& r : c.runs[static_cast<std::size_t>(k)]) {
        if (r.t0 >= x) break;
        v = r.r0 + std::min(r.len, x - r.t0);
      }
      return v;
    }

    /// The instant counter k reaches x > r, counting on from t where it is r.
    int64_t walk(const Cycle& c, int k, int64_t t, int64_t r, int64_t x) const {
      while (true) {
        const int64_t next = stretch_end(c, k, t);
        if (open(c, k, t)) {
          if (r + (next - t) >= x) return t + (x - r);
          r += next - t;
        }
        t = next;
      }
    }

    static bool in_days(const sla::DurationSpec& d) {
      using K = sla::DurationSpec::Kind;
      return d.kind == K::business_days || d.kind == K::end_of_business_day ||
             d.kind == K::business_day_at;
    }

    /// The due instant of a live, counting cycle at t.
    ///   * Anchored (no pause, one calendar since the start), READING: a goal in business days
    ///     is due at the instant it gives from the start (bd+1@07:00 is due at 07:00, although
    ///     its running time L was reached at the previous close); any other goal when running
    ///     time reaches L.
    ///   * Otherwise, when running time reaches L; READING: when exactly L had run at the last
    ///     resume or change, the due instant is "the remaining 0 from then" = the next open
    ///     instant (docs/semantics.md §2.1: add(t, 0) = roll_forward(t)).
    /// MODEL: after a breach the due instant still follows L (only breached_at is sticky).
    int64_t due_of(Cycle& c, int64_t t) {
      if (c.due_version == version_) return c.due_cache;
      int64_t due;
      const int64_t r = c.R[static_cast<std::size_t>(cyc())];
      if (c.anchored && in_days(c.spec))
        due = c.due0;
      else if (!c.anchored && value_at(c, cyc(), c.seg) == c.L)
        due = first_open(c, cyc(), c.seg);
      else if (r >= c.L)
        due = reached_at(c, cyc(), c.L);
      else
        due = walk(c, cyc(), t, r, c.L);
      c.due_version = version_;
      c.due_cache = due;
      return due;
    }

    /// The due instant of a live, counting cycle at t; null for a goal due(x) while x has none.
    OptT due_at(Cycle& c, int64_t t) {
      if (c.linked >= 0) return linked_due(static_cast<std::size_t>(c.linked), t);
      return due_of(c, t);
    }

    /// `goal: due(x)`: x's due instant. MODEL (the text that introduced due(x)): x's due while
    /// x runs (also breached), null while x is pending, paused or waiting for its goal cell,
    /// x's last due once x stopped. READING: x stopped = its last cycle ended met or missed by
    /// a stop; after a cancelled cycle x has none, also if a stop then ends it for good.
    OptT linked_due(std::size_t x, int64_t t) {
      Target& g = targets_[x];
      if (g.live()) {
        if (!g.paused) return due_at(g.cycles.back(), t);
        notes_ |= kDueOfPausedX;
        return std::nullopt;
      }
      if (g.done && !g.cycles.empty() && g.cycles.back().end_state != TargetState::cancelled) {
        notes_ |= kDueOfStoppedX;
        return g.cycles.back().due_at_end;
      }
      notes_ |= g.start_happened ? kDueOfWaitingX : kDueOfPendingX;
      return std::nullopt;
    }

    /// L of a cycle due(x), counting on from t: MODEL: the running time from its start to x's
    /// due instant, 0 when that is before the start. READING: 0 while the due is unknown.
    int64_t linked_length(Cycle& c, int64_t t) {
      const OptT due = due_at(c, t);
      if (!due || *due <= c.start) return 0;
      if (*due <= t) return value_at(c, cyc(), *due);
      return c.R[static_cast<std::size_t>(cyc())] + open_between(c, cyc(), t, *due);
    }

    /// The goal's length L of cycle c at t. READING: the L of a cycle due(x) is measured while
    /// the cycle counts; paused or ended, it keeps the value it had then (apply_event,
    /// end_cycle; 0 for a cycle that starts paused), as `remaining` is frozen.
    int64_t goal_of(Cycle& c, int64_t t) {
      if (c.linked < 0 || c.stop || targets_[c.target].paused) return c.L;
      if (c.L_version != version_) {
        c.L = linked_length(c, t);
        c.L_version = version_;
      }
      return c.L;
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
          throw std::logic_error("not an amount of time");
      }
    }

    /// A trigger's duration as running time on counter k: READING: `Nbd` is the open time of
    /// N business days on that clock's calendar, forward from `anchor` (after: the start;
    /// after_breach: the due instant) or backward to it (before_breach: the due instant).
    int64_t trigger_length(const Cycle& c, int k, const sla::DurationSpec& d, int64_t anchor,
                           bool forward) const {
      if (d.kind != sla::DurationSpec::Kind::business_days) return seconds_of(d);
      const ReferenceCalendar& cal = clocks_.calendar(calendar_of(k == cyc() ? c.base : k));
      const int n = std::abs(d.days);
      if (forward) return open_between(c, k, anchor, cal.add_business_days(anchor, n, false));
      return open_between(c, k, cal.add_business_days(anchor, -n, false), anchor);
    }

    /// The cycle's clock: the wall for a goal in calendar days, else the target's clock.
    int base_of(std::size_t i, const sla::DurationSpec& spec) const {
      return spec.kind == sla::DurationSpec::Kind::calendar_days ? 1 : counter_of(rule(i).clock);
    }

    /// The instant a goal in business days gives from `start`, on calendar k (ReferenceCalendar).
    int64_t days_instant(const sla::DurationSpec& spec, int k, int64_t start) const {
      using K = sla::DurationSpec::Kind;
      const ReferenceCalendar& cal = clocks_.calendar(k);
      if (spec.kind == K::business_days) return cal.add_business_days(start, spec.days, false);
      if (spec.kind == K::end_of_business_day)
        return cal.add_end_of_business_day(start, spec.days, false);
      return cal.add_business_day_at(start, spec.days, spec.at);
    }

    /// Sets L (and due0) from the cycle's spec, base and start: MODEL: 4 h for `4h`, N × 24 h
    /// for `Ncd`; for a goal in business days the open time from the start to the instant it
    /// gives, on the cycle's clock as it is now.
    void set_goal(Cycle& c) {
      if (!in_days(c.spec)) {
        c.L = seconds_of(c.spec);
        return;
      }
      c.due0 = days_instant(c.spec, calendar_of(c.base), c.start);
      c.L = open_between(c, cyc(), c.start, c.due0);
    }

    /// The counter a level counts on: MODEL: at: N% and at_breach on the cycle's clock; a
    /// duration in calendar days on the wall; else the level's clock:, else the cycle's.
    int level_counter(std::size_t i, std::size_t k) const { return level_counters_[i][k]; }
    int compute_level_counter(std::size_t i, std::size_t k) const {
      const sla::EscalationLevel& lv = rule(i).escalation[k];
      using TK = sla::EscalationTrigger::Kind;
      if (lv.trigger.kind == TK::at_percent || lv.trigger.kind == TK::at_breach) return cyc();
      if (lv.trigger.duration.kind == sla::DurationSpec::Kind::calendar_days) return 1;
      return lv.clock ? counter_of(*lv.clock) : cyc();
    }

    /// The value of counter k at the due instant, the cycle counting on from t.
    int64_t at_due(Cycle& c, int k, int64_t t) {
      if (k == cyc()) return goal_of(c, t);
      const int64_t due = *due_at(c, t);
      if (due <= t) return value_at(c, k, due);
      return c.R[static_cast<std::size_t>(k)] + open_between(c, k, t, due);
    }

    /// Level k's threshold on its counter at t (MODEL: the trigger table of sla/engine.hpp).
    int64_t threshold(std::size_t i, Cycle& c, std::size_t k, int64_t t) {
      const sla::EscalationLevel& lv = rule(i).escalation[k];
      using TK = sla::EscalationTrigger::Kind;
      switch (lv.trigger.kind) {
        case TK::at_percent: {
          const int64_t bp = std::llround(lv.trigger.percent * 100);
          return (bp * goal_of(c, t) + 9999) / 10000;
        }
        case TK::at_breach:
          return goal_of(c, t);
        case TK::after:
        case TK::before_breach:
        case TK::after_breach: {
          auto& cached = c.thresholds[k];
          if (cached.first == version_) return cached.second;
          const int lc = level_counter(i, k);
          int64_t x;
          if (lv.trigger.kind == TK::after) {
            x = trigger_length(c, lc, lv.trigger.duration, c.start, true);
          } else {
            const int64_t due = *due_at(c, t);
            const bool before = lv.trigger.kind == TK::before_breach;
            const int64_t d = trigger_length(c, lc, lv.trigger.duration, due, !before);
            x = before ? at_due(c, lc, t) - d : at_due(c, lc, t) + d;
          }
          cached = {version_, x};
          return x;
        }
        case TK::on_event:
          break;
      }
      return std::numeric_limits<int64_t>::max();
    }

    /// READING: a level whose trigger is the goal itself (at_breach, at: 100%) fires at the due
    /// instant, with the breach (an anchored due may lie after the instant L was reached).
    bool at_the_due(std::size_t i, Cycle& c, std::size_t k, int64_t) const {
      return goal_levels_[i][k] && !c.breached_at;
    }

    /// MODEL (due(x)): a level on L (at: N%, at_breach, before_breach, after_breach) of a cycle
    /// due(x) waits while the due instant is unknown; `after:` runs.
    bool waits(std::size_t i, Cycle& c, std::size_t k, int64_t t) {
      using TK = sla::EscalationTrigger::Kind;
      const TK kind = rule(i).escalation[k].trigger.kind;
      if (c.linked < 0 || kind == TK::after || kind == TK::on_event || due_at(c, t)) return false;
      notes_ |= kLevelWaitedForDue;
      return true;
    }

    bool reached(std::size_t i, Cycle& c, std::size_t k, int64_t t) {
      if (waits(i, c, k, t)) return false;
      if (at_the_due(i, c, k, t)) return t >= *due_at(c, t);
      return c.R[static_cast<std::size_t>(level_counter(i, k))] >= threshold(i, c, k, t);
    }

    /// The instant level k will fire if the cycle counts on from t and nothing else happens.
    OptT predict(std::size_t i, Cycle& c, std::size_t k, int64_t t) {
      if (rule(i).escalation[k].trigger.kind == sla::EscalationTrigger::Kind::on_event)
        return std::nullopt;
      if (waits(i, c, k, t)) return std::nullopt;
      if (at_the_due(i, c, k, t)) return due_at(c, t);
      const int lc = level_counter(i, k);
      return walk(c, lc, t, c.R[static_cast<std::size_t>(lc)], threshold(i, c, k, t));
    }

    // --- changes ------------------------------------------------------------------------------

    /// A cycle of a target due(x) counts on the target's clock, L measured (goal_of).
    void start_cycle(std::size_t i, int64_t t) {
      const auto* durations = cell(i);
      if (!durations && linked_[i] < 0) throw std::logic_error("start_cycle without a goal cell");
      Target& g = targets_[i];
      Cycle c;
      c.number = static_cast<int>(g.cycles.size()) + 1;
      c.start = c.seg = t;
      c.target = i;
      c.linked = linked_[i];
      if (durations) c.spec = (*durations)[std::min(g.cycles.size(), durations->size() - 1)];
      c.base = durations ? base_of(i, c.spec) : counter_of(rule(i).clock);
      c.anchored = !g.paused;
      c.R.assign(static_cast<std::size_t>(counter_count()), 0);
      c.runs.assign(static_cast<std::size_t>(counter_count()), {});
      c.levels.assign(rule(i).escalation.size(), Level{});
      c.thresholds.assign(rule(i).escalation.size(), {-1, 0});
      if (durations) set_goal(c);
      g.cycles.push_back(std::move(c));
      ++version_;
    }

    /// Whether target i has a goal now: a goal cell for the ticket's tier and severity, or a
    /// goal due(x), which has no cells and always applies.
    bool has_goal(std::size_t i) const { return linked_[i] >= 0 || cell(i) != nullptr; }

    /// Ends the live cycle of target i at t: met / missed, or cancelled. MODEL: missed after its
    /// breach (an event at the due instant comes before the breach: met); READING: also when
    /// the breach was processed at this very instant (a level at the breach that restarts it).
    /// READING: an ended cycle shows its due instant and zone on the calendar it counted on (the
    /// tier's before a tier change that ends it; the wall clock shows the new tier's zone).
    void end_cycle(std::size_t i, int64_t t, bool cancelled, int tier) {
      Target& g = targets_[i];
      Cycle& c = g.cycles.back();
      const int k = calendar_of(c.base, tier);
      c.zone_at_end = k < 0 ? zone_of(1) : clocks_.calendar(k).definition().time_zone;
      const int now_tier = tier_;  // the due instant on the calendar the cycle counted on
      tier_ = tier;
      ++version_;
      c.due_at_end = g.paused ? OptT{} : due_at(c, t);
      if (!g.paused) goal_of(c, t);  // a cycle due(x) keeps the L it has as it ends
      tier_ = now_tier;
      c.stop = t;
      // MODEL: met if at or before the due instant, missed if after. READING (due(x)): a due
      // that moved into the past at this very instant, before the breach it brings was
      // processed, makes the stop missed too.
      c.end_state = cancelled                                              ? TargetState::cancelled
                    : c.breached_at || (c.due_at_end && *c.due_at_end < t) ? TargetState::missed
                                                                           : TargetState::met;
      ++version_;
    }

    /// READING: outcomes a change causes (met(x), breached(x)) are queued and happen, in order,
    /// after the event's or the level's own effects on every target.
    void outcome_happened(sla::Condition::Kind kind, std::size_t x) {
      for (std::size_t j = 0; j < targets_.size(); ++j) {
        const auto& st = rule(j).start;
        if (st.kind == kind && st.name == rule(x).id) cascade_.emplace_back(false, j);
      }
      for (std::size_t j = 0; j < targets_.size(); ++j)
        for (const auto& sc : rule(j).stop)
          if (sc.kind == kind && sc.name == rule(x).id) cascade_.emplace_back(true, j);
    }

    void run_cascade(int64_t t) {
      for (std::size_t n = 0; n < cascade_.size(); ++n) {
        const auto [is_stop, j] = cascade_[n];
        if (is_stop)
          stop_target(j, t);
        else
          start_target(j, t);
      }
      cascade_.clear();
    }

    /// MODEL: a target starts once, at the first occurrence of its start condition; READING:
    /// without a goal cell (optional) it waits for one.
    void start_target(std::size_t i, int64_t t) {
      Target& g = targets_[i];
      if (g.start_happened) return;
      g.start_happened = true;
      if (has_goal(i)) start_cycle(i, t);
    }

    /// READING: a stop condition ends a started target for good, also one waiting for its goal
    /// cell (then nothing is met).
    void stop_target(std::size_t i, int64_t t) {
      Target& g = targets_[i];
      if (!g.start_happened || g.done) return;
      g.done = true;
      if (!g.live()) return;
      end_cycle(i, t, false, tier_);
      outcome_happened(sla::Condition::Kind::met, i);
    }

    void breach(std::size_t i, int64_t t, bool by_change) {
      if (++changes_ > 10000) throw ChangeLimit{};
      Cycle& c = targets_[i].cycles.back();
      c.breached_at = t;
      c.visible_from = by_change ? t : t + 1;
      ++version_;
      outcome_happened(sla::Condition::Kind::breached, i);
    }

    /// The goal cell may have changed (severity or tier; `old_tier` before). MODEL: a cycle
    /// without a cell is cancelled; `restart` ends the cycle and starts the next; `recompute`
    /// keeps the start and running time and takes the new goal, breaching at the change when
    /// its due instant is already past; a target waiting for its cell starts. READINGS: the
    /// running time carries over when the new goal counts on another clock (as across a tier
    /// change); the goal's L in business days is taken from the start on the new clock; a
    /// paused target is breached at the change when more than the new L has run.
    void cell_changed(int64_t t, int old_tier) {
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        Target& g = targets_[i];
        if (linked_[i] >= 0) {
          // MODEL (due(x)): a change leaves it due when x is: no restart, no cancel, no new L
          // of its own (x's change moves x's due). A tier change moves a business clock to the
          // new tier's calendar from the change on.
          if (g.live() && !g.paused) g.cycles.back().seg = t;
          const auto x = static_cast<std::size_t>(linked_[i]);
          if (counting(i) && linked_[x] < 0 && targets_[x].live()) notes_ |= kDueOfChangedX;
          continue;
        }
        const auto* durations = cell(i);
        if (!g.live()) {
          if (durations && g.start_happened && !g.done) start_cycle(i, t);
          continue;
        }
        if (!durations) {
          end_cycle(i, t, true, old_tier);
          continue;
        }
        if (rule(i).on_severity_change == sla::OnSeverityChange::restart) {
          end_cycle(i, t, false, old_tier);
          start_cycle(i, t);
          continue;
        }
        Cycle& c = g.cycles.back();
        const int old_calendar = calendar_of(c.base, old_tier);
        if (!g.paused) c.seg = t;
        c.spec =
            (*durations)[std::min(static_cast<std::size_t>(c.number - 1), durations->size() - 1)];
        c.base = base_of(i, c.spec);
        if (calendar_of(c.base) != old_calendar) c.anchored = false;
        ++version_;
        set_goal(c);
        ++version_;
        if (c.breached_at) continue;
        if (g.paused) {
          if (c.R[static_cast<std::size_t>(cyc())] > c.L) breach(i, t, true);
        } else if (due_of(c, t) < t) {
          breach(i, t, true);
        }
      }
      ++version_;
    }

    /// READING: a severity that does not change (raise at the top, set to the current one) is
    /// no change at all: nothing restarts.
    bool change_severity(int rank, int64_t t) {
      if (rank == severity_) return false;
      severity_ = rank;
      cell_changed(t, tier_);
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
      targets_[i].cycles[ci].levels[k].fired = true;
      targets_[i].cycles[ci].levels[k].at = t;
      ++version_;
      for (const auto& a : lv.actions) {
        switch (a.kind) {
          case sla::EscalationAction::Kind::escalate:
            if (actions_) assignee_ = up(assignee_, a.steps);
            break;
          case sla::EscalationAction::Kind::raise_severity:
          case sla::EscalationAction::Kind::set_severity: {
            const int to = a.kind == sla::EscalationAction::Kind::set_severity
                               ? rules_.find_severity(a.name)->rank
                               : std::max(0, severity_ - a.steps);
            effect = to == severity_ ? SeverityEffect::unchanged : SeverityEffect::changed;
            if (actions_) change_severity(to, t);
            break;
          }
          default:
            break;
        }
      }
      Level& l = targets_[i].cycles[ci].levels[k];  // the cycle that fired, even if it ended
      l.assignee = assignee_;
      l.severity = rules_.severities()[static_cast<std::size_t>(severity_)].id;
      l.effect = effect;
    }

    static bool contains(const std::vector<std::string>& v, const std::string& s) {
      return std::find(v.begin(), v.end(), s) != v.end();
    }

    /// An event's direct effects, target by target in the policy's order: start, stop, pause,
    /// resume, restart, on: levels.
    void apply_event(const sla::TicketEvent& e, int64_t t) {
      if (e.type == "severity" || e.type == "tier" || e.type == "assign") {
        if (e.type == "severity") change_severity(rules_.find_severity(e.to)->rank, t);
        const int to = e.type == "tier"
                           ? static_cast<int>(policy_->find_tier(e.to) - policy_->tiers.data())
                           : tier_;
        if (to != tier_) {
          const int old = tier_;
          tier_ = to;
          cell_changed(t, old);
        }
        if (e.type == "assign") assignee_ = e.to;
        for (std::size_t i = 0; i < targets_.size(); ++i) fire_on_levels(i, e.type, t);
        return;
      }
      // READING: a cycle due(x) that the event pauses keeps the L it had before the event (not
      // the one the event's effects on x, earlier in the policy's order, would give).
      std::vector<int64_t> before(targets_.size(), 0);
      for (std::size_t i = 0; i < targets_.size(); ++i)
        if (linked_[i] >= 0 && counting(i)) before[i] = goal_of(targets_[i].cycles.back(), t);
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        Target& g = targets_[i];
        const sla::TargetRule& r = rule(i);
        if (r.start.kind == sla::Condition::Kind::event && r.start.name == e.type)
          start_target(i, t);
        for (const auto& sc : r.stop)
          if (sc.kind == sla::Condition::Kind::event && sc.name == e.type) stop_target(i, t);
        // MODEL: pause and resume act on a live cycle; READING: a restart keeps the pause.
        if (contains(r.pause, e.type) && g.live() && !g.paused) {
          if (linked_[i] >= 0) g.cycles.back().L = before[i];  // a due(x) keeps the L it had
          g.paused = true;
          g.cycles.back().anchored = false;
          ++version_;
        }
        if (contains(r.resume, e.type) && g.live() && g.paused) {
          g.paused = false;
          g.cycles.back().seg = t;
          ++version_;
        }
        if (contains(r.restart, e.type) && g.live()) {
          end_cycle(i, t, false, tier_);
          start_cycle(i, t);
        }
        fire_on_levels(i, e.type, t);
      }
    }

    /// MODEL: an `on: E` level fires at the first event of type E in the cycle while its target
    /// runs (not paused, not stopped). READING: an event's effects are taken target by target,
    /// each target's on: levels (in list order) after its own start, stop, pause, resume and
    /// restart, against the state as it is then (an E that starts, restarts or resumes the
    /// target fires them; one that stops or pauses it does not; one during a pause is not
    /// remembered); the outcomes they cause (met(x), breached(x)) come after, with the other
    /// targets' (reading 2). `severity`, `tier` and `assign` events are events too: their
    /// on: levels fire after the change.
    void fire_on_levels(std::size_t i, const std::string& type, int64_t t) {
      const Target& g = targets_[i];
      for (std::size_t k = 0; k < rule(i).escalation.size(); ++k) {
        const auto& trigger = rule(i).escalation[k].trigger;
        if (trigger.kind != sla::EscalationTrigger::Kind::on_event || trigger.event != type)
          continue;
        if (!counting(i)) {
          notes_ |= g.live() ? kOnWhilePaused : g.start_happened ? kOnAfterStop : kOnBeforeStart;
          continue;
        }
        if (g.cycles.back().levels[k].fired) continue;
        if (type == "severity" || type == "tier" || type == "assign") notes_ |= kOnByChange;
        fire(i, k, t);
      }
    }

    // --- the tick loop ------------------------------------------------------------------------

    bool counting(std::size_t i) const { return targets_[i].live() && !targets_[i].paused; }

    /// MODEL: at one instant, the ticket's creation, then events in log order, then breaches
    /// and levels. READING: always the first due in the policy's order of targets (a target's
    /// breach before its levels, levels in list order), looked for again after each one.
    void process_instant(int64_t t) {
      if (t == created()) {
        for (std::size_t i = 0; i < targets_.size(); ++i) {
          const auto& st = rule(i).start;
          if (st.kind == sla::Condition::Kind::event && st.name == "created") start_target(i, t);
        }
      }
      while (next_event_ < accepted_.size() &&
             secs(ticket_.events[accepted_[next_event_]].at) == t) {
        apply_event(ticket_.events[accepted_[next_event_]], t);
        run_cascade(t);
        ++next_event_;
      }
      for (bool again = true; again;) {
        again = false;
        for (std::size_t i = 0; i < targets_.size() && !again; ++i) {
          if (!counting(i)) continue;
          Cycle& c = targets_[i].cycles.back();
          const OptT due = c.breached_at ? OptT{} : due_at(c, t);
          if (due && *due <= t) {
            // MODEL (due(x)): a due instant that becomes known (x starts, resumes, changes; the
            // target resumes) already past breaches at once, as a change does. READING: it is
            // found with the breaches, after the events at t, in the policy's order.
            if (*due < t && c.linked < 0)
              throw std::logic_error("the simulation stepped over a due instant");
            if (*due < t) notes_ |= kDueKnownLate;
            breach(i, t, *due < t);
            run_cascade(t);
            again = true;
            break;
          }
          for (std::size_t k = 0; k < c.levels.size(); ++k) {
            if (c.levels[k].fired ||
                rule(i).escalation[k].trigger.kind == sla::EscalationTrigger::Kind::on_event)
              continue;
            if (reached(i, c, k, t)) {
              fire(i, k, t);
              run_cascade(t);
              again = true;
              break;
            }
          }
        }
      }
    }

    /// Where a due instant or level threshold of a counting cycle lies in the tick (t, t + step]:
    /// kInside (strictly inside: the tick must be cut into seconds), kAtEnd (at t + step: that
    /// instant must be looked at), or kNone.
    enum Crossing { kNone, kAtEnd, kInside };
    Crossing crossing(int64_t t, int64_t step) {
      Crossing result = kNone;
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        if (!counting(i)) continue;
        Cycle& c = targets_[i].cycles.back();
        if (const OptT due = c.breached_at ? OptT{} : due_at(c, t)) {
          if (t < *due && *due < t + step) return kInside;
          if (*due == t + step) result = kAtEnd;
        }
        for (std::size_t k = 0; k < c.levels.size(); ++k) {
          if (c.levels[k].fired ||
              rule(i).escalation[k].trigger.kind == sla::EscalationTrigger::Kind::on_event ||
              at_the_due(i, c, k, t) || waits(i, c, k, t))
            continue;
          const int lc = level_counter(i, k);
          if (!open(c, lc, t)) continue;
          const int64_t r = c.R[static_cast<std::size_t>(lc)], x = threshold(i, c, k, t);
          if (r < x && x < r + step) return kInside;
          if (x == r + step) result = kAtEnd;
        }
      }
      return result;
    }

    /// Whether nothing can change any more without an event (the schedule has none): every
    /// counting cycle is breached (or due(x) without a due) and has fired its levels (but those
    /// on an event, or waiting for an unknown due).
    bool quiet(int64_t t) {
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        if (!counting(i)) continue;
        Cycle& c = targets_[i].cycles.back();
        if (!c.breached_at && due_at(c, t)) return false;
        for (std::size_t k = 0; k < c.levels.size(); ++k)
          if (!c.levels[k].fired &&
              rule(i).escalation[k].trigger.kind != sla::EscalationTrigger::Kind::on_event &&
              !waits(i, c, k, t))
            return false;
      }
      return true;
    }

    void advance(int64_t t, int64_t step) {
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        if (!counting(i)) continue;
        Cycle& c = targets_[i].cycles.back();
        for (const int k : counters_[i]) {
          if (!open(c, k, t)) continue;
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
    /// An instant needs looking at when it is the creation, the end, an event's, or one where a
    /// due instant or a threshold is reached (nothing else can happen at the others).
    int64_t simulate(int64_t end, bool stop_when_quiet) {
      int64_t t = created();
      for (bool look = true;;) {
        if (look || (next_event_ < accepted_.size() &&
                     secs(ticket_.events[accepted_[next_event_]].at) == t))
          process_instant(t);
        if (t >= end || (stop_when_quiet && quiet(t))) return t;
        int64_t step = t % 60 != 0 ? 1 : std::min<int64_t>(60, end - t);
        Crossing c = crossing(t, step);
        if (c == kInside) c = crossing(t, step = 1);
        look = c == kAtEnd || t + step == end;
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
      out.zone = zone_of(0);
      OptT wake;
      auto candidate = [&](OptT x) {
        if (x && *x > now && (!wake || *x < *wake)) wake = x;
      };
      if (now < created()) candidate(created());
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        Target& g = targets_[i];
        const sla::TargetRule& r = rule(i);
        if (g.cycles.empty()) {
          // READING: pending until the start condition happens, also without a goal cell.
          RefTarget o;
          o.id = r.id;
          o.state = g.start_happened ? TargetState::not_applicable : TargetState::pending;
          o.zone = zone_of(0);
          for (std::size_t k = 0; k < r.escalation.size(); ++k) {
            RefLevel l;
            l.level = static_cast<int>(k) + 1;
            o.levels.push_back(std::move(l));
          }
          out.targets.push_back(std::move(o));
          continue;
        }
        for (Cycle& c : g.cycles) {
          RefTarget o;
          o.id = r.id;
          o.cycle = c.number;
          o.started = c.start;
          o.goal = goal_of(c, now);
          o.elapsed = c.R[static_cast<std::size_t>(cyc())];
          o.remaining = o.goal - o.elapsed;
          o.percent = percent_of(o.elapsed, o.goal);
          const bool live = !c.stop;
          const bool running = live && !g.paused;
          if (live) {
            const bool visible = c.visible_from <= now;
            o.state = visible    ? TargetState::breached
                      : g.paused ? TargetState::paused
                                 : TargetState::running;
            if (running) o.due = due_at(c, now);
            if (visible) o.breached_at = c.breached_at;
            o.zone = zone_of(c.base);
            if (o.due && !c.breached_at) candidate(*o.due > now ? *o.due : now + 1);
            if (running && c.breached_at && !visible) candidate(c.visible_from);
          } else {
            o.state = c.end_state;
            o.stopped = c.stop;
            o.due = c.due_at_end;
            o.breached_at = c.breached_at;
            o.zone = c.zone_at_end;
          }
          // READING 22: no due instant and no length (a due(x) whose x has none): nothing is
          // remaining, rather than -elapsed.
          if (!o.due && o.goal == 0) o.remaining = 0;
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
              l.at = predict(i, c, k, now);
              candidate(l.at);
            }
            o.levels.push_back(std::move(l));
          }
          out.targets.push_back(std::move(o));
        }
      }
      out.next_wakeup = wake;
      out.notes = notes_;
    }
  };
};

}  // namespace sla_ref
