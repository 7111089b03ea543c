#include "sla/duration_spec.hpp"

#include <fmt/format.h>

#include "sla/error.hpp"
#include "sla/iso8601.hpp"

namespace sla {
namespace {

// Reads an unsigned decimal of at most 9 digits (larger values are never meaningful here and
// would overflow the arithmetic).
bool read_count(std::string_view s, size_t& i, long long& out) {
  const size_t start = i;
  long long v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 9) v = v * 10 + (s[i++] - '0');
  if (i == start || (i < s.size() && s[i] >= '0' && s[i] <= '9')) return false;
  out = v;
  return true;
}

Parsed<DurationSpec> fail(std::string_view text, std::string_view why) {
  return Parsed<DurationSpec>::failure(fmt::format("invalid duration '{}': {}", text, why));
}

constexpr std::string_view kGrammar =
    "expected business time like 30m, 4h, 1h30m, 90s; 2bd (business days); 3cd (calendar days); "
    "eobd or eobd+N; or bd+N@HH:MM";

}  // namespace

DurationSpec DurationSpec::business_time(Seconds s) {
  return {Kind::business, s, 0, {}, s < Seconds{0}};
}

DurationSpec DurationSpec::business_days(int n) {
  return {Kind::business_days, Seconds{0}, n, {}, n < 0};
}

DurationSpec DurationSpec::calendar_days(int n) {
  return {Kind::calendar_days, Seconds{0}, n, {}, n < 0};
}

DurationSpec DurationSpec::end_of_business_day(int n) {
  if (n < 0) throw Error(fmt::format("eobd+N counts business days forward: N cannot be {}", n));
  return {Kind::end_of_business_day, Seconds{0}, n, {}, false};
}

DurationSpec DurationSpec::business_day_at(int n, std::chrono::minutes time_of_day) {
  if (n < 0) throw Error(fmt::format("bd+N@HH:MM counts business days forward: N cannot be {}", n));
  if (time_of_day < std::chrono::minutes{0} || time_of_day > std::chrono::hours{24})
    throw Error(fmt::format("bd+N@HH:MM needs a time of day from 00:00 to 24:00, not {} minutes",
                            time_of_day.count()));
  return {Kind::business_day_at, Seconds{0}, n, time_of_day, false};
}

DurationSpec DurationSpec::negated() const {
  switch (kind) {
    case Kind::business:
      return {kind, -business, 0, {}, !backward};
    case Kind::business_days:
    case Kind::calendar_days:
      return {kind, Seconds{0}, -days, {}, !backward};
    case Kind::end_of_business_day:
    case Kind::business_day_at:
      break;
  }
  throw Error(
      fmt::format("'{}' is a point in time, not an amount: it cannot be negated", to_string()));
}

Parsed<DurationSpec> try_parse_duration(std::string_view text) {
  using P = Parsed<DurationSpec>;
  if (text.empty()) return fail(text, kGrammar);
  size_t i = 0;
  const bool negative = text[0] == '-';
  if (negative) ++i;
  const std::string_view body = text.substr(i);

  if (body.rfind("eobd", 0) == 0) {
    if (negative) return fail(text, "eobd cannot be negative");
    if (body.size() == 4) return P::success(DurationSpec::end_of_business_day());
    size_t k = 5;
    long long n = 0;
    if (body[4] != '+' || !read_count(body, k, n) || k != body.size())
      return fail(text, "expected eobd or eobd+N with N a whole number of business days");
    return P::success(DurationSpec::end_of_business_day(static_cast<int>(n)));
  }
  if (body.rfind("bd+", 0) == 0) {
    if (negative) return fail(text, "bd+N@HH:MM cannot be negative");
    size_t k = 3;
    long long n = 0;
    if (!read_count(body, k, n) || k >= body.size() || body[k] != '@')
      return fail(text, "expected bd+N@HH:MM, e.g. bd+1@10:00 (by 10:00 on the next business day)");
    const auto at = try_parse_time_of_day(body.substr(k + 1));
    if (!at) return fail(text, "the time after '@' must be HH:MM between 00:00 and 24:00");
    return P::success(DurationSpec::business_day_at(static_cast<int>(n), *at));
  }

  // Numbers with units: N bd | N cd | components of h, m, s in that order. The magnitude is read
  // first; a leading '-' then turns it round (which keeps "-0h" apart from "0h").
  auto signed_result = [&](const DurationSpec& magnitude) {
    return P::success(negative ? magnitude.negated() : magnitude);
  };
  long long total_seconds = 0;
  int last_rank = -1;  // h = 0, m = 1, s = 2: units must decrease and not repeat
  while (i < text.size()) {
    long long n = 0;
    if (!read_count(text, i, n)) return fail(text, kGrammar);
    const std::string_view rest = text.substr(i);
    auto day_unit = [&](DurationSpec (*make)(int), size_t unit_len) -> P {
      if (last_rank != -1 || i + unit_len != text.size())
        return fail(text, "business or calendar days cannot be combined with other units");
      return signed_result(make(static_cast<int>(n)));
    };
    if (rest.rfind("bd", 0) == 0) return day_unit(&DurationSpec::business_days, 2);
    if (rest.rfind("cd", 0) == 0) return day_unit(&DurationSpec::calendar_days, 2);
    if (rest.rfind("d", 0) == 0)
      return fail(text, fmt::format("a bare 'd' is ambiguous: write '{0}bd' for business days or "
                                    "'{0}cd' for calendar days",
                                    n));
    if (rest.empty()) return fail(text, "a number needs a unit (h, m, s, bd or cd)");
    const char unit = rest[0];
    const int rank = unit == 'h' ? 0 : unit == 'm' ? 1 : unit == 's' ? 2 : -1;
    if (rank < 0) return fail(text, fmt::format("unknown unit '{}'; {}", unit, kGrammar));
    if (rank <= last_rank)
      return fail(text, "units must go from hours to minutes to seconds, each once");
    last_rank = rank;
    total_seconds += n * (rank == 0 ? 3600 : rank == 1 ? 60 : 1);
    ++i;
  }
  if (last_rank < 0) return fail(text, kGrammar);
  return signed_result(DurationSpec::business_time(Seconds{total_seconds}));
}

DurationSpec parse_duration(std::string_view text) {
  return try_parse_duration(text).value_or_throw();
}

std::string DurationSpec::to_string() const {
  switch (kind) {
    case Kind::business_days:
      return fmt::format("{}{}bd", backward && days == 0 ? "-" : "", days);
    case Kind::calendar_days:
      return fmt::format("{}{}cd", backward && days == 0 ? "-" : "", days);
    case Kind::end_of_business_day:
      return days == 0 ? "eobd" : fmt::format("eobd+{}", days);
    case Kind::business_day_at:
      return fmt::format("bd+{}@{:02}:{:02}", days, at.count() / 60, at.count() % 60);
    case Kind::business:
      break;
  }
  long long s = business.count();
  std::string out = s < 0 || backward ? "-" : "";
  if (s < 0) s = -s;
  if (s == 0) return out + "0s";
  if (s >= 3600) out += fmt::format("{}h", s / 3600);
  if (s % 3600 >= 60) out += fmt::format("{}m", s % 3600 / 60);
  if (s % 60) out += fmt::format("{}s", s % 60);
  return out;
}

}  // namespace sla
