#include "sla/time_zone.hpp"

#include <date/tz.h>

#include <fmt/format.h>

#include "time/utc_offset.hpp"
#include "time/zone_backend.hpp"

namespace sla {
namespace {

std::string unknown_zone(std::string_view name) {
  return fmt::format(
      "unknown time zone '{}' (expected an IANA name like 'Asia/Shanghai' or an offset like "
      "'+08:00')",
      name);
}

}  // namespace

Parsed<TimeZone> TimeZone::try_locate(std::string_view name) {
  using P = Parsed<TimeZone>;
  auto impl = std::make_shared<Impl>();
  impl->name = std::string(name);
  if (name.empty())
    return P::failure(
        "empty time zone name (expected an IANA name like 'Asia/Shanghai' or an offset like "
        "'+08:00')");
  const Parsed<Seconds> offset = detail::parse_utc_offset(name);
  if (offset) {
    impl->fixed_offset = *offset;
    return P::success(TimeZone(std::move(impl)));
  }
  // No IANA name starts with a sign ("Etc/GMT+8" does not), so this was meant as an offset.
  if (name[0] == '+' || name[0] == '-')
    return P::failure(fmt::format(
        "invalid time zone '{}': {} (expected an offset like '+08:00', '+0800' or '+08', hours at "
        "most 18)",
        name, offset.error));
  // The tz database of the host also answers to names that mean "whatever this machine is set
  // to": rules that use them would compute other deadlines on another server.
  if (name == "localtime" || name == "posixrules")
    return P::failure(fmt::format(
        "time zone '{}' is this machine's local zone (a link to /etc/localtime or a build "
        "default), which differs from host to host: name the zone, like 'Asia/Shanghai'",
        name));
  // date-tz has no non-throwing lookup: its exception for an unknown name stops here, at the
  // backend's wall, and becomes the message.
  try {
    impl->zone = date::locate_zone(name);
  } catch (const std::exception&) {
    return P::failure(unknown_zone(name));
  }
  return P::success(TimeZone(std::move(impl)));
}

TimeZone TimeZone::locate(std::string_view name) { return try_locate(name).value_or_throw(); }

TimeZone TimeZone::utc() {
  auto impl = std::make_shared<Impl>();
  impl->name = "UTC";
  return TimeZone(std::move(impl));
}

const std::string& TimeZone::name() const { return impl_->name; }

Instant TimeZone::to_instant(LocalTime local) const {
  if (impl_->zone == nullptr) return Instant{local.time_since_epoch() - impl_->fixed_offset};
  const date::local_seconds l{local.time_since_epoch()};
  const date::local_info info = impl_->zone->get_info(l);
  switch (info.result) {
    case date::local_info::nonexistent:
      return Instant{info.first.end.time_since_epoch()};  // the instant the gap ends
    case date::local_info::ambiguous:                     // the earlier instant: first offset
    case date::local_info::unique:
    default:
      return Instant{local.time_since_epoch() - info.first.offset};
  }
}

LocalTime TimeZone::to_local(Instant instant) const {
  return LocalTime{instant.time_since_epoch() + offset(instant)};
}

Seconds TimeZone::offset(Instant instant) const {
  if (impl_->zone == nullptr) return impl_->fixed_offset;
  const date::sys_seconds s{instant.time_since_epoch()};
  return impl_->zone->get_info(s).offset;
}

}  // namespace sla
