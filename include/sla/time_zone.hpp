// sla/time_zone.hpp — the bridge between civil and absolute time.
//
// A TimeZone is either an IANA zone read from the system tz database ("Asia/Shanghai",
// "America/New_York", "UTC") or a fixed UTC offset. The database's names for the host's own
// setting, "localtime" and "posixrules", are refused: a zone must mean the same everywhere.
//
// UTC offsets. One grammar, for zone names (`time_zone: "+08"`) and for the offset that ends an
// ISO-8601 instant ("2026-11-20T19:00+08", sla/iso8601.hpp) alike:
//   Z or z          UTC
//   ±HH             "+08", "-05"
//   ±HHMM           "+0800", "+0545"
//   ±HH:MM          "+08:00", "-05:30"
//   ±HH:MM:SS       "+08:05:43" (the local mean time some zones kept until the early 1900s;
//                   format_instant writes offsets with seconds this way)
// with HH at most 18 and MM, SS at most 59. A sign is required ("08:00" is not an offset), the
// digits come in pairs ("+8:00" is not one), and "-00:00" is UTC. Anything else is looked up as
// an IANA name.
//
// Converting civil → absolute is not one-to-one around DST changes. sla's rule, everywhere:
//   * a civil time inside a spring-forward gap maps to the instant the gap ends
//     (2026-03-08 02:30 America/New_York → 2026-03-08T07:00:00Z, i.e. 03:00 EDT);
//   * an ambiguous civil time (fall-back overlap) maps to its earlier instant
//     (2026-11-01 01:30 America/New_York → 05:30Z, i.e. 01:30 EDT, not 01:30 EST).
// This mapping never decreases: later civil times never give earlier instants.
//
// TimeZone is a small immutable value, cheap to copy and safe to share across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "sla/parsed.hpp"
#include "sla/time.hpp"

namespace sla {

class TimeZone {
 public:
  /// Finds a zone by UTC offset (the grammar above) or IANA name. On failure the message names
  /// `name`: "unknown time zone 'Asia/Shangai' (expected an IANA name like 'Asia/Shanghai' or an
  /// offset like '+08:00')" — a real zone reported unknown means the system tz database is
  /// missing (is the `tzdata` package installed?).
  static Parsed<TimeZone> try_locate(std::string_view name);

  /// try_locate, throwing sla::Error with its message.
  static TimeZone locate(std::string_view name);

  /// UTC itself.
  static TimeZone utc();

  /// The name it was located by ("Asia/Shanghai", "+08:00").
  const std::string& name() const;

  /// Civil → absolute with the gap/overlap rule above.
  Instant to_instant(LocalTime local) const;

  /// Absolute → civil (always exact).
  LocalTime to_local(Instant instant) const;

  /// The UTC offset in force at `instant` (local = instant + offset).
  Seconds offset(Instant instant) const;

  friend bool operator==(const TimeZone& a, const TimeZone& b) { return a.name() == b.name(); }

  struct Impl;  // the backend (date-tz or a fixed offset), private to src/time

 private:
  explicit TimeZone(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace sla
