// rules/civil_values.hpp — dates, times of day, windows and weekdays as written in rules files.
//
// All of these are civil values (no time zone). Each reader reports what is wrong at the value's
// position and returns nullopt; it never throws.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/calendar_definition.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// "2026-10-01" — an existing date (SLA105: "2026-02-30 does not exist: February 2026 has 28
/// days") in the years calendars compute in (SLA029: "1800-01-01 is outside ...").
std::optional<Date> read_date(const yaml::Reader& reader, const yaml::Value& value,
                              std::string_view what);

/// The same for text that is not a YAML value of its own (a map key such as an override date).
std::optional<Date> read_date_text(const yaml::Reader& reader, const std::string& text,
                                   const SourcePosition& at);

/// A list of windows "HH:MM-HH:MM" for one day: 24:00 may close a window; a close at or before
/// the open crosses midnight ("22:00-06:00"). A malformed window is SLA101 at its text; two
/// windows that overlap (SLA102) or touch (SLA103) are reported at the later one with a note at
/// the other. `[]` is a closed day. nullopt after any problem.
std::optional<DayWindows> read_windows(const yaml::Reader& reader, const yaml::Value& value,
                                       std::string_view what);

/// "mon" … "sun" (SLA106 otherwise, with a suggestion for "monday" or "Mon").
std::optional<std::chrono::weekday> read_weekday(const yaml::Reader& reader,
                                                 const yaml::Value& value, std::string_view what);

/// The weekdays an `hours` key names: "mon", a range "mon-fri" (Monday to Sunday order, no
/// wrap-around), or "daily". nullopt and a reason in `problem` when the key is none of these;
/// `suggestion` is set when a likely intended key exists ("monday" → "mon").
using WeekdayKey = Weekly<bool>;  ///< true for the days a key names
std::optional<WeekdayKey> parse_weekday_key(std::string_view key, std::string& problem,
                                            std::optional<std::string>& suggestion);

}  // namespace sla::rules
