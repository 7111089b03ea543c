// sla/obligation.hpp — a recurring duty of a contract: an inspection every quarter, an evaluation
// every half year, an inspection before each key period the client names (rules/README.md,
// "obligations").
//
// Obligations are per contract, not per fault. They are evaluated on a *contract ticket*: its
// `created` is the contract's start and its events are what was done (`inspection_done`).
// sla/engine.hpp states how periods are cut and judged; in short:
//
//   periodic (`every`)  consecutive periods [start, end), each due at its end and met by the
//                       first `met_by` event in [start, end]. anchor: calendar aligns them to
//                       the calendar's months in its zone (quarter = Jan/Apr/Jul/Oct 1, local
//                       midnight; the first one starts at `created`); anchor: contract counts
//                       them from `created` (months added to its local date, the 31st clamped to
//                       a shorter month's last day; a duration added on the obligation's
//                       calendar).
//   dated (`before`)    each event of type `before` (at instant a) names a date D in `to`; it
//                       opens an occurrence [a, due) with due = D's local midnight - `lead`.
//
// Example (hardware maintenance, Asia/Shanghai): a contract created 2026-02-10 with
// `every: quarter` has periods [02-10, 04-01), [04-01, 07-01), ... — an inspection on 03-20
// meets the first; none by 07-01 00:00 misses the second (breached_at = 07-01 00:00+08:00).
#pragma once

#include <string>
#include <vector>

#include "sla/duration_spec.hpp"

namespace sla {

/// How long one period of a periodic obligation lasts: a number of calendar months (month,
/// quarter, half_year, year) or a duration in days (`90cd`, `30bd`).
struct ObligationPeriod {
  enum class Kind { months, duration };

  Kind kind = Kind::months;
  int months = 1;           ///< Kind::months: 1, 3, 6 or 12
  DurationSpec duration{};  ///< Kind::duration: Ncd or Nbd, N > 0

  static ObligationPeriod month() { return {Kind::months, 1, {}}; }
  static ObligationPeriod quarter() { return {Kind::months, 3, {}}; }
  static ObligationPeriod half_year() { return {Kind::months, 6, {}}; }
  static ObligationPeriod year() { return {Kind::months, 12, {}}; }
  /// `90cd`, `30bd`: anchored to the contract only.
  static ObligationPeriod of(DurationSpec days) { return {Kind::duration, 0, days}; }

  /// As the rules write it: "month", "quarter", "half_year", "year", "90cd".
  std::string to_string() const;

  friend bool operator==(const ObligationPeriod&, const ObligationPeriod&) = default;
};

/// Where periodic periods are counted from.
enum class ObligationAnchor {
  calendar,  ///< the calendar's month boundaries, in its zone (the default)
  contract,  ///< the contract's start, the ticket's `created`
};

struct Obligation {
  enum class Kind {
    periodic,  ///< `every`: one period after another
    dated,     ///< `before`: one occurrence per event naming a date
  };

  std::string id;
  Kind kind = Kind::periodic;

  // Kind::periodic
  ObligationPeriod every;
  ObligationAnchor anchor = ObligationAnchor::calendar;

  // Kind::dated
  std::string before;  ///< the event type whose `to` names the date ("2026-12-20")
  DurationSpec lead;   ///< due this long before the date's local midnight; 0 = at it

  std::vector<std::string> met_by;  ///< event types that meet a period (one or more)
  std::vector<std::string> until;   ///< event types after which no period starts
  std::string calendar;             ///< its zone cuts the periods; empty = the ticket's tier's
};

}  // namespace sla
