#include <catch2/catch_test_macros.hpp>
#include "sla/calendar.hpp"
#include "sla/iso8601.hpp"
using namespace std::chrono;
TEST_CASE("a Mon-Fri 09-17 calendar adds one hour at 16:00 to land on 17:00") {
  sla::CalendarDefinition def; def.id="office"; def.time_zone="Asia/Shanghai";
  for (int d=1; d<=5; ++d) def.weekly[d] = {sla::LocalWindow::from_clock(hours{9}, hours{17})};
  auto cal = sla::Calendar::compile(def);
  auto t = sla::parse_instant("2026-11-23T16:00:00", cal.time_zone());
  CHECK(sla::format_instant(cal.add(t, hours{1}), cal.time_zone()) == "2026-11-23T17:00:00+08:00");
  CHECK(sla::format_instant(cal.add(t, hours{1}, sla::Landing::next_open), cal.time_zone()) == "2026-11-24T09:00:00+08:00");
}
