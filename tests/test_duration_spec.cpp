// tests/test_duration_spec.cpp — the duration grammar of docs/semantics.md §2.2
// (sla/duration_spec.hpp).
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <random>
#include <string>
#include <vector>

#include "sla/duration_spec.hpp"
#include "sla/error.hpp"

namespace {

using namespace std::chrono;
using Catch::Matchers::ContainsSubstring;
using Kind = sla::DurationSpec::Kind;

sla::DurationSpec parsed(const char* text) {
  const sla::Parsed<sla::DurationSpec> p = sla::try_parse_duration(text);
  INFO("text: '" << text << "' error: " << p.error);
  REQUIRE(p.value.has_value());
  CHECK(p.error.empty());
  return *p.value;
}

std::string error_of(const char* text) {
  const sla::Parsed<sla::DurationSpec> p = sla::try_parse_duration(text);
  INFO("text: '" << text << "'");
  CHECK_FALSE(p.value.has_value());
  CHECK_FALSE(p.error.empty());
  return p.error;
}

}  // namespace

TEST_CASE("business time is written with h, m and s, largest unit first", "[duration]") {
  CHECK(parsed("30m") == sla::DurationSpec::business_time(minutes{30}));
  CHECK(parsed("4h") == sla::DurationSpec::business_time(hours{4}));
  CHECK(parsed("1h30m") == sla::DurationSpec::business_time(minutes{90}));
  CHECK(parsed("90s") == sla::DurationSpec::business_time(seconds{90}));
  CHECK(parsed("1h2m3s") == sla::DurationSpec::business_time(seconds{3723}));
  CHECK(parsed("2h15s") == sla::DurationSpec::business_time(seconds{7215}));
  CHECK(parsed("0m") == sla::DurationSpec::business_time(seconds{0}));
  CHECK(parsed("-2h") == sla::DurationSpec::business_time(-hours{2}));
  CHECK(parsed("-1h30m") == sla::DurationSpec::business_time(-minutes{90}));
  CHECK(parsed("90s").kind == Kind::business);
}

TEST_CASE("business days, calendar days, eobd and bd+N@HH:MM parse into their kinds",
          "[duration]") {
  const auto two_bd = parsed("2bd");
  CHECK(two_bd.kind == Kind::business_days);
  CHECK(two_bd.days == 2);
  CHECK(parsed("-2bd") == sla::DurationSpec::business_days(-2));
  CHECK(parsed("-2bd").backward);
  CHECK(parsed("3cd") == sla::DurationSpec::calendar_days(3));
  CHECK(parsed("-3cd") == sla::DurationSpec::calendar_days(-3));
  CHECK(parsed("eobd") == sla::DurationSpec::end_of_business_day());
  CHECK(parsed("eobd+2") == sla::DurationSpec::end_of_business_day(2));
  CHECK(parsed("bd+1@10:00") == sla::DurationSpec::business_day_at(1, minutes{600}));
  CHECK(parsed("bd+3@24:00") == sla::DurationSpec::business_day_at(3, minutes{1440}));
}

TEST_CASE("a bare d is rejected with a message suggesting bd or cd", "[duration]") {
  const std::string e = error_of("2d");
  CHECK_THAT(e, ContainsSubstring("'2d'"));
  CHECK_THAT(e, ContainsSubstring("2bd"));
  CHECK_THAT(e, ContainsSubstring("2cd"));
  CHECK_THAT(error_of("-5d"), ContainsSubstring("5bd") && ContainsSubstring("5cd"));
}

TEST_CASE("malformed durations are rejected with a message quoting the text", "[duration]") {
  CHECK_THAT(error_of(""), ContainsSubstring("expected business time like 30m"));
  CHECK_THAT(error_of("25:00"), ContainsSubstring("'25:00'"));
  CHECK_THAT(error_of("1m2h"), ContainsSubstring("hours to minutes to seconds"));
  CHECK_THAT(error_of("1h1h"), ContainsSubstring("hours to minutes to seconds"));
  CHECK_THAT(error_of("1.5h"),
             ContainsSubstring("'1.5h'") && ContainsSubstring("unknown unit '.'"));
  CHECK_THAT(error_of("2"), ContainsSubstring("needs a unit"));
  CHECK_THAT(error_of("2x"), ContainsSubstring("unknown unit 'x'"));
  CHECK_THAT(error_of("2bd3h"), ContainsSubstring("cannot be combined"));
  CHECK_THAT(error_of("3h2bd"), ContainsSubstring("cannot be combined"));
  CHECK_THAT(error_of("-eobd"), ContainsSubstring("cannot be negative"));
  CHECK_THAT(error_of("eobd+"), ContainsSubstring("eobd+N"));
  CHECK_THAT(error_of("eobd-1"), ContainsSubstring("eobd+N"));
  CHECK_THAT(error_of("eobd+1x"), ContainsSubstring("eobd+N"));
  CHECK_THAT(error_of("bd+1"), ContainsSubstring("bd+N@HH:MM"));
  CHECK_THAT(error_of("bd+1@25:00"), ContainsSubstring("00:00 and 24:00"));
  CHECK_THAT(error_of("bd+1@10:60"), ContainsSubstring("00:00 and 24:00"));
  CHECK_THAT(error_of("-bd+1@10:00"), ContainsSubstring("cannot be negative"));
  for (const char* bad :
       {"h", "-", "--2h", "+2h", "2 h", " 2h", "2h ", "2H", "1e3s", "10000000000h"})
    CHECK_THAT(error_of(bad), ContainsSubstring(std::string("'") + bad + "'"));
}

TEST_CASE("parse_duration throws sla::Error with the message of try_parse_duration", "[duration]") {
  CHECK(sla::parse_duration("4h") == sla::DurationSpec::business_time(hours{4}));
  CHECK_THROWS_AS(sla::parse_duration("2d"), sla::Error);
  CHECK_THROWS_WITH(sla::parse_duration("2d"), sla::try_parse_duration("2d").error);
}

TEST_CASE("the factories say which number a duration counts and refuse what has no meaning",
          "[duration]") {
  const auto bd = sla::DurationSpec::business_days(2);
  CHECK(bd.kind == Kind::business_days);
  CHECK(bd.days == 2);
  CHECK_FALSE(bd.backward);
  CHECK(bd.to_string() == "2bd");
  CHECK(sla::DurationSpec::calendar_days(-3).to_string() == "-3cd");
  CHECK(sla::DurationSpec::calendar_days(-3).backward);
  CHECK(sla::DurationSpec::end_of_business_day().to_string() == "eobd");
  CHECK(sla::DurationSpec::end_of_business_day(1).to_string() == "eobd+1");
  CHECK(sla::DurationSpec::business_day_at(1, hours{10}).to_string() == "bd+1@10:00");
  CHECK(sla::DurationSpec::business_day_at(0, hours{24}).at == hours{24});
  CHECK(sla::DurationSpec() == sla::DurationSpec::business_time(seconds{0}));
  CHECK_THROWS_AS(sla::DurationSpec::end_of_business_day(-1), sla::Error);
  CHECK_THROWS_AS(sla::DurationSpec::business_day_at(-1, hours{10}), sla::Error);
  CHECK_THROWS_AS(sla::DurationSpec::business_day_at(1, hours{24} + minutes{1}), sla::Error);
  CHECK_THROWS_AS(sla::DurationSpec::business_day_at(1, -minutes{1}), sla::Error);
}

TEST_CASE("negated counts the same amount the other way, zero included", "[duration]") {
  CHECK(sla::DurationSpec::business_days(2).negated() == parsed("-2bd"));
  CHECK(parsed("-2bd").negated() == parsed("2bd"));
  CHECK(sla::DurationSpec::business_time(hours{4}).negated() == parsed("-4h"));
  CHECK(sla::DurationSpec::business_time(seconds{0}).negated() == parsed("-0h"));
  CHECK(parsed("-0h").negated() == parsed("0h"));
  CHECK(sla::DurationSpec::calendar_days(0).negated().to_string() == "-0cd");
  CHECK_THROWS_WITH(sla::DurationSpec::end_of_business_day(1).negated(),
                    ContainsSubstring("'eobd+1'"));
  CHECK_THROWS_AS(sla::DurationSpec::business_day_at(1, hours{9}).negated(), sla::Error);
}

TEST_CASE("to_string writes the canonical text", "[duration]") {
  auto text = [](const char* in) { return parsed(in).to_string(); };
  CHECK(text("30m") == "30m");
  CHECK(text("4h") == "4h");
  CHECK(text("1h30m") == "1h30m");
  CHECK(text("90s") == "1m30s");
  CHECK(text("3600s") == "1h");
  CHECK(text("3661s") == "1h1m1s");
  CHECK(text("0s") == "0s");
  CHECK(text("-0h") == "-0s");  // counts backwards: roll_backward, not roll_forward
  CHECK(text("-0bd") == "-0bd");
  CHECK(parsed("-0h").backward);
  CHECK_FALSE(parsed("0h").backward);
  CHECK(parsed("-2h").backward);
  CHECK(text("-2h") == "-2h");
  CHECK(text("2bd") == "2bd");
  CHECK(text("-2bd") == "-2bd");
  CHECK(text("3cd") == "3cd");
  CHECK(text("eobd") == "eobd");
  CHECK(text("eobd+0") == "eobd");
  CHECK(text("eobd+2") == "eobd+2");
  CHECK(text("bd+1@10:00") == "bd+1@10:00");
  CHECK(text("bd+2@09:05") == "bd+2@09:05");
}

TEST_CASE("every duration survives a round trip through to_string", "[duration]") {
  for (const char* t :
       {"30m", "4h", "1h30m", "90s", "-2h", "-0h", "-0bd", "-0cd", "2bd", "-2bd", "3cd", "-3cd",
        "eobd", "eobd+2", "bd+1@10:00", "bd+0@00:00", "bd+9@24:00", "999999999h"}) {
    const sla::DurationSpec d = parsed(t);
    CHECK(parsed(d.to_string().c_str()) == d);
  }
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<long long> seconds_dist(-10'000'000, 10'000'000);
  for (int i = 0; i < 2000; ++i) {
    const auto d = sla::DurationSpec::business_time(seconds{seconds_dist(rng)});
    const std::string s = d.to_string();
    INFO(s);
    CHECK(parsed(s.c_str()) == d);
  }
}
