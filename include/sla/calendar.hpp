// sla/calendar.hpp — a compiled business-hours calendar and its arithmetic (docs/semantics.md §2).
//
// A Calendar answers "when is 4 business hours after this instant?" and "how much business time
// lies between these two instants?" exactly, across weekends, lunch breaks, overnight windows,
// holidays, make-up working days and DST changes.
//
// Time model. Inputs and outputs are absolute Instants. The calendar's rules are civil
// (local dates and times of day); its TimeZone maps each day's windows onto the time line with
// the gap/overlap rule of sla/time_zone.hpp. Business time is *elapsed real time* inside open
// windows: a 01:00–05:00 window holds 3 h on the spring-forward day in New York and 5 h on the
// fall-back day. Windows of adjacent days that overlap on the time line (an overnight window
// running into the next morning's window) count once.
//
// Notation: B(a, b) = business seconds in [a, b). Windows are half-open [open, close).
//
//   is_open(t)          t lies inside some [open, close)
//   roll_forward(t)     t if open, else the next open instant
//   roll_backward(t)    t if inside some (open, close], else the previous close
//   add(t, d)   d >= 0  the earliest u >= roll_forward(t) with B(t, u) >= d. A deadline that
//                       consumes a window exactly lands on its close (Landing::close, default):
//                       Mon 16:00 + 1h on a 09–17 calendar = Mon 17:00. With Landing::next_open
//                       a result that is not inside a window moves to the next open (Tue 09:00).
//                       add(t, 0) = roll_forward(t).
//   add(t, -d)          the latest u <= roll_backward(t) with B(u, t) >= d; landing exactly on an
//                       opening returns the opening. add(t, -0) = roll_backward(t).
//   between(a, b)       B(a, b); negative (-B(b, a)) when b < a.
//
// Business days: a business day is a date on which at least one window opens. advance() follows
// numpy.busday_offset: roll a non-business date by the convention, then move n business days.
//
// Cost. A Calendar builds, on first use and once per local year, a table of that year's open
// intervals as instants with prefix sums of business seconds and of business days. Every
// operation is then a binary search (O(log n), no allocation); durations spanning k year
// boundaries add k constant-time steps. Tables are published atomically: a Calendar is an
// immutable value, cheap to copy and safe to use from many threads without locks.
//
// Coverage. A calendar whose definition has `covers` (the local dates its holiday data is known
// for) checks what each operation needs: the instants its result depends on, or for the date
// operations the dates. The set is an interval, so its two ends are checked:
//
//   is_open(t)            t
//   roll_forward(t) = u   [t, u]        the closed time before u, and u itself (open)
//   roll_backward(t) = u  [u-1s, t-1s]  the open second before the close u, and the time after
//   add(t, d > 0) = u     [t, u-1s]     the business time consumed; a deadline on a 24:00 close
//                                       of the last covered day is inside
//   add(t, d < 0) = u     [u, t-1s]
//   between(a, b)         [a, b-1s]     (a alone when a = b)
//   windows(from, to)     [from, to-1s]
//   add(t, 2bd / eobd / bd+N@HH:MM)     its rolls, and the dates advance() needs
//   add(t, 3cd)           nothing: wall time needs no date's hours
//   advance(date, n)      the date, the business day it rolls to, and the result
//   is_business_day(d), schedule(d)     d
// An instant needs its local date. Outside `covers`, BeyondCoverage::error throws sla::Error
// ("calendar 'cn-office' knows its holidays for 2024-01-01..2026-12-31 only; 2027-01-04 is
// outside (add the 2027 holidays and extend 'covers')", naming the date farthest out the
// operation needed on the side it left); BeyondCoverage::warn computes from the weekly template
// and the yearly rules and records the use in the thread's BeyondCoverageLog
// (sla/beyond_coverage.hpp). The check costs two comparisons.
//
// Limits. Supported instants lie in local years 1900–2399 (kFirstCalendarYear,
// kLastCalendarYear); outside, or when a search finds no open time within 10 consecutive years
// (a calendar whose rules leave it closed), operations throw sla::Error with a message naming
// the calendar and the years searched. A day has at most 48 windows (kMaxWindowsPerDay in
// sla/calendar_check.hpp): a year's table then stays under a few MB.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sla/calendar_definition.hpp"
#include "sla/duration_spec.hpp"
#include "sla/time.hpp"
#include "sla/time_zone.hpp"

namespace sla {

/// The local years a Calendar computes in.
inline constexpr int kFirstCalendarYear = 1900;
inline constexpr int kLastCalendarYear = 2399;

/// Where add() lands when the result is exactly at a window's close.
enum class Landing {
  close,      ///< stay on the close (16:00 + 1h = 17:00 the same day) — the SLA convention
  next_open,  ///< move to the next open instant (= next day 09:00): pandas / biz convention
};

/// How advance() treats a date that is not a business day (numpy.busday_offset's `roll`).
enum class RollConvention { following, preceding, modified_following, modified_preceding, raise };

/// An open window on the time line, with its civil reading.
struct OpenWindow {
  Date day{};  ///< the local date that owns the window (the date it opens on)
  Instant open{};
  Instant close{};
  LocalTime local_open{};
  LocalTime local_close{};
};

/// Why a date has the windows it has (the precedence rule of sla/calendar_definition.hpp).
enum class DayKind { weekly, holiday, make_up_workday, override_hours };

/// One date as the calendar sees it.
struct DaySchedule {
  Date date{};
  DayKind kind = DayKind::weekly;
  std::string name;                 ///< the holiday's name, when kind == holiday
  std::vector<OpenWindow> windows;  ///< empty = closed
};

class Calendar {
 public:
  /// Validates and compiles a definition. Throws sla::Error for the first problem check() finds
  /// (sla/calendar_check.hpp: an unknown time zone, a malformed window, overlapping or touching
  /// windows within a day, a holiday rule out of range, a calendar that can never open), naming
  /// the calendar and the place: "calendar 'office': mon: windows 09:00-12:30 and 12:00-18:00
  /// overlap".
  static Calendar compile(const CalendarDefinition& definition);

  const std::string& id() const;
  const TimeZone& time_zone() const;
  const CalendarDefinition& definition() const;

  bool is_open(Instant t) const;
  Instant roll_forward(Instant t) const;
  Instant roll_backward(Instant t) const;

  /// Business-time arithmetic (see the table above); `d` may be negative.
  Instant add(Instant t, Seconds d, Landing landing = Landing::close) const;

  /// Any duration of sla/duration_spec.hpp. Business time behaves as add(t, Seconds);
  /// `2bd`, `eobd`, `bd+N@HH:MM` work on business days; `3cd` is wall time (t + 72 h).
  /// The landing applies to results on the business clock.
  Instant add(Instant t, const DurationSpec& d, Landing landing = Landing::close) const;

  Seconds between(Instant a, Instant b) const;

  /// add() over arrays: out[i] = add(starts[i], durations[i], landing) for every i, faster than
  /// a loop of add() calls (consecutive elements in one year reuse its table, and next_open
  /// needs no second search). Instant::min() as a start or Seconds::min() as a duration marks a
  /// missing value and gives Instant::min() (the bit pattern of NumPy's NaT). The three spans
  /// must have one size. Throws sla::Error like add(), its message starting "element i: ".
  void add(std::span<const Instant> starts, std::span<const Seconds> durations,
           std::span<Instant> out, Landing landing = Landing::close) const;

  /// The open windows overlapping [from, to), in time order, each with its owning date.
  std::vector<OpenWindow> windows(Instant from, Instant to) const;

  /// A date's windows and why it has them.
  DaySchedule schedule(Date date) const;

  bool is_business_day(Date date) const;

  /// numpy.busday_offset: roll `date` if it is not a business day, then move `n` business days.
  /// RollConvention::raise throws sla::Error for a non-business date.
  Date advance(Date date, int n, RollConvention roll = RollConvention::following) const;

  struct Impl;  // compiled tables, private to src/calendar

 private:
  explicit Calendar(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace sla
