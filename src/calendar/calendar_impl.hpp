// calendar/calendar_impl.hpp — the shared, immutable state behind sla::Calendar.
//
// Year tables are built on first use and published through atomic pointers: readers never lock
// and never allocate once a year is built; builders serialise on a mutex and publish with
// release semantics. Logically the Impl is immutable — the cache only remembers answers.
#pragma once

#include <array>
#include <atomic>
#include <mutex>

#include "calendar/day_rules.hpp"
#include "calendar/year_table.hpp"
#include "sla/calendar.hpp"

namespace sla {

struct Calendar::Impl {
  static constexpr int kFirstYear = 1900;
  static constexpr int kLastYear = 2399;
  /// A forward or backward search gives up after this many consecutive years without open time.
  static constexpr int kMaxEmptyYears = 10;
  /// The first and last supported local dates; no date outside owns windows.
  static constexpr detail::SysDays kFirstDay{std::chrono::year{kFirstYear} / 1 / 1};
  static constexpr detail::SysDays kLastDay{std::chrono::year{kLastYear} / 12 / 31};
  /// No business duration longer than the supported span can land inside it.
  static constexpr std::int64_t kMaxSpanSeconds =
      std::int64_t{kLastYear - kFirstYear + 1} * 366 * 86400;

  Impl(CalendarDefinition def, TimeZone tz);
  ~Impl();
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  /// The table of local year `year`; throws sla::Error outside [kFirstYear, kLastYear].
  const detail::YearTable& year(int year) const;
  /// The table whose [begin, end) holds `t`.
  const detail::YearTable& table_at(std::int64_t t) const;
  /// The next / previous table; `empty_run` counts consecutive years without open time and the
  /// search throws when it exceeds kMaxEmptyYears.
  const detail::YearTable& next(const detail::YearTable& t, int& empty_run) const;
  const detail::YearTable& previous(const detail::YearTable& t, int& empty_run) const;

  CalendarDefinition definition;
  TimeZone zone;
  detail::DayRules rules;

 private:
  mutable std::array<std::atomic<const detail::YearTable*>, kLastYear - kFirstYear + 1> tables_{};
  mutable std::mutex build_mutex_;
};

}  // namespace sla
