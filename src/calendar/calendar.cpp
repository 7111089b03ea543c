// calendar/calendar.cpp — Calendar's arithmetic on compiled year tables.
//
// Every operation reduces to P(t) = business seconds between the start of t's year table and t,
// found by one binary search over the table's interval ends, and to its inverse, one binary
// search over the prefix sums. Crossing a year boundary adds the year's total (O(1) per year).
#include <fmt/format.h>

#include <algorithm>

#include "calendar/calendar_impl.hpp"
#include "sla/beyond_coverage.hpp"
#include "sla/calendar.hpp"
#include "sla/calendar_check.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"
#include "sla/words.hpp"

namespace sla {
namespace {

using detail::YearTable;
using std::int64_t;

int64_t secs(Instant t) { return t.time_since_epoch().count(); }
Instant instant(int64_t s) { return Instant{Seconds{s}}; }

// Index of the first interval whose end is after t (the interval holding t, or the next one).
std::size_t interval_after(const YearTable& y, int64_t t) {
  return static_cast<std::size_t>(std::upper_bound(y.ends.begin(), y.ends.end(), t) -
                                  y.ends.begin());
}

// P(t): business seconds in [y.begin, t), for t in [y.begin, y.end).
int64_t prefix(const YearTable& y, int64_t t) {
  const std::size_t i = interval_after(y, t);
  if (i == y.interval_count()) return y.total_seconds();
  return y.cum[i] + std::max<int64_t>(0, t - y.starts[i]);
}

// The instant u of table y with P(u) = target, the earliest one (lands on a close when the
// target is a window's last second). Requires 0 < target <= total.
int64_t earliest_with_prefix(const YearTable& y, int64_t target) {
  const auto j = static_cast<std::size_t>(std::lower_bound(y.cum.begin() + 1, y.cum.end(), target) -
                                          (y.cum.begin() + 1));
  return y.starts[j] + (target - y.cum[j]);
}

// The latest u with P(u) = target (an opening rather than the previous close).
// Requires 0 <= target < total.
int64_t latest_with_prefix(const YearTable& y, int64_t target) {
  const auto last = y.cum.begin() + static_cast<std::ptrdiff_t>(y.interval_count());
  const auto j =
      static_cast<std::size_t>(std::upper_bound(y.cum.begin(), last, target) - y.cum.begin()) - 1;
  return y.starts[j] + (target - y.cum[j]);
}

std::size_t day_index(const YearTable& y, detail::SysDays d) {
  return static_cast<std::size_t>((d - y.first_day).count());
}

// "calendar 'office': mon: windows 09:00-12:30 and 12:00-18:00 overlap": the problem, the
// calendar and the place in the definition.
std::string describe(const CalendarDefinition& d, const CalendarProblem& p) {
  using Part = CalendarProblem::Part;
  switch (p.part) {
    case Part::calendar:
      return fmt::format("calendar '{}' {}", d.id, p.message);
    case Part::time_zone:
      return fmt::format("calendar '{}': {}", d.id, p.message);
    case Part::weekly:
      return fmt::format("calendar '{}': {}: {}", d.id, to_string(p.weekday), p.message);
    case Part::workday_hours:
      return fmt::format("calendar '{}': workday_hours: {}", d.id, p.message);
    case Part::workday:
      return fmt::format("calendar '{}': workday {}: {}", d.id,
                         format_date(d.workdays[p.index].date), p.message);
    case Part::override_hours:
      return fmt::format("calendar '{}': override {}: {}", d.id,
                         format_date(d.overrides[p.index].date), p.message);
    case Part::covers:
      return fmt::format("calendar '{}': {}", d.id, p.message);
    case Part::holiday: {
      const std::string& name = d.holidays[p.index].name;
      return fmt::format("calendar '{}': {}: {}", d.id,
                         name.empty() ? fmt::format("holiday #{}", p.index + 1)
                                      : fmt::format("holiday '{}'", name),
                         p.message);
    }
  }
  return fmt::format("calendar '{}': {}", d.id, p.message);
}

// A position in the sequence of business days: the k-th (0-based) business day of `year`.
// k may be out of [0, total) until normalised.
struct BusinessDayOrdinal {
  const YearTable* year;
  int64_t k;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Impl: tables and their cache

Calendar::Impl::Impl(CalendarDefinition def, TimeZone tz)
    : definition(std::move(def)), zone(std::move(tz)), rules(definition) {
  if (const auto& covers = definition.covers) {
    limited = true;
    cover_first = detail::SysDays{covers->from};
    cover_last = detail::SysDays{covers->to};
    const auto midnight = [&](detail::SysDays d) {
      return secs(zone.to_instant(LocalTime{d.time_since_epoch()}));
    };
    cover_begin = midnight(cover_first);
    cover_end = midnight(cover_last + std::chrono::days{1});
  }
}

void Calendar::Impl::beyond(int64_t t) const {
  const auto local_day = std::chrono::floor<std::chrono::days>(zone.to_local(instant(t)));
  beyond_date(detail::SysDays{local_day.time_since_epoch()});
}

void Calendar::Impl::beyond_date(detail::SysDays date) const {
  const BeyondCoverageUse use{definition.id, *definition.covers, Date{date}, nullptr};
  if (definition.beyond == BeyondCoverage::error) throw Error(use.message());
  // Calendars are compiled into a shared_ptr (Calendar::compile): the use keeps this one alive.
  BeyondCoverageLog::record(use.calendar, use.covers, use.date, shared_from_this());
}

Calendar::Impl::~Impl() {
  delete totals_.load(std::memory_order_relaxed);
  Slots* slots = tables_.load(std::memory_order_relaxed);
  if (slots == nullptr) return;
  for (auto& slot : *slots) delete slot.load(std::memory_order_relaxed);
  delete slots;
}

void Calendar::Impl::check_year(int y) const {
  if (y < kFirstYear || y > kLastYear)
    throw Error(fmt::format("calendar '{}': year {} is outside the supported years {}-{}",
                            definition.id, y, kFirstYear, kLastYear));
}

Calendar::Impl::YearTotals Calendar::Impl::totals(int y) const {
  check_year(y);
  const auto index = static_cast<std::size_t>(y - kFirstYear);
  if (const Slots* slots = tables_.load(std::memory_order_acquire))
    if (const YearTable* t = (*slots)[index].load(std::memory_order_acquire)) return totals_of(*t);
  constexpr std::int64_t kUnknown = -1;
  if (const TotalSlots* known = totals_.load(std::memory_order_acquire)) {
    const std::int64_t packed = (*known)[index].load(std::memory_order_acquire);
    if (packed != kUnknown)
      return {y, packed & 0xffffffff, static_cast<std::int32_t>(packed >> 32)};
  }
  const YearTable built = detail::build_year_table(rules, zone, y, kFirstDay);
  std::lock_guard lock(build_mutex_);
  TotalSlots* known = totals_.load(std::memory_order_relaxed);
  if (known == nullptr) {
    known = new TotalSlots;
    for (auto& slot : *known) slot.store(kUnknown, std::memory_order_relaxed);
    totals_.store(known, std::memory_order_release);
  }
  // A year holds at most 366 × 86,400 seconds (< 2^32) and 366 business days.
  (*known)[index].store((std::int64_t{built.total_business_days()} << 32) | built.total_seconds(),
                        std::memory_order_release);
  return totals_of(built);
}

const detail::YearTable& Calendar::Impl::year(int y) const {
  check_year(y);
  const auto index = static_cast<std::size_t>(y - kFirstYear);
  if (const Slots* slots = tables_.load(std::memory_order_acquire))
    if (const YearTable* t = (*slots)[index].load(std::memory_order_acquire)) return *t;
  std::lock_guard lock(build_mutex_);
  Slots* slots = tables_.load(std::memory_order_relaxed);
  if (slots == nullptr) {
    slots = new Slots{};
    tables_.store(slots, std::memory_order_release);
  }
  auto& slot = (*slots)[index];
  if (const YearTable* t = slot.load(std::memory_order_relaxed)) return *t;
  auto* built = new YearTable(detail::build_year_table(rules, zone, y, kFirstDay));
  slot.store(built, std::memory_order_release);
  return *built;
}

const detail::YearTable& Calendar::Impl::table_at(int64_t t) const {
  // Instants more than a day outside the supported dates are rejected before any civil
  // conversion (which would overflow for instants far from the epoch).
  using std::chrono::days;
  constexpr int64_t kLowest = (kFirstDay - days{1}).time_since_epoch().count() * 86400;
  constexpr int64_t kHighest = (kLastDay + days{2}).time_since_epoch().count() * 86400;
  if (t < kLowest || t >= kHighest)
    throw Error(fmt::format("calendar '{}': instant {} is outside the supported years {}-{}",
                            definition.id, format_instant(instant(t), TimeZone::utc()), kFirstYear,
                            kLastYear));
  // The UTC year is within one of the local year (offsets are under a day). Near the ends of
  // the supported range the UTC year may lie outside it while the local year does not.
  const auto utc_day = std::chrono::floor<std::chrono::days>(instant(t));
  const int guess = std::clamp(static_cast<int>(Date{utc_day}.year()), kFirstYear, kLastYear);
  const YearTable* y = &year(guess);
  if (t < y->begin) return year(guess - 1);
  if (t >= y->end) return year(guess + 1);
  return *y;
}

const detail::YearTable& Calendar::Impl::next(const YearTable& t, int& empty_run) const {
  return year(next(totals_of(t), empty_run).year);
}

const detail::YearTable& Calendar::Impl::previous(const YearTable& t, int& empty_run) const {
  return year(previous(totals_of(t), empty_run).year);
}

Calendar::Impl::YearTotals Calendar::Impl::next(const YearTotals& t, int& empty_run) const {
  empty_run = t.seconds == 0 ? empty_run + 1 : 0;
  if (empty_run >= kMaxEmptyYears)
    throw Error(fmt::format("calendar '{}' has no open time in the {} years {}-{}", definition.id,
                            kMaxEmptyYears, t.year - kMaxEmptyYears + 1, t.year));
  return totals(t.year + 1);
}

Calendar::Impl::YearTotals Calendar::Impl::previous(const YearTotals& t, int& empty_run) const {
  empty_run = t.seconds == 0 ? empty_run + 1 : 0;
  if (empty_run >= kMaxEmptyYears)
    throw Error(fmt::format("calendar '{}' has no open time in the {} years {}-{}", definition.id,
                            kMaxEmptyYears, t.year, t.year + kMaxEmptyYears - 1));
  return totals(t.year - 1);
}

// ---------------------------------------------------------------------------------------------
// Construction and accessors

Calendar Calendar::compile(const CalendarDefinition& definition) {
  const std::vector<CalendarProblem> problems = check(definition);
  if (!problems.empty()) throw Error(describe(definition, problems.front()));
  return Calendar(std::make_shared<Impl>(definition, TimeZone::locate(definition.time_zone)));
}

const std::string& Calendar::id() const { return impl_->definition.id; }
const TimeZone& Calendar::time_zone() const { return impl_->zone; }
const CalendarDefinition& Calendar::definition() const { return impl_->definition; }

// ---------------------------------------------------------------------------------------------
// Instants

// Coverage is checked after table_at, which refuses instants outside the supported years before
// anything converts them to civil time.
bool Calendar::is_open(Instant t) const {
  const YearTable& y = impl_->table_at(secs(t));
  impl_->need(secs(t), secs(t));
  const std::size_t i = interval_after(y, secs(t));
  return i < y.interval_count() && y.starts[i] <= secs(t);
}

// roll_forward(t) = u needs [t, u]: the closed time before u, and u itself, open.
// roll_backward(t) = u needs [u - 1s, t - 1s]: the open second before the close u, and the closed
// time after it.
Instant Calendar::roll_forward(Instant t) const {
  const YearTable* y = &impl_->table_at(secs(t));
  const std::size_t i = interval_after(*y, secs(t));
  int64_t u = 0;
  if (i < y->interval_count()) {
    u = std::max(secs(t), y->starts[i]);
  } else {
    int empty_run = 0;
    do y = &impl_->next(*y, empty_run);
    while (y->interval_count() == 0);
    u = y->starts.front();
  }
  impl_->need(secs(t), u);
  return instant(u);
}

Instant Calendar::roll_backward(Instant t) const {
  const YearTable* y = &impl_->table_at(secs(t));
  // The last interval that opens before t: t is inside (open, close] of it, or after its close.
  const auto i = std::lower_bound(y->starts.begin(), y->starts.end(), secs(t)) - y->starts.begin();
  int64_t u = 0;
  if (i > 0) {
    u = std::min(secs(t), y->ends[static_cast<std::size_t>(i - 1)]);
  } else {
    int empty_run = 0;
    do y = &impl_->previous(*y, empty_run);
    while (y->interval_count() == 0);
    u = y->ends.back();
  }
  impl_->need(u - 1, secs(t) - 1);
  return instant(u);
}

Instant Calendar::add(Instant t, Seconds d, Landing landing) const {
  if (d == Seconds{0}) return roll_forward(t);
  if (d.count() > Impl::kMaxSpanSeconds || d.count() < -Impl::kMaxSpanSeconds)
    throw Error(
        fmt::format("calendar '{}': a business duration of {} s cannot end within the "
                    "supported years {}-{}",
                    id(), d.count(), Impl::kFirstYear, Impl::kLastYear));
  const YearTable* y = &impl_->table_at(secs(t));
  int empty_run = 0;
  int64_t target = prefix(*y, secs(t)) + d.count();  // P(result), counted from y's start
  // Whole years are skipped by their totals; only the year the result lies in needs a table.
  if (d > Seconds{0}) {
    if (target > y->total_seconds()) {
      Impl::YearTotals at = Impl::totals_of(*y);
      do {
        target -= at.seconds;
        at = impl_->next(at, empty_run);
      } while (target > at.seconds);
      y = &impl_->year(at.year);
    }
    const Instant u = instant(earliest_with_prefix(*y, target));
    // The business time [t, u) decides u (the close it lands on belongs to the time before it).
    impl_->need(secs(t), secs(u) - 1);
    // next_open: a result on a close (outside every window) moves to the next opening.
    return landing == Landing::next_open ? roll_forward(u) : u;
  }
  if (target < 0) {  // d < 0
    Impl::YearTotals at = Impl::totals_of(*y);
    do {
      at = impl_->previous(at, empty_run);
      target += at.seconds;
    } while (target < 0);
    y = &impl_->year(at.year);
  }
  const int64_t u = latest_with_prefix(*y, target);
  impl_->need(u, secs(t) - 1);  // the business time [u, t)
  return instant(u);
}

Seconds Calendar::between(Instant a, Instant b) const {
  if (b < a) return -between(b, a);
  const YearTable* ya = &impl_->table_at(secs(a));
  const YearTable& yb = impl_->table_at(secs(b));
  impl_->need(secs(a), std::max(secs(a), secs(b) - 1));  // B(a, b) is the time [a, b)
  if (ya->year == yb.year) return Seconds{prefix(yb, secs(b)) - prefix(*ya, secs(a))};
  int64_t sum = ya->total_seconds() - prefix(*ya, secs(a));
  for (int year = ya->year + 1; year < yb.year; ++year) sum += impl_->totals(year).seconds;
  return Seconds{sum + prefix(yb, secs(b))};
}

// ---------------------------------------------------------------------------------------------
// Dates and business days

namespace {

const YearTable& table_of(const Calendar::Impl& impl, Date date) {
  if (!date.ok()) throw Error("invalid date " + format_date(date));
  return impl.year(static_cast<int>(date.year()));
}

BusinessDayOrdinal normalise(const Calendar::Impl& impl, BusinessDayOrdinal o) {
  if (o.k >= 0 && o.k < o.year->total_business_days()) return o;
  int empty_run = 0;
  Calendar::Impl::YearTotals at = Calendar::Impl::totals_of(*o.year);
  while (o.k >= at.business_days) {
    o.k -= at.business_days;
    at = impl.next(at, empty_run);
  }
  while (o.k < 0) {
    at = impl.previous(at, empty_run);
    o.k += at.business_days;
  }
  o.year = &impl.year(at.year);
  return o;
}

detail::SysDays date_of(const Calendar::Impl& impl, BusinessDayOrdinal o) {
  o = normalise(impl, o);
  const auto& before = o.year->bdays_before;
  const auto i = std::upper_bound(before.begin(), before.end(), o.k) - before.begin() - 1;
  return o.year->first_day + std::chrono::days{i};
}

// The ordinal of `d` if it is a business day, else of the next (following) or previous one.
BusinessDayOrdinal ordinal_of(const Calendar::Impl& impl, detail::SysDays d, bool following) {
  const YearTable& y = table_of(impl, Date{d});
  const std::size_t i = day_index(y, d);
  const bool business = y.days[i].window_count > 0;
  return {&y, y.bdays_before[i] - ((business || following) ? 0 : 1)};
}

}  // namespace

bool Calendar::is_business_day(Date date) const {
  const YearTable& y = table_of(*impl_, date);
  impl_->need_dates(detail::SysDays{date}, detail::SysDays{date});
  return y.days[day_index(y, detail::SysDays{date})].window_count > 0;
}

Date Calendar::advance(Date date, int n, RollConvention roll) const {
  const detail::SysDays d{date};
  BusinessDayOrdinal start{};
  switch (roll) {
    case RollConvention::raise:
      if (!is_business_day(date))
        throw Error(
            fmt::format("{} is not a business day of calendar '{}'", format_date(date), id()));
      [[fallthrough]];
    case RollConvention::following:
      start = ordinal_of(*impl_, d, true);
      break;
    case RollConvention::preceding:
      start = ordinal_of(*impl_, d, false);
      break;
    case RollConvention::modified_following:
    case RollConvention::modified_preceding: {
      const bool following_first = roll == RollConvention::modified_following;
      start = ordinal_of(*impl_, d, following_first);
      if (Date{date_of(*impl_, start)}.month() != date.month())
        start = ordinal_of(*impl_, d, !following_first);
      break;
    }
  }
  // The dates it needs: the date given, the business day it rolled to and the result (every
  // date between them is then covered too).
  if (impl_->definition.covers) {
    const detail::SysDays rolled = date_of(*impl_, start);
    impl_->need_dates(std::min(d, rolled), std::max(d, rolled));
  }
  start.k += n;
  const detail::SysDays result = date_of(*impl_, start);
  impl_->need_dates(std::min(d, result), std::max(d, result));
  return Date{result};
}

// ---------------------------------------------------------------------------------------------
// Windows

namespace {

// The windows owned by `d`, as a contiguous range of the year table.
std::pair<const OpenWindow*, const OpenWindow*> owned_windows(const Calendar::Impl& impl,
                                                              detail::SysDays d) {
  const YearTable& y = table_of(impl, Date{d});
  const detail::DayEntry& e = y.days[day_index(y, d)];
  const OpenWindow* first = y.day_windows.data() + e.first_window;
  return {first, first + e.window_count};
}

// The window holding t: open <= t < close (or open < t <= close when `closed_end`), owned by the
// local date of t or the date before (an overnight window). Zones that change their clocks
// across midnight stretch this by a date either way:
//   * a skipped date puts the owner two dates back: Pacific/Apia has no 2011-12-30, so a window
//     of the 29th closing at 24:00 closes at the first instant of the 31st;
//   * a fall-back across midnight makes the local date run backwards: America/St_Johns went
//     from 2000-10-29 00:00:59 back to 2000-10-28 23:01, so an instant reading 10-28 23:31 lies
//     in a window of the 29th that opened before it.
// The earliest owner wins. Throws sla::Error if no window holds t (t comes from a roll, so this
// would be a bug).
detail::SysDays owner_of(const Calendar::Impl& impl, Instant t, bool closed_end) {
  using std::chrono::days;
  const auto local_day = std::chrono::floor<days>(impl.zone.to_local(t));
  const detail::SysDays today{local_day.time_since_epoch()};
  for (const detail::SysDays d : {today - days{2}, today - days{1}, today, today + days{1}}) {
    // The calendar starts at 1900-01-01 00:00 and ends with 2399-12-31.
    if (d < Calendar::Impl::kFirstDay || d > Calendar::Impl::kLastDay) continue;
    auto [first, last] = owned_windows(impl, d);
    for (auto w = first; w != last; ++w)
      if (closed_end ? (w->open < t && t <= w->close) : (w->open <= t && t < w->close)) return d;
  }
  throw Error(fmt::format("calendar '{}': no window holds {}", impl.definition.id,
                          format_instant(t, impl.zone)));
}

// A civil time of day on business day `d` (seconds since d's local midnight, may pass 24h),
// clamped into d's windows: before the first open → it; after the last close → it; in a break
// between windows → the next open (forward) or the previous close (backward).
Instant clamp_into_day(const Calendar::Impl& impl, detail::SysDays d, Seconds time_of_day,
                       bool forward) {
  auto [first, last] = owned_windows(impl, d);
  const Instant candidate = impl.zone.to_instant(LocalTime{d.time_since_epoch()} + time_of_day);
  if (candidate <= first->open) return first->open;
  if (candidate >= (last - 1)->close) return (last - 1)->close;
  for (auto w = first; w != last; ++w) {
    if (candidate < w->open) return forward ? w->open : (w - 1)->close;
    if (candidate < w->close) return candidate;
  }
  return (last - 1)->close;
}

}  // namespace

Instant Calendar::add(Instant t, const DurationSpec& d, Landing landing) const {
  using Kind = DurationSpec::Kind;
  Instant result{};
  switch (d.kind) {
    case Kind::business:
      // "-0h" is roll_backward(t) (docs/semantics.md §2.1), which seconds alone cannot say.
      if (d.business == Seconds{0} && d.backward) return roll_backward(t);
      return add(t, d.business, landing);
    case Kind::calendar_days: {
      // Wall time: it needs no date's hours, so `covers` does not limit it. Still refused outside
      // the supported years rather than wrapping silently.
      const Instant wall = t + std::chrono::days{d.days};
      (void)impl_->table_at(secs(wall));
      return wall;
    }
    case Kind::business_days: {
      const bool forward = !d.backward && d.days >= 0;
      const Instant t0 = forward ? roll_forward(t) : roll_backward(t);
      const detail::SysDays owner = owner_of(*impl_, t0, !forward);
      const Seconds time_of_day = impl_->zone.to_local(t0) - LocalTime{owner.time_since_epoch()};
      const Date target = advance(Date{owner}, d.days, RollConvention::following);
      result = clamp_into_day(*impl_, detail::SysDays{target}, time_of_day, forward);
      break;
    }
    case Kind::end_of_business_day:
    case Kind::business_day_at: {
      const Instant t0 = roll_forward(t);
      const detail::SysDays owner = owner_of(*impl_, t0, false);
      const detail::SysDays target{advance(Date{owner}, d.days, RollConvention::following)};
      if (d.kind == Kind::business_day_at)
        return impl_->zone.to_instant(LocalTime{target.time_since_epoch()} + d.at);
      result = (owned_windows(*impl_, target).second - 1)->close;
      break;
    }
  }
  if (landing == Landing::next_open && !is_open(result)) return roll_forward(result);
  return result;
}

std::vector<OpenWindow> Calendar::windows(Instant from, Instant to) const {
  std::vector<OpenWindow> out;
  if (!(from < to)) return out;
  // Both ends must lie in the supported years (throws otherwise); `to` is exclusive.
  impl_->table_at(secs(from));
  impl_->table_at(secs(to) - 1);
  impl_->need(secs(from), secs(to) - 1);
  // Windows owned by a date lie within its local midnight + 48 h, so start one date early; end
  // one date late because a fall-back across midnight can make `to` read the day before a date
  // whose window has already opened (see owner_of). Stay within the supported dates.
  const auto first = std::chrono::floor<std::chrono::days>(impl_->zone.to_local(from));
  const auto last = std::chrono::floor<std::chrono::days>(impl_->zone.to_local(to));
  const detail::SysDays first_day =
      std::max(detail::SysDays{first.time_since_epoch()} - std::chrono::days{1}, Impl::kFirstDay);
  const detail::SysDays last_day =
      std::min(detail::SysDays{last.time_since_epoch()} + std::chrono::days{1}, Impl::kLastDay);
  for (detail::SysDays d = first_day; d <= last_day; d += std::chrono::days{1}) {
    auto [w, end] = owned_windows(*impl_, d);
    for (; w != end; ++w)
      if (w->close > from && w->open < to) out.push_back(*w);
  }
  return out;
}

DaySchedule Calendar::schedule(Date date) const {
  const YearTable& y = table_of(*impl_, date);
  impl_->need_dates(detail::SysDays{date}, detail::SysDays{date});
  const detail::DayEntry& e = y.days[day_index(y, detail::SysDays{date})];
  DaySchedule s;
  s.date = date;
  s.kind = e.kind;
  if (e.name) s.name = *e.name;
  s.windows.assign(y.day_windows.begin() + e.first_window,
                   y.day_windows.begin() + e.first_window + e.window_count);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Batches
//
// The batch does add()'s work with binary searches that do not branch on the comparison. A
// batch holds many distinct instants in no particular order, where a branching search
// mispredicts about every other step: on a year's ~500 intervals the branch-free form takes
// 12 ns a search against 36 ns (5 million random instants). add() itself keeps std's searches,
// which win when the same few instants come back (the predictor learns them, as in
// bench/calendar_bench.cpp's 4096 repeated starts: 25 ns an add against 43 ns branch-free).

namespace {

// std::partition_point over int64s without a branch on `below`; the multiplication keeps GCC
// from turning the select back into a branch, as it does with `cond ? first + half : first`.
template <class Below>
const int64_t* partition_point_branchless(const int64_t* first, const int64_t* last, Below below) {
  auto n = static_cast<std::size_t>(last - first);
  if (n == 0) return first;
  while (n > 1) {
    const std::size_t half = n / 2;
    first += static_cast<std::size_t>(below(first[half - 1])) * half;
    n -= half;
  }
  return below(*first) ? first + 1 : first;
}

// prefix(y, t), branch-free.
int64_t prefix_branchless(const YearTable& y, int64_t t) {
  const int64_t* ends = y.ends.data();
  const auto i = static_cast<std::size_t>(
      partition_point_branchless(ends, ends + y.ends.size(), [t](int64_t e) { return e <= t; }) -
      ends);
  if (i == y.interval_count()) return y.total_seconds();
  return y.cum[i] + std::max<int64_t>(0, t - y.starts[i]);
}

// The interval holding earliest_with_prefix(y, target): the first j with cum[j + 1] >= target.
std::size_t interval_reaching_branchless(const YearTable& y, int64_t target) {
  const int64_t* cum = y.cum.data();
  return static_cast<std::size_t>(
      partition_point_branchless(cum + 1, cum + y.cum.size(),
                                 [target](int64_t c) { return c < target; }) -
      (cum + 1));
}

}  // namespace

void Calendar::add(std::span<const Instant> starts, std::span<const Seconds> durations,
                   std::span<Instant> out, Landing landing) const {
  if (starts.size() != durations.size() || starts.size() != out.size())
    throw Error(
        fmt::format("calendar '{}': add over {} starts, {} durations and {} results: "
                    "the sizes must be equal",
                    id(), starts.size(), durations.size(), out.size()));
  constexpr Instant kMissing = Instant::min();
  const YearTable* y = nullptr;  // the previous element's table: most inputs share a year
  std::size_t i = 0;
  try {
    for (; i < starts.size(); ++i) {
      const Instant t = starts[i];
      const Seconds d = durations[i];
      if (t == kMissing || d == Seconds::min()) {
        out[i] = kMissing;
        continue;
      }
      const int64_t s = secs(t);
      if (y == nullptr || s < y->begin || s >= y->end) y = &impl_->table_at(s);
      const int64_t target = prefix_branchless(*y, s) + d.count();
      if (d > Seconds{0} && target <= y->total_seconds()) {
        // add()'s forward case within t's year; the interval index found for the result also
        // gives next_open's answer (intervals are merged: a close is never inside a window).
        const std::size_t j = interval_reaching_branchless(*y, target);
        int64_t u = y->starts[j] + (target - y->cum[j]);
        if (landing == Landing::next_open && u == y->ends[j])
          u = j + 1 < y->interval_count() ? y->starts[j + 1] : secs(roll_forward(instant(u)));
        out[i] = instant(u);
      } else if (d < Seconds{0} && target >= 0) {
        out[i] = instant(latest_with_prefix(*y, target));  // add()'s backward case, same year
      } else {
        out[i] = add(t, d, landing);  // zero, or across a year boundary
      }
    }
  } catch (const Error& e) {
    throw Error(fmt::format("element {}: {}", i, e.what()));
  }
}

}  // namespace sla
