// sla/calendar_check.hpp — what is wrong with a CalendarDefinition, as values, without throwing.
//
// check() finds every problem that makes Calendar::compile refuse a definition. Each problem says
// *where* it is — which part, which weekday, which holiday or dated entry, which window or which
// field of a holiday — and *what* is wrong, in a message that does not repeat the place:
//
//   CalendarDefinition office = ...;                // Monday: 09:00-12:30 and 12:00-18:00
//   for (const CalendarProblem& p : check(office))
//     // p.part == Part::weekly, p.weekday == Monday, p.window == 1, p.other_window == 0,
//     // p.kind == Kind::overlapping_windows, p.message == "windows 09:00-12:30 and 12:00-18:00
//     // overlap"
//
// Calendar::compile throws sla::Error for the first problem, naming the calendar and the place
// ("calendar 'office': mon: windows 09:00-12:30 and 12:00-18:00 overlap"); the rules loader maps
// each problem onto the text that wrote it and reports them all.
//
// The checks:
//   * time_zone: an IANA name or a UTC offset (TimeZone::try_locate);
//   * the windows of one day (weekly, workday_hours, a make-up day's, an override's): each has
//     0 <= open < 24h and open < close <= open + 24h; no two overlap or touch (a window ending
//     where another starts is one window written in two pieces); at most kMaxWindowsPerDay of
//     them (720 two-minute windows a day would make 50 years of tables take gigabytes);
//   * holidays: a dated holiday's first and last are valid dates, last not before first; a yearly
//     rule's month is 1-12, a fixed day 1-31 and in the month (February 29 is allowed: it is
//     observed in leap years), a weekday rule's weekday is ok() and nth is 1-5 or -1 (the last)
//     (since and until may be any years: a rule whose until is before its since never applies);
//   * covers: both ends are dates and `to` is not before `from`;
//   * the calendar can open at all: some weekday has hours, or a make-up day or an override adds
//     some (a calendar that never opens would make every search run to its horizon).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "sla/calendar_definition.hpp"

namespace sla {

/// The most windows one day may have: every half hour of the day open and closed again.
inline constexpr std::size_t kMaxWindowsPerDay = 48;

struct CalendarProblem {
  /// The part of the definition the problem is in.
  enum class Part {
    calendar,        ///< the calendar as a whole (never_opens)
    time_zone,       ///< CalendarDefinition::time_zone
    weekly,          ///< weekly[weekday]
    workday_hours,   ///< CalendarDefinition::workday_hours
    workday,         ///< workdays[index].hours
    override_hours,  ///< overrides[index].hours
    holiday,         ///< holidays[index]
    covers,          ///< CalendarDefinition::covers
  };

  enum class Kind {
    unknown_time_zone,     ///< the time zone names no zone and is no UTC offset
    malformed_window,      ///< a window breaking 0 <= open < 24h, open < close <= open + 24h
    overlapping_windows,   ///< two windows of one day share time
    touching_windows,      ///< one window of a day closes where another opens
    too_many_windows,      ///< a day with more than kMaxWindowsPerDay windows (`window`: the first
                           ///< one past the limit)
    invalid_dates,         ///< a dated holiday: first or last is no date, or last < first
    month_out_of_range,    ///< a yearly holiday: month outside 1-12
    day_out_of_range,      ///< a fixed yearly holiday: day outside 1-31 or not in the month
    weekday_out_of_range,  ///< a weekday holiday: the weekday is not ok()
    nth_out_of_range,      ///< a weekday holiday: nth outside 1-5 and not -1
    never_opens,           ///< no weekly hours, and no make-up day or override with hours
    invalid_covers,        ///< covers: from or to is no date, or to < from
  };

  /// Which field of a holiday a holiday problem is about.
  enum class Field { none, first, last, month, day, weekday, nth };

  Part part = Part::calendar;
  Kind kind = Kind::never_opens;
  std::chrono::weekday weekday{};  ///< Part::weekly: the day
  std::size_t index = 0;           ///< Part::workday, override_hours, holiday: the list index
  /// Window problems: the window, as an index into the day's list. For two windows, `window` is
  /// the one listed later and `other_window` the one listed earlier.
  std::size_t window = 0;
  std::size_t other_window = 0;
  Field field = Field::none;  ///< Part::holiday: the field at fault
  std::string message;        ///< what is wrong, one line without the place or the calendar
};

/// Every problem of `definition`, in this order: time zone, weekly (Monday first), workday_hours,
/// workdays, overrides, holidays (list order), covers, never opens. Empty when Calendar::compile
/// accepts the definition. Never throws.
std::vector<CalendarProblem> check(const CalendarDefinition& definition);

/// The checks of one day's windows, for a list not (yet) in a definition: `kind`, `message` and
/// the windows are set; `part`, `weekday` and `index` are left at their defaults.
std::vector<CalendarProblem> check(const DayWindows& windows);

/// The checks of one holiday rule: `part` is holiday, `index` 0.
std::vector<CalendarProblem> check(const HolidayRule& holiday);

}  // namespace sla
