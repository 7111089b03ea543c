// yaml/codes.hpp — the stable diagnostic codes of the reading layer (SLA001–SLA099).
//
// Codes never change meaning once released: tools and tests match on them. Every code is listed,
// with an example message, in rules/README.md. Codes for the rules themselves (calendars,
// policies, ...) live in rules/codes.hpp and start at SLA100.
#pragma once

#include <string_view>

namespace sla::code {

inline constexpr std::string_view yaml_syntax = "SLA001";    ///< not valid YAML
inline constexpr std::string_view unknown_key = "SLA002";    ///< a key the format does not know
inline constexpr std::string_view duplicate_key = "SLA003";  ///< the same key twice in a map
inline constexpr std::string_view missing_key = "SLA004";    ///< a required key is absent
inline constexpr std::string_view wrong_kind = "SLA005";     ///< map / list / text expected
inline constexpr std::string_view invalid_value = "SLA006";  ///< not an integer, not a known word
inline constexpr std::string_view conflicting_keys = "SLA007";  ///< keys that exclude each other
inline constexpr std::string_view unreadable_file = "SLA008";   ///< a file given cannot be read
inline constexpr std::string_view too_many_errors = "SLA009";   ///< the report was cut short

}  // namespace sla::code
