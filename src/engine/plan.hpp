// engine/plan.hpp — a RuleSet compiled for evaluation: every name resolved to an index or a
// pointer once, so that evaluating a ticket looks nothing up by name but its event types.
//
// Per policy: the tiers' calendars; per target, its clock per tier, its start/stop conditions as
// indices, a tier × severity grid of goal cells, its escalation levels with their clocks and
// thresholds' inputs, and which targets wait on its outcome; per event type, what it does
// (start, stop, pause, resume or restart a target, fire an `on:` level); per obligation, its
// calendar per tier and its event types interned. The wall clock is an
// always-open calendar, so every clock is a Calendar and one code path serves them all.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/duration_spec.hpp"
#include "sla/rule_set.hpp"
#include "yaml/string_map.hpp"

namespace sla::engine {

inline constexpr int kNone = -1;

using sla::StringMap;  // yaml/string_map.hpp

/// A clock as a calendar per tier (the same pointer for every tier unless it is `business`).
using ClockByTier = std::vector<const Calendar*>;

struct LevelPlan {
  const EscalationLevel* rule = nullptr;
  EscalationTrigger::Kind kind = EscalationTrigger::Kind::at_breach;
  /// at: N% in hundredths of a percent (so 12.5% is exact); at_breach is 100%.
  std::int64_t basis_points = 10000;
  DurationSpec duration{};  ///< after / before_breach / after_breach
  /// 0: counts on the cycle's clock; k >= 1: on its own clock, elapsed slot k of the target.
  int slot = 0;
  ClockByTier own_clock;  ///< slot >= 1: the level's clock (wall for a duration in `cd`)
  int event = kNone;      ///< on: E — the interned event type
  // Actions, summarised (the rule keeps the full list for the report).
  int escalate = 0;          ///< rungs up the role ladder
  int raise_severity = 0;    ///< steps towards the most severe
  int set_severity = kNone;  ///< a severity rank
};

struct TargetPlan {
  const TargetRule* rule = nullptr;
  enum class Start { created, event, met, breached };
  Start start = Start::created;
  int start_ref = kNone;  ///< Start::event: an event type; met/breached: a target index
  ClockByTier clock;      ///< the target's clock per tier
  bool periodic = false;
  bool optional = false;
  int due_of = kNone;  ///< goal: due(x) — the target index of x; its due instant is this one's
  bool restart_on_change = false;  ///< on_severity_change: restart
  /// Goal cells: cell[tier * severity_count + severity] indexes `cells`, or kNone.
  std::vector<int> cell;
  std::vector<const std::vector<DurationSpec>*> cells;
  std::vector<LevelPlan> levels;
  int slot_count = 1;  ///< elapsed-time slots: the cycle's clock + one per level with its own
  // Targets that wait on this one's outcome.
  std::vector<int> start_on_met, start_on_breached, stop_on_met, stop_on_breached;
};

/// An obligation (sla/obligation.hpp), its names resolved.
struct ObligationPlan {
  const Obligation* rule = nullptr;
  /// Per tier: the calendar whose zone cuts the periods and that counts `Nbd` periods and leads.
  ClockByTier calendar;
  std::vector<int> met_by;  ///< interned event types
  std::vector<int> until;   ///< interned event types
  int before = kNone;       ///< dated: the interned type of the events that name a date

  bool meets(int type) const {
    for (const int t : met_by)
      if (t == type) return true;
    return false;
  }
  bool ends(int type) const {
    for (const int t : until)
      if (t == type) return true;
    return false;
  }
};

/// What one event type does, target by target.
struct EventEffect {
  enum class Kind { start, stop, pause, resume, restart, level };
  Kind kind = Kind::start;
  int target = 0;
  int level = 0;  ///< Kind::level
};

struct PolicyPlan {
  const Policy* policy = nullptr;
  std::vector<const Calendar*> tier_calendar;  ///< per tier, in the policy's order
  std::vector<TargetPlan> targets;             ///< in the policy's order
  /// Targets in an order where x comes before every target whose goal is due(x): refreshing in
  /// this order sees each x's due instant current.
  std::vector<int> refresh_order;
  StringMap<int> event_index;  ///< event type → index into `effects` (its interned type)
  std::vector<std::vector<EventEffect>> effects;
  std::vector<ObligationPlan> obligations;  ///< in the policy's order
  /// Per interned event type: some dated obligation reads a date from its events' `to`.
  std::vector<char> names_date;

  int tier_index(std::string_view id) const;  ///< kNone when unknown
  const std::vector<DurationSpec>* goal(const TargetPlan& t, int tier, int severity,
                                        int severity_count) const {
    const int c = t.cell[static_cast<std::size_t>(tier * severity_count + severity)];
    return c == kNone ? nullptr : t.cells[static_cast<std::size_t>(c)];
  }
};

struct Plan {
  explicit Plan(RuleSet rules);

  RuleSet rules;
  Calendar wall;  ///< always open, UTC: real elapsed time
  std::vector<PolicyPlan> policies;
  StringMap<int> policy_index;
  StringMap<int> severity_rank;  ///< ids and aliases
  int severity_count = 0;
  StringMap<int> role_index;
  std::vector<int> role_next;  ///< the next rung up, or kNone
  int bottom_role = kNone;     ///< the first role no role escalates to (the default assignee)
};

}  // namespace sla::engine
