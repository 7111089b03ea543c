#include "time/time_text.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace sla::detail {
namespace {

// Writes `value` as exactly `width` decimal digits (value >= 0, fits).
char* digits(char* p, long long value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return p + width;
}

// The civil date of day `z` (days since 1970-01-01), for any z a 64-bit count of seconds can
// reach: H. Hinnant's days_from_civil inverse ("chrono-Compatible Low-Level Date Algorithms").
// std::chrono::year stops at ±32,767, and an instant past it would print as nonsense.
struct Civil {
  long long year;
  unsigned month, day;
};
Civil civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<long long>(yoe) + era * 400 + (month <= 2 ? 1 : 0), month,
          doy - (153 * mp + 2) / 5 + 1};
}

// "YYYY-MM-DDTHH:MM:SS" into p (19 characters for years 0000–9999, which covers every instant a
// calendar supports; other years are written ISO-8601's expanded way, "+12345" or "-0001").
// Formatting by hand: this runs for every time of every evaluation written as JSON, and fmt's
// general path costs ten times as much here.
char* local_text(char* p, LocalTime local) {
  const long long seconds = local.time_since_epoch().count();
  // Floor division without a product that overflows for instants near the int64 limits.
  long long day = seconds / 86400;
  long long second_of_day = seconds % 86400;
  if (second_of_day < 0) {
    second_of_day += 86400;
    --day;
  }
  const Civil d = civil_from_days(day);
  if (d.year < 0 || d.year > 9999) {
    p = fmt::format_to(p, "{}{:04}", d.year < 0 ? '-' : '+',
                       d.year < 0 ? -static_cast<unsigned long long>(d.year)
                                  : static_cast<unsigned long long>(d.year));
  } else {
    p = digits(p, d.year, 4);
  }
  *p++ = '-';
  p = digits(p, d.month, 2);
  *p++ = '-';
  p = digits(p, d.day, 2);
  *p++ = 'T';
  p = digits(p, second_of_day / 3600, 2);
  *p++ = ':';
  p = digits(p, second_of_day / 60 % 60, 2);
  *p++ = ':';
  return digits(p, second_of_day % 60, 2);
}

}  // namespace

void append_local(std::string& out, LocalTime local) {
  char buffer[40];
  out.append(buffer, local_text(buffer, local));
}

void append_instant(std::string& out, Instant instant, const TimeZone& zone) {
  const Seconds offset = zone.offset(instant);
  char buffer[48];
  char* p = local_text(buffer, LocalTime{instant.time_since_epoch() + offset});
  const long long magnitude = std::llabs(offset.count());
  *p++ = offset.count() < 0 ? '-' : '+';
  p = digits(p, magnitude / 3600, 2);
  *p++ = ':';
  p = digits(p, magnitude % 3600 / 60, 2);
  if (magnitude % 60 != 0) {
    *p++ = ':';
    p = digits(p, magnitude % 60, 2);
  }
  out.append(buffer, p);
}

void append_utc(std::string& out, Instant instant) {
  char buffer[40];
  char* p = local_text(buffer, LocalTime{instant.time_since_epoch()});
  *p++ = 'Z';
  out.append(buffer, p);
}

}  // namespace sla::detail
