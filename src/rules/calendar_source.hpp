// rules/calendar_source.hpp — one calendar as written in a rules file, before `extends` is
// resolved.
//
// Only what the file says is set: a calendar that extends another leaves out what it inherits.
// The positions are kept so that the checks made after all files are read (unknown parents,
// cycles, calendars that never open) can point at the text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sla/calendar_definition.hpp"
#include "sla/diagnostic.hpp"

namespace sla::rules {

struct CalendarSource {
  std::string id;
  SourcePosition at;  ///< the id, as the key of `calendars:`

  std::optional<std::string> extends;
  SourcePosition extends_at;

  std::optional<std::string> time_zone;
  /// The weekdays `hours` names; an unnamed day is closed, or inherited from the parent.
  Weekly<std::optional<DayWindows>> weekly{};
  std::vector<HolidayRule> holidays;
  std::vector<SourcePosition> holiday_at;  ///< where each of `holidays` is written
  std::vector<MakeUpDay> workdays;
  std::vector<SourcePosition> workday_at;  ///< where each of `workdays` is written
  std::optional<DayWindows> workday_hours;
  std::vector<DateOverride> overrides;
  std::vector<SourcePosition> override_at;  ///< where each of `overrides` is written (its date)
  std::optional<DateRange> covers;          ///< replaces the parent's when given
  SourcePosition covers_at;
  std::optional<BeyondCoverage> beyond;  ///< replaces the parent's when given
  SourcePosition beyond_at;

  /// An error was reported inside this calendar: it is not compiled, and calendars extending it
  /// are skipped silently (their real problem is already on screen).
  bool broken = false;
};

}  // namespace sla::rules
