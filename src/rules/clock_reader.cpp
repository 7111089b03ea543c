#include "rules/clock_reader.hpp"

#include "sla/words.hpp"
#include "yaml/codes.hpp"

namespace sla::rules {

std::optional<Clock> read_clock(const yaml::Reader& reader, const yaml::Value& value) {
  const auto text = reader.text(value, "'clock'");
  if (!text) return std::nullopt;
  if (text->empty()) {
    reader.error(value.at, code::invalid_value,
                 "'clock' cannot be empty (expected business, wall or a calendar id)");
    return std::nullopt;
  }
  // The words win over calendar ids; "calendar" itself names a calendar, not the kind.
  const auto kind = parse<Clock::Kind>(*text);
  if (kind && *kind != Clock::Kind::calendar) return Clock{*kind, {}};
  return Clock{Clock::Kind::calendar, *text};
}

}  // namespace sla::rules
