#include "sla/time_zone.hpp"

#include <date/tz.h>

#include <charconv>

#include "sla/error.hpp"
#include "time/zone_backend.hpp"

namespace sla {
namespace {

// "+08:00", "-05:30", "+0800", "Z" → offset; nullopt when `text` is not an offset.
std::optional<Seconds> parse_fixed_offset(std::string_view text) {
  if (text == "Z") return Seconds{0};
  if (text.size() != 6 && text.size() != 5) return std::nullopt;
  if (text[0] != '+' && text[0] != '-') return std::nullopt;
  const std::string_view hh = text.substr(1, 2);
  const std::string_view mm = text.size() == 6 ? text.substr(4, 2) : text.substr(3, 2);
  if (text.size() == 6 && text[3] != ':') return std::nullopt;
  int h = 0, m = 0;
  auto digits = [](std::string_view s, int& out) {
    if (s.size() != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return false;
    out = (s[0] - '0') * 10 + (s[1] - '0');
    return true;
  };
  if (!digits(hh, h) || !digits(mm, m) || h > 18 || m > 59) return std::nullopt;
  const Seconds magnitude = std::chrono::hours{h} + std::chrono::minutes{m};
  return text[0] == '-' ? -magnitude : magnitude;
}

}  // namespace

TimeZone TimeZone::locate(std::string_view name) {
  auto impl = std::make_shared<Impl>();
  impl->name = std::string(name);
  if (auto offset = parse_fixed_offset(name)) {
    impl->fixed_offset = *offset;
    return TimeZone(std::move(impl));
  }
  if (name.empty()) throw Error("empty time zone name");
  try {
    impl->zone = date::locate_zone(name);
  } catch (const std::exception&) {
    throw Error("unknown time zone '" + std::string(name) +
                "' (expected an IANA name like 'Asia/Shanghai' or an offset like '+08:00')");
  }
  return TimeZone(std::move(impl));
}

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
    case date::local_info::ambiguous:                   // the earlier instant: first offset
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
