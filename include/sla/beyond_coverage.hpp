// sla/beyond_coverage.hpp — computations that needed a date outside a calendar's `covers`.
//
// A calendar may say which local dates its holiday data is known for (CalendarDefinition::covers,
// `covers:` in the rules). With `beyond: error` (the default) a computation that needs a date
// outside that range throws sla::Error; with `beyond: warn` it is computed from the weekly
// template and the yearly rules, and reported to the log recording on the calling thread:
//
//   sla::BeyondCoverageLog log;                        // records on this thread while it lives
//   sla::Instant due = office.add(created, 4h);        // needs 2027-01-04
//   for (const sla::BeyondCoverageUse& use : log.uses())
//     std::cerr << use.message() << '\n';
//   // calendar 'cn-office' knows its holidays for 2024-01-01..2026-12-31 only; 2027-01-04 is
//   // outside (add the 2027 holidays and extend 'covers')
//
// The error of `beyond: error` carries the same message. Which dates an operation needs is
// stated in sla/calendar.hpp ("Coverage").
//
// Logs nest: a computation is recorded by the innermost log of its thread only (the engine
// records each evaluation in its own log and reports `beyond_calendar_data`; the CLI records a
// whole command and prints a warning for what nobody else reported). A log keeps one use per
// calendar — the first date outside its range that was asked for — for up to kCapacity
// calendars and counts uses of further ones. It allocates nothing, and it is not shared between
// threads: each thread records into its own.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "sla/calendar_definition.hpp"

namespace sla {

struct BeyondCoverageUse {
  std::string_view calendar;  ///< the calendar's id, valid as long as this use
  DateRange covers;           ///< the dates its holiday data is known for
  Date date{};                ///< the first date outside `covers` a computation needed
  /// Keeps the calendar's compiled state, and so `calendar`, alive: a log may be read after the
  /// rules that held the calendar are gone (the CLI reads it when the command has returned).
  std::shared_ptr<const void> owner;

  /// "calendar 'cn-office' knows its holidays for 2024-01-01..2026-12-31 only; 2027-01-04 is
  /// outside (add the 2027 holidays and extend 'covers')".
  std::string message() const;

  /// The message of `beyond: warn`: message() + "; computed from the weekly hours and the
  /// yearly rules alone".
  std::string warning() const;
};

class BeyondCoverageLog {
 public:
  static constexpr std::size_t kCapacity = 8;

  /// Starts recording the calling thread's computations (until destroyed).
  BeyondCoverageLog();
  /// Hands recording back to the log that was recording before (if any).
  ~BeyondCoverageLog();
  BeyondCoverageLog(const BeyondCoverageLog&) = delete;
  BeyondCoverageLog& operator=(const BeyondCoverageLog&) = delete;

  /// One use per calendar, in the order the calendars were first used beyond their range.
  std::span<const BeyondCoverageUse> uses() const { return {uses_.data(), count_}; }
  /// Uses of calendars beyond the first kCapacity, not kept.
  std::size_t dropped() const { return dropped_; }

  /// Records a use in the calling thread's innermost log; does nothing when no log records.
  /// Calendars with `beyond: warn` call it; `owner` keeps the storage of `calendar` alive.
  static void record(std::string_view calendar, const DateRange& covers, Date date,
                     std::shared_ptr<const void> owner);

 private:
  std::array<BeyondCoverageUse, kCapacity> uses_{};
  std::size_t count_ = 0;
  std::size_t dropped_ = 0;
  BeyondCoverageLog* outer_ = nullptr;
};

}  // namespace sla
