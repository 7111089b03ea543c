// tests/test_time_zone.cpp — civil ↔ absolute (sla/time_zone.hpp) and ISO-8601 text
// (sla/iso8601.hpp), with real zones: DST gaps map to the gap's end, overlaps to the earlier
// instant, and formatting followed by parsing gives back the same instant.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <chrono>
#include <random>
#include <string>

#include "sla/error.hpp"
#include "sla/iso8601.hpp"
#include "sla/time_zone.hpp"

namespace {

using namespace std::chrono;
using Catch::Matchers::ContainsSubstring;

sla::LocalTime civil(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  return sla::LocalTime{sys_days{year{y} / month{m} / day{d}}.time_since_epoch()} + hours{hh} +
         minutes{mm} + seconds{ss};
}

std::string utc(sla::Instant t) { return sla::format_instant(t, sla::TimeZone::utc()); }

}  // namespace

TEST_CASE("a civil time in New York's spring-forward gap maps to the instant the gap ends",
          "[time_zone]") {
  const auto ny = sla::TimeZone::locate("America/New_York");
  CHECK(utc(ny.to_instant(civil(2026, 3, 8, 2, 30))) == "2026-03-08T07:00:00+00:00");
  CHECK(utc(ny.to_instant(civil(2026, 3, 8, 2, 0))) == "2026-03-08T07:00:00+00:00");
  CHECK(utc(ny.to_instant(civil(2026, 3, 8, 2, 59, 59))) == "2026-03-08T07:00:00+00:00");
  CHECK(utc(ny.to_instant(civil(2026, 3, 8, 1, 59, 59))) == "2026-03-08T06:59:59+00:00");
  CHECK(utc(ny.to_instant(civil(2026, 3, 8, 3, 0))) == "2026-03-08T07:00:00+00:00");
  CHECK(sla::format_local(ny.to_local(ny.to_instant(civil(2026, 3, 8, 2, 30)))) ==
        "2026-03-08T03:00:00");
}

TEST_CASE("an ambiguous civil time in New York's fall-back overlap maps to the earlier instant",
          "[time_zone]") {
  const auto ny = sla::TimeZone::locate("America/New_York");
  CHECK(utc(ny.to_instant(civil(2026, 11, 1, 1, 30))) == "2026-11-01T05:30:00+00:00");  // EDT
  CHECK(utc(ny.to_instant(civil(2026, 11, 1, 1, 0))) == "2026-11-01T05:00:00+00:00");
  CHECK(utc(ny.to_instant(civil(2026, 11, 1, 2, 0))) == "2026-11-01T07:00:00+00:00");  // EST
  // Both instants read 01:30 on the wall clock.
  CHECK(sla::format_local(ny.to_local(sla::Instant{} + seconds{1793511000})) ==
        "2026-11-01T01:30:00");
  CHECK(sla::format_local(ny.to_local(sla::Instant{} + seconds{1793514600})) ==
        "2026-11-01T01:30:00");
  CHECK(ny.offset(sla::Instant{} + seconds{1793511000}) == -hours{4});
  CHECK(ny.offset(sla::Instant{} + seconds{1793514600}) == -hours{5});
}

TEST_CASE("Berlin and Lord Howe follow the same gap and overlap rule", "[time_zone]") {
  const auto berlin = sla::TimeZone::locate("Europe/Berlin");
  CHECK(utc(berlin.to_instant(civil(2026, 3, 29, 2, 30))) == "2026-03-29T01:00:00+00:00");
  CHECK(utc(berlin.to_instant(civil(2026, 10, 25, 2, 30))) == "2026-10-25T00:30:00+00:00");
  const auto lord_howe = sla::TimeZone::locate("Australia/Lord_Howe");  // shifts by 30 minutes
  CHECK(utc(lord_howe.to_instant(civil(2026, 10, 4, 2, 15))) == "2026-10-03T15:30:00+00:00");
  CHECK(utc(lord_howe.to_instant(civil(2026, 4, 5, 1, 45))) == "2026-04-04T14:45:00+00:00");
  CHECK(lord_howe.offset(lord_howe.to_instant(civil(2026, 7, 1, 12, 0))) ==
        hours{10} + minutes{30});
}

TEST_CASE("civil to absolute never decreases across a year of New York and Lord Howe minutes",
          "[time_zone]") {
  for (const char* name : {"America/New_York", "Australia/Lord_Howe"}) {
    const auto zone = sla::TimeZone::locate(name);
    sla::Instant previous = zone.to_instant(civil(2026, 1, 1, 0, 0));
    for (auto l = civil(2026, 1, 1, 0, 1); l < civil(2027, 1, 1, 0, 0); l += minutes{1}) {
      const sla::Instant t = zone.to_instant(l);
      if (t < previous)
        FAIL(name << ": " << sla::format_local(l) << " maps before the minute before it");
      previous = t;
    }
  }
}

TEST_CASE("fixed offsets are zones without DST", "[time_zone]") {
  const auto plus8 = sla::TimeZone::locate("+08:00");
  CHECK(plus8.name() == "+08:00");
  CHECK(utc(plus8.to_instant(civil(2026, 3, 8, 2, 30))) == "2026-03-07T18:30:00+00:00");
  CHECK(plus8.offset(sla::Instant{}) == hours{8});
  CHECK(sla::TimeZone::locate("-05:30").offset(sla::Instant{}) == -(hours{5} + minutes{30}));
  CHECK(sla::TimeZone::locate("+0545").offset(sla::Instant{}) == hours{5} + minutes{45});
  CHECK(sla::TimeZone::locate("Z").offset(sla::Instant{}) == seconds{0});
  CHECK(sla::format_instant(plus8.to_instant(civil(2026, 11, 20, 19, 0)), plus8) ==
        "2026-11-20T19:00:00+08:00");
  CHECK(sla::TimeZone::utc() == sla::TimeZone::locate("UTC"));
  CHECK_FALSE(sla::TimeZone::utc() == plus8);
}

TEST_CASE("an unknown time zone is an error naming the zone", "[time_zone]") {
  CHECK_THROWS_WITH(
      sla::TimeZone::locate("Mars/Olympus_Mons"),
      ContainsSubstring("unknown time zone") && ContainsSubstring("'Mars/Olympus_Mons'"));
  CHECK_THROWS_WITH(sla::TimeZone::locate("+25:00"), ContainsSubstring("'+25:00'"));
  CHECK_THROWS_WITH(sla::TimeZone::locate("asia/shanghai"), ContainsSubstring("'asia/shanghai'"));
  CHECK_THROWS_AS(sla::TimeZone::locate(""), sla::Error);
}

TEST_CASE("zone names and instants accept the same UTC offset spellings", "[time_zone]") {
  // Z, ±HH, ±HHMM, ±HH:MM and ±HH:MM:SS, hours up to 18: `time_zone: "+08"` means what
  // `--start 2026-11-20T19:00+08` means.
  const sla::Instant noon = sla::parse_instant("2026-11-20T12:00:00Z", sla::TimeZone::utc());
  const struct {
    const char* text;
    seconds offset;
  } spellings[] = {{"Z", seconds{0}},
                   {"z", seconds{0}},
                   {"+08", hours{8}},
                   {"-05", -hours{5}},
                   {"+0800", hours{8}},
                   {"+0545", hours{5} + minutes{45}},
                   {"+08:00", hours{8}},
                   {"-03:30", -(hours{3} + minutes{30})},
                   {"+08:05:43", hours{8} + minutes{5} + seconds{43}},
                   {"-00:00", seconds{0}},
                   {"+18:00", hours{18}}};
  for (const auto& s : spellings) {
    INFO(s.text);
    const sla::Parsed<sla::TimeZone> zone = sla::TimeZone::try_locate(s.text);
    REQUIRE(zone);
    CHECK(zone->name() == s.text);
    CHECK(zone->offset(noon) == s.offset);
    const std::string instant = std::string("2026-11-20T12:00:00") + s.text;
    CHECK(sla::parse_instant(instant, sla::TimeZone::utc()) == noon - s.offset);
  }
  for (const char* bad : {"+8", "+8:00", "+080", "+08:0", "+08:00:0", "+19", "+08:60", "+08:00:60",
                          "+08:00x", "+0800:00", "+", "Zulu time"}) {
    INFO(bad);
    const sla::Parsed<sla::TimeZone> zone = sla::TimeZone::try_locate(bad);
    CHECK_FALSE(zone);
    CHECK_THAT(zone.error, ContainsSubstring(std::string("'") + bad + "'"));
    const std::string instant = std::string("2026-11-20T12:00:00") + bad;
    CHECK_FALSE(sla::try_parse_instant(instant, sla::TimeZone::utc()));
  }
  // An IANA name that starts with a letter of the grammar is still a name.
  CHECK(sla::TimeZone::try_locate("Zulu"));
}

TEST_CASE("try_locate returns the message locate throws, and says why an offset is wrong",
          "[time_zone]") {
  const sla::Parsed<sla::TimeZone> unknown = sla::TimeZone::try_locate("Asia/Shangai");
  CHECK_FALSE(unknown);
  CHECK(unknown.error ==
        "unknown time zone 'Asia/Shangai' (expected an IANA name like 'Asia/Shanghai' or an "
        "offset like '+08:00')");
  CHECK_THROWS_WITH(sla::TimeZone::locate("Asia/Shangai"), unknown.error);
  CHECK_THAT(sla::TimeZone::try_locate("+25:00").error,
             ContainsSubstring("'+25:00'") && ContainsSubstring("out of range"));
  CHECK_THAT(sla::TimeZone::try_locate("+8:00").error, ContainsSubstring("malformed"));
  CHECK_THAT(sla::TimeZone::try_locate("").error, ContainsSubstring("empty time zone name"));
  const sla::Parsed<sla::TimeZone> shanghai = sla::TimeZone::try_locate("Asia/Shanghai");
  REQUIRE(shanghai);
  CHECK(shanghai.error.empty());
  CHECK(*shanghai == sla::TimeZone::locate("Asia/Shanghai"));
}

// ---------------------------------------------------------------------------------------------
// sla/iso8601.hpp

TEST_CASE("parse_instant reads an explicit offset as an instant whatever the zone", "[iso8601]") {
  const auto ny = sla::TimeZone::locate("America/New_York");
  CHECK(utc(sla::parse_instant("2026-11-20T19:00:00+08:00", ny)) == "2026-11-20T11:00:00+00:00");
  CHECK(utc(sla::parse_instant("2026-11-20T19:00:00Z", ny)) == "2026-11-20T19:00:00+00:00");
  CHECK(utc(sla::parse_instant("2026-11-20T19:00+0800", ny)) == "2026-11-20T11:00:00+00:00");
  CHECK(utc(sla::parse_instant("2026-11-20T19:00:00+08", ny)) == "2026-11-20T11:00:00+00:00");
  CHECK(utc(sla::parse_instant("2026-11-20T19:00:00-05:30", ny)) == "2026-11-21T00:30:00+00:00");
  CHECK(utc(sla::parse_instant("1900-06-01T10:00:00+08:05:43", ny)) == "1900-06-01T01:54:17+00:00");
}

TEST_CASE("parse_instant reads text without an offset as civil time in the zone", "[iso8601]") {
  const auto sh = sla::TimeZone::locate("Asia/Shanghai");
  const auto ny = sla::TimeZone::locate("America/New_York");
  CHECK(utc(sla::parse_instant("2026-11-20T19:00", sh)) == "2026-11-20T11:00:00+00:00");
  CHECK(utc(sla::parse_instant("2026-11-20 19:00:00", sh)) == "2026-11-20T11:00:00+00:00");
  CHECK(utc(sla::parse_instant("2026-11-20", sh)) == "2026-11-19T16:00:00+00:00");
  CHECK(utc(sla::parse_instant("2026-11-20T24:00", sh)) == "2026-11-20T16:00:00+00:00");
  CHECK(utc(sla::parse_instant("2026-03-08T02:30", ny)) == "2026-03-08T07:00:00+00:00");  // gap
  CHECK(utc(sla::parse_instant("2026-11-01T01:30", ny)) == "2026-11-01T05:30:00+00:00");  // overlap
}

TEST_CASE("parse_instant rejects malformed text with a message quoting it", "[iso8601]") {
  const auto sh = sla::TimeZone::locate("Asia/Shanghai");
  for (const char* bad :
       {"", "yesterday", "2026-02-30T10:00", "2026-11-20T25:00", "2026-11-20T19:60",
        "2026-11-20T24:01", "2026-11-20T19:00:60", "2026-11-20T19:00:00.5Z",
        "2026-11-20T19:00:00,5", "2026-11-20T", "2026-11-20X19:00", "2026-11-20T19",
        "2026-11-20T19:00:00+19:00", "2026-11-20T19:00:00+08:00x", "2026-11-20T19:00:00+8:00",
        "2026-11-20T19:00:00 +08:00", "26-11-20T19:00"}) {
    INFO(bad);
    CHECK_THROWS_WITH(sla::parse_instant(bad, sh), ContainsSubstring(std::string("'") + bad + "'"));
  }
  CHECK_THROWS_WITH(sla::parse_instant("2026-11-20T19:00:00.5Z", sh),
                    ContainsSubstring("fractional seconds"));
}

TEST_CASE("format_instant writes seconds and the zone's offset at that instant", "[iso8601]") {
  const sla::Instant t = sla::parse_instant("2026-11-20T11:00:00Z", sla::TimeZone::utc());
  CHECK(sla::format_instant(t, sla::TimeZone::locate("Asia/Shanghai")) ==
        "2026-11-20T19:00:00+08:00");
  CHECK(sla::format_instant(t, sla::TimeZone::locate("America/New_York")) ==
        "2026-11-20T06:00:00-05:00");
  CHECK(sla::format_instant(t, sla::TimeZone::locate("-03:30")) == "2026-11-20T07:30:00-03:30");
  CHECK(sla::format_instant(t, sla::TimeZone::utc()) == "2026-11-20T11:00:00+00:00");
  const sla::Instant summer = sla::parse_instant("2026-07-01T12:00:00Z", sla::TimeZone::utc());
  CHECK(sla::format_instant(summer, sla::TimeZone::locate("America/New_York")) ==
        "2026-07-01T08:00:00-04:00");
}

TEST_CASE(
    "format_instant keeps the seconds of a local mean time offset so the text names the instant",
    "[iso8601]") {
  // Asia/Shanghai kept local mean time (+08:05:43) until 1901; Africa/Monrovia (-00:44:30) until
  // 1972. Truncating the offset to minutes would print a different instant.
  const auto sh = sla::TimeZone::locate("Asia/Shanghai");
  const sla::Instant t = sla::parse_instant("1900-06-01T10:00", sh);
  CHECK(sla::format_instant(t, sh) == "1900-06-01T10:00:00+08:05:43");
  CHECK(sla::parse_instant(sla::format_instant(t, sh), sla::TimeZone::utc()) == t);
  const auto monrovia = sla::TimeZone::locate("Africa/Monrovia");
  const sla::Instant u = sla::parse_instant("1960-01-01T12:00:00Z", sla::TimeZone::utc());
  CHECK(sla::format_instant(u, monrovia) == "1960-01-01T11:15:30-00:44:30");
}

TEST_CASE("formatting then parsing gives back the instant in every zone from 1900 to 2399",
          "[iso8601]") {
  std::mt19937_64 rng(1900);
  const sla::Instant lo = sla::parse_instant("1900-01-01T00:00:00Z", sla::TimeZone::utc());
  const sla::Instant hi = sla::parse_instant("2399-12-31T00:00:00Z", sla::TimeZone::utc());
  std::uniform_int_distribution<long long> dist(lo.time_since_epoch().count(),
                                                hi.time_since_epoch().count());
  for (const char* name : {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
                           "Asia/Shanghai", "Africa/Monrovia", "UTC", "+05:45", "-03:30"}) {
    const auto zone = sla::TimeZone::locate(name);
    for (int i = 0; i < 500; ++i) {
      const sla::Instant t{seconds{dist(rng)}};
      const std::string text = sla::format_instant(t, zone);
      INFO(name << " " << text);
      CHECK(sla::parse_instant(text, sla::TimeZone::utc()) == t);
      CHECK(sla::parse_instant(text, zone) == t);
    }
  }
}

TEST_CASE("parse_date accepts only real dates and format_date writes them back", "[iso8601]") {
  CHECK(sla::format_date(sla::parse_date("2026-11-20")) == "2026-11-20");
  CHECK(sla::format_date(sla::parse_date("2024-02-29")) == "2024-02-29");
  CHECK(sla::format_date(sla::parse_date("1900-01-01")) == "1900-01-01");
  for (const char* bad : {"2026-02-30", "2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10",
                          "2026-2-3", "2026-02-28x", "20260228", "", "2026-11-20T10:00"}) {
    INFO(bad);
    CHECK_THROWS_WITH(sla::parse_date(bad), ContainsSubstring(std::string("'") + bad + "'"));
  }
}

TEST_CASE("parse_time_of_day reads HH:MM from 00:00 to 24:00", "[iso8601]") {
  CHECK(sla::parse_time_of_day("00:00") == minutes{0});
  CHECK(sla::parse_time_of_day("09:30") == minutes{570});
  CHECK(sla::parse_time_of_day("24:00") == minutes{1440});
  for (const char* bad : {"24:01", "25:00", "12:60", "7:00", "07:0", "0700", "07:00:00", ""})
    CHECK_THROWS_WITH(sla::parse_time_of_day(bad), ContainsSubstring(std::string("'") + bad + "'"));
}

TEST_CASE("the try_parse forms return the value, or the message the parse forms throw",
          "[iso8601]") {
  const auto sh = sla::TimeZone::locate("Asia/Shanghai");
  const sla::Parsed<sla::Instant> t = sla::try_parse_instant("2026-11-20T19:00", sh);
  REQUIRE(t);
  CHECK(t.error.empty());
  CHECK(utc(*t) == "2026-11-20T11:00:00+00:00");
  const sla::Parsed<sla::Date> d = sla::try_parse_date("2026-11-20");
  REQUIRE(d);
  CHECK(sla::format_date(*d) == "2026-11-20");
  const sla::Parsed<minutes> m = sla::try_parse_time_of_day("09:30");
  REQUIRE(m);
  CHECK(*m == minutes{570});

  const auto bad_t = sla::try_parse_instant("2026-11-20T19:00:00.5Z", sh);
  CHECK_FALSE(bad_t);
  CHECK_THAT(bad_t.error, ContainsSubstring("fractional seconds"));
  CHECK_THROWS_WITH(sla::parse_instant("2026-11-20T19:00:00.5Z", sh), bad_t.error);
  CHECK_THAT(sla::try_parse_instant("2026-11-20T19:00:00 +08:00", sh).error,
             ContainsSubstring("unexpected text after the time"));
  CHECK_THAT(sla::try_parse_instant("2026-11-20T19:00:00+08:00x", sh).error,
             ContainsSubstring("unexpected text after the UTC offset"));
  CHECK_THAT(sla::try_parse_instant("2026-11-20T19:00:00+19:00", sh).error,
             ContainsSubstring("the UTC offset is out of range"));
  const auto bad_d = sla::try_parse_date("2026-02-30");
  CHECK_FALSE(bad_d);
  CHECK(bad_d.error == "invalid date '2026-02-30' (expected an existing date as YYYY-MM-DD)");
  CHECK_THROWS_WITH(sla::parse_date("2026-02-30"), bad_d.error);
  const auto bad_m = sla::try_parse_time_of_day("24:01");
  CHECK_FALSE(bad_m);
  CHECK(bad_m.error == "invalid time of day '24:01' (expected HH:MM from 00:00 to 24:00)");
  CHECK_THROWS_WITH(sla::parse_time_of_day("24:01"), bad_m.error);
}

TEST_CASE("format_local writes a civil time without offset, before 1970 too", "[iso8601]") {
  CHECK(sla::format_local(civil(2026, 11, 20, 19, 0, 5)) == "2026-11-20T19:00:05");
  CHECK(sla::format_local(civil(1900, 1, 1, 0, 0)) == "1900-01-01T00:00:00");
  CHECK(sla::format_local(civil(1969, 12, 31, 23, 59, 59)) == "1969-12-31T23:59:59");
}
