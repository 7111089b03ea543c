// calendar/calendar_check.cpp — every problem Calendar::compile refuses, as values
// (sla/calendar_check.hpp). The rules loader reports them at the text; compile throws the first.
#include "sla/calendar_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "sla/iso8601.hpp"
#include "sla/time_zone.hpp"
#include "time/civil_names.hpp"

namespace sla {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using Kind = CalendarProblem::Kind;
using Field = CalendarProblem::Field;
using Part = CalendarProblem::Part;

std::string clock_text(minutes m) {
  return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60);
}

// "09:00-12:00"; a close past midnight is shown as the next day's clock time ("22:00-06:00").
std::string window_text(const LocalWindow& w) {
  return clock_text(w.open) + "-" + clock_text(w.close > hours{24} ? w.close - hours{24} : w.close);
}

bool malformed(const LocalWindow& w) {
  return w.open < minutes{0} || w.open >= hours{24} || w.close <= w.open ||
         w.close > w.open + hours{24};
}

CalendarProblem window_problem(Kind kind, std::size_t a, std::size_t b, std::string message) {
  CalendarProblem p;
  p.kind = kind;
  p.window = std::max(a, b);
  p.other_window = std::min(a, b);
  p.message = std::move(message);
  return p;
}

CalendarProblem holiday_problem(Kind kind, Field field, std::string message) {
  CalendarProblem p;
  p.part = Part::holiday;
  p.kind = kind;
  p.field = field;
  p.message = std::move(message);
  return p;
}

// The test of "ever opens": some weekday has hours, or a make-up day or an override brings some.
// Without weekly hours a make-up day without its own hours has only workday_hours to use (its
// default, Monday's windows or the next weekday's, is empty then).
bool ever_opens(const CalendarDefinition& d) {
  const auto has_hours = [](const DayWindows& w) { return !w.empty(); };
  if (std::any_of(d.weekly.begin(), d.weekly.end(), has_hours)) return true;
  for (const MakeUpDay& w : d.workdays)
    if (w.hours ? has_hours(*w.hours) : (d.workday_hours && has_hours(*d.workday_hours)))
      return true;
  return std::any_of(d.overrides.begin(), d.overrides.end(),
                     [&](const DateOverride& o) { return has_hours(o.hours); });
}

}  // namespace

std::vector<CalendarProblem> check(const DayWindows& windows) {
  std::vector<CalendarProblem> out;
  if (windows.size() > kMaxWindowsPerDay) {
    out.push_back(window_problem(Kind::too_many_windows, kMaxWindowsPerDay, kMaxWindowsPerDay,
                                 fmt::format("a day has {} windows; at most {} are allowed",
                                             windows.size(), kMaxWindowsPerDay)));
    return out;
  }
  for (std::size_t i = 0; i < windows.size(); ++i) {
    if (!malformed(windows[i])) continue;
    out.push_back(window_problem(
        Kind::malformed_window, i, i,
        fmt::format("malformed window {} (open must be 00:00-23:59 and the window at most 24 hours "
                    "long)",
                    window_text(windows[i]))));
  }
  if (!out.empty()) return out;  // how malformed windows overlap would mean nothing

  // In order of opening, each window is checked against the earlier-opening window that reaches
  // furthest, so one long window covering two short ones is reported against each of them.
  std::vector<std::size_t> order(windows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return windows[a].open < windows[b].open; });
  for (std::size_t k = 1, reach = order.empty() ? 0 : order[0]; k < order.size(); ++k) {
    const std::size_t a = reach, b = order[k];
    const LocalWindow& wa = windows[a];
    const LocalWindow& wb = windows[b];
    if (wb.close > wa.close) reach = b;
    if (wb.open > wa.close) continue;
    if (wb.open == wa.close)
      out.push_back(window_problem(
          Kind::touching_windows, a, b,
          fmt::format("windows {} and {} touch; write them as one window {}", window_text(wa),
                      window_text(wb), window_text({wa.open, wb.close}))));
    else
      out.push_back(window_problem(
          Kind::overlapping_windows, a, b,
          fmt::format("windows {} and {} overlap", window_text(wa), window_text(wb))));
  }
  return out;
}

std::vector<CalendarProblem> check(const HolidayRule& h) {
  std::vector<CalendarProblem> out;
  if (h.kind == HolidayRule::Kind::dates) {
    if (!h.first.ok())
      out.push_back(holiday_problem(Kind::invalid_dates, Field::first,
                                    fmt::format("{} does not exist", format_date(h.first))));
    if (!h.last.ok())
      out.push_back(holiday_problem(Kind::invalid_dates, Field::last,
                                    fmt::format("{} does not exist", format_date(h.last))));
    if (h.first.ok() && h.last.ok() && h.last < h.first)
      out.push_back(holiday_problem(Kind::invalid_dates, Field::last,
                                    fmt::format("holiday range ends ({}) before it starts ({})",
                                                format_date(h.last), format_date(h.first))));
    return out;
  }
  const bool month_ok = h.month >= 1 && h.month <= 12;
  if (!month_ok)
    out.push_back(holiday_problem(Kind::month_out_of_range, Field::month,
                                  fmt::format("month {} is out of range (1-12)", h.month)));
  if (h.kind == HolidayRule::Kind::yearly_fixed) {
    const std::chrono::month month{static_cast<unsigned>(h.month)};
    if (h.day < 1 || h.day > 31)
      out.push_back(holiday_problem(Kind::day_out_of_range, Field::day,
                                    fmt::format("day {} is out of range (1-31)", h.day)));
    // Checked against a leap year: February 29 is a valid rule, observed in leap years only.
    else if (month_ok && !(std::chrono::year{2000} / month / static_cast<unsigned>(h.day)).ok())
      out.push_back(
          holiday_problem(Kind::day_out_of_range, Field::day,
                          fmt::format("there is no {} {}", detail::month_name(month), h.day)));
  } else {
    if (!h.weekday.ok())
      out.push_back(holiday_problem(
          Kind::weekday_out_of_range, Field::weekday,
          fmt::format("weekday {} is not a weekday (0-6 from Sunday, or 7 for Sunday)",
                      h.weekday.c_encoding())));
    if (h.nth == 0 || h.nth < -1 || h.nth > 5)
      out.push_back(
          holiday_problem(Kind::nth_out_of_range, Field::nth,
                          fmt::format("nth {} is out of range (1-5, or -1 for the last)", h.nth)));
  }
  return out;
}

std::vector<CalendarProblem> check(const CalendarDefinition& definition) {
  std::vector<CalendarProblem> out;
  if (const Parsed<TimeZone> zone = TimeZone::try_locate(definition.time_zone); !zone) {
    CalendarProblem p;
    p.part = Part::time_zone;
    p.kind = Kind::unknown_time_zone;
    p.message = zone.error;
    out.push_back(std::move(p));
  }
  // Appends the problems of one list of windows, placed.
  auto windows = [&](const DayWindows& list, Part part, std::size_t index,
                     std::chrono::weekday weekday) {
    for (CalendarProblem& p : check(list)) {
      p.part = part;
      p.index = index;
      p.weekday = weekday;
      out.push_back(std::move(p));
    }
  };
  for (const std::chrono::weekday d : WeeklyHours::days)
    windows(definition.weekly[d], Part::weekly, 0, d);
  if (definition.workday_hours) windows(*definition.workday_hours, Part::workday_hours, 0, {});
  for (std::size_t i = 0; i < definition.workdays.size(); ++i)
    if (definition.workdays[i].hours) windows(*definition.workdays[i].hours, Part::workday, i, {});
  for (std::size_t i = 0; i < definition.overrides.size(); ++i)
    windows(definition.overrides[i].hours, Part::override_hours, i, {});
  for (std::size_t i = 0; i < definition.holidays.size(); ++i) {
    for (CalendarProblem& p : check(definition.holidays[i])) {
      p.index = i;
      out.push_back(std::move(p));
    }
  }
  if (const auto& covers = definition.covers) {
    CalendarProblem p;
    p.part = Part::covers;
    p.kind = Kind::invalid_covers;
    if (!covers->from.ok() || !covers->to.ok())
      p.message = fmt::format("covers {}..{}: {} does not exist", format_date(covers->from),
                              format_date(covers->to),
                              format_date(covers->from.ok() ? covers->to : covers->from));
    else if (covers->to < covers->from)
      p.message = fmt::format("'covers' ends ({}) before it starts ({})", format_date(covers->to),
                              format_date(covers->from));
    if (!p.message.empty()) out.push_back(std::move(p));
  }
  if (!ever_opens(definition)) {
    CalendarProblem p;
    p.part = Part::calendar;
    p.kind = Kind::never_opens;
    p.message = "never opens: no weekday has hours and no make-up working day or override adds any";
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace sla
