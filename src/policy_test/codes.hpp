// policy_test/codes.hpp — the stable diagnostic codes of policy test files (SLA400–SLA499).
//
// Problems of a test file's own YAML (syntax, unknown or missing keys, wrong kinds) use the
// reading layer's codes (yaml/codes.hpp). rules/README.md lists every code.
#pragma once

#include <string_view>

namespace sla::code {

inline constexpr std::string_view rules_not_loaded = "SLA400";  ///< the rules under test fail
inline constexpr std::string_view bad_test_value = "SLA401";    ///< a time, duration, number
inline constexpr std::string_view no_test_cases = "SLA402";     ///< `cases: []`

}  // namespace sla::code
