// Loading rules files (docs/semantics.md §3): valid files load, extends and include mean what
// rules/README.md says, the bundled calendars give the right days, and a RuleSet is safe to share.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers.hpp>

#include <string>
#include <thread>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/iso8601.hpp"
#include "sla/rule_set.hpp"

namespace {

using namespace std::chrono;

const std::string kData = SLA_TEST_DATA_DIR;
const std::string kSource = SLA_SOURCE_DIR;

std::string all_diagnostics(const sla::LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.to_string();
  return out;
}

// Loads text that must be valid; fails the test with the diagnostics otherwise.
sla::RuleSet load_ok(std::string_view text) {
  auto result = sla::load_rules_from_string(text, "test.yaml");
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  REQUIRE(result.diagnostics.empty());
  return *result.rules;
}

sla::Date date(std::string_view text) { return sla::parse_date(text); }

bool open_on(const sla::Calendar& calendar, std::string_view day) {
  return calendar.is_business_day(date(day));
}

// The windows of one local date as "09:00-12:00 13:00-18:00" ("" = closed), times counted from
// the date's midnight (the end of the day is 24:00, an overnight close is 30:00).
std::string hours_on(const sla::Calendar& calendar, std::string_view day) {
  const sla::Date d = date(day);
  const auto midnight = local_days{d};
  auto clock = [&](sla::LocalTime t) {
    const auto m = duration_cast<minutes>(t - midnight).count();
    return std::to_string(m / 600) + std::to_string(m / 60 % 10) + ":" +
           std::to_string(m % 60 / 10) + std::to_string(m % 10);
  };
  std::string out;
  for (const auto& w : calendar.schedule(d).windows) {
    if (!out.empty()) out += ' ';
    out += clock(w.local_open) + "-" + clock(w.local_close);
  }
  return out;
}

}  // namespace

TEST_CASE("a minimal rules file loads one calendar with its zone and weekly hours", "[rules]") {
  const auto rules = load_ok(R"(
version: 1
calendars:
  office:
    time_zone: Asia/Shanghai
    hours: {mon-fri: ["09:00-12:00", "13:00-18:00"], sat: ["10:00-12:00"]}
)");
  REQUIRE(rules.calendar_ids() == std::vector<std::string>{"office"});
  const sla::Calendar& office = rules.calendar("office");
  CHECK(office.time_zone().name() == "Asia/Shanghai");
  CHECK(hours_on(office, "2026-11-23") == "09:00-12:00 13:00-18:00");  // Monday
  CHECK(hours_on(office, "2026-11-28") == "10:00-12:00");              // Saturday
  CHECK(hours_on(office, "2026-11-29") == "");                         // Sunday: not named
  const auto t = sla::parse_instant("2026-11-23T11:00:00", office.time_zone());
  CHECK(sla::format_instant(office.add(t, hours{2}), office.time_zone()) ==
        "2026-11-23T14:00:00+08:00");
}

TEST_CASE("find_calendar returns nullptr and calendar() throws naming the known ids", "[rules]") {
  const auto rules = load_ok(
      "version: 1\ncalendars: {a: {time_zone: UTC, hours: {daily: "
      "[\"00:00-24:00\"]}}, b: {extends: a}}\n");
  CHECK(rules.find_calendar("c") == nullptr);
  CHECK(rules.find_calendar("b") != nullptr);
  CHECK_THROWS_WITH(rules.calendar("c"), "unknown calendar 'c' (the rules define: a, b)");
}

TEST_CASE("the bundled cn-2026 calendars give the 2026 holidays and make-up days", "[rules]") {
  const auto result = sla::load_rules({kSource + "/rules/calendars/cn-2026.yaml"});
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  CHECK(result.rules->calendar_ids() == std::vector<std::string>{"cn-24x7", "cn-7x8", "cn-office"});
  const sla::Calendar& office = result.rules->calendar("cn-office");
  CHECK(open_on(office, "2026-02-14"));  // a Saturday worked before the Spring Festival
  CHECK(hours_on(office, "2026-02-14") == "09:00-12:00 13:00-18:00");
  CHECK_FALSE(open_on(office, "2026-10-05"));  // National Day week, a Monday
  CHECK(office.schedule(date("2026-10-05")).name == "National Day");
  CHECK_FALSE(open_on(office, "2026-02-23"));  // last day of the Spring Festival break
  CHECK(open_on(office, "2026-02-24"));
  CHECK(open_on(office, "2026-10-10"));        // Saturday make-up day
  CHECK_FALSE(open_on(office, "2026-10-11"));  // an ordinary Sunday
  CHECK_FALSE(open_on(office, "2026-01-01"));
  CHECK(open_on(office, "2026-01-04"));  // Sunday make-up day
  // Friday 2026-09-30 17:00 + 2h of office time: the whole National Day week is skipped.
  const auto t = sla::parse_instant("2026-09-30T17:00:00", office.time_zone());
  CHECK(sla::format_instant(office.add(t, hours{2}), office.time_zone()) ==
        "2026-10-08T10:00:00+08:00");

  const sla::Calendar& desk = result.rules->calendar("cn-7x8");
  CHECK(desk.time_zone().name() == "Asia/Shanghai");  // inherited from cn-24x7
  CHECK(hours_on(desk, "2026-10-01") == "09:00-17:00");
  CHECK(hours_on(result.rules->calendar("cn-24x7"), "2026-10-01") == "00:00-24:00");
}

TEST_CASE("the bundled us-federal calendar observes holidays on the nearest weekday", "[rules]") {
  const auto result = sla::load_rules({kSource + "/rules/calendars/us-federal.yaml"});
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  const sla::Calendar& us = result.rules->calendar("us-office");
  CHECK(us.time_zone().name() == "America/New_York");
  CHECK_FALSE(open_on(us, "2026-07-03"));  // Independence Day (a Saturday) observed on Friday
  CHECK(us.schedule(date("2026-07-03")).name == "Independence Day");
  CHECK(hours_on(us, "2026-07-02") == "09:00-17:00");

  // Every weekday closed in 2026 and 2021, compared as whole lists (QuantLib style).
  auto closed_weekdays = [&](int year) {
    std::vector<std::string> out;
    for (sys_days d = sys_days{std::chrono::year{year} / January / 1};
         d <= sys_days{std::chrono::year{year} / December / 31}; d += days{1}) {
      const unsigned wd = weekday{d}.c_encoding();
      if (wd != 0 && wd != 6 && !us.is_business_day(year_month_day{d}))
        out.push_back(sla::format_date(year_month_day{d}));
    }
    return out;
  };
  CHECK(closed_weekdays(2026) == std::vector<std::string>{"2026-01-01", "2026-01-19", "2026-02-16",
                                                          "2026-05-25", "2026-06-19", "2026-07-03",
                                                          "2026-09-07", "2026-10-12", "2026-11-11",
                                                          "2026-11-26", "2026-12-25"});
  // 2021: Juneteenth's first year (Saturday → Friday 18th), Independence Day on Sunday → Monday
  // 5th, Christmas on Saturday → Friday 24th, and New Year 2022 (Saturday) → Friday 31st.
  CHECK(closed_weekdays(2021) ==
        std::vector<std::string>{"2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31",
                                 "2021-06-18", "2021-07-05", "2021-09-06", "2021-10-11",
                                 "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31"});
  // Before 2021 there was no Juneteenth holiday.
  CHECK(open_on(us, "2020-06-19"));
}

TEST_CASE("extends across an include inherits, replaces, appends and merges", "[rules]") {
  const auto result = sla::load_rules({kData + "/valid/extends.yaml"});
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  const auto& rules = *result.rules;
  CHECK(rules.calendar_ids() == std::vector<std::string>{"base", "child", "grandchild"});

  const sla::Calendar& base = rules.calendar("base");
  CHECK(hours_on(base, "2026-11-28") == "10:00-12:00");  // its own Saturday
  CHECK(hours_on(base, "2026-12-31") == "09:00-15:00");  // untouched by the child's override
  CHECK(open_on(base, "2026-10-02"));                    // the child's holiday is not its own

  const sla::Calendar& child = rules.calendar("child");
  CHECK(child.time_zone().name() == "Asia/Shanghai");     // inherited
  CHECK(hours_on(child, "2026-11-23") == "09:00-17:00");  // Monday: inherited mon-fri
  CHECK(hours_on(child, "2026-11-28") == "");             // Saturday replaced by []
  CHECK(hours_on(child, "2026-11-29") == "10:00-14:00");  // Sunday added
  CHECK_FALSE(open_on(child, "2026-10-01"));              // inherited holiday
  CHECK_FALSE(open_on(child, "2026-10-02"));              // its own holiday
  CHECK(hours_on(child, "2026-10-11") == "09:00-12:00");  // inherited make-up day beats Sunday
  CHECK(hours_on(child, "2026-10-17") == "09:00-12:00");  // its own, inherited workday_hours
  CHECK(hours_on(child, "2026-12-24") == "09:00-13:00");  // inherited override
  CHECK(hours_on(child, "2026-12-31") == "");             // its own override wins
  CHECK(child.schedule(date("2026-12-31")).kind == sla::DayKind::override_hours);

  const sla::Calendar& grandchild = rules.calendar("grandchild");
  CHECK(grandchild.time_zone().name() == "Europe/Berlin");
  CHECK(hours_on(grandchild, "2026-10-11") == "08:00-10:00");  // its workday_hours
  CHECK(hours_on(grandchild, "2026-11-29") == "10:00-14:00");  // two generations down
  const auto monday_nine = sla::parse_instant("2026-11-23T09:00:00", grandchild.time_zone());
  CHECK(sla::format_instant(monday_nine, grandchild.time_zone()) == "2026-11-23T09:00:00+01:00");
  CHECK(grandchild.is_open(monday_nine));
}

TEST_CASE("a file included twice through different paths is read once", "[rules]") {
  const auto result = sla::load_rules({kData + "/valid/diamond.yaml"});
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  CHECK(result.rules->calendar_ids() == std::vector<std::string>{"left", "right", "shared"});
  CHECK(hours_on(result.rules->calendar("left"), "2026-11-28") == "09:00-12:00");
  CHECK(hours_on(result.rules->calendar("right"), "2026-11-28") == "");
  CHECK(result.rules->calendar("right").time_zone().name() == "+08:00");
  // Given on the command line as well as included: still once.
  const auto twice =
      sla::load_rules({kData + "/valid/calendars/shared.yaml", kData + "/valid/diamond.yaml"});
  INFO(all_diagnostics(twice));
  CHECK(twice.ok());
  CHECK(twice.diagnostics.empty());
}

TEST_CASE("the calendars of the format example load as written", "[rules]") {
  const auto result = sla::load_rules({kData + "/valid/policy_spec_example.yaml"});
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  const sla::Calendar& office = result.rules->calendar("cn-office");
  CHECK(hours_on(office, "2026-02-28") == "09:00-17:00");  // make-up day with its own hours
  CHECK(hours_on(office, "2026-02-14") == "09:00-12:00 13:00-18:00");
  CHECK_FALSE(open_on(office, "2026-11-26"));  // 4th Thursday of November
  CHECK_FALSE(open_on(office, "2026-12-25"));
  CHECK(hours_on(office, "2026-12-24") == "09:00-13:00");
  CHECK(hours_on(result.rules->calendar("always"), "2026-12-25") == "00:00-24:00");
}

TEST_CASE("windows crossing midnight and 24:00 closes are read as docs/semantics.md says",
          "[rules]") {
  const auto rules = load_ok(R"(
version: 1
calendars:
  night:
    time_zone: UTC
    hours: {mon-fri: ["22:00-06:00"], sat: ["00:00-24:00"]}
    holidays: [2026-11-24]
)");
  const sla::Calendar& night = rules.calendar("night");
  CHECK(hours_on(night, "2026-11-23") == "22:00-30:00");  // Monday night into Tuesday
  CHECK(hours_on(night, "2026-11-24") == "");             // the holiday removes Tuesday's night
  CHECK(hours_on(night, "2026-11-28") == "00:00-24:00");
  const auto tuesday_two = sla::parse_instant("2026-11-24T02:00:00Z", night.time_zone());
  CHECK(night.is_open(tuesday_two));  // Monday's window, not removed by Tuesday's holiday
}

TEST_CASE("an include is relative to the including file, also for text loads", "[rules]") {
  const auto result = sla::load_rules_from_string(
      "version: 1\ninclude: calendars/base.yaml\ncalendars: {mine: {extends: base}}\n",
      kData + "/valid/inline.yaml");
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  CHECK(result.rules->calendar_ids() == std::vector<std::string>{"base", "mine"});
}

TEST_CASE("diagnostics come back sorted by file and position, with 1-based positions", "[rules]") {
  const auto result = sla::load_rules_from_string(R"(version: 1
calendars:
  b:
    extends: nowhere
  a:
    time_zone: UTC
    hours: {mon: ["25:00-26:00"]}
)",
                                                  "x.yaml");
  REQUIRE(result.diagnostics.size() == 2);
  // The extends problem is found after reading everything, yet listed first: it comes first.
  CHECK(result.diagnostics[0].code == "SLA111");
  CHECK(result.diagnostics[0].where.line == 4);
  CHECK(result.diagnostics[0].where.column == 14);
  CHECK(result.diagnostics[1].code == "SLA101");
  CHECK(result.diagnostics[1].where.line == 7);
  CHECK(result.diagnostics[1].where.column == 19);  // the opening quote
  CHECK_FALSE(result.ok());
}

TEST_CASE("a missing top-level file is one diagnostic naming it", "[rules]") {
  const auto result = sla::load_rules({"no/such/rules.yaml"});
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].to_string() ==
        "no/such/rules.yaml: error: cannot read 'no/such/rules.yaml': no such file [SLA008]\n");
}

TEST_CASE("one RuleSet answers from several threads at once", "[rules]") {
  const auto result = sla::load_rules(
      {kSource + "/rules/calendars/cn-2026.yaml", kSource + "/rules/calendars/us-federal.yaml"});
  REQUIRE(result.ok());
  const sla::RuleSet rules = *result.rules;  // a copy shares the same immutable rules
  const sla::Calendar& cn = rules.calendar("cn-office");
  const sla::Calendar& us = rules.calendar("us-office");
  const auto cn_start = sla::parse_instant("2026-09-30T17:00:00", cn.time_zone());
  const auto us_start = sla::parse_instant("2026-07-02T16:00:00", us.time_zone());
  // The answers computed alone, then by eight threads at once (year tables built concurrently).
  const auto cn_expected = sla::parse_instant("2026-10-08T10:00:00+08:00", cn.time_zone());
  const auto us_expected = sla::parse_instant("2026-07-06T10:00:00-04:00", us.time_zone());
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (std::size_t k = 0; k < wrong.size(); ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < 2000; ++i) {
        const sla::Calendar* c = rules.find_calendar(k % 2 == 0 ? "cn-office" : "us-office");
        if (c == nullptr) {
          ++wrong[k];
          continue;
        }
        const auto got = k % 2 == 0 ? c->add(cn_start, hours{2}) : c->add(us_start, hours{2});
        if (got != (k % 2 == 0 ? cn_expected : us_expected)) ++wrong[k];
        if (rules.calendar_ids().size() != 4) ++wrong[k];
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(wrong == std::vector<int>(8, 0));
}

TEST_CASE("a window covering two others is reported against each of them", "[rules]") {
  const auto result = sla::load_rules_from_string(R"(version: 1
calendars:
  office:
    time_zone: UTC
    hours: {mon: ["09:00-18:00", "10:00-11:00", "12:00-13:00", "18:00-19:00"]}
)",
                                                  "x.yaml");
  INFO(all_diagnostics(result));
  REQUIRE(result.diagnostics.size() == 3);
  CHECK(result.diagnostics[0].message == "windows 09:00-18:00 and 10:00-11:00 overlap");
  CHECK(result.diagnostics[1].message == "windows 09:00-18:00 and 12:00-13:00 overlap");
  CHECK(result.diagnostics[2].code == "SLA103");                // 18:00-19:00 touches 09:00-18:00
  CHECK(result.diagnostics[2].notes.at(0).where.column == 19);  // the note points at 09:00-18:00
}

TEST_CASE("a make-up working day on a date open anyway is a warning, not an error", "[rules]") {
  const auto result = sla::load_rules_from_string(R"(version: 1
calendars:
  office:
    time_zone: Asia/Shanghai
    hours: {mon-fri: ["09:00-17:00"]}
    holidays: [{from: 2026-10-01, to: 2026-10-07}]
    workdays: [2026-10-10, 2026-10-12, 2026-10-05]
)",
                                                  "x.yaml");
  REQUIRE(result.ok());  // warnings do not reject the rules
  REQUIRE(result.diagnostics.size() == 1);
  // 2026-10-10 is a Saturday and 2026-10-05 a holiday: both sensible. 2026-10-12 is a Monday.
  CHECK(result.diagnostics[0].to_string() ==
        "x.yaml:7:28: warning: make-up working day 2026-10-12 is a Monday that calendar 'office' "
        "is open on anyway; is the date right? [SLA114]\n");
  CHECK(result.rules->calendar("office").is_business_day(sla::parse_date("2026-10-05")));
}

TEST_CASE("time_zone takes the offsets an instant ends with, +08 included", "[rules]") {
  const auto rules = load_ok(R"(version: 1
calendars:
  short: {time_zone: "+08", hours: {mon-fri: ["09:00-17:00"]}}
  compact: {time_zone: "+0545", hours: {mon-fri: ["09:00-17:00"]}}
  long: {time_zone: "-03:30", hours: {mon-fri: ["09:00-17:00"]}}
)");
  const sla::Instant t = sla::parse_instant("2026-11-23T12:00:00Z", sla::TimeZone::utc());
  CHECK(rules.calendar("short").time_zone().offset(t) == hours{8});
  CHECK(rules.calendar("compact").time_zone().offset(t) == hours{5} + minutes{45});
  CHECK(rules.calendar("long").time_zone().offset(t) == -(hours{3} + minutes{30}));
  // The same instant written with either spelling of the offset.
  CHECK(sla::parse_instant("2026-11-23T20:00+08", sla::TimeZone::utc()) == t);

  const auto bad = sla::load_rules_from_string(R"(version: 1
calendars:
  office: {time_zone: "+25", hours: {mon-fri: ["09:00-17:00"]}}
)",
                                               "x.yaml");
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(bad.diagnostics[0].to_string() ==
        "x.yaml:3:23: error: invalid time zone '+25': the UTC offset is out of range (expected an "
        "offset like '+08:00', '+0800' or '+08', hours at most 18) [SLA104]\n");
}

TEST_CASE("holiday numbers are reported as written, negative and huge ones too", "[rules]") {
  const auto result = sla::load_rules_from_string(R"(version: 1
calendars:
  office:
    time_zone: UTC
    hours: {mon-fri: ["09:00-17:00"]}
    holidays:
      - {yearly: {month: -5, day: 1}}
      - {yearly: {month: 5, day: 99999999999}}
      - {yearly: {month: 4, day: 31}}
      - {yearly: {month: 11, weekday: thu, nth: -2}}
)",
                                                  "x.yaml");
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) lines.push_back(d.to_string());
  CHECK(lines == std::vector<std::string>{
                     "x.yaml:7:26: error: month -5 is out of range (1-12) [SLA109]\n",
                     "x.yaml:8:34: error: day 99999999999 is out of range [SLA109]\n",
                     "x.yaml:9:34: error: there is no April 31 [SLA109]\n",
                     "x.yaml:10:49: error: nth -2 is out of range (1-5, or -1 for the last) "
                     "[SLA109]\n",
                 });
}
