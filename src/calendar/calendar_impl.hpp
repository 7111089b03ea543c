// calendar/calendar_impl.hpp — the shared, immutable state behind sla::Calendar.
//
// Year tables are built on first use and published through atomic pointers: readers never lock
// and never allocate once a year is built; builders serialise on a mutex and publish with
// release semantics. Logically the Impl is immutable — the cache only remembers answers.
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <mutex>

#include "calendar/day_rules.hpp"
#include "calendar/year_table.hpp"
#include "sla/calendar.hpp"

namespace sla {

struct Calendar::Impl : std::enable_shared_from_this<Calendar::Impl> {
  static constexpr int kFirstYear = kFirstCalendarYear;
  static constexpr int kLastYear = kLastCalendarYear;
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

  /// Coverage (sla/calendar.hpp, "Coverage"): every operation states the instants or dates its
  /// result depends on, and they must lie inside `covers`. The check is two comparisons; only a
  /// span that reaches outside takes the slow path (throw, or record with `beyond: warn`).
  ///
  /// The instants [lo, hi], both included, were needed.
  void need(std::int64_t lo, std::int64_t hi) const {
    if (limited && (lo < cover_begin || hi >= cover_end)) beyond(lo < cover_begin ? lo : hi);
  }
  /// The local dates [lo, hi], both included, were needed.
  void need_dates(detail::SysDays lo, detail::SysDays hi) const {
    if (limited && (lo < cover_first || hi > cover_last)) beyond_date(lo < cover_first ? lo : hi);
  }

  /// What a year holds in all, for walking over whole years without their tables.
  struct YearTotals {
    int year = 0;
    std::int64_t seconds = 0;
    std::int32_t business_days = 0;
  };
  static YearTotals totals_of(const detail::YearTable& t) {
    return {t.year, t.total_seconds(), t.total_business_days()};
  }
  /// The totals of local year `year`: from its table when built, else from a table built,
  /// counted and dropped (the totals are kept). A search across 100 years thus keeps 2 tables,
  /// not 100. Throws like year().
  YearTotals totals(int year) const;
  /// next() and previous() over totals: the same checks, the same errors.
  YearTotals next(const YearTotals& t, int& empty_run) const;
  YearTotals previous(const YearTotals& t, int& empty_run) const;

  CalendarDefinition definition;
  TimeZone zone;
  detail::DayRules rules;

 private:
  void beyond(std::int64_t instant) const;
  void beyond_date(detail::SysDays date) const;

  // Coverage as instants: [cover_begin, cover_end) = [local midnight of covers.from, local
  // midnight of the day after covers.to); as dates: [cover_first, cover_last].
  bool limited = false;
  std::int64_t cover_begin = 0;
  std::int64_t cover_end = 0;
  detail::SysDays cover_first{};
  detail::SysDays cover_last{};

  using Slots = std::array<std::atomic<const detail::YearTable*>, kLastYear - kFirstYear + 1>;
  /// One slot per supported year, allocated with the first table: 4 KB a calendar that a load
  /// of 100,000 calendars (most never used) need not pay.
  mutable std::atomic<Slots*> tables_{nullptr};
  /// Per year: -1, or business days << 32 | business seconds of a year whose table was dropped.
  using TotalSlots = std::array<std::atomic<std::int64_t>, kLastYear - kFirstYear + 1>;
  mutable std::atomic<TotalSlots*> totals_{nullptr};
  mutable std::mutex build_mutex_;

  void check_year(int year) const;
};

}  // namespace sla
