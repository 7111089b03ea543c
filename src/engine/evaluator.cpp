#include "engine/evaluator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "engine/evaluation_limit.hpp"
#include "engine/obligations.hpp"
#include "sla/beyond_coverage.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"

namespace sla::engine {
namespace {

using Trigger = EscalationTrigger::Kind;
constexpr Instant kNever = Instant::max();

// An event of the log, resolved once before the replay.
struct ResolvedEvent {
  enum class Kind { ignored, severity, tier, assign, effects };
  Kind kind = Kind::ignored;
  int value = kNone;  ///< a severity rank, tier index, role index, or index of the event's effects
  /// severity / tier / assign: the index of the effects of its type (its `on:` levels), or kNone
  int effects = kNone;
};

// A stretch of running time of a target's cycle (kept to find a due instant that a goal change
// moved into the past, and the running time of each clock at that instant).
struct Segment {
  int target = 0;
  Instant start{};
  Instant end{};  ///< a pause, a change of clock, or the cycle's end
  const Calendar* calendar = nullptr;
  Seconds elapsed{0};     ///< running time of the cycle's clock before `start`
  std::size_t slots = 0;  ///< index into Scratch::segment_slots: every slot's clock and time
};

// One target during the replay.
struct Run {
  enum class Phase {
    pending,  ///< its start has not happened
    waiting,  ///< started, but the ticket's (tier, severity) has no goal cell (optional target)
    running,  ///< a cycle is open (running, or paused when `paused`)
    stopped,
  };
  Phase phase = Phase::pending;
  bool paused = false;
  /// Counting without interruption on one calendar since the cycle started: the due instant is
  /// the start-anchored one (2bd from the start lands where 2bd says, not on a close).
  bool continuous = true;
  bool breached = false;
  bool breach_visible_at_once = false;  ///< breached by a change: `breached` already at the instant
  int cycle = 0;
  std::size_t outcome = 0;  ///< the current cycle's entry in Scratch::outcomes
  Instant cycle_start{};
  Instant segment_start{};
  Instant breached_at{};
  DurationSpec spec{};  ///< the cycle's goal
  Seconds goal{0};      ///< L
  std::optional<Instant> due;
  /// goal: due(x) — x's due instant when this run was last refreshed (a change of it refreshes).
  std::optional<Instant> linked_seen;
  Instant next = kNever;  ///< the earliest own instant (breach or level), when not dirty
  bool dirty = false;
  std::size_t slot = 0;   ///< first elapsed-time slot in Scratch
  std::size_t level = 0;  ///< first level in Scratch::level_at
};

// Per-thread working memory: grows to the largest ticket seen, then allocates no more.
struct Scratch {
  std::vector<Run> runs;
  std::vector<const Calendar*> calendar;  ///< per slot: the clock it counts on now
  std::vector<Seconds> elapsed;           ///< per slot: running time before segment_start
  std::vector<std::optional<Instant>> level_at;
  std::vector<ResolvedEvent> events;
  /// Per event: its interned type (an index into PolicyPlan::effects), or kNone when it is
  /// rejected or no rule names its type — what obligations read after the replay.
  std::vector<int> event_type;
  std::vector<Segment> segments;
  std::vector<std::pair<const Calendar*, Seconds>> segment_slots;
  std::vector<TargetOutcome> outcomes;  ///< in the order cycles begin
  std::vector<int> owner;               ///< the target of each outcome
  /// Starts and stops that a target's outcome causes in the targets waiting on it, processed
  /// in order without recursion (a chain of 100,000 met(previous) targets is fine).
  std::vector<std::pair<bool, int>> cascade;  ///< (is a stop, target)
};

thread_local Scratch scratch;

std::int64_t secs(Seconds s) { return s.count(); }

class Replay {
 public:
  Replay(const Plan& plan, const PolicyPlan& policy, Scratch& s, Evaluation& out)
      : plan_(plan), policy_(policy), s_(s), out_(out) {}

  /// Replays from `created` up to `horizon`; `apply_effects` = false leaves severity and
  /// assignee alone (the schedule of Engine::due).
  void run(const Ticket* ticket, Instant created, Instant horizon, int tier, int severity,
           int assignee, bool apply_effects) {
    tier_ = tier;
    severity_ = severity;
    assignee_ = assignee;
    horizon_ = horizon;
    apply_effects_ = apply_effects;
    created_ = created;
    setup_runs();
    std::size_t event_count = 0;
    if (ticket != nullptr) event_count = resolve_events(*ticket);
    internal_limit_ = 10000 + 100 * event_count;

    sim_ = created;
    if (created <= horizon)
      for (std::size_t i = 0; i < runs().size(); ++i)
        if (plan_target(i).start == TargetPlan::Start::created) start(i, created);

    std::size_t k = 0;
    std::size_t internal_steps = 0;
    while (true) {
      while (k < event_count && s_.events[k].kind == ResolvedEvent::Kind::ignored) ++k;
      const Instant own = earliest();
      if (k < event_count && ticket->events[k].at <= horizon && ticket->events[k].at <= own) {
        sim_ = ticket->events[k].at;
        apply(s_.events[k]);
        run_cascade();
        ++k;
        continue;
      }
      if (own == kNever || own > horizon) break;
      if (++internal_steps > internal_limit_)
        throw EvaluationLimit(
            "change_limit",
            fmt::format(
                "more than {} escalations and breaches, the last at {}: the rules' escalations "
                "keep changing the severity (a loop of set_severity / restart)",
                internal_limit_, format_instant(own, TimeZone::utc())));
      sim_ = own;
      fire_own(own);
      run_cascade();
    }
  }

  /// Completes the outcomes at `now` and writes them, in target order, into the result.
  void finish(Instant now) {
    next_wakeup_.reset();
    if (now < created_) consider_wakeup(created_, now);
    collect([&](std::size_t i) { complete_open_cycle(i, now); });
  }

  /// The schedule's end: open cycles keep their due and level instants; no clock is read.
  void finish_schedule() {
    collect([&](std::size_t i) {
      Run& r = runs()[i];
      if (r.dirty) refresh(i);
      TargetOutcome& o = outcome(r);
      fill_clock(o, r, Seconds{0});
      o.due = r.due;
      const auto& levels = plan_target(i).levels;
      for (std::size_t l = 0; l < levels.size(); ++l) {
        EscalationOutcome& e = level_outcome(r, l);
        if (!e.fired && level_at(r, l) != kNever) e.at = level_at(r, l);
      }
    });
  }

 private:
  template <class CompleteOpen>
  void collect(CompleteOpen&& complete_open) {
    for (std::size_t i = 0; i < runs().size(); ++i) {
      Run& r = runs()[i];
      if (r.phase == Run::Phase::running) {
        complete_open(i);
      } else if (r.phase == Run::Phase::pending) {
        begin_outcome(i, TargetState::pending, std::nullopt, 1);
      } else if (std::find(s_.owner.begin(), s_.owner.end(), static_cast<int>(i)) ==
                 s_.owner.end()) {
        begin_outcome(i, TargetState::not_applicable, std::nullopt, 1);
      }
    }
    out_.targets.clear();
    for (std::size_t i = 0; i < runs().size(); ++i)
      for (std::size_t o = 0; o < s_.outcomes.size(); ++o)
        if (s_.owner[o] == static_cast<int>(i)) out_.targets.push_back(s_.outcomes[o]);
    out_.next_wakeup = next_wakeup_;
    out_.tier = policy_.policy->tiers[static_cast<std::size_t>(tier_)].id;
    out_.severity = severity_ == kNone
                        ? std::string_view{}
                        : plan_.rules.severities()[static_cast<std::size_t>(severity_)].id;
    out_.assignee = role_name(assignee_);
    out_.zone = &policy_.tier_calendar[static_cast<std::size_t>(tier_)]->time_zone();
  }

  std::vector<Run>& runs() { return s_.runs; }
  const TargetPlan& plan_target(std::size_t i) const { return policy_.targets[i]; }

  std::string_view role_name(int role) const {
    return role == kNone ? std::string_view{}
                         : plan_.rules.roles()[static_cast<std::size_t>(role)].id;
  }

  const Calendar*& calendar(const Run& r, int slot) {
    return s_.calendar[r.slot + static_cast<std::size_t>(slot)];
  }
  Seconds& elapsed(const Run& r, int slot) {
    return s_.elapsed[r.slot + static_cast<std::size_t>(slot)];
  }
  std::optional<Instant>& level_at(const Run& r, std::size_t l) { return s_.level_at[r.level + l]; }
  TargetOutcome& outcome(const Run& r) { return s_.outcomes[r.outcome]; }
  EscalationOutcome& level_outcome(const Run& r, std::size_t l) {
    return out_.escalations[outcome(r).first_escalation + l];
  }

  // --- setup ---------------------------------------------------------------------------------

  void setup_runs() {
    const std::size_t n = policy_.targets.size();
    runs().assign(n, Run{});
    std::size_t slots = 0, levels = 0;
    for (std::size_t i = 0; i < n; ++i) {
      runs()[i].slot = slots;
      runs()[i].level = levels;
      slots += static_cast<std::size_t>(policy_.targets[i].slot_count);
      levels += policy_.targets[i].levels.size();
    }
    s_.calendar.assign(slots, nullptr);
    s_.elapsed.assign(slots, Seconds{0});
    s_.level_at.assign(levels, std::nullopt);
    s_.segments.clear();
    s_.segment_slots.clear();
    s_.cascade.clear();
    s_.outcomes.clear();
    s_.owner.clear();
    out_.escalations.clear();
  }

  // Checks the log once: order, creation, and the values of severity / tier / assign events.
  std::size_t resolve_events(const Ticket& ticket) {
    const auto& events = ticket.events;
    s_.events.assign(events.size(), ResolvedEvent{});
    s_.event_type.assign(events.size(), kNone);
    std::optional<Instant> last;
    for (std::size_t k = 0; k < events.size(); ++k) {
      const TicketEvent& e = events[k];
      ResolvedEvent& r = s_.events[k];
      const int index = static_cast<int>(k);
      if (e.at < ticket.created) {
        warn(index, "event_before_creation",
             fmt::format("event {} ('{}') at {} is before the ticket's creation at {}; it is "
                         "ignored",
                         k, e.type, format_instant(e.at, zone()),
                         format_instant(ticket.created, zone())));
        continue;
      }
      if (last && e.at < *last) {
        warn(index, "event_out_of_order",
             fmt::format("event {} ('{}') at {} is earlier than the event before it ({}); the "
                         "log must be in time order, so it is ignored",
                         k, e.type, format_instant(e.at, zone()), format_instant(*last, zone())));
        continue;
      }
      last = e.at;
      const auto it = policy_.event_index.find(e.type);
      const int effects = it == policy_.event_index.end() ? kNone : it->second;
      if (e.type == "severity" || e.type == "tier" || e.type == "assign") {
        resolve_change(index, e, r);
        if (r.kind != ResolvedEvent::Kind::ignored) r.effects = effects;  // its on: levels
        continue;
      }
      if (effects != kNone) {
        r = {ResolvedEvent::Kind::effects, effects};
        s_.event_type[k] = effects;
      }
    }
    return events.size();
  }

  void resolve_change(int index, const TicketEvent& e, ResolvedEvent& r) {
    if (e.to.empty()) {
      warn(index, "missing_to",
           fmt::format("event {} ('{}') has no 'to': it says nothing to change to, so it is "
                       "ignored",
                       index, e.type));
      return;
    }
    if (e.type == "severity") {
      if (const auto it = plan_.severity_rank.find(e.to); it != plan_.severity_rank.end()) {
        r = {ResolvedEvent::Kind::severity, it->second};
        return;
      }
      warn(index, "unknown_severity",
           fmt::format("event {} changes the severity to '{}', which is not a severity id or "
                       "alias; it is ignored",
                       index, e.to));
    } else if (e.type == "tier") {
      if (const int tier = policy_.tier_index(e.to); tier != kNone) {
        r = {ResolvedEvent::Kind::tier, tier};
        return;
      }
      warn(index, "unknown_tier",
           fmt::format("event {} changes the tier to '{}', which is not a tier of policy '{}'; "
                       "it is ignored",
                       index, e.to, policy_.policy->id));
    } else {
      if (const auto it = plan_.role_index.find(e.to); it != plan_.role_index.end()) {
        r = {ResolvedEvent::Kind::assign, it->second};
        return;
      }
      warn(index, "unknown_role",
           fmt::format("event {} assigns the ticket to '{}', which is not a role; it is "
                       "ignored",
                       index, e.to));
    }
  }

  const TimeZone& zone() const {
    return policy_.tier_calendar[static_cast<std::size_t>(tier_)]->time_zone();
  }

  void warn(int event, std::string code, std::string message) {
    out_.diagnostics.push_back(
        {EvaluationDiagnostic::Severity::warning, event, std::move(code), std::move(message)});
  }

  // --- the clock's arithmetic ---------------------------------------------------------------

  // Running time that a duration stands for on clock `c`, anchored at `anchor` (forward) or
  // ending at it (backward, before_breach).
  static Seconds length(const Calendar& c, const DurationSpec& d, Instant anchor, bool forward) {
    switch (d.kind) {
      case DurationSpec::Kind::business:
        return Seconds{std::abs(secs(d.business))};
      case DurationSpec::Kind::calendar_days:
        return Seconds{std::int64_t{std::abs(d.days)} * 86400};  // c is the wall clock
      default:
        break;
    }
    if (forward) return std::max(Seconds{0}, c.between(anchor, c.add(anchor, d)));
    DurationSpec back = d;
    back.days = -std::abs(d.days);
    back.backward = true;
    return std::max(Seconds{0}, c.between(c.add(anchor, back), anchor));
  }

  const Calendar* cycle_calendar(const TargetPlan& t, const DurationSpec& spec) const {
    return spec.kind == DurationSpec::Kind::calendar_days
               ? &plan_.wall
               : t.clock[static_cast<std::size_t>(tier_)];
  }

  // The due instant of a running cycle (not paused), from its state.
  // goal: due(x): x's due instant while x has one — running, or stopped (its last due) — and
  // null while x is pending, paused or waiting.
  std::optional<Instant> linked_due(std::size_t i) {
    const int x = plan_target(i).due_of;
    const Run& source = runs()[static_cast<std::size_t>(x)];
    if (source.phase == Run::Phase::running) {
      if (source.paused) return std::nullopt;
      // x not refreshed since it changed at this instant (a restart, then a stop that ends
      // this target), or due(y) itself: x's due instant as it stands.
      const auto j = static_cast<std::size_t>(x);
      return source.dirty || plan_target(j).due_of != kNone ? due_instant(j) : source.due;
    }
    if (source.phase == Run::Phase::stopped) {
      // x stopped while it waited for its goal cell: it has no cycle, or a cancelled one, and
      // no due instant (`outcome` then indexes no cycle of x's, or the cancelled one).
      if (source.cycle == 0) return std::nullopt;
      const TargetOutcome& last = s_.outcomes[source.outcome];
      return last.state == TargetState::cancelled ? std::nullopt : last.due;
    }
    return std::nullopt;
  }

  // The due instant of a running cycle (not paused), from its state; for goal: due(x), x's.
  std::optional<Instant> due_instant(std::size_t i) {
    if (plan_target(i).due_of != kNone) return linked_due(i);
    return due_of_goal(i);
  }

  Instant due_of_goal(std::size_t i) {
    Run& r = runs()[i];
    const Calendar& c = *calendar(r, 0);
    if (r.continuous) {
      const Instant due = r.spec.kind == DurationSpec::Kind::business
                              ? c.add(r.cycle_start, r.goal)
                              : c.add(r.cycle_start, r.spec);
      return std::max(due, r.cycle_start);
    }
    const Seconds remaining = r.goal - elapsed(r, 0);
    if (remaining >= Seconds{0}) return c.add(r.segment_start, remaining);
    // The goal was reached in an earlier stretch of running time (a change shortened it).
    for (auto it = s_.segments.rbegin(); it != s_.segments.rend(); ++it)
      if (it->target == static_cast<int>(i) && it->elapsed < r.goal)
        return it->calendar->add(it->start, r.goal - it->elapsed);
    return r.cycle_start;
  }

  // The instant level l of run i is reached, if the run keeps running as it is.
  Instant level_instant(std::size_t i, std::size_t l) {
    Run& r = runs()[i];
    const LevelPlan& level = plan_target(i).levels[l];
    const int k = level.slot;
    const Calendar& c = *calendar(r, k);
    const Seconds e = elapsed(r, k);
    // The level clock's running time at the due instant (which a change may have moved into
    // an earlier stretch of running time).
    auto at_due = [&] {
      if (k == 0) return r.goal;
      if (*r.due >= r.segment_start) return e + c.between(r.segment_start, *r.due);
      return elapsed_at(i, k, *r.due);
    };
    if (!r.due && level.kind != Trigger::after) return kNever;  // due(x) while x has none
    const Instant due = r.due.value_or(r.cycle_start);
    Seconds threshold{0};
    switch (level.kind) {
      case Trigger::at_percent:
        threshold = Seconds{(level.basis_points * secs(r.goal) + 9999) / 10000};
        break;
      case Trigger::at_breach:
        threshold = r.goal;
        break;
      case Trigger::after:
        threshold = length(c, level.duration, r.cycle_start, true);
        break;
      case Trigger::before_breach:
        threshold = at_due() - length(c, level.duration, due, false);
        break;
      case Trigger::after_breach:
        threshold = at_due() + length(c, level.duration, due, true);
        break;
      case Trigger::on_event:
        return kNever;
    }
    Instant at;
    // The goal itself (at_breach, at: 100%) is reached at the due instant, which a
    // start-anchored goal (bd+1@08:00) may put after its running time is used up. (Decided by
    // the trigger: an `after: 7h` on a 7h goal is reached when 7h have run.)
    const bool the_goal = level.kind == Trigger::at_breach ||
                          (level.kind == Trigger::at_percent && level.basis_points == 10000);
    if (the_goal && !r.breached)
      at = *r.due;
    else if (threshold <= e)
      at = r.segment_start;
    else
      at = c.add(r.segment_start, threshold - e);
    return std::max(at, sim_);
  }

  // L of a goal due(x), from its due instant (x's, as it stands): the running time from the
  // start to that instant (0 when it is before the start: the target is overdue as it starts).
  void measure_linked(std::size_t i) {
    Run& r = runs()[i];
    r.linked_seen = r.due;
    r.goal = r.due ? std::max(Seconds{0}, elapsed_at(i, 0, std::max(*r.due, r.cycle_start)))
                   : Seconds{0};
  }

  // Recomputes a touched run's due instant, level instants and next own instant.
  void refresh(std::size_t i) {
    Run& r = runs()[i];
    r.dirty = false;
    r.next = kNever;
    if (r.phase != Run::Phase::running || r.paused) return;
    r.due = due_instant(i);  // also after a breach: the due instant follows the goal
    if (plan_target(i).due_of != kNone) measure_linked(i);
    const auto& levels = plan_target(i).levels;
    for (std::size_t l = 0; l < levels.size(); ++l) {
      if (level_outcome(r, l).fired || levels[l].kind == Trigger::on_event) continue;
      const Instant at = level_instant(i, l);
      level_at(r, l) = at;
      r.next = std::min(r.next, at);
    }
    if (!r.breached && r.due) r.next = std::min(r.next, std::max(*r.due, sim_));
  }

  Instant earliest() {
    Instant best = kNever;
    for (const int index : policy_.refresh_order) {
      const auto i = static_cast<std::size_t>(index);
      Run& r = runs()[i];
      if (!r.dirty && plan_target(i).due_of != kNone && r.phase == Run::Phase::running &&
          !r.paused && linked_due(i) != r.linked_seen)
        r.dirty = true;  // x's due instant moved
      if (r.dirty) refresh(i);
      best = std::min(best, r.next);
    }
    return best;
  }

  // --- cycles ---------------------------------------------------------------------------------

  // A new outcome for target i; its levels, not fired.
  TargetOutcome& begin_outcome(std::size_t i, TargetState state, std::optional<Instant> started,
                               int cycle) {
    const TargetPlan& t = plan_target(i);
    TargetOutcome o;
    o.id = t.rule->id;
    o.cycle = cycle;
    o.state = state;
    o.started = started;
    o.zone = &zone();
    o.first_escalation = static_cast<std::uint32_t>(out_.escalations.size());
    o.escalation_count = static_cast<std::uint32_t>(t.levels.size());
    for (std::size_t l = 0; l < t.levels.size(); ++l) {
      EscalationOutcome e;
      e.level = static_cast<int>(l) + 1;
      e.rule = t.levels[l].rule;
      out_.escalations.push_back(e);
    }
    s_.outcomes.push_back(o);
    s_.owner.push_back(static_cast<int>(i));
    return s_.outcomes.back();
  }

  void start(std::size_t i, Instant t) {
    if (runs()[i].phase != Run::Phase::pending) return;
    begin_cycle(i, t, 1);
  }

  // Opens cycle `number` of target i at t, or waits when the ticket has no goal cell for it.
  void begin_cycle(std::size_t i, Instant t, int number) {
    Run& r = runs()[i];
    const TargetPlan& target = plan_target(i);
    const auto* cells = policy_.goal(target, tier_, severity_, plan_.severity_count);
    if (cells == nullptr && target.due_of == kNone) {
      r.phase = Run::Phase::waiting;
      r.cycle = number - 1;
      return;
    }
    r.phase = Run::Phase::running;
    r.cycle = number;
    r.cycle_start = r.segment_start = t;
    r.continuous = !r.paused;
    r.breached = false;
    r.breach_visible_at_once = false;
    r.due.reset();
    r.spec = cells ? (*cells)[std::min(static_cast<std::size_t>(number - 1), cells->size() - 1)]
                   : DurationSpec{};  // goal: due(x): counted on the target's clock
    set_calendars(i);
    for (int k = 0; k < target.slot_count; ++k) elapsed(r, k) = Seconds{0};
    r.goal = cells ? length(*calendar(r, 0), r.spec, t, true) : Seconds{0};
    for (std::size_t l = 0; l < target.levels.size(); ++l) level_at(r, l).reset();
    begin_outcome(i, TargetState::running, t, number);
    r.outcome = s_.outcomes.size() - 1;
    r.dirty = true;
  }

  void set_calendars(std::size_t i) {
    Run& r = runs()[i];
    const TargetPlan& target = plan_target(i);
    calendar(r, 0) = cycle_calendar(target, r.spec);
    for (const LevelPlan& level : target.levels)
      if (level.slot > 0)
        calendar(r, level.slot) = level.own_clock[static_cast<std::size_t>(tier_)];
  }

  // Closes the running stretch at t: its running time is added to every slot.
  void end_segment(std::size_t i, Instant t) {
    Run& r = runs()[i];
    if (r.phase != Run::Phase::running || r.paused) return;
    s_.segments.push_back({static_cast<int>(i), r.segment_start, t, calendar(r, 0), elapsed(r, 0),
                           s_.segment_slots.size()});
    for (int k = 0; k < plan_target(i).slot_count; ++k)
      s_.segment_slots.emplace_back(calendar(r, k), elapsed(r, k));
    for (int k = 0; k < plan_target(i).slot_count; ++k)
      elapsed(r, k) += calendar(r, k)->between(r.segment_start, t);
    r.segment_start = t;
  }

  // Ends the current cycle at t: met, missed (after its due instant or a breach) or cancelled.
  void close_cycle(std::size_t i, Instant t, bool cancelled) {
    Run& r = runs()[i];
    // A cycle that began, resumed or changed goal at this very instant (a restart, then a stop
    // that its event caused) has not been refreshed yet: its due instant as it stands. A goal
    // due(x) also when x moved at this instant (a level changed its goal, or x restarted, and
    // an outcome or the same event stops this target): its due instant and L as they stand.
    const bool linked = plan_target(i).due_of != kNone;
    if ((r.dirty || linked) && !r.paused) {
      r.due = due_instant(i);
      if (linked) measure_linked(i);
    }
    end_segment(i, t);
    TargetOutcome& o = outcome(r);
    o.stopped = t;
    // A goal due(x) may be past before its breach is handled after this instant's events (it
    // started at this instant after x's due): stopped after its due instant, it is missed.
    const bool late = r.breached || (!r.paused && r.due && *r.due < t);
    o.state = cancelled ? TargetState::cancelled : late ? TargetState::missed : TargetState::met;
    fill_clock(o, r, elapsed(r, 0));
    o.due = r.paused ? std::nullopt : r.due;
    r.dirty = true;
  }

  // Running time of slot k of run i at instant x of its current cycle: in the current stretch
  // of running time or an earlier one, or in a pause (a goal due(x) may be due there: x's due
  // instant passed while this target was paused), 0 before the cycle's start.
  Seconds elapsed_at(std::size_t i, int k, Instant x) {
    Run& r = runs()[i];
    if (x <= r.cycle_start) return Seconds{0};
    if (!r.paused && x >= r.segment_start)
      return elapsed(r, k) + calendar(r, k)->between(r.segment_start, x);
    for (auto it = s_.segments.rbegin(); it != s_.segments.rend(); ++it) {
      if (it->target != static_cast<int>(i) || it->start > x) continue;
      if (it->start < r.cycle_start) break;  // an earlier cycle's: this one began paused
      const auto& [calendar, before] = s_.segment_slots[it->slots + static_cast<std::size_t>(k)];
      return before + calendar->between(it->start, std::min(x, it->end));
    }
    return Seconds{0};
  }

  void fill_clock(TargetOutcome& o, const Run& r, Seconds elapsed_now) {
    o.goal = r.goal;
    o.elapsed = elapsed_now;
    // A goal due(x) without a due instant has no length yet: nothing is "remaining" (0), and
    // percent stays null — not -elapsed, which would read as overdue.
    const bool length_unknown = !r.due && r.goal == Seconds{0};
    o.remaining = length_unknown ? Seconds{0} : r.goal - elapsed_now;
    o.percent.reset();
    if (r.goal > Seconds{0})
      o.percent = std::round(1000.0 * static_cast<double>(secs(elapsed_now)) /
                             static_cast<double>(secs(r.goal))) /
                  10.0;
    if (r.breached) o.breached_at = r.breached_at;
    const Calendar* c = calendar(r, 0);
    o.zone = c == &plan_.wall ? &zone() : &c->time_zone();
  }

  void stop(std::size_t i, Instant t) {
    Run& r = runs()[i];
    if (r.phase == Run::Phase::waiting) r.phase = Run::Phase::stopped;
    if (r.phase != Run::Phase::running) return;
    close_cycle(i, t, false);
    r.phase = Run::Phase::stopped;
    const TargetPlan& target = plan_target(i);
    for (const int j : target.start_on_met) s_.cascade.emplace_back(false, j);
    for (const int j : target.stop_on_met) s_.cascade.emplace_back(true, j);
  }

  // Runs the starts and stops that outcomes caused, at sim_, until none is left.
  void run_cascade() {
    for (std::size_t next = 0; next < s_.cascade.size(); ++next) {
      const auto [is_stop, j] = s_.cascade[next];
      if (is_stop)
        stop(static_cast<std::size_t>(j), sim_);
      else
        start(static_cast<std::size_t>(j), sim_);
    }
    s_.cascade.clear();
  }

  void breach(std::size_t i, Instant t, bool by_change) {
    Run& r = runs()[i];
    r.breached = true;
    r.breached_at = t;
    r.breach_visible_at_once = by_change;
    outcome(r).breached_at = t;
    r.dirty = true;
    const TargetPlan& target = plan_target(i);
    for (const int j : target.start_on_breached) s_.cascade.emplace_back(false, j);
    for (const int j : target.stop_on_breached) s_.cascade.emplace_back(true, j);
  }

  // --- events ---------------------------------------------------------------------------------

  void apply(const ResolvedEvent& e) {
    int effects = e.effects;  // severity, tier, assign: the change, then the type's on: levels
    switch (e.kind) {
      case ResolvedEvent::Kind::severity:
        if (e.value != severity_) change(tier_, e.value);
        break;
      case ResolvedEvent::Kind::tier:
        if (e.value != tier_) change(e.value, severity_);
        break;
      case ResolvedEvent::Kind::assign:
        assignee_ = e.value;
        break;
      case ResolvedEvent::Kind::ignored:
        return;
      case ResolvedEvent::Kind::effects:
        effects = e.value;
        break;
    }
    if (effects == kNone) return;
    const bool ticket_change = e.kind != ResolvedEvent::Kind::effects;
    for (const EventEffect& effect : policy_.effects[static_cast<std::size_t>(effects)]) {
      // A severity, tier or assign event fires on: levels, and starts, stops, pauses nothing.
      if (ticket_change && effect.kind != EventEffect::Kind::level) continue;
      const auto i = static_cast<std::size_t>(effect.target);
      Run& r = runs()[i];
      switch (effect.kind) {
        case EventEffect::Kind::start:
          start(i, sim_);
          break;
        case EventEffect::Kind::stop:
          stop(i, sim_);
          break;
        case EventEffect::Kind::pause:
          if (r.phase == Run::Phase::running && !r.paused) {
            end_segment(i, sim_);
            r.paused = true;
            r.continuous = false;
            r.due.reset();
            r.dirty = true;
          }
          break;
        case EventEffect::Kind::resume:
          if (r.phase == Run::Phase::running && r.paused) {
            r.paused = false;
            r.segment_start = sim_;
            r.dirty = true;
          }
          break;
        case EventEffect::Kind::restart:
          if (r.phase == Run::Phase::running) {
            close_cycle(i, sim_, false);
            begin_cycle(i, sim_, r.cycle + 1);
          }
          break;
        case EventEffect::Kind::level:
          if (r.phase == Run::Phase::running && !r.paused &&
              !level_outcome(r, static_cast<std::size_t>(effect.level)).fired)
            fire(i, static_cast<std::size_t>(effect.level));
          break;
      }
    }
  }

  // The ticket's tier or severity changes at sim_: every open cycle applies its new goal.
  void change(int tier, int severity) {
    tier_ = tier;
    severity_ = severity;
    for (std::size_t i = 0; i < runs().size(); ++i) {
      Run& r = runs()[i];
      const TargetPlan& target = plan_target(i);
      if (r.phase == Run::Phase::waiting) {
        if (policy_.goal(target, tier_, severity_, plan_.severity_count) != nullptr)
          begin_cycle(i, sim_, r.cycle + 1);
        continue;
      }
      if (r.phase != Run::Phase::running) continue;
      if (target.due_of != kNone) {  // due when x is: x's own change moves it
        end_segment(i, sim_);
        const Calendar* before = calendar(r, 0);
        set_calendars(i);
        if (calendar(r, 0) != before) r.continuous = false;
        r.dirty = true;
        continue;
      }
      const auto* cells = policy_.goal(target, tier_, severity_, plan_.severity_count);
      if (cells == nullptr) {
        close_cycle(i, sim_, true);
        r.phase = Run::Phase::waiting;
        continue;
      }
      if (target.restart_on_change) {
        close_cycle(i, sim_, false);
        begin_cycle(i, sim_, r.cycle + 1);
        continue;
      }
      end_segment(i, sim_);
      const Calendar* before = calendar(r, 0);
      r.spec = (*cells)[std::min(static_cast<std::size_t>(r.cycle - 1), cells->size() - 1)];
      set_calendars(i);
      // Counting goes on uninterrupted when the cycle's calendar stays (a tier on the same
      // calendar, a clock that is not the tier's): the start-anchored due instant stays too.
      if (calendar(r, 0) != before) r.continuous = false;
      r.goal = length(*calendar(r, 0), r.spec, r.cycle_start, true);
      r.dirty = true;
      if (r.paused) {
        if (!r.breached && elapsed(r, 0) > r.goal) breach(i, sim_, true);
        continue;
      }
      // A breach is sticky, but the due instant follows the new goal.
      r.due = due_of_goal(i);
      if (!r.breached && *r.due < sim_) breach(i, sim_, true);
    }
  }

  // --- the clocks' own instants -------------------------------------------------------------

  // Handles one thing due at t: the first target (in policy order) with something due breaches,
  // or fires its first level due at t.
  void fire_own(Instant t) {
    for (std::size_t i = 0; i < runs().size(); ++i) {
      Run& r = runs()[i];
      if (r.next != t) continue;
      if (!r.breached && r.due && *r.due <= t) {
        breach(i, t, *r.due < t);  // before t: the due instant was past when it became known
        return;
      }
      const auto& levels = plan_target(i).levels;
      for (std::size_t l = 0; l < levels.size(); ++l) {
        if (level_outcome(r, l).fired || levels[l].kind == Trigger::on_event) continue;
        if (level_at(r, l) == t) {
          fire(i, l);
          return;
        }
      }
      r.dirty = true;  // stale: recompute and look again
      return;
    }
  }

  void fire(std::size_t i, std::size_t l) {
    Run& r = runs()[i];
    const LevelPlan& level = plan_target(i).levels[l];
    // The fired level's entry, by index: `change` below may end this cycle (restart) and move
    // the run on to the next cycle's outcome, and may grow the vector.
    const std::size_t entry = outcome(r).first_escalation + l;
    EscalationOutcome& o = out_.escalations[entry];
    o.fired = true;
    o.at = sim_;
    level_at(r, l) = sim_;
    r.dirty = true;
    if (level.escalate > 0 && assignee_ != kNone && apply_effects_)
      for (int step = 0; step < level.escalate; ++step)
        if (const int up = plan_.role_next[static_cast<std::size_t>(assignee_)]; up != kNone)
          assignee_ = up;
    if (level.raise_severity > 0 || level.set_severity != kNone) {
      int wanted = std::max(0, severity_ - level.raise_severity);
      if (level.set_severity != kNone) wanted = level.set_severity;
      o.severity_effect = wanted == severity_ ? SeverityEffect::unchanged : SeverityEffect::changed;
      if (wanted != severity_ && apply_effects_) change(tier_, wanted);
    }
    EscalationOutcome& after = out_.escalations[entry];
    after.assignee = role_name(assignee_);
    after.severity = plan_.rules.severities()[static_cast<std::size_t>(severity_)].id;
  }

  // --- the result at now -----------------------------------------------------------------------

  void consider_wakeup(Instant at, Instant now) {
    if (at > now && (!next_wakeup_ || at < *next_wakeup_)) next_wakeup_ = at;
  }

  void complete_open_cycle(std::size_t i, Instant now) {
    Run& r = runs()[i];
    if (r.dirty) refresh(i);
    TargetOutcome& o = outcome(r);
    const Seconds running =
        r.paused ? elapsed(r, 0) : elapsed(r, 0) + calendar(r, 0)->between(r.segment_start, now);
    fill_clock(o, r, running);
    const bool breach_visible = r.breached && (r.breach_visible_at_once || now > r.breached_at);
    o.state = breach_visible ? TargetState::breached
              : r.paused     ? TargetState::paused
                             : TargetState::running;
    if (!breach_visible) o.breached_at.reset();  // at the due instant itself: not breached yet
    o.due = r.paused ? std::nullopt : r.due;
    const auto& levels = plan_target(i).levels;
    for (std::size_t l = 0; l < levels.size(); ++l) {
      EscalationOutcome& e = level_outcome(r, l);
      if (e.fired) continue;
      e.at = r.paused ? std::nullopt : level_at(r, l);
      if (e.at && *e.at == kNever) e.at.reset();
      if (e.at) consider_wakeup(*e.at, now);
    }
    if (r.paused) return;
    if (!r.breached && r.due) consider_wakeup(*r.due == now ? now + Seconds{1} : *r.due, now);
    if (r.breached && !breach_visible) consider_wakeup(now + Seconds{1}, now);
  }

  const Plan& plan_;
  const PolicyPlan& policy_;
  Scratch& s_;
  Evaluation& out_;
  int tier_ = 0;
  int severity_ = 0;
  int assignee_ = kNone;
  bool apply_effects_ = true;
  Instant created_{};
  Instant horizon_{};
  Instant sim_{};
  std::size_t internal_limit_ = 0;
  std::optional<Instant> next_wakeup_;
};

void error(Evaluation& out, std::string code, std::string message) {
  out.diagnostics.push_back(
      {EvaluationDiagnostic::Severity::error, -1, std::move(code), std::move(message)});
}

// Resolves the ticket's policy, tier, severity and assignee; false (with an error) when one
// cannot be.
struct Resolved {
  const PolicyPlan* policy = nullptr;
  int tier = kNone;
  int severity = kNone;
  int assignee = kNone;
};

std::optional<Resolved> resolve(const Plan& plan, std::string_view policy_id,
                                const std::vector<std::pair<std::string, std::string>>* attributes,
                                std::string_view tier, std::string_view severity,
                                std::string_view assignee, Evaluation& out) {
  Resolved r;
  if (!policy_id.empty()) {
    const auto it = plan.policy_index.find(policy_id);
    if (it == plan.policy_index.end()) {
      error(out, "unknown_policy", fmt::format("the rules have no policy '{}'", policy_id));
      return std::nullopt;
    }
    r.policy = &plan.policies[static_cast<std::size_t>(it->second)];
  } else {
    const Policy* matched = attributes ? plan.rules.match_policy(*attributes) : nullptr;
    if (matched == nullptr) {
      error(out, "no_matching_policy",
            "the ticket names no policy and no policy's 'match' fits its attributes");
      return std::nullopt;
    }
    r.policy = &plan.policies[static_cast<std::size_t>(plan.policy_index.at(matched->id))];
  }
  out.policy = r.policy->policy->id;
  r.tier = r.policy->tier_index(tier);
  if (r.tier == kNone) {
    std::vector<std::string_view> ids;
    for (const Tier& t : r.policy->policy->tiers) ids.push_back(t.id);
    error(out, "unknown_tier",
          fmt::format("policy '{}' has no tier '{}' (its tiers: {})", out.policy, tier,
                      fmt::join(ids, ", ")));
    return std::nullopt;
  }
  if (const auto it = plan.severity_rank.find(severity); it != plan.severity_rank.end()) {
    r.severity = it->second;
  } else if (severity.empty() && r.policy->policy->targets.empty()) {
    r.severity = kNone;  // a contract ticket: obligations do not depend on a severity
  } else if (severity.empty()) {
    error(out, "unknown_severity",
          fmt::format("the ticket has no severity, and the goals of policy '{}' depend on one",
                      out.policy));
    return std::nullopt;
  } else {
    error(out, "unknown_severity",
          fmt::format("'{}' is not a severity id or alias of the rules", severity));
    return std::nullopt;
  }
  r.assignee = plan.bottom_role;
  if (!assignee.empty()) {
    const auto it = plan.role_index.find(assignee);
    if (it == plan.role_index.end()) {
      error(out, "unknown_role", fmt::format("the ticket's assignee '{}' is not a role", assignee));
      return std::nullopt;
    }
    r.assignee = it->second;
  }
  return r;
}

void reset(Evaluation& out, std::string_view ticket, Instant now) {
  out.ticket.assign(ticket.data(), ticket.size());
  out.policy = out.tier = out.severity = out.assignee = {};
  out.now = now;
  out.next_wakeup.reset();
  out.zone = nullptr;
  out.targets.clear();
  out.escalations.clear();
  out.obligations.clear();
  out.diagnostics.clear();
}

// A failed evaluation reports the error and nothing to act on: no targets, levels, periods or
// next_wakeup.
void fail(Evaluation& out, std::string_view code, std::string message) {
  out.next_wakeup.reset();
  out.targets.clear();
  out.escalations.clear();
  out.obligations.clear();
  error(out, std::string(code), std::move(message));
}

// Runs `body`; a deadline that cannot be computed or a crossed EvaluationLimit fails the
// evaluation, a computation past a `beyond: warn` calendar's holiday data is a warning.
template <class F>
void guarded(Evaluation& out, F&& body) {
  const BeyondCoverageLog beyond;
  try {
    body();
    for (const BeyondCoverageUse& use : beyond.uses())
      out.diagnostics.push_back(
          {EvaluationDiagnostic::Severity::warning, -1, "beyond_calendar_data", use.warning()});
  } catch (const EvaluationLimit& e) {
    fail(out, e.code(), e.what());
  } catch (const Error& e) {
    fail(out, "calendar_error", fmt::format("a deadline cannot be computed: {}", e.what()));
  }
}

}  // namespace

void evaluate(const Plan& plan, const Ticket& ticket, Instant now, Evaluation& out) {
  reset(out, ticket.id, now);
  const auto resolved = resolve(plan, ticket.policy, &ticket.attributes, ticket.tier,
                                ticket.severity, ticket.assignee, out);
  if (!resolved) return;
  guarded(out, [&] {
    Replay replay(plan, *resolved->policy, scratch, out);
    replay.run(&ticket, ticket.created, now, resolved->tier, resolved->severity, resolved->assignee,
               true);
    replay.finish(now);
    evaluate_obligations(*resolved->policy, resolved->tier, ticket, scratch.event_type, now, out);
  });
}

void schedule(const Plan& plan, std::string_view policy, std::string_view tier,
              std::string_view severity, Instant created, Schedule& result) {
  thread_local Evaluation out;
  reset(out, {}, created);
  result.targets.clear();
  result.levels.clear();
  result.created = created;
  const auto resolved = resolve(plan, policy, nullptr, tier, severity, {}, out);
  if (resolved) {
    guarded(out, [&] {
      Replay replay(plan, *resolved->policy, scratch, out);
      replay.run(nullptr, created, kNever - Seconds{1}, resolved->tier, resolved->severity,
                 resolved->assignee, false);
      replay.finish_schedule();
    });
  }
  result.policy = out.policy;
  result.tier = out.tier;
  result.severity = out.severity;
  result.zone = out.zone;
  result.diagnostics = out.diagnostics;
  for (const TargetOutcome& o : out.targets) {
    if (o.cycle != 1) continue;
    ScheduledTarget t;
    t.id = o.id;
    t.start = o.started;
    t.due = o.due;
    t.goal = o.started ? o.goal : Seconds{0};
    t.zone = o.zone;
    t.first_level = static_cast<std::uint32_t>(result.levels.size());
    t.level_count = o.escalation_count;
    for (const EscalationOutcome& e : out.escalations_of(o))
      result.levels.push_back({e.level, e.rule, o.started ? e.at : std::nullopt});
    result.targets.push_back(t);
  }
}

}  // namespace sla::engine
