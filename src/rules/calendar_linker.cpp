#include "rules/calendar_linker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "rules/codes.hpp"
#include "rules/ids.hpp"
#include "sla/calendar_check.hpp"
#include "sla/iso8601.hpp"
#include "time/civil_names.hpp"
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
      out.emplace(sources_[i].id, Calendar::compile(*definition));
      warn_idle_workdays(sources_[i], *definition);
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

  const CalendarDefinition* resolve(std::size_t i) {
    switch (state_[i]) {
      case State::resolved:
        return &*resolved_[i];
      case State::failed:
        return nullptr;
      case State::visiting:
        return nullptr;  // cycles were reported and marked failed
      case State::unvisited:
        break;
    }
    state_[i] = State::visiting;
    const CalendarSource& source = sources_[i];
    const CalendarDefinition* parent = nullptr;
    bool ok = !source.broken;
    if (source.extends) {
      const auto p = parent_of(i);
      if (!p) {
        std::vector<std::string_view> ids;
        for (const auto& s : sources_) ids.push_back(s.id);
        sink_.error(source.extends_at, code::unknown_parent,
                    fmt::format("calendar '{}' extends '{}', which is not defined", source.id,
                                *source.extends),
                    yaml::suggest(*source.extends, ids, source.extends_at));
        ok = false;
      } else {
        parent = resolve(*p);
        ok = ok && parent != nullptr;
      }
    }
    if (!ok) {
      state_[i] = State::failed;
      return nullptr;
    }
    resolved_[i] = merge(parent, source);
    state_[i] = State::resolved;
    return &*resolved_[i];
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
    for (const auto& o : child.overrides) {
      std::erase_if(d.overrides, [&](const DateOverride& p) { return p.date == o.date; });
      d.overrides.push_back(o);
    }
    return d;
  }

  // A make-up working day exists to open a date that the weekly template or a holiday closes.
  // One on a date that is open anyway changes nothing (or only its hours) and is most likely a
  // wrong date: SLA114, a warning. Only the calendar's own make-up days are checked, against the
  // calendar as resolved (inherited ones were checked in their own calendar).
  void warn_idle_workdays(const CalendarSource& source, const CalendarDefinition& definition) {
    if (source.workdays.empty()) return;
    CalendarDefinition without = definition;
    without.workdays.clear();
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
};

}  // namespace

CalendarMap link_calendars(const std::vector<CalendarSource>& sources, yaml::DiagnosticSink& sink) {
  return Linker(sources, sink).run();
}

}  // namespace sla::rules
