// rules/duration_limit.hpp — durations a rules file may state: not past limits::kMaxDurationDays,
// and no anchor that can fall before the clock starts.
#pragma once

#include <optional>
#include <string>

#include "sla/duration_spec.hpp"

namespace sla::rules {

/// Why `duration` (as written: `text`) cannot be a goal or a trigger time, or nullopt:
///   * longer than limits::kMaxDurationDays ("'99999999h' is longer than 36,600 days ...");
///   * `bd+0@HH:MM`, which is "by HH:MM on the day the clock starts" and so lands before the
///     start of every ticket created after HH:MM (the engine would find it breached as it starts).
std::optional<std::string> unusable_duration(const DurationSpec& duration, std::string_view text);

}  // namespace sla::rules
