// sla/error.hpp — the one exception type sla-engine throws.
//
// API input that cannot be given a meaning (an unknown time zone name, a malformed ISO-8601 time,
// a duration like "2d", a date outside the supported years 1900–2399, a calendar that has no open
// time within the search horizon) raises sla::Error whose message names the bad value.
// Loading rule files never throws for problems in the files: those come back as Diagnostics.
#pragma once

#include <stdexcept>
#include <string>

namespace sla {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace sla
