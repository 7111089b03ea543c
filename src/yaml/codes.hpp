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

// Limits and hostile input (SLA020–SLA039): yaml/limits.hpp has the numbers.
inline constexpr std::string_view too_large = "SLA020";         ///< a file, or a load's files
inline constexpr std::string_view include_too_deep = "SLA021";  ///< a chain of includes
inline constexpr std::string_view nesting_too_deep = "SLA022";  ///< maps and lists nested
inline constexpr std::string_view too_many_nodes = "SLA023";    ///< aliases followed
inline constexpr std::string_view value_too_long = "SLA024";    ///< one value's bytes
inline constexpr std::string_view bad_text = "SLA025";  ///< not UTF-8, a control character, CR
inline constexpr std::string_view too_many_windows = "SLA026";       ///< in one day
inline constexpr std::string_view calendars_too_large = "SLA027";    ///< entries after extends
inline constexpr std::string_view goals_too_large = "SLA028";        ///< values after expansion
inline constexpr std::string_view date_unsupported = "SLA029";       ///< outside 1900-2399
inline constexpr std::string_view holiday_too_long = "SLA030";       ///< a range over a year
inline constexpr std::string_view workday_without_hours = "SLA031";  ///< `hours: []`
inline constexpr std::string_view quote_takes_in_keys = "SLA032";    ///< warning: a quote left open

}  // namespace sla::code
