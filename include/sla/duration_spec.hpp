// sla/duration_spec.hpp — durations as rule authors write them (docs/semantics.md §2.2).
//
//   text            kind               meaning on a calendar's clock
//   30m 4h 1h30m 90s business           business (open-window) time; "-2h" counts backwards
//   2bd  -2bd       business_days      same local time of day N business days later/earlier,
//                                      clamped into that day's open hours
//   3cd             calendar_days      N × 24 h of wall time, whatever the clock
//   eobd  eobd+N    end_of_business_day  the last close of the business day the clock starts
//                                      on (or of the Nth business day after it)
//   bd+N@HH:MM      business_day_at    HH:MM local time on the Nth business day after the start
//
// A bare "2d" is rejected: the message suggests "2bd" or "2cd", because "one day" is the most
// disputed unit in SLA tools.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "sla/parsed.hpp"
#include "sla/time.hpp"

namespace sla {

/// A duration as written. Build one with the named factories (or try_parse_duration); the
/// fields are there to read: `days` means a count of business days, of calendar days or the N of
/// eobd+N / bd+N@HH:MM depending on `kind`, which a positional aggregate would let a caller mix up.
struct DurationSpec {
  enum class Kind { business, business_days, calendar_days, end_of_business_day, business_day_at };

  Kind kind = Kind::business;
  Seconds business{0};         ///< Kind::business (may be negative)
  int days = 0;                ///< business_days / calendar_days (signed), eobd+N / bd+N (N >= 0)
  std::chrono::minutes at{0};  ///< Kind::business_day_at: local time of day
  /// The text counts backwards (it starts with '-'). Redundant with the sign of `business` or
  /// `days` except for zero: "-0h" means roll_backward(t) where "0h" means roll_forward(t).
  bool backward = false;

  /// "0s": zero business time, counted forwards.
  DurationSpec() = default;

  /// "4h", "-90m": business (open-window) time; negative counts backwards.
  static DurationSpec business_time(Seconds s);
  /// "2bd", "-2bd": N business days later (earlier when negative), same local time of day.
  static DurationSpec business_days(int n);
  /// "3cd", "-3cd": N × 24 h of wall time.
  static DurationSpec calendar_days(int n);
  /// "eobd" (n = 0), "eobd+N": the last close of the Nth business day after the start's.
  /// Throws sla::Error for n < 0.
  static DurationSpec end_of_business_day(int n = 0);
  /// "bd+N@HH:MM": `time_of_day` (00:00-24:00) local time on the Nth business day after the
  /// start's. Throws sla::Error for n < 0 or a time of day outside 00:00-24:00.
  static DurationSpec business_day_at(int n, std::chrono::minutes time_of_day);

  /// The same amount counted the other way: 2bd ↔ -2bd, 4h ↔ -4h, 0h ↔ -0h (roll forward ↔ roll
  /// backward). Throws sla::Error for the anchors eobd and bd+N@HH:MM, which have no direction.
  DurationSpec negated() const;

  /// The canonical text ("1h30m", "-2bd", "eobd+1", "bd+1@10:00").
  std::string to_string() const;

  friend bool operator==(const DurationSpec&, const DurationSpec&) = default;

 private:
  DurationSpec(Kind k, Seconds s, int n, std::chrono::minutes time_of_day, bool back)
      : kind(k), business(s), days(n), at(time_of_day), backward(back) {}
};

/// Parses the grammar above. Never throws; on failure the message quotes the text and, for
/// "2d", suggests "2bd" or "2cd".
Parsed<DurationSpec> try_parse_duration(std::string_view text);

/// try_parse_duration, throwing sla::Error with its message.
DurationSpec parse_duration(std::string_view text);

}  // namespace sla
