// rules/calendar_reader.hpp — one entry of `calendars:` (docs/semantics.md §3) into a
// CalendarSource.
#pragma once

#include "rules/calendar_source.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads the calendar `entry` (id → map of time_zone, hours, holidays, workdays, workday_hours,
/// overrides, extends). Every problem is reported; the result is marked broken when there was
/// one. Checks that need the other calendars (extends, never opening) come later, in
/// link_calendars.
CalendarSource read_calendar(const yaml::Reader& reader, const yaml::MapEntry& entry);

}  // namespace sla::rules
