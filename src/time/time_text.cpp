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

// "YYYY-MM-DDTHH:MM:SS" into p (19 characters; years 0000–9999, which covers every instant a
// calendar supports and far more). Formatting by hand: this runs for every time of every
// evaluation written as JSON, and fmt's general path costs ten times as much here.
char* local_text(char* p, LocalTime local) {
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const Date d{std::chrono::sys_days{day.time_since_epoch()}};
  const long long second_of_day = (local - day).count();
  const int year = static_cast<int>(d.year());
  if (year < 0 || year > 9999) {  // outside what ISO-8601's four digits can say: sign and all
    p = fmt::format_to(p, "{:04}", year);
  } else {
    p = digits(p, year, 4);
  }
  *p++ = '-';
  p = digits(p, static_cast<unsigned>(d.month()), 2);
  *p++ = '-';
  p = digits(p, static_cast<unsigned>(d.day()), 2);
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
