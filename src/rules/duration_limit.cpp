#include "rules/duration_limit.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "yaml/limits.hpp"

namespace sla::rules {

std::optional<std::string> unusable_duration(const DurationSpec& d, std::string_view text) {
  using Kind = DurationSpec::Kind;
  constexpr long long kDays = limits::kMaxDurationDays;
  const bool too_long = d.kind == Kind::business
                            ? std::llabs(d.business.count()) > kDays * 86'400
                            : std::llabs(static_cast<long long>(d.days)) > kDays;
  if (too_long)
    return fmt::format(
        "'{}' can never be computed: a duration in the rules is at most {} days (about 100 "
        "years; {}h of business time)",
        text, limits::count_text(kDays), limits::count_text(kDays * 24));
  if (d.kind == Kind::business_day_at && d.days == 0)
    return fmt::format(
        "'{}' is by {:02}:{:02} on the day the clock starts, which is before the start of every "
        "ticket created later in the day: write bd+1@{:02}:{:02} for the next business day, or "
        "eobd for the end of the day",
        text, d.at.count() / 60, d.at.count() % 60, d.at.count() / 60, d.at.count() % 60);
  return std::nullopt;
}

}  // namespace sla::rules
