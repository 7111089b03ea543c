// time/utc_offset.hpp — the one UTC offset grammar (sla/time_zone.hpp), shared by zone names
// and by the offset that ends an ISO-8601 instant.
#pragma once

#include <string_view>

#include "sla/parsed.hpp"
#include "sla/time.hpp"

namespace sla::detail {

/// Reads `text` as a whole as Z, z, ±HH, ±HHMM, ±HH:MM or ±HH:MM:SS (HH <= 18, MM and SS <= 59).
/// On failure `error` is a phrase for a message about the whole input: "the UTC offset is
/// malformed" (also when it starts with neither Z, + nor -), "the UTC offset is out of range" or
/// "unexpected text after the UTC offset".
Parsed<Seconds> parse_utc_offset(std::string_view text);

}  // namespace sla::detail
