// sla/calendar_definition.hpp — a business-hours calendar as data, before it is compiled.
//
// A calendar is a time zone + a weekly template of open windows + dated exceptions. All of it is
// civil time: windows are local times of day, exceptions are local dates. Calendar::compile
// (sla/calendar.hpp) turns a definition into an immutable, fast Calendar.
//
// Which windows a date has (precedence, strongest first):
//   1. an override for the date (its windows replace everything; an empty list closes the date);
//   2. a make-up working day (调休/补班): the date is open with its own hours, or with
//      `workday_hours` (default: Monday's windows, or the first later weekday that has any);
//   3. a holiday (one-off date, date range, or yearly rule): the date is closed;
//   4. the weekly template for the date's weekday.
//
// Windows are half-open [open, close) in local time, minute precision. A window whose close is at
// or before its open ("22:00-06:00") crosses midnight and belongs to the day it opens: a holiday
// on that day removes all of it, a holiday on the next day does not.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "sla/time.hpp"
#include "sla/weekly.hpp"

namespace sla {

/// One open window of a day: [open, close) as offsets from the owning day's local midnight.
/// 0 <= open < 24h and open < close <= open + 24h; a close past 24h lies on the next day
/// (22:00-06:00 is {22h, 30h}). Use LocalWindow::from_clock to build one from "HH:MM" values.
struct LocalWindow {
  std::chrono::minutes open{0};
  std::chrono::minutes close{0};

  /// From clock readings: close <= open means the window crosses midnight; a close of 24:00 is
  /// the end of the day. {9h, 17h} → 09:00-17:00; {22h, 6h} → 22:00-06:00 (next day).
  static LocalWindow from_clock(std::chrono::minutes open, std::chrono::minutes close) {
    return {open, close <= open ? close + std::chrono::hours{24} : close};
  }
  friend bool operator==(const LocalWindow&, const LocalWindow&) = default;
};

using DayWindows = std::vector<LocalWindow>;

/// A calendar's weekly template: weekly[std::chrono::Monday] are Monday's windows.
using WeeklyHours = Weekly<DayWindows>;

/// How a yearly holiday that falls on a weekend is observed.
enum class Observance {
  none,              ///< on the date itself, even at a weekend
  nearest_weekday,   ///< Saturday → Friday before, Sunday → Monday after (US federal rule)
  sunday_to_monday,  ///< Sunday → Monday; Saturday stays
  next_weekday,      ///< Saturday or Sunday → the following Monday (UK bank-holiday style)
};

/// A holiday rule. Exactly one shape is used, chosen by `kind`.
struct HolidayRule {
  enum class Kind {
    dates,           ///< the dates first..last (a one-off holiday has first == last)
    yearly_fixed,    ///< month/day every year (Feb 29 only in leap years)
    yearly_weekday,  ///< the nth weekday of a month every year; nth = -1 is the last
  };
  Kind kind = Kind::dates;
  std::string name;  ///< shown by `sla windows`; may be empty

  // Kind::dates
  Date first{};
  Date last{};

  // Kind::yearly_fixed / yearly_weekday
  int month = 1;                   ///< 1..12
  int day = 1;                     ///< yearly_fixed: 1..31
  std::chrono::weekday weekday{};  ///< yearly_weekday
  int nth = 1;                     ///< yearly_weekday: 1..5, or -1 for the last
  Observance observed = Observance::none;
  std::optional<int> since_year;  ///< the rule applies from this year on (inclusive)
  std::optional<int> until_year;  ///< ... up to this year (inclusive)
};

/// A make-up working day; without hours it uses the calendar's workday_hours.
struct MakeUpDay {
  Date date{};
  std::optional<DayWindows> hours;
};

/// One date's windows replaced (a half day, a special event); empty = closed.
struct DateOverride {
  Date date{};
  DayWindows hours;
};

struct CalendarDefinition {
  std::string id;
  std::string time_zone = "UTC";  ///< IANA name or fixed offset ("+08:00")
  WeeklyHours weekly{};           ///< the weekly template, by weekday
  std::vector<HolidayRule> holidays;
  std::vector<MakeUpDay> workdays;
  std::optional<DayWindows> workday_hours;
  std::vector<DateOverride> overrides;  ///< a later entry for the same date wins
};

}  // namespace sla
