#include "rules/calendar_linker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "rules/codes.hpp"
#include "rules/ids.hpp"
#include "sla/calendar_check.hpp"
#include "sla/iso8601.hpp"
#include "time/civil_names.hpp"
#include "yaml/codes.hpp"
#include "yaml/limits.hpp"
#include "yaml/suggest.hpp"

namespace sla::rules {
namespace {

enum class State { unvisited, visiting, resolved, failed };

class Linker {
 public:
  Linker(const std::vector<CalendarSource>& sources, yaml::DiagnosticSink& sink)
      : sources_(sources), sink_(sink), state_(sources.size()), resolved_(sources.size()) {
    for (std::size_t i = 0; i < sources.size(); ++i) index_.emplace(sources[i].id, i);
  }

  CalendarMap run() {
    report_cycles();
    CalendarMap out;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      const auto definition = resolve(i);
      if (!definition) continue;
      // What each calendar writes was checked as it was read; what only the calendar as
      // resolved can show is whether it ever opens.
      const std::vector<CalendarProblem> problems = check(*definition);
      for (const CalendarProblem& problem : problems) {
        const bool never_opens = problem.kind == CalendarProblem::Kind::never_opens;
        sink_.error(sources_[i].at, never_opens ? code::never_opens : code::calendar_rejected,
                    fmt::format("calendar '{}'{}{}", sources_[i].id, never_opens ? " " : ": ",
                                problem.message));
      }
      if (!problems.empty()) continue;
      if (!own_dates_covered(sources_[i], *definition)) continue;
      if (report_closed_workday(sources_[i], *definition)) continue;
      if (!opens_within_supported_years(*definition)) {
        sink_.error(sources_[i].at, code::never_opens,
                    fmt::format("calendar '{}' never opens within the years calendars compute in "
                                "({}-{}): its holidays and overrides close every date its hours "
                                "open",
                                sources_[i].id, kFirstCalendarYear, kLastCalendarYear));
        continue;
      }
      out.emplace(sources_[i].id, Calendar::compile(*definition));
      warn_idle_workdays(sources_[i], *definition);
      if (sources_[i].beyond && !definition->covers)
        sink_.warning(sources_[i].beyond_at, code::beyond_without_covers,
                      fmt::format("'beyond' of calendar '{}' does nothing: the calendar has no "
                                  "'covers' (its own or inherited), so no date is beyond it",
                                  sources_[i].id));
    }
    return out;
  }

 private:
  std::optional<std::size_t> parent_of(std::size_t i) const {
    if (!sources_[i].extends) return std::nullopt;
    const auto it = index_.find(*sources_[i].extends);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

  // Each calendar has at most one parent, so following parents from any calendar either ends or
  // runs into a cycle; every cycle is reported once, at the member written first.
  void report_cycles() {
    std::vector<bool> seen(sources_.size(), false);
    for (std::size_t start = 0; start < sources_.size(); ++start) {
      std::vector<std::size_t> path;
      std::optional<std::size_t> at = start;
      while (at && !seen[*at]) {
        seen[*at] = true;
        path.push_back(*at);
        at = parent_of(*at);
      }
      if (!at) continue;
      const auto loop_start = std::find(path.begin(), path.end(), *at);
      if (loop_start == path.end()) continue;  // ran into a chain seen before
      std::vector<std::size_t> cycle(loop_start, path.end());
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
      std::vector<std::string_view> names;
      std::vector<DiagnosticNote> notes;
      for (std::size_t k = 0; k < cycle.size(); ++k) {
        const CalendarSource& c = sources_[cycle[k]];
        names.push_back(c.id);
        if (k > 0)
          notes.push_back({c.extends_at, fmt::format("'{}' extends '{}' here", c.id, *c.extends)});
        state_[cycle[k]] = State::failed;
      }
      const CalendarSource& first = sources_[cycle.front()];
      sink_.error(first.extends_at, code::extends_cycle,
                  fmt::format("calendar '{}' extends itself: {}", first.id, cycle_text(names)),
                  std::move(notes));
    }
  }

  // Calendar i's definition with what it inherits, or nullptr when it or an ancestor is broken.
  // A chain of 15,000 calendars each extending the next is walked with a loop, not recursion:
  // up to the first ancestor already settled, then resolved back down.
  const CalendarDefinition* resolve(std::size_t i) {
    std::vector<std::size_t> chain;
    for (std::size_t at = i; state_[at] == State::unvisited;) {
      state_[at] = State::visiting;
      chain.push_back(at);
      const auto parent = parent_of(at);
      if (!parent) break;
      at = *parent;
    }
    for (std::size_t k = chain.size(); k-- > 0;) resolve_one(chain[k]);
    return state_[i] == State::resolved ? &*resolved_[i] : nullptr;
  }

  // Resolves calendar i, whose parent (if any) is settled.
  void resolve_one(std::size_t i) {
    const CalendarSource& source = sources_[i];
    const CalendarDefinition* parent = nullptr;
    bool ok = !source.broken;
    if (source.extends) {
      const auto p = parent_of(i);
      if (!p) {
        report_unknown_parent(source);
        ok = false;
      } else if (state_[*p] == State::resolved) {
        parent = &*resolved_[*p];
      } else {
        ok = false;  // a broken ancestor or a cycle, reported there
      }
    }
    if (ok) {
      // Each calendar holds its own copy of what it inherits: a parent's 10,000 holidays in
      // each of 1,000 children is 10,000,000 entries, refused here rather than built.
      const CalendarDefinition& base = parent != nullptr ? *parent : CalendarDefinition{};
      entries_ += base.holidays.size() + base.workdays.size() + base.overrides.size() +
                  source.holidays.size() + source.workdays.size() + source.overrides.size();
      if (entries_ > limits::kMaxCalendarEntries) {
        if (!too_large_reported_)
          sink_.error(source.at, code::calendars_too_large,
                      fmt::format("calendar '{}' takes the calendars past {} holidays, make-up "
                                  "days and overrides, counting what each calendar inherits "
                                  "through 'extends' (no calendar from here on is compiled)",
                                  source.id, limits::count_text(limits::kMaxCalendarEntries)));
        too_large_reported_ = true;
        ok = false;
      }
    }
    if (!ok) {
      state_[i] = State::failed;
      return;
    }
    resolved_[i] = merge(parent, source);
    state_[i] = State::resolved;
  }

  void report_unknown_parent(const CalendarSource& source) {
    std::vector<DiagnosticNote> notes;
    if (!sink_.full()) {  // "did you mean" searches every id: only for a diagnostic shown
      std::vector<std::string_view> ids;
      ids.reserve(sources_.size());
      for (const auto& s : sources_) ids.push_back(s.id);
      notes = yaml::suggest(*source.extends, ids, source.extends_at);
    }
    sink_.error(
        source.extends_at, code::unknown_parent,
        fmt::format("calendar '{}' extends '{}', which is not defined", source.id, *source.extends),
        std::move(notes));
  }

  static CalendarDefinition merge(const CalendarDefinition* parent, const CalendarSource& child) {
    CalendarDefinition d = parent != nullptr ? *parent : CalendarDefinition{};
    d.id = child.id;
    if (child.time_zone) d.time_zone = *child.time_zone;
    for (const std::chrono::weekday w : WeeklyHours::days)
      if (child.weekly[w]) d.weekly[w] = *child.weekly[w];
    d.holidays.insert(d.holidays.end(), child.holidays.begin(), child.holidays.end());
    d.workdays.insert(d.workdays.end(), child.workdays.begin(), child.workdays.end());
    if (child.workday_hours) d.workday_hours = child.workday_hours;
    if (!child.overrides.empty()) {  // by date, the child's winning: one pass, not one per date
      std::unordered_set<int> replaced;
      for (const auto& o : child.overrides) replaced.insert(sys_days(o.date));
      std::erase_if(d.overrides,
                    [&](const DateOverride& p) { return replaced.count(sys_days(p.date)) != 0; });
      d.overrides.insert(d.overrides.end(), child.overrides.begin(), child.overrides.end());
    }
    if (child.covers) d.covers = child.covers;
    if (child.beyond) d.beyond = *child.beyond;
    return d;
  }

  // Dated data outside `covers` contradicts it: the range says the data stops where this entry
  // still has some (a year added without extending `covers`, or a typo in a year). SLA115 at
  // each such entry. Only the calendar's own entries are checked, against its coverage as
  // resolved: a child that narrows an inherited range means to leave the parent's other years
  // out.
  bool own_dates_covered(const CalendarSource& source, const CalendarDefinition& definition) {
    if (!definition.covers) return true;
    const DateRange& covers = *definition.covers;
    bool ok = true;
    auto outside = [&](const SourcePosition& at, const std::string& what) {
      sink_.error(at, code::outside_covers,
                  fmt::format("{} is outside the dates calendar '{}' covers ({}..{}): extend "
                              "'covers' or remove it",
                              what, source.id, format_date(covers.from), format_date(covers.to)));
      ok = false;
    };
    for (std::size_t k = 0; k < source.holidays.size(); ++k) {
      const HolidayRule& h = source.holidays[k];
      if (h.kind != HolidayRule::Kind::dates ||
          (covers.contains(h.first) && covers.contains(h.last)))
        continue;
      const std::string dates =
          h.first == h.last ? format_date(h.first)
                            : fmt::format("{}..{}", format_date(h.first), format_date(h.last));
      outside(source.holiday_at[k], h.name.empty()
                                        ? fmt::format("holiday {}", dates)
                                        : fmt::format("holiday '{}' ({})", h.name, dates));
    }
    for (std::size_t k = 0; k < source.workdays.size(); ++k)
      if (!covers.contains(source.workdays[k].date))
        outside(source.workday_at[k],
                fmt::format("make-up working day {}", format_date(source.workdays[k].date)));
    for (std::size_t k = 0; k < source.overrides.size(); ++k)
      if (!covers.contains(source.overrides[k].date))
        outside(source.override_at[k],
                fmt::format("override {}", format_date(source.overrides[k].date)));
    return ok;
  }

  // A make-up day of the calendar's own without hours takes `workday_hours`, or Monday's windows
  // (or the first later weekday's); with none of them it would stay closed. Reported at the
  // first such day; true when reported.
  bool report_closed_workday(const CalendarSource& source, const CalendarDefinition& d) {
    if (d.workday_hours && !d.workday_hours->empty()) return false;
    if (std::any_of(d.weekly.begin(), d.weekly.end(), [](auto& w) { return !w.empty(); }))
      return false;
    for (std::size_t k = 0; k < source.workdays.size(); ++k) {
      if (source.workdays[k].hours) continue;
      sink_.error(source.workday_at[k], code::workday_without_hours,
                  fmt::format("make-up working day {} has no hours, and calendar '{}' has none to "
                              "give it (no 'workday_hours', no weekly hours): it would stay closed",
                              format_date(source.workdays[k].date), source.id));
      return true;
    }
    return false;
  }

  static int sys_days(Date date) {
    return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count());
  }

  // Whether the calendar has a business day in some supported year. Its dates are all within
  // those years (the readers see to that), so it surely does when its weekly hours open more
  // dates than its holidays and overrides can close: a yearly rule closes at most two dates a
  // year (one observed across New Year), a dated holiday its days, an override its date, and a
  // DST gap may swallow a window on two days a year. Only a calendar that fails that count (a
  // few hundred yearly rules, say) is compiled and looked at year by year.
  static bool opens_within_supported_years(const CalendarDefinition& d) {
    std::uint64_t open_weekdays = 0;
    for (const auto& day : d.weekly) open_weekdays += day.empty() ? 0 : 1;
    if (open_weekdays == 0) return true;  // it opens on a make-up day or an override (check())
    constexpr std::uint64_t kYears = kLastCalendarYear - kFirstCalendarYear + 1;
    std::uint64_t closable = 2 * kYears;  // DST gaps
    for (const auto& h : d.holidays) {
      closable +=
          h.kind == HolidayRule::Kind::dates
              ? static_cast<std::uint64_t>(
                    (std::chrono::sys_days{h.last} - std::chrono::sys_days{h.first}).count() + 1)
              : 2 * kYears;
    }
    closable += d.overrides.size();
    if (closable < 52 * kYears * open_weekdays) return true;
    const Calendar probe = Calendar::compile(d);
    for (int y = kFirstCalendarYear; y <= kLastCalendarYear; ++y) {
      const std::chrono::year year{y};
      for (auto day = std::chrono::sys_days{year / 1 / 1};
           day <= std::chrono::sys_days{year / 12 / 31}; day += std::chrono::days{1})
        if (probe.is_business_day(Date{day})) return true;
    }
    return false;
  }

  // A make-up working day exists to open a date that the weekly template or a holiday closes.
  // One on a date that is open anyway changes nothing (or only its hours) and is most likely a
  // wrong date: SLA114, a warning. Only the calendar's own make-up days are checked, against the
  // calendar as resolved (inherited ones were checked in their own calendar).
  void warn_idle_workdays(const CalendarSource& source, const CalendarDefinition& definition) {
    if (source.workdays.empty()) return;
    CalendarDefinition without = definition;
    without.workdays.clear();
    without.covers.reset();               // the probe only reads the dates of make-up days
    if (!check(without).empty()) return;  // it never opens without them
    const Calendar probe = Calendar::compile(without);
    for (std::size_t k = 0; k < source.workdays.size(); ++k) {
      const Date date = source.workdays[k].date;
      const DaySchedule day = probe.schedule(date);
      if (day.kind != DayKind::weekly || day.windows.empty()) continue;
      const std::chrono::weekday weekday{std::chrono::sys_days{date}};
      sink_.warning(source.workday_at[k], code::workday_already_open,
                    fmt::format("make-up working day {} is a {} that calendar '{}' is open on "
                                "anyway; is the date right?",
                                format_date(date), detail::weekday_name(weekday), source.id));
    }
  }

  const std::vector<CalendarSource>& sources_;
  yaml::DiagnosticSink& sink_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<State> state_;
  std::vector<std::optional<CalendarDefinition>> resolved_;
  std::uint64_t entries_ = 0;  ///< holidays, make-up days and overrides resolved so far
  bool too_large_reported_ = false;
};

}  // namespace

CalendarMap link_calendars(const std::vector<CalendarSource>& sources, yaml::DiagnosticSink& sink) {
  return Linker(sources, sink).run();
}

}  // namespace sla::rules
