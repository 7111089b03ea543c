// calendar/day_rules.hpp — which windows a civil date has, and why (no time zone involved).
//
// Precedence for a date: override > make-up workday > holiday > weekly template.
// Yearly holiday rules are expanded per year with Boost.date_time's date generators
// (partial_date, nth_day_of_the_week_in_month, last_day_of_the_week_in_month), then shifted by
// their observance rule; an observed date may move into the neighbouring year (New Year's Day
// 2022, a Saturday, is observed on Friday 2021-12-31 in the US).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/calendar_definition.hpp"

namespace sla::detail {

using SysDays = std::chrono::sys_days;

/// A holiday on one date (already shifted to its observed date).
struct HolidayDate {
  SysDays date;
  const std::string* name;  ///< points into the owning DayRules
  friend bool operator<(const HolidayDate& a, const HolidayDate& b) { return a.date < b.date; }
};

/// What one date resolves to.
struct DayResolution {
  DayKind kind = DayKind::weekly;
  const std::string* name = nullptr;    ///< holiday name (kind == holiday)
  const DayWindows* windows = nullptr;  ///< never null; may be empty
};

class DayRules {
 public:
  /// Indexes the exceptions of a definition that check() (sla/calendar_check.hpp) accepts.
  /// Does not look at the time zone.
  explicit DayRules(const CalendarDefinition& definition);

  /// Every holiday date that the rules put in [first, last] (sorted, duplicates kept).
  std::vector<HolidayDate> holidays_between(SysDays first, SysDays last) const;

  /// The windows of `date`; `holidays` must cover `date` (from holidays_between).
  DayResolution resolve(SysDays date, const std::vector<HolidayDate>& holidays) const;

 private:
  WeeklyHours weekly_;
  DayWindows workday_hours_;
  std::vector<HolidayRule> rules_;
  std::vector<std::pair<SysDays, DayWindows>> workdays_;   // sorted by date, unique
  std::vector<std::pair<SysDays, DayWindows>> overrides_;  // sorted by date, unique
  DayWindows closed_;
};

}  // namespace sla::detail
