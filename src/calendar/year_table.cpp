#include "calendar/year_table.hpp"

#include <algorithm>

namespace sla::detail {
namespace {

using std::chrono::days;

std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }

LocalTime local_midnight(SysDays d) { return LocalTime{d.time_since_epoch()}; }

}  // namespace

YearTable build_year_table(const DayRules& rules, const TimeZone& zone, int year,
                           SysDays first_owner) {
  YearTable table;
  table.year = year;
  const std::chrono::year y{year};
  table.first_day = SysDays{y / std::chrono::January / 1};
  const SysDays next_first = SysDays{(y + std::chrono::years{1}) / std::chrono::January / 1};
  table.begin = seconds_of(zone.to_instant(local_midnight(table.first_day)));
  table.end = seconds_of(zone.to_instant(local_midnight(next_first)));

  // Dec 31 of the previous year can own an overnight window that runs into this year (unless
  // that date lies before the supported range).
  const SysDays scan_first = std::max(table.first_day - days{1}, first_owner);
  const auto holidays = rules.holidays_between(scan_first, next_first - days{1});

  std::vector<std::pair<std::int64_t, std::int64_t>> raw;
  const auto day_count = static_cast<std::size_t>((next_first - table.first_day).count());
  table.days.reserve(day_count);
  for (SysDays d = scan_first; d < next_first; d += days{1}) {
    const DayResolution res = rules.resolve(d, holidays);
    const bool owned = d >= table.first_day;
    DayEntry entry{static_cast<std::uint32_t>(table.day_windows.size()), 0, res.kind, res.name};
    for (const LocalWindow& w : *res.windows) {
      const LocalTime local_open = local_midnight(d) + w.open;
      const LocalTime local_close = local_midnight(d) + w.close;
      const Instant open = zone.to_instant(local_open);
      const Instant close = zone.to_instant(local_close);
      if (close <= open) continue;  // a window swallowed by a DST gap holds no time
      if (owned) {
        table.day_windows.push_back({Date{d}, open, close, local_open, local_close});
        ++entry.window_count;
      }
      const std::int64_t lo = std::max(seconds_of(open), table.begin);
      const std::int64_t hi = std::min(seconds_of(close), table.end);
      if (lo < hi) raw.emplace_back(lo, hi);
    }
    if (owned) table.days.push_back(entry);
  }

  // Merge: windows of adjacent days may touch (24:00 / 00:00) or overlap (22:00-06:00 followed
  // by 05:00-…); business time counts each instant once.
  std::sort(raw.begin(), raw.end());
  for (const auto& [lo, hi] : raw) {
    if (!table.ends.empty() && lo <= table.ends.back()) {
      table.ends.back() = std::max(table.ends.back(), hi);
    } else {
      table.starts.push_back(lo);
      table.ends.push_back(hi);
    }
  }
  table.cum.resize(table.starts.size() + 1);
  table.cum[0] = 0;
  for (std::size_t i = 0; i < table.starts.size(); ++i)
    table.cum[i + 1] = table.cum[i] + (table.ends[i] - table.starts[i]);

  table.bdays_before.resize(table.days.size() + 1);
  table.bdays_before[0] = 0;
  for (std::size_t i = 0; i < table.days.size(); ++i)
    table.bdays_before[i + 1] = table.bdays_before[i] + (table.days[i].window_count > 0 ? 1 : 0);
  return table;
}

}  // namespace sla::detail
