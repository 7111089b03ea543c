// time/zone_backend.hpp — the only place that knows which tz library backs sla::TimeZone.
//
// Today: Howard Hinnant's date-tz reading the system tz database (USE_OS_TZDB). Moving to C++20
// std::chrono::tzdb later changes this file and time_zone.cpp, nothing else.
#pragma once

#include <optional>
#include <string>

#include "sla/time_zone.hpp"

namespace date {
class time_zone;
}

namespace sla {

struct TimeZone::Impl {
  std::string name;
  const date::time_zone* zone = nullptr;  ///< IANA zone, or nullptr for a fixed offset
  Seconds fixed_offset{0};                ///< used when zone == nullptr
};

}  // namespace sla
