// sla/iso8601.hpp — reading and writing times and dates as text.
//
// Input: "2026-11-20T19:00:00+08:00" (or "Z") is an instant. Text without an offset,
// "2026-11-20T19:00" or "2026-11-20 19:00:00", is a civil time in the given zone (DST rule of
// sla/time_zone.hpp). Seconds are optional; fractional seconds are rejected rather than rounded.
// Output: seconds precision with the zone's offset at that instant, "2026-11-20T19:00:00+08:00".
// Every parse error throws sla::Error quoting the offending text.
#pragma once

#include <string>
#include <string_view>

#include "sla/time.hpp"
#include "sla/time_zone.hpp"

namespace sla {

/// Parses an instant; text without an offset is civil time in `zone`.
Instant parse_instant(std::string_view text, const TimeZone& zone);

/// Parses "YYYY-MM-DD" (a real date: 2026-02-30 is an error).
Date parse_date(std::string_view text);

/// Parses "HH:MM" (00:00–24:00) into minutes since midnight.
std::chrono::minutes parse_time_of_day(std::string_view text);

/// "2026-11-20T19:00:00+08:00" — `instant` shown in `zone`.
std::string format_instant(Instant instant, const TimeZone& zone);

/// "2026-11-20T19:00:00" — a civil time, no offset.
std::string format_local(LocalTime local);

/// "2026-11-20".
std::string format_date(Date date);

}  // namespace sla
