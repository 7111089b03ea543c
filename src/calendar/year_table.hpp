// calendar/year_table.hpp — one local year of a calendar, compiled onto the time line.
//
// For local year Y the table covers the instants [begin, end) = [local midnight of Jan 1 Y,
// local midnight of Jan 1 Y+1), mapped through the zone. It holds:
//   * the open intervals inside [begin, end), as instants, sorted, disjoint, merged where windows
//     touch or overlap (an overnight window of Dec 31 of Y-1 contributes its part after begin);
//   * cum[i] = business seconds in [begin, starts[i]); cum[n] = the year's total;
//   * per date of Y: its owned windows (as instants and civil times), why it has them, and
//     bdays_before[i] = the number of business days among the year's first i dates.
// A table is built once and never changes; all queries are binary searches over it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "calendar/day_rules.hpp"
#include "sla/calendar.hpp"
#include "sla/time_zone.hpp"

namespace sla::detail {

struct DayEntry {
  std::uint32_t first_window = 0;  ///< index into YearTable::day_windows
  std::uint32_t window_count = 0;  ///< 0 = not a business day
  DayKind kind = DayKind::weekly;
  const std::string* name = nullptr;
};

struct YearTable {
  int year = 0;
  SysDays first_day{};     ///< Jan 1 of `year`
  std::int64_t begin = 0;  ///< instant (seconds since the epoch) of local Jan 1 00:00
  std::int64_t end = 0;    ///< instant of local Jan 1 00:00 of year + 1
  std::vector<std::int64_t> starts, ends;  ///< merged open intervals, clipped to [begin, end)
  std::vector<std::int64_t> cum;           ///< size starts.size() + 1
  std::vector<DayEntry> days;              ///< one per date of the year
  std::vector<OpenWindow> day_windows;     ///< each date's own windows, in date order
  std::vector<std::int32_t> bdays_before;  ///< size days.size() + 1

  std::int64_t total_seconds() const { return cum.back(); }
  std::int32_t total_business_days() const { return bdays_before.back(); }
  std::size_t interval_count() const { return starts.size(); }
};

/// Builds local year `year` of the calendar given by `rules` in `zone`. Dates before
/// `first_owner` own no windows: the calendar's time line starts at that date's local midnight,
/// so an overnight window of the day before it does not leak into the first supported year.
YearTable build_year_table(const DayRules& rules, const TimeZone& zone, int year,
                           SysDays first_owner);

}  // namespace sla::detail
