// sla/duration_spec.hpp — durations as rule authors write them (SPEC §2.2).
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
#include <optional>
#include <string>
#include <string_view>

#include "sla/time.hpp"

namespace sla {

struct DurationSpec {
  enum class Kind { business, business_days, calendar_days, end_of_business_day, business_day_at };
  Kind kind = Kind::business;
  Seconds business{0};           ///< Kind::business (may be negative)
  int days = 0;                  ///< business_days / calendar_days (signed), eobd+N / bd+N (N >= 0)
  std::chrono::minutes at{0};    ///< Kind::business_day_at: local time of day
  /// The text counts backwards (it starts with '-'). Redundant with the sign of `business` or
  /// `days` except for zero: "-0h" means roll_backward(t) where "0h" means roll_forward(t).
  bool backward = false;

  static DurationSpec business_time(Seconds s) { return {Kind::business, s, 0, {}, s < Seconds{0}}; }

  /// The canonical text ("1h30m", "-2bd", "eobd+1", "bd+1@10:00").
  std::string to_string() const;

  friend bool operator==(const DurationSpec&, const DurationSpec&) = default;
};

/// The result of parsing: the value, or a message saying what is wrong with the text.
struct DurationParse {
  std::optional<DurationSpec> value;
  std::string error;  ///< empty on success
};

/// Parses the grammar above. Never throws; on failure `error` quotes the text and, for "2d",
/// suggests "2bd" or "2cd".
DurationParse parse_duration(std::string_view text);

/// Parses or throws sla::Error with the same message.
DurationSpec parse_duration_or_throw(std::string_view text);

}  // namespace sla
