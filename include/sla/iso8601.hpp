// sla/iso8601.hpp — reading and writing times and dates as text.
//
// Input: "2026-11-20T19:00:00+08:00" (or "Z") is an instant. Text without an offset,
// "2026-11-20T19:00" or "2026-11-20 19:00:00", is a civil time in the given zone (DST rule of
// sla/time_zone.hpp). Seconds are optional; fractional seconds are rejected rather than rounded.
// The offset after the time follows the one UTC offset grammar of sla/time_zone.hpp ("Z", "+08",
// "+0800", "+08:00", "+08:05:43").
// Output: seconds precision with the zone's offset at that instant, "2026-11-20T19:00:00+08:00".
//
// Each parser comes in the two forms of sla/parsed.hpp: try_parse_x returns the value or a
// message quoting the offending text; parse_x throws sla::Error with that message.
#pragma once

#include <string>
#include <string_view>

#include "sla/parsed.hpp"
#include "sla/time.hpp"
#include "sla/time_zone.hpp"

namespace sla {

/// Parses an instant; text without an offset is civil time in `zone`.
Parsed<Instant> try_parse_instant(std::string_view text, const TimeZone& zone);
Instant parse_instant(std::string_view text, const TimeZone& zone);

/// Parses "YYYY-MM-DD" (a real date: 2026-02-30 is an error).
Parsed<Date> try_parse_date(std::string_view text);
Date parse_date(std::string_view text);

/// Parses "HH:MM" (00:00–24:00) into minutes since midnight.
Parsed<std::chrono::minutes> try_parse_time_of_day(std::string_view text);
std::chrono::minutes parse_time_of_day(std::string_view text);

/// "2026-11-20T19:00:00+08:00" — `instant` shown in `zone`.
std::string format_instant(Instant instant, const TimeZone& zone);

/// "2026-11-20T19:00:00" — a civil time, no offset.
std::string format_local(LocalTime local);

/// "2026-11-20".
std::string format_date(Date date);

}  // namespace sla
