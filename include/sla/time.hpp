// sla/time.hpp — the vocabulary of time used throughout sla-engine.
//
// The time model (after cctz / absl::Time and C++20 <chrono>):
//
//   * An *Instant* is a point on the absolute, UTC-based time line, second resolution. Tickets,
//     events, deadlines and "now" are instants.
//   * *Civil* time — a Date, a LocalTime (date + time of day), a weekday — is what rule authors
//     write ("Monday 09:00"). A civil time means nothing absolute until it is put in a time zone.
//   * A TimeZone (sla/time_zone.hpp) is the only bridge between the two.
//
// Example: the civil time 2026-03-08 02:30 does not exist in America/New_York (clocks jump from
// 02:00 to 03:00); sla maps it to the instant the gap ends, 2026-03-08T03:00:00-04:00. The civil
// time 2026-11-01 01:30 happens twice there; sla takes the earlier one (01:30 EDT).
//
// Only standard-library types appear here, so a user's code never depends on our backends.
#pragma once

#include <chrono>

namespace sla {

/// A point in absolute time (UTC-based), whole seconds.
using Instant = std::chrono::sys_seconds;

/// An elapsed amount of time, whole seconds. Business durations use it too: "4h of business
/// time" is std::chrono::hours{4} measured on a calendar's clock.
using Seconds = std::chrono::seconds;

/// A civil date (proleptic Gregorian), e.g. 2026y/std::chrono::November/23.
using Date = std::chrono::year_month_day;

/// A civil date and time of day with no time zone attached ("wall clock" time).
using LocalTime = std::chrono::local_seconds;

}  // namespace sla
