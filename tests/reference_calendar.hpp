// tests/reference_calendar.hpp — an independent, brute-force model of a calendar definition.
//
// It answers the questions sla::Calendar answers, from the same sla::CalendarDefinition, but
// shares no code with the library beyond that struct: its own precedence rule, its own expansion
// of holiday rules (plain loops over the days of a month), its own civil → absolute conversion
// (date::locate_zone(...)->get_info(local_seconds) directly), its own union of intervals, and
// linear walks instead of prefix sums and binary searches. It is meant to be obviously right and
// slow, so that a disagreement points at the library.
//
// Time model (docs/semantics.md §1–2), restated the simple way:
//   * A date owns windows [open, close) given in minutes from its local midnight; a close past
//     24:00 lies on the next date. The owner is the date the window opens on.
//   * Civil → absolute: a local time in a spring-forward gap maps to the instant the gap ends
//     (info.first.end); an ambiguous one (fall-back) maps to the earlier instant
//     (local - info.first.offset). A window whose two ends map to the same instant holds nothing
//     and is dropped; a date is a business day when it keeps at least one window.
//   * The open time line is the union of all dates' windows (overlapping or touching merged).
//
// The model covers the dates [first, last] given at construction. Every query checks that the
// part of the time line it needs lies inside [T_lo, T_hi) = [local midnight of `first`, local
// midnight of `last`) and throws OutOfRange otherwise, so a comparison is skipped rather than
// made against an incomplete model.
#pragma once

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sla/calendar_definition.hpp"

namespace sla_ref {

using std::int64_t;
using Days = std::chrono::sys_days;
using std::chrono::days;

/// The model does not cover what the query needs (outside [first, last]).
struct OutOfRange : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// advance() with Roll::raise on a date that is not a business day.
struct NotABusinessDay : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// numpy.busday_offset's `roll` argument.
enum class Roll { following, preceding, modified_following, modified_preceding, raise };

/// Seconds since 1970-01-01 of a local (civil) time, and of an instant.
inline int64_t local_midnight(Days d) {
  return std::chrono::duration_cast<std::chrono::seconds>(d.time_since_epoch()).count();
}

inline Days date_of_local(int64_t local_seconds) {
  return Days{days{(local_seconds >= 0 ? local_seconds : local_seconds - 86399) / 86400}};
}

/// `t` plus `n` calendar days (a duration `Ncd`): N × 24 h of elapsed time, whatever the zone's
/// clock does. Worked out the long way rather than as t + n·86400: the UTC date and time of day
/// of `t` are read with date::, the date is stepped one day at a time through the lengths of the
/// months (leap years by the Gregorian rule), and the instant is rebuilt from the new UTC date
/// and the same time of day. UTC has no DST, so the same time of day n dates later is n × 24 h
/// later.
inline int64_t add_calendar_days(int64_t t, int n) {
  const date::sys_seconds at{std::chrono::seconds{t}};
  const date::sys_days day = date::floor<date::days>(at);
  const std::chrono::seconds time_of_day = at - day;
  const date::year_month_day civil{day};
  int y = static_cast<int>(civil.year());
  unsigned m = static_cast<unsigned>(civil.month()), d = static_cast<unsigned>(civil.day());
  auto month_length = [](int year, unsigned month) -> unsigned {
    static constexpr unsigned kLength[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kLength[month - 1];
  };
  for (int i = 0; i < n; ++i) {
    if (++d <= month_length(y, m)) continue;
    d = 1;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  for (int i = 0; i > n; --i) {
    if (--d > 0) continue;
    if (--m == 0) {
      m = 12;
      --y;
    }
    d = month_length(y, m);
  }
  const date::sys_days moved = date::year{y} / date::month{m} / date::day{d};
  return (moved + time_of_day).time_since_epoch().count();
}

inline std::string format_date(Days d) {
  return date::format("%F", date::sys_days{d.time_since_epoch()});
}

inline std::string format_utc(int64_t t) {
  return date::format("%FT%TZ", date::sys_seconds{std::chrono::seconds{t}});
}

inline std::string format_local(int64_t local) {
  return date::format("%FT%T", date::sys_seconds{std::chrono::seconds{local}});
}

// ---------------------------------------------------------------------------------------------
// Civil ↔ absolute, straight from the tz database (or a fixed offset parsed here).

class Zone {
 public:
  explicit Zone(const std::string& name) {
    if (name == "Z") return;
    if ((name.size() == 6 || name.size() == 5) && (name[0] == '+' || name[0] == '-')) {
      const bool colon = name.size() == 6;
      const int h = std::stoi(name.substr(1, 2));
      const int m = std::stoi(name.substr(colon ? 4 : 3, 2));
      fixed_ = (name[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
      return;
    }
    zone_ = date::locate_zone(name);
  }

  /// Civil → absolute: gap → gap end, ambiguous → earlier instant.
  int64_t to_instant(int64_t local) const {
    if (zone_ == nullptr) return local - fixed_;
    const date::local_seconds l{std::chrono::seconds{local}};
    const date::local_info info = zone_->get_info(l);
    if (info.result == date::local_info::nonexistent)
      return info.first.end.time_since_epoch().count();
    return local - info.first.offset.count();
  }

  int64_t to_local(int64_t instant) const {
    if (zone_ == nullptr) return instant + fixed_;
    const date::sys_seconds s{std::chrono::seconds{instant}};
    return instant + zone_->get_info(s).offset.count();
  }

  /// The instants in [from, to) at which the UTC offset changes.
  std::vector<int64_t> transitions(int64_t from, int64_t to) const {
    std::vector<int64_t> out;
    if (zone_ == nullptr) return out;
    int64_t t = from;
    while (t < to) {
      const auto info = zone_->get_info(date::sys_seconds{std::chrono::seconds{t}});
      const int64_t end = info.end.time_since_epoch().count();
      if (end >= to || end <= t) break;
      const auto next = zone_->get_info(date::sys_seconds{std::chrono::seconds{end}});
      if (next.offset != info.offset) out.push_back(end);
      t = end;
    }
    return out;
  }

 private:
  const date::time_zone* zone_ = nullptr;
  int64_t fixed_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Holiday rules, expanded with loops.

/// The date a yearly rule gives in `year` before its observance shift, if any.
inline std::optional<Days> yearly_rule_date(const sla::HolidayRule& rule, int year) {
  using namespace std::chrono;
  const std::chrono::year y{year};
  const month m{static_cast<unsigned>(rule.month)};
  if (rule.kind == sla::HolidayRule::Kind::yearly_fixed) {
    const year_month_day ymd{y, m, day{static_cast<unsigned>(rule.day)}};
    if (!ymd.ok()) return std::nullopt;
    return Days{ymd};
  }
  std::vector<Days> matches;  // every date of the month on the rule's weekday
  for (unsigned d = 1; d <= 31; ++d) {
    const year_month_day ymd{y, m, day{d}};
    if (!ymd.ok()) break;
    if (weekday{Days{ymd}} == rule.weekday) matches.push_back(Days{ymd});
  }
  if (rule.nth == -1) return matches.back();
  if (rule.nth >= 1 && static_cast<std::size_t>(rule.nth) <= matches.size())
    return matches[static_cast<std::size_t>(rule.nth - 1)];
  return std::nullopt;
}

/// Moves a weekend holiday to the day it is observed on (calendar_definition.hpp).
inline Days observed_date(Days d, sla::Observance how) {
  const unsigned wd = std::chrono::weekday{d}.c_encoding();  // 0 = Sunday, 6 = Saturday
  switch (how) {
    case sla::Observance::none:
      return d;
    case sla::Observance::nearest_weekday:
      if (wd == 6) return d - days{1};
      if (wd == 0) return d + days{1};
      return d;
    case sla::Observance::sunday_to_monday:
      return wd == 0 ? d + days{1} : d;
    case sla::Observance::next_weekday:
      if (wd == 6) return d + days{2};
      if (wd == 0) return d + days{1};
      return d;
  }
  return d;
}

/// Every holiday date in [first, last] (all kinds of rules), with the first rule's name.
inline std::map<Days, std::string> holiday_dates(const sla::CalendarDefinition& def, Days first,
                                                 Days last) {
  std::map<Days, std::string> out;
  const int y0 = static_cast<int>(std::chrono::year_month_day{first}.year());
  const int y1 = static_cast<int>(std::chrono::year_month_day{last}.year());
  for (const auto& rule : def.holidays) {
    if (rule.kind == sla::HolidayRule::Kind::dates) {
      for (Days d = std::max(first, Days{rule.first}); d <= std::min(last, Days{rule.last});
           d += days{1})
        out.emplace(d, rule.name);
      continue;
    }
    for (int y = y0 - 1; y <= y1 + 1; ++y) {
      if (rule.since_year && y < *rule.since_year) continue;
      if (rule.until_year && y > *rule.until_year) continue;
      const auto d = yearly_rule_date(rule, y);
      if (!d) continue;
      const Days obs = observed_date(*d, rule.observed);
      if (obs >= first && obs <= last) out.emplace(obs, rule.name);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The model.

class ReferenceCalendar {
 public:
  enum class Why { weekly, holiday, make_up, override_hours };

  struct Window {
    int64_t open, close;              ///< instants
    int64_t local_open, local_close;  ///< civil, seconds since 1970 as if UTC
  };

  ReferenceCalendar(const sla::CalendarDefinition& def, Days first, Days last)
      : def_(def), zone_(def.time_zone), first_(first), last_(last) {
    holidays_ = holiday_dates(def, first - days{3}, last + days{3});
    // Default hours of a make-up day: workday_hours, else Monday's windows or the first later
    // weekday that has any (Tuesday … Saturday, then Sunday).
    if (def.workday_hours) {
      makeup_default_ = *def.workday_hours;
    } else {
      for (unsigned k = 1; k <= 7; ++k) {  // ISO encoding: Monday = 1 … Sunday = 7
        const std::chrono::weekday day{k == 7 ? 0 : k};
        if (!def.weekly[day].empty()) {
          makeup_default_ = def.weekly[day];
          break;
        }
      }
    }
    for (Days d = first - days{1}; d <= last; d += days{1}) {
      std::vector<Window> owned;
      for (const sla::LocalWindow& w : windows_of(d)) {
        const int64_t lo = local_midnight(d) + w.open.count() * 60;
        const int64_t lc = local_midnight(d) + w.close.count() * 60;
        const int64_t o = zone_.to_instant(lo), c = zone_.to_instant(lc);
        if (c > o) owned.push_back({o, c, lo, lc});
      }
      std::sort(owned.begin(), owned.end(),
                [](const Window& a, const Window& b) { return a.open < b.open; });
      for (const auto& w : owned) raw_.emplace_back(w.open, w.close);
      owned_.emplace(d, std::move(owned));
    }
    std::sort(raw_.begin(), raw_.end());
    for (const auto& [o, c] : raw_) {  // union: overlapping or touching windows merge
      if (!intervals_.empty() && o <= intervals_.back().second)
        intervals_.back().second = std::max(intervals_.back().second, c);
      else
        intervals_.emplace_back(o, c);
    }
    t_lo_ = zone_.to_instant(local_midnight(first));
    t_hi_ = zone_.to_instant(local_midnight(last));
  }

  const sla::CalendarDefinition& definition() const { return def_; }
  const Zone& zone() const { return zone_; }
  int64_t lo() const { return t_lo_; }
  int64_t hi() const { return t_hi_; }
  const std::vector<std::pair<int64_t, int64_t>>& intervals() const { return intervals_; }
  const std::map<Days, std::string>& holidays() const { return holidays_; }

  /// Why `d` has the windows it has: override > make-up day > holiday > weekly.
  Why why(Days d) const {
    for (const auto& o : def_.overrides)
      if (Days{o.date} == d) return Why::override_hours;
    for (const auto& m : def_.workdays)
      if (Days{m.date} == d) return Why::make_up;
    if (holidays_.count(d)) return Why::holiday;
    return Why::weekly;
  }

  /// The civil windows of date `d` by the precedence rule (later duplicate entries win).
  sla::DayWindows windows_of(Days d) const {
    const sla::DayWindows* found = nullptr;
    for (const auto& o : def_.overrides)
      if (Days{o.date} == d) found = &o.hours;
    if (found) return *found;
    for (const auto& m : def_.workdays)
      if (Days{m.date} == d) found = m.hours ? &*m.hours : &makeup_default_;
    if (found) return *found;
    if (holidays_.count(d)) return {};
    return def_.weekly[std::chrono::weekday{d}];
  }

  /// The windows `d` owns on the time line (empty ones dropped), sorted.
  const std::vector<Window>& owned(Days d) const {
    if (d < first_ || d > last_) throw OutOfRange("date " + format_date(d) + " outside the model");
    return owned_.at(d);
  }

  bool is_business_day(Days d) const { return !owned(d).empty(); }

  /// The holiday name shown for `d` (the first rule that puts a holiday there), when `d`
  /// resolves to a holiday.
  std::string holiday_name(Days d) const {
    if (why(d) != Why::holiday) return {};
    return holidays_.at(d);
  }

  /// The owned windows overlapping [from, to), by owning date then opening.
  std::vector<std::pair<Days, Window>> windows(int64_t from, int64_t to) const {
    std::vector<std::pair<Days, Window>> out;
    if (!(from < to)) return out;
    check(from);
    check(to - 1);
    for (const auto& [d, ws] : owned_)
      for (const auto& w : ws)
        if (d >= first_ && w.close > from && w.open < to) out.emplace_back(d, w);
    return out;
  }

  // --- instants -------------------------------------------------------------------------------

  bool is_open(int64_t t) const {
    check(t);
    const std::size_t i = first_ending_after(t);
    return i < intervals_.size() && intervals_[i].first <= t;
  }

  /// t when open, else the next opening.
  int64_t roll_forward(int64_t t) const {
    check(t);
    const std::size_t i = first_ending_after(t);
    if (i == intervals_.size()) throw OutOfRange("roll_forward past the model");
    return checked(std::max(intervals_[i].first, t));
  }

  /// t when inside some (open, close], else the previous close.
  int64_t roll_backward(int64_t t) const {
    check(t);
    const std::size_t i = last_opening_before(t);
    if (i == 0) throw OutOfRange("roll_backward before the model");
    return checked(std::min(intervals_[i - 1].second, t));
  }

  /// docs/semantics.md §2.1 add: positive walks forward consuming open time (exactly consumed → the
  /// close; with next_open a result outside every window moves to the next opening); negative walks
  /// backward (exactly consumed → the opening); zero rolls forward. Landing only affects d > 0.
  int64_t add(int64_t t, int64_t d, bool next_open) const {
    check(t);
    if (d == 0) return roll_forward(t);
    if (d > 0) {
      int64_t remaining = d;
      for (std::size_t i = first_ending_after(t); i < intervals_.size(); ++i) {
        const int64_t from = std::max(intervals_[i].first, t);
        const int64_t available = intervals_[i].second - from;
        if (available >= remaining) {
          const int64_t u = checked(from + remaining);
          return next_open ? roll_forward(u) : u;
        }
        remaining -= available;
        checked(intervals_[i].second);
      }
      throw OutOfRange("add past the model");
    }
    int64_t remaining = -d;
    for (std::size_t i = last_opening_before(t); i-- > 0;) {
      const int64_t to = std::min(intervals_[i].second, t);
      const int64_t available = to - intervals_[i].first;
      if (available >= remaining) return checked(to - remaining);
      remaining -= available;
      checked(intervals_[i].first);
    }
    throw OutOfRange("add before the model");
  }

  /// Business seconds in [a, b), negative when b < a: the sum of overlaps.
  int64_t between(int64_t a, int64_t b) const {
    if (b < a) return -between(b, a);
    check(a);
    check(b);
    int64_t sum = 0;
    for (std::size_t i = first_ending_after(a); i < intervals_.size() && intervals_[i].first < b;
         ++i)
      sum += std::min(intervals_[i].second, b) - std::max(intervals_[i].first, a);
    return sum;
  }

  // --- business days --------------------------------------------------------------------------

  /// numpy.busday_offset: roll a non-business date (modified conventions compare the month
  /// number within the year, as numpy's days_to_month_number does), then move n business days.
  Days advance(Days d, int n, Roll roll) const {
    if (!is_business_day(d)) {
      auto step_to_business = [&](Days x, int dir) {
        do x += days{dir};
        while (!is_business_day(x));
        return x;
      };
      auto month_of = [](Days x) { return unsigned(std::chrono::year_month_day{x}.month()); };
      switch (roll) {
        case Roll::raise:
          throw NotABusinessDay(format_date(d));
        case Roll::following:
          d = step_to_business(d, +1);
          break;
        case Roll::preceding:
          d = step_to_business(d, -1);
          break;
        case Roll::modified_following: {
          const Days f = step_to_business(d, +1);
          d = month_of(f) == month_of(d) ? f : step_to_business(d, -1);
          break;
        }
        case Roll::modified_preceding: {
          const Days p = step_to_business(d, -1);
          d = month_of(p) == month_of(d) ? p : step_to_business(d, +1);
          break;
        }
      }
    }
    for (; n > 0; --n) {
      do d += days{1};
      while (!is_business_day(d));
    }
    for (; n < 0; ++n) {
      do d -= days{1};
      while (!is_business_day(d));
    }
    return d;
  }

  // --- docs/semantics.md §2.2 durations
  // --------------------------------------------------------------------

  /// Nbd / -Nbd: roll forward (backward), take the local time of day within the owning date of
  /// the window that holds the rolled instant (the earliest owner when two windows hold it; the
  /// time of day may pass 24:00 for an overnight window), move N business days from that date,
  /// and clamp that time of day into the target's windows: before the first open → it, at or
  /// after the last close → it, inside a window → itself, in a break → the next open (forward)
  /// or the previous close (backward).
  int64_t add_business_days(int64_t t, int n, bool next_open) const {
    const bool forward = n >= 0;
    const int64_t t0 = forward ? roll_forward(t) : roll_backward(t);
    const Days owner = owner_of(t0, !forward);
    const int64_t time_of_day = zone_.to_local(t0) - local_midnight(owner);
    const Days target = advance(owner, n, Roll::following);
    const auto& ws = owned(target);
    const int64_t cand = zone_.to_instant(local_midnight(target) + time_of_day);
    int64_t result;
    if (cand <= ws.front().open) {
      result = ws.front().open;
    } else if (cand >= ws.back().close) {
      result = ws.back().close;
    } else {
      result = cand;
      for (std::size_t i = 0; i < ws.size(); ++i) {
        if (ws[i].open <= cand && cand < ws[i].close) break;  // inside: keep it
        if (i + 1 < ws.size() && ws[i].close <= cand && cand < ws[i + 1].open) {
          result = forward ? ws[i + 1].open : ws[i].close;
          break;
        }
      }
    }
    return finish(result, next_open);
  }

  /// eobd / eobd+N: the last close of the Nth business day after the date that owns the window
  /// holding roll_forward(t).
  int64_t add_end_of_business_day(int64_t t, int n, bool next_open) const {
    const Days owner = owner_of(roll_forward(t), false);
    const Days target = advance(owner, n, Roll::following);
    return finish(owned(target).back().close, next_open);
  }

  /// bd+N@HH:MM: that local time (gap/overlap rule) on the Nth business day after the date that
  /// owns the window holding roll_forward(t). Not moved by the landing: it is a wall-clock time.
  int64_t add_business_day_at(int64_t t, int n, std::chrono::minutes at) const {
    const Days owner = owner_of(roll_forward(t), false);
    const Days target = advance(owner, n, Roll::following);
    return zone_.to_instant(local_midnight(target) + at.count() * 60);
  }

  /// Which date owns a window holding t: [open, close) or, for `closed_end`, (open, close]; the
  /// earliest such date. Searched over local dates d-2 .. d+1 around t's local date d, wider
  /// than any normal zone needs: a skipped date (Pacific/Apia 2011-12-30) puts the owner two
  /// dates back, and a fall-back across midnight (America/St_Johns 2000-10-29) one date ahead.
  Days owner_of(int64_t t, bool closed_end) const {
    const Days local_day = date_of_local(zone_.to_local(t));
    for (Days d = local_day - days{2}; d <= local_day + days{1}; d += days{1})
      for (const auto& w : owned(d))
        if (closed_end ? (w.open < t && t <= w.close) : (w.open <= t && t < w.close)) return d;
    throw std::logic_error("reference: no window holds " + format_utc(t));
  }

  /// A readable dump of the definition, for mismatch reports.
  std::string describe() const { return describe_definition(def_); }

  static std::string clock(std::chrono::minutes m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(m.count() / 60),
                  static_cast<int>(m.count() % 60));
    return buf;
  }

  static std::string describe_windows(const sla::DayWindows& ws) {
    std::string s = "[";
    for (std::size_t i = 0; i < ws.size(); ++i) {
      if (i) s += ", ";
      s += clock(ws[i].open) + "-" +
           (ws[i].close > std::chrono::hours{24}
                ? clock(ws[i].close - std::chrono::hours{24}) + "+1d"
                : clock(ws[i].close));
    }
    return s + "]";
  }

  static std::string describe_definition(const sla::CalendarDefinition& def) {
    static const char* const kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    static const char* const kObs[] = {"none", "nearest_weekday", "sunday_to_monday",
                                       "next_weekday"};
    std::ostringstream o;
    o << "calendar '" << def.id << "' time_zone " << def.time_zone << "\n  weekly:";
    for (unsigned d = 0; d < 7; ++d)
      o << " " << kDays[d] << "=" << describe_windows(def.weekly[std::chrono::weekday{d}]);
    o << "\n";
    for (const auto& h : def.holidays) {
      o << "  holiday '" << h.name << "': ";
      if (h.kind == sla::HolidayRule::Kind::dates) {
        o << format_date(Days{h.first}) << ".." << format_date(Days{h.last});
      } else {
        if (h.kind == sla::HolidayRule::Kind::yearly_fixed)
          o << "yearly " << h.month << "/" << h.day;
        else
          o << "yearly nth " << h.nth << " " << kDays[h.weekday.c_encoding()] << " of month "
            << h.month;
        o << " observed " << kObs[static_cast<int>(h.observed)];
        if (h.since_year) o << " since " << *h.since_year;
        if (h.until_year) o << " until " << *h.until_year;
      }
      o << "\n";
    }
    for (const auto& m : def.workdays)
      o << "  workday " << format_date(Days{m.date}) << " "
        << (m.hours ? describe_windows(*m.hours) : std::string("(default hours)")) << "\n";
    if (def.workday_hours) o << "  workday_hours " << describe_windows(*def.workday_hours) << "\n";
    for (const auto& ov : def.overrides)
      o << "  override " << format_date(Days{ov.date}) << " " << describe_windows(ov.hours) << "\n";
    return o.str();
  }

 private:
  void check(int64_t t) const {
    if (t < t_lo_ || t >= t_hi_)
      throw OutOfRange("instant " + format_utc(t) + " outside the model");
  }
  int64_t checked(int64_t t) const {
    check(t);
    return t;
  }
  int64_t finish(int64_t result, bool next_open) const {
    check(result);
    return next_open && !is_open(result) ? roll_forward(result) : result;
  }
  // The merged intervals are sorted and disjoint, so both their opens and their closes are
  // sorted: a partition point finds where a linear walk starts.
  std::size_t first_ending_after(int64_t t) const {
    return static_cast<std::size_t>(
        std::partition_point(intervals_.begin(), intervals_.end(),
                             [t](const auto& iv) { return iv.second <= t; }) -
        intervals_.begin());
  }
  // One past the last interval that opens before t.
  std::size_t last_opening_before(int64_t t) const {
    return static_cast<std::size_t>(
        std::partition_point(intervals_.begin(), intervals_.end(),
                             [t](const auto& iv) { return iv.first < t; }) -
        intervals_.begin());
  }

  sla::CalendarDefinition def_;
  Zone zone_;
  Days first_, last_;
  std::map<Days, std::string> holidays_;
  sla::DayWindows makeup_default_;
  std::map<Days, std::vector<Window>> owned_;
  std::vector<std::pair<int64_t, int64_t>> raw_;
  std::vector<std::pair<int64_t, int64_t>> intervals_;
  int64_t t_lo_ = 0, t_hi_ = 0;
};

}  // namespace sla_ref
