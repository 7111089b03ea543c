#include "rules/clock_reader.hpp"

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
  if (*text == "business") return Clock{Clock::Kind::business, {}};
  if (*text == "wall") return Clock{Clock::Kind::wall, {}};
  return Clock{Clock::Kind::calendar, *text};
}

}  // namespace sla::rules
