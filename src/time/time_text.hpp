// time/time_text.hpp — ISO-8601 text of times, appended to a buffer (no temporary strings).
// sla::format_instant / format_local (sla/iso8601.hpp) are these, returning a new string; the
// JSON writers append to a reused one.
#pragma once

#include <string>

#include "sla/time.hpp"
#include "sla/time_zone.hpp"

namespace sla::detail {

/// "2026-11-20T19:00:00": a civil time, no offset. Years outside 0000–9999 are written with a
/// sign and at least four digits, as ISO-8601's expanded form: "+292277026596-12-04T15:30:07".
void append_local(std::string& out, LocalTime local);

/// "2026-11-20T19:00:00+08:00": the instant in `zone`, with the offset in force then. The
/// offset is exact: "+08:05:43" when it has seconds (local mean time before a zone adopted a
/// standard offset); truncating it to minutes would name a different instant.
void append_instant(std::string& out, Instant instant, const TimeZone& zone);

/// "2026-11-20T11:00:00Z".
void append_utc(std::string& out, Instant instant);

}  // namespace sla::detail
