// The periods of obligations (engine/obligations.hpp). Periods are cut in civil time — local
// month boundaries, or the contract's local date plus whole months — and put on the time line by
// the obligation calendar's zone (gap → its end, overlap → the earlier instant); a period of a
// duration is added on the calendar itself. Each period costs a zone conversion or a calendar
// operation, and the event log is walked once per obligation.
#include "engine/obligations.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/evaluation_limit.hpp"
#include "sla/iso8601.hpp"

namespace sla::engine {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
constexpr Seconds kSecond{1};

// At most this many periods are reported per evaluation, all obligations together: a daily
// obligation over 270 years. Past it the evaluation fails with `period_limit` instead of
// taking memory and time in proportion to a contract's age divided by its shortest period.
constexpr std::size_t kMaxPeriods = 100'000;

// The date a `before` event names: a date of the calendars' supported years, or why not.
Parsed<Date> named_date(const TicketEvent& e) {
  Parsed<Date> date = try_parse_date(e.to);
  if (!date) return date;
  const int year = static_cast<int>(date->year());
  if (year < kFirstCalendarYear || year > kLastCalendarYear)
    return Parsed<Date>::failure(fmt::format("{} is outside the years calendars compute in ({}-{})",
                                             e.to, kFirstCalendarYear, kLastCalendarYear));
  return date;
}

LocalTime local_midnight(Date d) { return LocalTime{sys_days{d}.time_since_epoch()}; }

Date local_date(const TimeZone& zone, Instant t) {
  return Date{sys_days{std::chrono::floor<days>(zone.to_local(t)).time_since_epoch()}};
}

// Months counted from year 0: 12 × year + (month − 1).
long long month_index(Date d) {
  return 12LL * static_cast<int>(d.year()) + static_cast<unsigned>(d.month()) - 1;
}

Date first_of_month(long long index) {
  const long long year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  const auto month = static_cast<unsigned>(index - 12 * year + 1);
  return Date{std::chrono::year{static_cast<int>(year)}, std::chrono::month{month},
              std::chrono::day{1}};
}

// `d` plus `n` months; a day the month does not have clamps to its last (Jan 31 + 1 = Feb 28).
Date add_months(Date d, long long n) {
  const std::chrono::year_month ym =
      std::chrono::year_month{d.year(), d.month()} + std::chrono::months{n};
  const std::chrono::day last = (ym / std::chrono::last).day();
  return ym / std::min(d.day(), last);
}

// Where the periods of a periodic obligation end: boundary(k) is the end of period k (k >= 1)
// and the start of period k + 1; period 1 starts at the contract's start.
class Boundaries {
 public:
  Boundaries(const Obligation& rule, const Calendar& calendar, Instant created)
      : rule_(rule), calendar_(calendar), created_(created) {
    const TimeZone& zone = calendar.time_zone();
    created_date_ = local_date(zone, created);
    time_of_day_ = zone.to_local(created) - local_midnight(created_date_);
    if (rule.every.kind == ObligationPeriod::Kind::months &&
        rule.anchor == ObligationAnchor::calendar) {
      const long long n = rule.every.months;
      const long long m = month_index(created_date_);
      first_ = m - ((m % n) + n) % n;  // the aligned period holding created's local date
      // A clock that falls back across midnight can make created read a date whose period has
      // already ended on the time line: then the first period is the next one.
      while (month_start(first_ + n) <= created) first_ += n;
    }
  }

  /// The end of period k, given its start (the end of period k - 1).
  Instant end(long long k, Instant start) const {
    const TimeZone& zone = calendar_.time_zone();
    if (rule_.every.kind == ObligationPeriod::Kind::duration)
      return calendar_.add(start, rule_.every.duration);
    const long long n = rule_.every.months;
    if (rule_.anchor == ObligationAnchor::calendar) return month_start(first_ + k * n);
    return zone.to_instant(local_midnight(add_months(created_date_, k * n)) + time_of_day_);
  }

 private:
  Instant month_start(long long index) const {
    return calendar_.time_zone().to_instant(local_midnight(first_of_month(index)));
  }

  const Obligation& rule_;
  const Calendar& calendar_;
  Instant created_;
  Date created_date_{};
  Seconds time_of_day_{0};
  long long first_ = 0;  ///< calendar anchor: the month index the first period is aligned to
};

class ObligationRun {
 public:
  ObligationRun(const ObligationPlan& plan, const Calendar& calendar, const Ticket& ticket,
                std::span<const int> type, Instant now, Evaluation& out)
      : plan_(plan), calendar_(calendar), ticket_(ticket), type_(type), now_(now), out_(out) {
    // No period starts at or after the first `until` event.
    for (std::size_t k = 0; k < type_.size() && !until_; ++k)
      if (seen(k) && plan_.ends(type_[k])) until_ = ticket_.events[k].at;
  }

  void periodic() {
    const Boundaries boundaries(*plan_.rule, calendar_, ticket_.created);
    Instant start = ticket_.created;
    std::size_t cursor = 0;  // met_by events before it are used or too early
    for (long long k = 1;; ++k) {
      if (start > now_) {
        wake(start);
        return;
      }
      if (until_ && start >= *until_) return;
      const Instant end = boundaries.end(k, start);
      // The first met_by event in [start, end]; one used by a period is not used again (an event
      // exactly on a boundary meets the period that ends there).
      std::optional<Instant> met;
      for (; cursor < type_.size(); ++cursor) {
        if (!seen(cursor) || !plan_.meets(type_[cursor])) continue;
        const Instant at = ticket_.events[cursor].at;
        if (at > end) break;
        if (at >= start) {
          met = at;
          ++cursor;
          break;
        }
      }
      report(static_cast<int>(k), start, end, met);
      start = end;
    }
  }

  void dated() {
    int occurrence = 0;
    for (std::size_t k = 0; k < type_.size(); ++k) {
      if (!seen(k) || type_[k] != plan_.before) continue;
      const Instant opened = ticket_.events[k].at;
      if (until_ && opened >= *until_) continue;
      const Parsed<Date> date = named_date(ticket_.events[k]);
      if (!date) continue;  // reported once per event, as bad_date
      const Instant midnight = calendar_.time_zone().to_instant(local_midnight(*date));
      const Instant due = before(midnight);
      report(++occurrence, opened, due, first_met_between(k, opened, due));
    }
  }

 private:
  // Events after `now` are not seen; rejected ones have no type.
  bool seen(std::size_t k) const { return type_[k] != kNone && ticket_.events[k].at <= now_; }

  // Midnight − lead: calendar days on the wall clock, business time and days on the calendar.
  Instant before(Instant midnight) const {
    const DurationSpec& lead = plan_.rule->lead;
    const bool zero =
        lead.kind == DurationSpec::Kind::business ? lead.business == Seconds{0} : lead.days == 0;
    if (zero) return midnight;
    if (lead.kind == DurationSpec::Kind::calendar_days) return midnight - days{lead.days};
    return calendar_.add(midnight, lead.negated());
  }

  // The first met_by event in [from, to] (the log is in time order; the events at `from` may be
  // written before event k, which is at `from` itself).
  std::optional<Instant> first_met_between(std::size_t k, Instant from, Instant to) const {
    std::size_t first = k;
    for (std::size_t i = k; i-- > 0;) {
      if (type_[i] == kNone) continue;
      if (ticket_.events[i].at < from) break;
      first = i;
    }
    for (std::size_t i = first; i < type_.size(); ++i) {
      if (!seen(i)) continue;
      const Instant at = ticket_.events[i].at;
      if (at > to) break;
      if (at >= from && plan_.meets(type_[i])) return at;
    }
    return std::nullopt;
  }

  void report(int number, Instant start, Instant due, std::optional<Instant> met) {
    ObligationOutcome o;
    o.id = plan_.rule->id;
    o.period = number;
    o.start = start;
    o.due = due;
    o.met_at = met;
    o.zone = &calendar_.time_zone();
    if (met) {
      o.state = ObligationState::met;
    } else if (now_ > due) {
      o.state = ObligationState::missed;
      o.breached_at = due;
    } else {
      o.state = ObligationState::running;
    }
    if (out_.obligations.size() >= kMaxPeriods)
      throw EvaluationLimit(
          "period_limit",
          fmt::format("obligation '{}' would report more than {} periods by {} (the contract "
                      "ticket started "
                      "{}): periods this short over a contract this long are not evaluated",
                      o.id, kMaxPeriods, format_instant(now_, calendar_.time_zone()),
                      format_instant(ticket_.created, calendar_.time_zone())));
    out_.obligations.push_back(o);
    // Its end (where the next period starts) and, unmet, the second it turns missed.
    wake(due);
    if (!met) wake(due + kSecond);
  }

  void wake(Instant t) {
    if (t > now_ && (!out_.next_wakeup || t < *out_.next_wakeup)) out_.next_wakeup = t;
  }

  const ObligationPlan& plan_;
  const Calendar& calendar_;
  const Ticket& ticket_;
  std::span<const int> type_;
  Instant now_;
  Evaluation& out_;
  std::optional<Instant> until_;
};

// Events that should name a date and do not: reported once each (the whole log, like the other
// event diagnostics), and ignored.
void check_dates(const PolicyPlan& policy, const Ticket& ticket, std::span<const int> type,
                 Evaluation& out) {
  for (std::size_t k = 0; k < type.size(); ++k) {
    if (type[k] == kNone || policy.names_date[static_cast<std::size_t>(type[k])] == 0) continue;
    const TicketEvent& e = ticket.events[k];
    const Parsed<Date> date = named_date(e);
    if (date) continue;
    out.diagnostics.push_back(
        {EvaluationDiagnostic::Severity::warning, static_cast<int>(k), "bad_date",
         e.to.empty() ? fmt::format("event {} ('{}') names no date in 'to' (YYYY-MM-DD, the date "
                                    "an obligation is due before); it is ignored",
                                    k, e.type)
                      : fmt::format("event {} ('{}') names no date in 'to': {}; it is ignored", k,
                                    e.type, date.error)});
  }
}

}  // namespace

void evaluate_obligations(const PolicyPlan& policy, int tier, const Ticket& ticket,
                          std::span<const int> event_type, Instant now, Evaluation& out) {
  if (policy.obligations.empty()) return;
  check_dates(policy, ticket, event_type, out);
  if (now < ticket.created) return;  // the contract has not started: no period yet
  for (const ObligationPlan& o : policy.obligations) {
    const Calendar& calendar = *o.calendar[static_cast<std::size_t>(tier)];
    ObligationRun run(o, calendar, ticket, event_type, now, out);
    if (o.rule->kind == Obligation::Kind::periodic)
      run.periodic();
    else
      run.dated();
  }
}

}  // namespace sla::engine
