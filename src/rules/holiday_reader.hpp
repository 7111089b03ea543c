// rules/holiday_reader.hpp — one item of a calendar's `holidays:` list.
//
// Shapes (docs/semantics.md §3):
//   - 2026-01-01                                        one date
//   - {date: 2026-01-01, name: New Year}                one date, named
//   - {from: 2026-10-01, to: 2026-10-07, name: ...}     a range of dates, both included
//   - {yearly: {month: 12, day: 25}, observed: nearest_weekday, name: Christmas}
//   - {yearly: {month: 11, weekday: thu, nth: 4}, name: Thanksgiving}    nth -1 = the last
// Yearly rules may say `since:` / `until:` (years, inclusive).
#pragma once

#include <optional>

#include "sla/calendar_definition.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// The rule, or nullopt after reporting what is wrong with the item.
std::optional<HolidayRule> read_holiday(const yaml::Reader& reader, const yaml::Value& item);

}  // namespace sla::rules
