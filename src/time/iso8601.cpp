#include "sla/iso8601.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "sla/error.hpp"
#include "time/time_text.hpp"
#include "time/utc_offset.hpp"

namespace sla {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// A cursor over the text; every reader returns false so that the caller can produce one message
// quoting the whole input.
struct Reader {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i == s.size(); }
  bool digits(size_t n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      const char c = s[i + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    i += n;
    out = v;
    return true;
  }
  bool literal(char c) {
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
};

bool read_date(Reader& r, Date& out) {
  int y = 0, m = 0, d = 0;
  if (!r.digits(4, y) || !r.literal('-') || !r.digits(2, m) || !r.literal('-') || !r.digits(2, d))
    return false;
  out = Date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
             std::chrono::day{static_cast<unsigned>(d)}};
  return out.ok();
}

std::string bad_instant(std::string_view text, std::string_view why) {
  return fmt::format(
      "invalid time '{}': {} (expected ISO-8601 like '2026-11-20T19:00:00+08:00', or without "
      "offset for local time)",
      text, why);
}

}  // namespace

Parsed<Date> try_parse_date(std::string_view text) {
  Reader r{text};
  Date d{};
  if (!read_date(r, d) || !r.done())
    return Parsed<Date>::failure(
        fmt::format("invalid date '{}' (expected an existing date as YYYY-MM-DD)", text));
  return Parsed<Date>::success(d);
}

Date parse_date(std::string_view text) { return try_parse_date(text).value_or_throw(); }

Parsed<minutes> try_parse_time_of_day(std::string_view text) {
  Reader r{text};
  int h = 0, m = 0;
  if (!r.digits(2, h) || !r.literal(':') || !r.digits(2, m) || !r.done() || h > 24 || m > 59 ||
      (h == 24 && m != 0))
    return Parsed<minutes>::failure(
        fmt::format("invalid time of day '{}' (expected HH:MM from 00:00 to 24:00)", text));
  return Parsed<minutes>::success(hours{h} + minutes{m});
}

minutes parse_time_of_day(std::string_view text) {
  return try_parse_time_of_day(text).value_or_throw();
}

Parsed<Instant> try_parse_instant(std::string_view text, const TimeZone& zone) {
  using P = Parsed<Instant>;
  Reader r{text};
  Date date{};
  if (!read_date(r, date))
    return P::failure(bad_instant(text, "the date is malformed or does not exist"));
  Seconds tod{0};
  if (!r.done()) {
    if (!r.literal('T') && !r.literal(' '))
      return P::failure(bad_instant(text, "expected 'T' after the date"));
    int h = 0, m = 0, s = 0;
    if (!r.digits(2, h) || !r.literal(':') || !r.digits(2, m))
      return P::failure(bad_instant(text, "the time of day is malformed"));
    if (r.literal(':') && !r.digits(2, s))
      return P::failure(bad_instant(text, "the seconds are malformed"));
    if (r.literal('.') || r.literal(','))
      return P::failure(bad_instant(text, "fractional seconds are not supported"));
    if (h > 24 || m > 59 || s > 59 || (h == 24 && (m != 0 || s != 0)))
      return P::failure(bad_instant(text, "the time of day is out of range"));
    tod = hours{h} + minutes{m} + Seconds{s};
  }
  const LocalTime local{std::chrono::sys_days{date}.time_since_epoch() + tod};
  if (r.done()) return P::success(zone.to_instant(local));

  // An explicit offset, in the grammar zone names use too (sla/time_zone.hpp).
  const std::string_view rest = text.substr(r.i);
  if (rest[0] != 'Z' && rest[0] != 'z' && rest[0] != '+' && rest[0] != '-')
    return P::failure(bad_instant(text, "unexpected text after the time"));
  const Parsed<Seconds> offset = detail::parse_utc_offset(rest);
  if (!offset) return P::failure(bad_instant(text, offset.error));
  return P::success(Instant{local.time_since_epoch() - *offset});
}

Instant parse_instant(std::string_view text, const TimeZone& zone) {
  return try_parse_instant(text, zone).value_or_throw();
}

std::string format_local(LocalTime local) {
  std::string text;
  detail::append_local(text, local);
  return text;
}

std::string format_instant(Instant instant, const TimeZone& zone) {
  std::string text;
  detail::append_instant(text, instant, zone);
  return text;
}

std::string format_date(Date date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

}  // namespace sla
