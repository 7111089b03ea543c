// rules/calendar_linker.hpp — from the calendars as written to compiled Calendars.
//
// Runs after every file is read, because `extends` may name a calendar from any file.
//
// extends: a calendar inherits its parent's resolved definition and
//   * replaces time_zone and workday_hours when it gives them;
//   * replaces the weekdays its `hours` names (an unnamed weekday keeps the parent's windows;
//     name it with [] to close it);
//   * appends its holidays and make-up working days to the parent's;
//   * merges overrides by date, its own winning.
// Problems: an unknown parent (SLA111, with "did you mean"), a cycle (SLA112, once per cycle,
// each link a note), a calendar with no open time at all (SLA110). Calendars that are broken, or
// whose parent is, are skipped without further reports.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rules/calendar_source.hpp"
#include "sla/calendar.hpp"
#include "yaml/diagnostic_sink.hpp"

namespace sla::rules {

using CalendarMap = std::map<std::string, Calendar, std::less<>>;

/// Resolves, checks and compiles every calendar; ids in `sources` are unique.
CalendarMap link_calendars(const std::vector<CalendarSource>& sources, yaml::DiagnosticSink& sink);

}  // namespace sla::rules
