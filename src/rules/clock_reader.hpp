// rules/clock_reader.hpp — `clock:` of a target or of an escalation level: where time is
// counted.
//
//   clock: business     the tier's calendar (the default)
//   clock: wall         elapsed real time, always running
//   clock: cn-24x7      any calendar id (checked once every file is read)
//
// The words win: a calendar named "business" or "wall" cannot be used as a clock.
#pragma once

#include <optional>

#include "sla/escalation.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// The clock, or nullopt after reporting a value that is not a single word.
std::optional<Clock> read_clock(const yaml::Reader& reader, const yaml::Value& value);

}  // namespace sla::rules
