// tests/test_calendar.cpp — sla::Calendar, one named case per rule of docs/semantics.md §2, §2.1
// and §2.2.
//
// Fixtures are written as civil times in the calendar's zone and results compared as ISO-8601
// text with the zone's offset, so a failure reads like the spec: "2026-11-23T17:00:00+08:00".
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"

namespace {

using namespace std::chrono;
using Catch::Matchers::ContainsSubstring;
using sla::Calendar;
using sla::CalendarDefinition;
using sla::Landing;
using sla::RollConvention;

sla::LocalWindow win(const char* open, const char* close) {
  return sla::LocalWindow::from_clock(sla::parse_time_of_day(open), sla::parse_time_of_day(close));
}

sla::Date date_of(const char* text) { return sla::parse_date(text); }

/// Mon–Fri with the given windows (default 09:00-17:00).
CalendarDefinition weekdays(const std::string& zone,
                            sla::DayWindows hours = {win("09:00", "17:00")}) {
  CalendarDefinition def;
  def.id = "office";
  def.time_zone = zone;
  for (const weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday}) def.weekly[d] = hours;
  return def;
}

CalendarDefinition every_day(const std::string& zone, sla::DayWindows hours) {
  CalendarDefinition def;
  def.id = "daily";
  def.time_zone = zone;
  for (auto& d : def.weekly) d = hours;
  return def;
}

sla::HolidayRule one_off(const char* date, const char* name = "") {
  sla::HolidayRule h;
  h.name = name;
  h.first = h.last = date_of(date);
  return h;
}

sla::HolidayRule date_range(const char* first, const char* last, const char* name) {
  sla::HolidayRule h;
  h.name = name;
  h.first = date_of(first);
  h.last = date_of(last);
  return h;
}

sla::HolidayRule yearly(unsigned m, unsigned d, const char* name,
                        sla::Observance how = sla::Observance::none) {
  sla::HolidayRule h;
  h.kind = sla::HolidayRule::Kind::yearly_fixed;
  h.name = name;
  h.month = m;
  h.day = d;
  h.observed = how;
  return h;
}

sla::HolidayRule nth_weekday(unsigned m, weekday wd, int nth, const char* name) {
  sla::HolidayRule h;
  h.kind = sla::HolidayRule::Kind::yearly_weekday;
  h.name = name;
  h.month = m;
  h.weekday = wd;
  h.nth = nth;
  return h;
}

/// A calendar plus text helpers: civil input in its zone, ISO output with its offset.
struct Cal {
  Calendar cal;
  explicit Cal(const CalendarDefinition& def) : cal(Calendar::compile(def)) {}
  sla::Instant at(const char* local) const { return sla::parse_instant(local, cal.time_zone()); }
  std::string show(sla::Instant t) const { return sla::format_instant(t, cal.time_zone()); }
  std::string add(const char* local, sla::Seconds d, Landing l = Landing::close) const {
    return show(cal.add(at(local), d, l));
  }
  std::string add(const char* local, const char* duration, Landing l = Landing::close) const {
    return show(cal.add(at(local), sla::parse_duration(duration), l));
  }
  std::string roll_forward(const char* local) const { return show(cal.roll_forward(at(local))); }
  std::string roll_backward(const char* local) const { return show(cal.roll_backward(at(local))); }
  sla::Seconds between(const char* a, const char* b) const { return cal.between(at(a), at(b)); }
  std::string advance(const char* date, int n, RollConvention r = RollConvention::following) const {
    return sla::format_date(cal.advance(date_of(date), n, r));
  }
  /// "HH:MM-HH:MM" local windows of a date, for schedule assertions.
  std::vector<std::string> windows_of(const char* date) const {
    std::vector<std::string> out;
    for (const auto& w : cal.schedule(date_of(date)).windows)
      out.push_back(sla::format_local(w.local_open).substr(11, 5) + "-" +
                    sla::format_local(w.local_close).substr(11, 5));
    return out;
  }
  /// Every date of `year` for which `pred` holds, as text.
  template <class Pred>
  std::vector<std::string> dates_in(int y, Pred pred) const {
    std::vector<std::string> out;
    for (sys_days d = sys_days{year{y} / January / 1}; d <= sys_days{year{y} / December / 31};
         d += days{1})
      if (pred(sla::Date{d})) out.push_back(sla::format_date(sla::Date{d}));
    return out;
  }
};

// 2026-11-20 is a Friday, 21 Saturday, 22 Sunday, 23 Monday, 24 Tuesday.
const Cal& shanghai_office() {
  static const Cal c{weekdays("Asia/Shanghai")};
  return c;
}

}  // namespace

// =============================================================================================
// docs/semantics.md §2.1 — instants

TEST_CASE("roll_forward keeps an open instant and moves a closed one to the next opening",
          "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.roll_forward("2026-11-23T10:00") == "2026-11-23T10:00:00+08:00");
  CHECK(c.roll_forward("2026-11-23T09:00") == "2026-11-23T09:00:00+08:00");
  CHECK(c.roll_forward("2026-11-23T08:59:59") == "2026-11-23T09:00:00+08:00");
  CHECK(c.roll_forward("2026-11-23T17:00") == "2026-11-24T09:00:00+08:00");  // a close is closed
  CHECK(c.roll_forward("2026-11-21T11:00") == "2026-11-23T09:00:00+08:00");  // Saturday
}

TEST_CASE("roll_backward keeps an instant in (open, close] and moves others to the previous close",
          "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.roll_backward("2026-11-23T17:00") == "2026-11-23T17:00:00+08:00");
  CHECK(c.roll_backward("2026-11-23T10:00") == "2026-11-23T10:00:00+08:00");
  CHECK(c.roll_backward("2026-11-23T09:00") == "2026-11-20T17:00:00+08:00");  // an opening is not
  CHECK(c.roll_backward("2026-11-23T09:00:01") == "2026-11-23T09:00:01+08:00");
  CHECK(c.roll_backward("2026-11-21T11:00") == "2026-11-20T17:00:00+08:00");
}

TEST_CASE("is_open treats windows as half-open [open, close)", "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.cal.is_open(c.at("2026-11-23T09:00")));
  CHECK(c.cal.is_open(c.at("2026-11-23T16:59:59")));
  CHECK_FALSE(c.cal.is_open(c.at("2026-11-23T17:00")));
  CHECK_FALSE(c.cal.is_open(c.at("2026-11-23T08:59:59")));
  CHECK_FALSE(c.cal.is_open(c.at("2026-11-22T12:00")));
}

TEST_CASE("16:00 + 1h lands on 17:00 the same day with landing close", "[calendar][2.1]") {
  CHECK(shanghai_office().add("2026-11-23T16:00", hours{1}) == "2026-11-23T17:00:00+08:00");
}

TEST_CASE("16:00 + 1h lands on next day 09:00 with landing next_open", "[calendar][2.1]") {
  CHECK(shanghai_office().add("2026-11-23T16:00", hours{1}, Landing::next_open) ==
        "2026-11-24T09:00:00+08:00");
}

TEST_CASE("a deadline inside a window is the same with either landing", "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-23T16:00", minutes{30}) == "2026-11-23T16:30:00+08:00");
  CHECK(c.add("2026-11-23T16:00", minutes{30}, Landing::next_open) == "2026-11-23T16:30:00+08:00");
  CHECK(c.add("2026-11-23T16:00", hours{1} + seconds{1}) == "2026-11-24T09:00:01+08:00");
}

TEST_CASE("adding zero business time rolls forward with either landing", "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-21T11:00", seconds{0}) == "2026-11-23T09:00:00+08:00");
  CHECK(c.add("2026-11-21T11:00", seconds{0}, Landing::next_open) == "2026-11-23T09:00:00+08:00");
  CHECK(c.add("2026-11-23T10:15", seconds{0}) == "2026-11-23T10:15:00+08:00");
  CHECK(c.add("2026-11-23T17:00", seconds{0}) == "2026-11-24T09:00:00+08:00");
}

TEST_CASE("business time added before opening or over a weekend counts open time only",
          "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-23T07:00", hours{2}) == "2026-11-23T11:00:00+08:00");
  CHECK(c.add("2026-11-20T16:00", hours{2}) == "2026-11-23T10:00:00+08:00");
  CHECK(c.add("2026-11-21T11:00", hours{8}) == "2026-11-23T17:00:00+08:00");
  CHECK(c.add("2026-11-21T11:00", hours{8}, Landing::next_open) == "2026-11-24T09:00:00+08:00");
  CHECK(c.add("2026-11-23T09:00", hours{40}) == "2026-11-27T17:00:00+08:00");  // one whole week
}

TEST_CASE("subtracting business time that is used up exactly at an opening returns the opening",
          "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-24T10:00", -hours{1}) == "2026-11-24T09:00:00+08:00");
  CHECK(c.add("2026-11-24T10:00", -(hours{1} + seconds{1})) == "2026-11-23T16:59:59+08:00");
  CHECK(c.add("2026-11-23T10:00", -hours{2}) == "2026-11-20T16:00:00+08:00");
}

TEST_CASE("subtracting from a closed instant starts at the previous close", "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-21T11:00", -hours{1}) == "2026-11-20T16:00:00+08:00");
  CHECK(c.add("2026-11-21T11:00", -hours{8}) == "2026-11-20T09:00:00+08:00");
  // add(t, -0) cannot be told from add(t, 0) through std::chrono::seconds: it rolls forward.
  CHECK(c.add("2026-11-21T11:00", -seconds{0}) == "2026-11-23T09:00:00+08:00");
}

TEST_CASE("a duration written -0h or -0bd rolls backward, 0h and 0bd roll forward",
          "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-21T11:00", "-0h") == "2026-11-20T17:00:00+08:00");
  CHECK(c.add("2026-11-21T11:00", "0h") == "2026-11-23T09:00:00+08:00");
  CHECK(c.add("2026-11-21T11:00", "-0bd") == "2026-11-20T17:00:00+08:00");
  CHECK(c.add("2026-11-21T11:00", "0bd") == "2026-11-23T09:00:00+08:00");
  CHECK(c.add("2026-11-23T10:00", "-0h") == "2026-11-23T10:00:00+08:00");  // open: unchanged
}

TEST_CASE("calendar days beyond the supported years give sla::Error, not a wrapped date",
          "[calendar][2.2]") {
  const Cal& c = shanghai_office();
  CHECK_THROWS_AS(c.add("2026-11-21T11:00", "999999999cd"), sla::Error);
  CHECK_THROWS_AS(c.add("2026-11-21T11:00", "-999999999cd"), sla::Error);
  CHECK(c.add("2026-11-21T11:00", "100000cd") ==
        "2300-09-06T11:00:00+08:00");  // Python datetime agrees
}

TEST_CASE("between counts business seconds in [a, b) and is negative when b is before a",
          "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  CHECK(c.between("2026-11-20T16:00", "2026-11-23T10:00") == hours{2});
  CHECK(c.between("2026-11-23T10:00", "2026-11-20T16:00") == -hours{2});
  CHECK(c.between("2026-11-21T00:00", "2026-11-23T00:00") == seconds{0});
  CHECK(c.between("2026-11-23T12:00", "2026-11-23T12:00") == seconds{0});
  CHECK(c.between("2026-11-23T00:00", "2026-11-30T00:00") == hours{40});
  CHECK(c.between("2025-12-31T16:00", "2026-01-01T10:00") == hours{2});  // across a year boundary
  CHECK(c.between("2020-01-01T00:00", "2030-01-01T00:00") ==
        hours{8} * 2609);  // 2609 weekdays in 2020–2029 (numpy.busday_count)
}

TEST_CASE("windows lists the open windows overlapping a range, in time order, with local times",
          "[calendar][2.1]") {
  const Cal& c = shanghai_office();
  const auto ws = c.cal.windows(c.at("2026-11-20T12:00"), c.at("2026-11-24T09:00"));
  REQUIRE(ws.size() == 2);
  CHECK(sla::format_date(ws[0].day) == "2026-11-20");
  CHECK(c.show(ws[0].open) == "2026-11-20T09:00:00+08:00");
  CHECK(c.show(ws[0].close) == "2026-11-20T17:00:00+08:00");
  CHECK(sla::format_date(ws[1].day) == "2026-11-23");
  CHECK(sla::format_local(ws[1].local_open) == "2026-11-23T09:00:00");
  CHECK(sla::format_local(ws[1].local_close) == "2026-11-23T17:00:00");
  CHECK(c.cal.windows(c.at("2026-11-21T00:00"), c.at("2026-11-23T00:00")).empty());
  CHECK(c.cal.windows(c.at("2026-11-23T12:00"), c.at("2026-11-23T12:00")).empty());
}

TEST_CASE("a lunch break is skipped: 11:00 + 2h is 14:00", "[calendar][2]") {
  const Cal c{weekdays("Asia/Shanghai", {win("09:00", "12:00"), win("13:00", "18:00")})};
  CHECK(c.add("2026-11-23T11:00", hours{2}) == "2026-11-23T14:00:00+08:00");
  CHECK(c.add("2026-11-23T11:00", hours{1}) == "2026-11-23T12:00:00+08:00");
  CHECK(c.add("2026-11-23T11:00", hours{1}, Landing::next_open) == "2026-11-23T13:00:00+08:00");
  CHECK(c.add("2026-11-23T14:00", -hours{1}) == "2026-11-23T13:00:00+08:00");
  CHECK(c.roll_forward("2026-11-23T12:30") == "2026-11-23T13:00:00+08:00");
  CHECK(c.roll_backward("2026-11-23T12:30") == "2026-11-23T12:00:00+08:00");
  CHECK(c.between("2026-11-23T00:00", "2026-11-24T00:00") == hours{8});
}

TEST_CASE(
    "an overnight window belongs to the day it opens: a holiday on that day removes all of it",
    "[calendar][2]") {
  CalendarDefinition def = weekdays("UTC", {win("22:00", "06:00")});
  def.holidays.push_back(one_off("2026-11-23", "Monday off"));
  const Cal c{def};
  CHECK(c.windows_of("2026-11-23").empty());
  CHECK_FALSE(c.cal.is_open(c.at("2026-11-23T23:00")));
  CHECK_FALSE(c.cal.is_open(c.at("2026-11-24T02:00")));  // Monday's window, after midnight
  CHECK(c.cal.is_open(c.at("2026-11-24T22:00")));        // Tuesday's own window
  CHECK(c.cal.schedule(date_of("2026-11-23")).name == "Monday off");
}

TEST_CASE("an overnight window is kept when the next day is a holiday", "[calendar][2]") {
  CalendarDefinition def = weekdays("UTC", {win("22:00", "06:00")});
  def.holidays.push_back(one_off("2026-11-24", "Tuesday off"));
  const Cal c{def};
  CHECK(c.windows_of("2026-11-23") == std::vector<std::string>{"22:00-06:00"});
  CHECK(c.cal.is_open(c.at("2026-11-24T02:00")));        // Monday's window runs into the holiday
  CHECK_FALSE(c.cal.is_open(c.at("2026-11-24T22:00")));  // the holiday's own window is gone
  CHECK(c.add("2026-11-23T23:00", hours{7}) == "2026-11-24T06:00:00+00:00");
  CHECK(c.add("2026-11-23T23:00", hours{8}) == "2026-11-25T23:00:00+00:00");
  CHECK(c.add("2026-11-24T05:00", "eobd") == "2026-11-24T06:00:00+00:00");
  CHECK(c.cal.is_business_day(date_of("2026-11-23")));
  CHECK_FALSE(c.cal.is_business_day(date_of("2026-11-24")));
}

TEST_CASE("a 24:00 close touches the next day's 00:00 open and is counted once", "[calendar][2]") {
  const Cal c{every_day("UTC", {win("00:00", "24:00")})};
  CHECK(c.cal.is_open(c.at("2026-11-24T00:00")));
  CHECK(c.between("2026-11-23T00:00", "2026-11-25T00:00") == hours{48});
  CHECK(c.add("2026-11-23T23:00", hours{2}) == "2026-11-24T01:00:00+00:00");
  CHECK(c.add("2026-11-23T23:00", hours{1}, Landing::next_open) == "2026-11-24T00:00:00+00:00");
  CHECK(c.add("2026-12-31T23:00", hours{2}) == "2027-01-01T01:00:00+00:00");
  CHECK(c.roll_backward("2027-01-01T00:00") == "2027-01-01T00:00:00+00:00");
  CHECK(c.add("2026-11-24T00:00", "-1bd") == "2026-11-23T00:00:00+00:00");
}

TEST_CASE("an overnight window that overlaps the next morning's window counts the overlap once",
          "[calendar][2]") {
  const Cal c{every_day("UTC", {win("05:00", "09:00"), win("22:00", "06:00")})};
  CHECK(c.between("2026-11-23T22:00", "2026-11-24T09:00") == hours{11});
  CHECK(c.add("2026-11-23T22:00", hours{10}) == "2026-11-24T08:00:00+00:00");
}

TEST_CASE("overlapping or touching windows within one day are a load error", "[calendar][2]") {
  CHECK_THROWS_WITH(
      Calendar::compile(weekdays("UTC", {win("09:00", "12:00"), win("11:00", "14:00")})),
      ContainsSubstring("overlap"));
  CHECK_THROWS_WITH(
      Calendar::compile(weekdays("UTC", {win("09:00", "12:00"), win("12:00", "14:00")})),
      ContainsSubstring("touch"));
  CHECK_THROWS_AS(Calendar::compile(weekdays("UTC", {sla::LocalWindow{hours{9}, hours{9}}})),
                  sla::Error);
}

// =============================================================================================
// docs/semantics.md §2 — exceptions and precedence

TEST_CASE("a make-up day uses workday_hours", "[calendar][2]") {
  CalendarDefinition def = weekdays("Asia/Shanghai");
  def.workday_hours = sla::DayWindows{win("10:00", "15:00")};
  def.workdays.push_back({date_of("2026-11-21"), std::nullopt});
  def.workdays.push_back({date_of("2026-11-22"), sla::DayWindows{win("08:00", "09:00")}});
  const Cal c{def};
  CHECK(c.windows_of("2026-11-21") == std::vector<std::string>{"10:00-15:00"});
  CHECK(c.windows_of("2026-11-22") == std::vector<std::string>{"08:00-09:00"});
  CHECK(c.cal.schedule(date_of("2026-11-21")).kind == sla::DayKind::make_up_workday);
  CHECK(c.add("2026-11-20T16:00", hours{2}) == "2026-11-21T11:00:00+08:00");
}

TEST_CASE("workday_hours defaults to Monday's windows, or the first later weekday that has any",
          "[calendar][2]") {
  CalendarDefinition def = weekdays("UTC", {win("09:00", "12:00"), win("13:00", "18:00")});
  def.weekly[Monday] = {win("07:00", "11:00")};  // Monday differs from the rest
  def.workdays.push_back({date_of("2026-11-22"), std::nullopt});
  CHECK(Cal{def}.windows_of("2026-11-22") == std::vector<std::string>{"07:00-11:00"});
  def.weekly[Monday].clear();  // no Monday hours: Tuesday's are used
  def.weekly[Tuesday] = {win("08:30", "16:30")};
  CHECK(Cal{def}.windows_of("2026-11-22") == std::vector<std::string>{"08:30-16:30"});
  CalendarDefinition weekend_only;
  weekend_only.weekly[Sunday] = {win("11:00", "12:00")};  // only Sunday: wraps round to it
  weekend_only.workdays.push_back({date_of("2026-11-24"), std::nullopt});
  CHECK(Cal{weekend_only}.windows_of("2026-11-24") == std::vector<std::string>{"11:00-12:00"});
}

TEST_CASE("an override replaces a date's windows and an empty override closes it",
          "[calendar][2]") {
  CalendarDefinition def = weekdays("Asia/Shanghai");
  def.overrides.push_back({date_of("2026-12-24"), {win("09:00", "13:00")}});
  def.overrides.push_back({date_of("2026-12-28"), {}});
  def.overrides.push_back({date_of("2026-12-29"), {win("09:00", "10:00")}});
  def.overrides.push_back({date_of("2026-12-29"), {win("14:00", "15:00")}});  // a later entry wins
  const Cal c{def};
  CHECK(c.windows_of("2026-12-24") == std::vector<std::string>{"09:00-13:00"});
  CHECK(c.add("2026-12-24T12:00", hours{2}) == "2026-12-25T10:00:00+08:00");
  CHECK(c.windows_of("2026-12-28").empty());
  CHECK_FALSE(c.cal.is_business_day(date_of("2026-12-28")));
  CHECK(c.cal.schedule(date_of("2026-12-28")).kind == sla::DayKind::override_hours);
  CHECK(c.windows_of("2026-12-29") == std::vector<std::string>{"14:00-15:00"});
}

TEST_CASE("precedence for a date is override > make-up workday > holiday > weekly template",
          "[calendar][2]") {
  CalendarDefinition def = weekdays("UTC");
  // 2026-12-21..25 (Mon–Fri) are all holidays; 22–24 are also make-up days; 23 also an override.
  def.holidays.push_back(date_range("2026-12-21", "2026-12-25", "Winter break"));
  for (const char* d : {"2026-12-22", "2026-12-23", "2026-12-24"})
    def.workdays.push_back({date_of(d), sla::DayWindows{win("10:00", "11:00")}});
  def.overrides.push_back({date_of("2026-12-23"), {win("12:00", "13:00")}});
  def.overrides.push_back({date_of("2026-12-24"), {}});
  const Cal c{def};
  CHECK(c.cal.schedule(date_of("2026-12-18")).kind == sla::DayKind::weekly);
  CHECK(c.windows_of("2026-12-18") == std::vector<std::string>{"09:00-17:00"});
  CHECK(c.cal.schedule(date_of("2026-12-21")).kind == sla::DayKind::holiday);
  CHECK(c.cal.schedule(date_of("2026-12-21")).name == "Winter break");
  CHECK(c.windows_of("2026-12-21").empty());
  CHECK(c.cal.schedule(date_of("2026-12-22")).kind == sla::DayKind::make_up_workday);
  CHECK(c.windows_of("2026-12-22") == std::vector<std::string>{"10:00-11:00"});
  CHECK(c.cal.schedule(date_of("2026-12-23")).kind == sla::DayKind::override_hours);
  CHECK(c.windows_of("2026-12-23") == std::vector<std::string>{"12:00-13:00"});
  CHECK(c.windows_of("2026-12-24").empty());  // an empty override beats the make-up day
  CHECK(c.add("2026-12-18T16:00", hours{2}) == "2026-12-22T11:00:00+00:00");
}

// =============================================================================================
// docs/semantics.md §2.1 — business days, numpy.busday_offset

TEST_CASE("Saturday + 1 business day is Tuesday with following and Monday with preceding",
          "[calendar][2.1][advance]") {
  const Cal& c = shanghai_office();
  CHECK(c.advance("2026-11-21", 1) == "2026-11-24");
  CHECK(c.advance("2026-11-21", 1, RollConvention::following) == "2026-11-24");
  CHECK(c.advance("2026-11-21", 1, RollConvention::preceding) == "2026-11-23");
  CHECK(c.advance("2026-11-21", 0, RollConvention::following) == "2026-11-23");
  CHECK(c.advance("2026-11-21", 0, RollConvention::preceding) == "2026-11-20");
  CHECK(c.advance("2026-11-21", -1, RollConvention::following) == "2026-11-20");
  CHECK(c.advance("2026-11-23", -1) == "2026-11-20");
  CHECK(c.advance("2026-11-23", 5) == "2026-11-30");
  CHECK(c.advance("2026-12-31", 1) == "2027-01-01");
  CHECK(c.advance("2026-11-23", 261) == "2027-11-23");  // numpy.busday_offset agrees
}

TEST_CASE("modified_following rolls back and modified_preceding rolls on at a month boundary",
          "[calendar][2.1][advance]") {
  const Cal& c = shanghai_office();
  // 2026-01-31 is a Saturday: following leaves January, so modified_following takes Friday 30th.
  CHECK(c.advance("2026-01-31", 0, RollConvention::modified_following) == "2026-01-30");
  CHECK(c.advance("2026-01-31", 1, RollConvention::modified_following) == "2026-02-02");
  CHECK(c.advance("2026-01-24", 0, RollConvention::modified_following) == "2026-01-26");
  // 2026-11-01 is a Sunday: preceding leaves November, so modified_preceding takes Monday 2nd.
  CHECK(c.advance("2026-11-01", 0, RollConvention::modified_preceding) == "2026-11-02");
  CHECK(c.advance("2026-11-08", 0, RollConvention::modified_preceding) == "2026-11-06");
  CHECK(c.advance("2026-11-23", 0, RollConvention::modified_preceding) == "2026-11-23");
}

TEST_CASE("modified conventions compare the month number within the year, as numpy does",
          "[calendar][2.1][advance]") {
  // numpy's days_to_month_number is the month of the year (1-12), so a following roll that lands
  // in December a year later counts as "the same month": numpy.busday_offset('2026-12-20', 0,
  // roll='modifiedfollowing', holidays=<2026-12-16 .. 2027-12-09>) == 2027-12-10.
  CalendarDefinition def = weekdays("UTC");
  def.holidays.push_back(date_range("2026-12-16", "2027-12-09", "sabbatical"));
  const Cal c{def};
  CHECK(c.advance("2026-12-20", 0, RollConvention::modified_following) == "2027-12-10");
  CHECK(c.advance("2027-12-05", 0, RollConvention::modified_preceding) == "2026-12-15");
}

TEST_CASE("the raise convention rejects a non-business date by name", "[calendar][2.1][advance]") {
  const Cal& c = shanghai_office();
  CHECK_THROWS_WITH(c.cal.advance(date_of("2026-11-21"), 1, RollConvention::raise),
                    ContainsSubstring("2026-11-21") && ContainsSubstring("not a business day"));
  CHECK(c.advance("2026-11-23", 1, RollConvention::raise) == "2026-11-24");
}

TEST_CASE("a business day is a date on which at least one window opens", "[calendar][2.1]") {
  CalendarDefinition def = every_day("America/New_York", {win("02:00", "02:30")});
  def.holidays.push_back(one_off("2026-03-10"));
  const Cal c{def};
  CHECK(c.cal.is_business_day(date_of("2026-03-07")));
  CHECK_FALSE(c.cal.is_business_day(date_of("2026-03-08")));  // the window lies in the DST gap
  CHECK_FALSE(c.cal.is_business_day(date_of("2026-03-10")));  // holiday
  CHECK(c.advance("2026-03-07", 1) == "2026-03-09");
}

// =============================================================================================
// docs/semantics.md §2.2 — durations

TEST_CASE("Saturday 11:00 + 1bd is Tuesday 09:00", "[calendar][2.2]") {
  CHECK(shanghai_office().add("2026-11-21T11:00", "1bd") == "2026-11-24T09:00:00+08:00");
}

TEST_CASE("Nbd keeps the local time of day N business days later", "[calendar][2.2]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-23T10:00", "2bd") == "2026-11-25T10:00:00+08:00");
  CHECK(c.add("2026-11-20T16:30", "1bd") == "2026-11-23T16:30:00+08:00");
  CHECK(c.add("2026-11-23T17:00", "1bd") == "2026-11-25T09:00:00+08:00");  // rolls to Tue 09:00
  CHECK(c.add("2026-11-23T10:00", "0bd") == "2026-11-23T10:00:00+08:00");
}

TEST_CASE("Nbd clamps the time of day into the target day's open hours", "[calendar][2.2]") {
  CalendarDefinition def = weekdays("UTC");
  def.overrides.push_back({date_of("2026-11-24"), {win("10:00", "12:00"), win("14:00", "15:00")}});
  const Cal c{def};
  CHECK(c.add("2026-11-23T09:30", "1bd") == "2026-11-24T10:00:00+00:00");  // before first open
  CHECK(c.add("2026-11-23T16:00", "1bd") == "2026-11-24T15:00:00+00:00");  // after last close
  CHECK(c.add("2026-11-23T16:00", "1bd", Landing::next_open) == "2026-11-25T09:00:00+00:00");
  CHECK(c.add("2026-11-23T13:00", "1bd") == "2026-11-24T14:00:00+00:00");   // break: next open
  CHECK(c.add("2026-11-25T13:00", "-1bd") == "2026-11-24T12:00:00+00:00");  // break: prev close
  CHECK(c.add("2026-11-23T11:00", "1bd") == "2026-11-24T11:00:00+00:00");
}

TEST_CASE("-Nbd rolls backward and keeps the time of day N business days earlier",
          "[calendar][2.2]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-25T10:00", "-2bd") == "2026-11-23T10:00:00+08:00");
  CHECK(c.add("2026-11-23T08:00", "-1bd") == "2026-11-19T17:00:00+08:00");  // from Fri 17:00
  CHECK(c.add("2026-11-22T12:00", "-1bd") == "2026-11-19T17:00:00+08:00");
  CHECK(c.add("2026-11-24T09:00", "-1bd") == "2026-11-20T17:00:00+08:00");
}

TEST_CASE("Ncd is N times 24 hours of wall time, whatever the clock", "[calendar][2.2]") {
  const Cal c{weekdays("America/New_York")};
  CHECK(c.add("2026-11-21T11:00", "3cd") == "2026-11-24T11:00:00-05:00");
  // Across spring-forward, 72 elapsed hours read one hour later on the wall clock.
  CHECK(c.add("2026-03-07T12:00", "3cd") == "2026-03-10T13:00:00-04:00");
  CHECK(c.add("2026-03-10T13:00", "-3cd") == "2026-03-07T12:00:00-05:00");
}

TEST_CASE("eobd is the last close of the business day on which the clock starts",
          "[calendar][2.2]") {
  const Cal c{weekdays("Asia/Shanghai", {win("09:00", "12:00"), win("13:00", "18:00")})};
  CHECK(c.add("2026-11-23T10:00", "eobd") == "2026-11-23T18:00:00+08:00");
  CHECK(c.add("2026-11-23T12:30", "eobd") == "2026-11-23T18:00:00+08:00");
  CHECK(c.add("2026-11-23T07:00", "eobd") == "2026-11-23T18:00:00+08:00");
  CHECK(c.add("2026-11-23T18:00", "eobd") == "2026-11-24T18:00:00+08:00");  // starts on Tuesday
  CHECK(c.add("2026-11-21T11:00", "eobd") == "2026-11-23T18:00:00+08:00");
  CHECK(c.add("2026-11-23T10:00", "eobd+2") == "2026-11-25T18:00:00+08:00");
  CHECK(c.add("2026-11-20T10:00", "eobd+1") == "2026-11-23T18:00:00+08:00");
  CHECK(c.add("2026-11-23T10:00", "eobd", Landing::next_open) == "2026-11-24T09:00:00+08:00");
}

TEST_CASE("bd+1@10:00 is 10:00 on the business day after the one the clock starts on",
          "[calendar][2.2]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-23T15:00", "bd+1@10:00") == "2026-11-24T10:00:00+08:00");
  CHECK(c.add("2026-11-20T15:00", "bd+1@10:00") == "2026-11-23T10:00:00+08:00");
  CHECK(c.add("2026-11-23T08:00", "bd+1@10:00") == "2026-11-24T10:00:00+08:00");
  CHECK(c.add("2026-11-21T11:00", "bd+1@10:00") == "2026-11-24T10:00:00+08:00");  // starts Monday
  CHECK(c.add("2026-11-23T15:00", "bd+2@16:30") == "2026-11-25T16:30:00+08:00");
  // The time is wall-clock and not clamped into the windows.
  CHECK(c.add("2026-11-23T15:00", "bd+1@20:00") == "2026-11-24T20:00:00+08:00");
}

TEST_CASE("business-time durations behave as add with seconds", "[calendar][2.2]") {
  const Cal& c = shanghai_office();
  CHECK(c.add("2026-11-23T16:00", "1h30m") == "2026-11-24T09:30:00+08:00");
  CHECK(c.add("2026-11-23T16:00", "90s") == "2026-11-23T16:01:30+08:00");
  CHECK(c.add("2026-11-24T10:00", "-2h") == "2026-11-23T16:00:00+08:00");
  CHECK(c.add("2026-11-23T16:00", "1h", Landing::next_open) == "2026-11-24T09:00:00+08:00");
}

// =============================================================================================
// DST (docs/semantics.md §1): business time is elapsed real time inside windows

TEST_CASE("a 01:00-05:00 window holds 3 h on 2026-03-08 and 5 h on 2026-11-01 in New York",
          "[calendar][dst]") {
  const Cal c{every_day("America/New_York", {win("01:00", "05:00")})};
  CHECK(c.between("2026-03-08T00:00", "2026-03-09T00:00") == hours{3});
  CHECK(c.between("2026-11-01T00:00", "2026-11-02T00:00") == hours{5});
  CHECK(c.between("2026-03-07T00:00", "2026-03-08T00:00") == hours{4});
  const auto spring = c.cal.schedule(date_of("2026-03-08")).windows;
  REQUIRE(spring.size() == 1);
  CHECK(c.show(spring[0].open) == "2026-03-08T01:00:00-05:00");
  CHECK(c.show(spring[0].close) == "2026-03-08T05:00:00-04:00");
  const auto autumn = c.cal.schedule(date_of("2026-11-01")).windows;
  REQUIRE(autumn.size() == 1);
  CHECK(c.show(autumn[0].open) == "2026-11-01T01:00:00-04:00");  // the earlier 01:00
  CHECK(c.show(autumn[0].close) == "2026-11-01T05:00:00-05:00");
  CHECK(c.add("2026-03-08T01:00", hours{2}) == "2026-03-08T04:00:00-04:00");
  CHECK(c.add("2026-03-08T01:00", hours{3}) == "2026-03-08T05:00:00-04:00");
  CHECK(c.add("2026-03-08T01:00", hours{3} + minutes{30}) == "2026-03-09T01:30:00-04:00");
  CHECK(c.add("2026-11-01T01:00", hours{4}) == "2026-11-01T04:00:00-05:00");
  CHECK(c.add("2026-11-01T05:00", -hours{5}) == "2026-11-01T01:00:00-04:00");
}

TEST_CASE(
    "a 02:00-03:00 window holds nothing on spring-forward and an hour on fall-back in New York",
    "[calendar][dst]") {
  const Cal c{every_day("America/New_York", {win("02:00", "03:00")})};
  CHECK(c.between("2026-03-08T00:00", "2026-03-09T00:00") == seconds{0});
  CHECK_FALSE(c.cal.is_business_day(date_of("2026-03-08")));
  CHECK(c.between("2026-11-01T00:00", "2026-11-02T00:00") == hours{1});
  CHECK(c.roll_forward("2026-03-08T01:30") == "2026-03-09T02:00:00-04:00");
  CHECK(c.add("2026-03-07T02:30", hours{1}) == "2026-03-09T02:30:00-04:00");
}

TEST_CASE("Lord Howe's 30-minute DST shift gives 3.5 h and 4.5 h to a 01:00-05:00 window",
          "[calendar][dst]") {
  const Cal c{every_day("Australia/Lord_Howe", {win("01:00", "05:00")})};
  CHECK(c.between("2026-10-04T00:00", "2026-10-05T00:00") == hours{3} + minutes{30});
  CHECK(c.between("2026-04-05T00:00", "2026-04-06T00:00") == hours{4} + minutes{30});
  CHECK(c.add("2026-10-04T01:00", hours{1} + minutes{30}) == "2026-10-04T03:00:00+11:00");
  CHECK(c.add("2026-04-05T01:00", hours{1}) == "2026-04-05T01:30:00+10:30");  // 01:30 LHST
  const Cal gap{every_day("Australia/Lord_Howe", {win("02:00", "02:30"), win("09:00", "10:00")})};
  CHECK(gap.between("2026-10-04T00:00", "2026-10-05T00:00") == hours{1});
  // On fall-back 02:00 comes after the repeated half hour [01:30, 02:00): 02:00-02:30 is 30 min.
  CHECK(gap.between("2026-04-05T00:00", "2026-04-06T00:00") == hours{1} + minutes{30});
  const Cal repeated{every_day("Australia/Lord_Howe", {win("01:30", "02:30")})};
  CHECK(repeated.between("2026-04-05T00:00", "2026-04-06T00:00") == hours{1} + minutes{30});
  CHECK(repeated.between("2026-10-04T00:00", "2026-10-05T00:00") == minutes{30});
}

TEST_CASE("a 24-hour day in Berlin holds 25 h on fall-back and 23 h on spring-forward",
          "[calendar][dst]") {
  const Cal c{every_day("Europe/Berlin", {win("00:00", "24:00")})};
  CHECK(c.between("2026-10-25T00:00", "2026-10-26T00:00") == hours{25});
  CHECK(c.between("2026-03-29T00:00", "2026-03-30T00:00") == hours{23});
  CHECK(c.add("2026-10-25T01:00", hours{2}) == "2026-10-25T02:00:00+01:00");
}

TEST_CASE(
    "Pacific/Apia skipped 2011-12-30: no business day, and the 29th's window ends on the 31st",
    "[calendar][dst]") {
  // Samoa moved across the date line: 2011-12-29 23:59:59 (-10:00) was followed by
  // 2011-12-31 00:00:00 (+14:00). A 24:00 close of the 29th is the first instant of the 31st.
  const Cal c{every_day("Pacific/Apia", {win("09:00", "24:00")})};
  CHECK_FALSE(c.cal.is_business_day(date_of("2011-12-30")));
  CHECK(c.between("2011-12-29T00:00", "2012-01-01T00:00") == hours{30});
  CHECK(c.advance("2011-12-29", 1) == "2011-12-31");
  CHECK(c.add("2011-12-29T20:00", "eobd") == "2011-12-31T00:00:00+14:00");
  CHECK(c.add("2011-12-29T20:00", "1bd") == "2011-12-31T20:00:00+14:00");
  CHECK(c.roll_backward("2011-12-31T00:00") == "2011-12-31T00:00:00+14:00");
  // -1bd from the 29th's close: the same time of day (48:00 after the 29th's midnight) on the
  // 28th, clamped to the 28th's last close.
  CHECK(c.add("2011-12-31T00:00", "-1bd") == "2011-12-29T00:00:00-10:00");
  CHECK(c.add("2011-12-31T05:00", "-1bd") == "2011-12-29T00:00:00-10:00");  // rolls back first
  CHECK(c.add("2011-12-31T10:00", "-1bd") == "2011-12-29T10:00:00-10:00");
}

TEST_CASE(
    "St John's fell back across midnight in 2000: an instant reading 10-28 23:31 is in the "
    "29th's window",
    "[calendar][dst]") {
  // Until 2011 St John's changed clocks at 00:01: 2000-10-29 00:00:59 NDT (-02:30) was followed
  // by 2000-10-28 23:01 NST (-03:30). 2000-10-29T03:01Z reads 10-28 23:31 but lies after the
  // 29th's midnight (02:30Z), inside the 29th's window.
  const Cal c{every_day("America/St_Johns", {win("00:00", "24:00")})};
  const sla::Instant t = sla::parse_instant("2000-10-29T03:01:00Z", c.cal.time_zone());
  CHECK(c.show(t) == "2000-10-28T23:31:00-03:30");
  CHECK(c.show(c.cal.add(t, sla::parse_duration("eobd"))) == "2000-10-30T00:00:00-03:30");
  // 1bd keeps the time of day relative to the 29th's midnight (-29 min), clamped to the 30th's
  // open.
  CHECK(c.show(c.cal.add(t, sla::parse_duration("1bd"))) == "2000-10-30T00:00:00-03:30");
  CHECK(c.show(c.cal.add(t, sla::parse_duration("bd+1@09:00"))) == "2000-10-30T09:00:00-03:30");
  const auto ws = c.cal.windows(t - minutes{5}, t);
  REQUIRE(ws.size() == 1);
  CHECK(sla::format_date(ws[0].day) == "2000-10-29");
  CHECK(c.cal.windows(t - hours{1}, t).size() == 2);
}

// =============================================================================================
// Real calendars, checked as whole lists (QuantLib style)

namespace {

CalendarDefinition china_2026() {
  CalendarDefinition def =
      weekdays("Asia/Shanghai", {win("09:00", "12:00"), win("13:00", "18:00")});
  def.id = "cn-2026";
  def.holidays = {date_range("2026-01-01", "2026-01-03", "New Year"),
                  date_range("2026-02-15", "2026-02-23", "Spring Festival"),
                  date_range("2026-04-04", "2026-04-06", "Qingming"),
                  date_range("2026-05-01", "2026-05-05", "Labour Day"),
                  date_range("2026-06-19", "2026-06-21", "Dragon Boat"),
                  date_range("2026-09-25", "2026-09-27", "Mid-Autumn"),
                  date_range("2026-10-01", "2026-10-07", "National Day")};
  for (const char* d :
       {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    def.workdays.push_back({date_of(d), std::nullopt});
  return def;
}

CalendarDefinition us_federal() {
  using sla::Observance;
  CalendarDefinition def = weekdays("America/New_York");
  def.id = "us-federal";
  def.holidays = {yearly(1, 1, "New Year's Day", Observance::nearest_weekday),
                  nth_weekday(1, Monday, 3, "Martin Luther King Jr. Day"),
                  nth_weekday(2, Monday, 3, "Washington's Birthday"),
                  nth_weekday(5, Monday, -1, "Memorial Day"),
                  yearly(6, 19, "Juneteenth", Observance::nearest_weekday),
                  yearly(7, 4, "Independence Day", Observance::nearest_weekday),
                  nth_weekday(9, Monday, 1, "Labor Day"),
                  nth_weekday(10, Monday, 2, "Columbus Day"),
                  yearly(11, 11, "Veterans Day", Observance::nearest_weekday),
                  nth_weekday(11, Thursday, 4, "Thanksgiving"),
                  yearly(12, 25, "Christmas Day", Observance::nearest_weekday)};
  def.holidays[4].since_year = 2021;
  def.holidays[1].since_year = 1986;
  return def;
}

using Dates = std::vector<std::string>;

}  // namespace

TEST_CASE(
    "the 2026 mainland China calendar has 248 business days with its make-up Saturdays and Sundays",
    "[calendar][cn]") {
  const Cal c{china_2026()};
  const auto business = c.dates_in(2026, [&](sla::Date d) { return c.cal.is_business_day(d); });
  CHECK(business.size() == 248);
  const auto weekend_work = c.dates_in(2026, [&](sla::Date d) {
    const auto wd = weekday{sys_days{d}};
    return (wd == Saturday || wd == Sunday) && c.cal.is_business_day(d);
  });
  CHECK(weekend_work ==
        Dates{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"});
  const auto weekday_holidays = c.dates_in(2026, [&](sla::Date d) {
    const auto wd = weekday{sys_days{d}};
    return wd != Saturday && wd != Sunday && !c.cal.is_business_day(d);
  });
  CHECK(weekday_holidays == Dates{"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17",
                                  "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23",
                                  "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05",
                                  "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02",
                                  "2026-10-05", "2026-10-06", "2026-10-07"});
}

TEST_CASE("the 2026 China calendar opens on make-up Saturdays and closes over the Spring Festival",
          "[calendar][cn]") {
  const Cal c{china_2026()};
  CHECK(c.cal.is_business_day(date_of("2026-02-14")));  // Saturday, make-up day
  CHECK(c.windows_of("2026-02-14") == Dates{"09:00-12:00", "13:00-18:00"});
  CHECK_FALSE(c.cal.is_business_day(date_of("2026-02-16")));  // Monday, Spring Festival
  CHECK(c.cal.schedule(date_of("2026-02-16")).name == "Spring Festival");
  CHECK(c.cal.is_business_day(date_of("2026-10-10")));  // Saturday, make-up day
  CHECK(c.cal.is_business_day(date_of("2026-10-08")));  // Thursday after National Day
  CHECK(c.advance("2026-02-13", 1) == "2026-02-14");
  CHECK(c.advance("2026-02-14", 1) == "2026-02-24");
  CHECK(c.advance("2026-02-18", 0) == "2026-02-24");
  CHECK(c.advance("2026-02-18", 0, RollConvention::preceding) == "2026-02-14");
  CHECK(c.advance("2026-09-30", 1) == "2026-10-08");
  CHECK(c.advance("2026-10-09", 1) == "2026-10-10");
  CHECK(c.add("2026-02-13T17:00", hours{2}) == "2026-02-14T10:00:00+08:00");
  CHECK(c.add("2026-02-14T17:00", hours{2}) == "2026-02-24T10:00:00+08:00");
  CHECK(c.add("2026-02-14T11:00", "1bd") == "2026-02-24T11:00:00+08:00");
  CHECK(c.add("2026-02-15T11:00", "eobd") == "2026-02-24T18:00:00+08:00");
  CHECK(c.between("2026-02-14T00:00", "2026-02-25T00:00") == hours{16});
}

TEST_CASE(
    "US federal holidays as yearly rules match the observed lists for 2021, 2022, 2026 and 2027",
    "[calendar][us]") {
  const Cal c{us_federal()};
  auto holidays = [&](int y) {
    return c.dates_in(y,
                      [&](sla::Date d) { return c.cal.schedule(d).kind == sla::DayKind::holiday; });
  };
  CHECK(holidays(2021) == Dates{"2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31",
                                "2021-06-18", "2021-07-05", "2021-09-06", "2021-10-11",
                                "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31"});
  CHECK(holidays(2022) == Dates{"2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20",
                                "2022-07-04", "2022-09-05", "2022-10-10", "2022-11-11",
                                "2022-11-24", "2022-12-26"});
  CHECK(holidays(2026) == Dates{"2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25",
                                "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12",
                                "2026-11-11", "2026-11-26", "2026-12-25"});
  CHECK(holidays(2027) == Dates{"2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31",
                                "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11",
                                "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31"});
  CHECK(c.cal.schedule(date_of("2021-12-31")).name == "New Year's Day");  // 2022's, observed early
  CHECK(c.cal.is_business_day(date_of("2020-06-19")));  // before Juneteenth existed
}

TEST_CASE("yearly rules: Feb 29 only in leap years, a missing 5th weekday is no holiday",
          "[calendar][rules]") {
  CalendarDefinition def = every_day("UTC", {win("09:00", "17:00")});
  def.holidays = {yearly(2, 29, "Leap day"),
                  nth_weekday(3, Wednesday, 5, "Fifth Wednesday of March"),
                  nth_weekday(8, Friday, -1, "Last Friday of August")};
  def.holidays[0].until_year = 2100;
  const Cal c{def};
  auto holidays = [&](int y) {
    return c.dates_in(y, [&](sla::Date d) { return !c.cal.is_business_day(d); });
  };
  CHECK(holidays(2028) == Dates{"2028-02-29", "2028-03-29", "2028-08-25"});
  CHECK(holidays(2026) == Dates{"2026-08-28"});                // March 2026 has four Wednesdays
  CHECK(holidays(2100) == Dates{"2100-03-31", "2100-08-27"});  // 2100 is not a leap year
}

TEST_CASE("observance shifts move weekend holidays as documented", "[calendar][rules]") {
  using sla::Observance;
  // 2026-07-04 is a Saturday, 2027-07-04 a Sunday.
  auto observed = [](Observance how, int y) {
    CalendarDefinition def = weekdays("UTC");
    def.holidays = {yearly(7, 4, "Fourth", how)};
    const Cal c{def};
    return c.dates_in(y,
                      [&](sla::Date d) { return c.cal.schedule(d).kind == sla::DayKind::holiday; });
  };
  CHECK(observed(Observance::none, 2026) == Dates{"2026-07-04"});
  CHECK(observed(Observance::nearest_weekday, 2026) == Dates{"2026-07-03"});
  CHECK(observed(Observance::nearest_weekday, 2027) == Dates{"2027-07-05"});
  CHECK(observed(Observance::sunday_to_monday, 2026) == Dates{"2026-07-04"});
  CHECK(observed(Observance::sunday_to_monday, 2027) == Dates{"2027-07-05"});
  CHECK(observed(Observance::next_weekday, 2026) == Dates{"2026-07-06"});
  CHECK(observed(Observance::next_weekday, 2027) == Dates{"2027-07-05"});
}

// =============================================================================================
// Limits: never an endless loop, clear errors

TEST_CASE("a calendar that never opens is rejected by compile with a clear error",
          "[calendar][errors]") {
  CalendarDefinition def;
  def.id = "closed";
  CHECK_THROWS_WITH(Calendar::compile(def),
                    ContainsSubstring("'closed'") && ContainsSubstring("never opens"));
  def.overrides.push_back({date_of("2026-05-01"), {}});           // an empty override opens nothing
  def.workdays.push_back({date_of("2026-05-02"), std::nullopt});  // no hours to use either
  CHECK_THROWS_WITH(Calendar::compile(def), ContainsSubstring("never opens"));
}

TEST_CASE("a calendar with open time only in 2026 gives a clear error, not a hang, across years",
          "[calendar][errors]") {
  CalendarDefinition def;
  def.id = "one-day";
  def.time_zone = "Asia/Shanghai";
  def.workdays.push_back({date_of("2026-06-01"), sla::DayWindows{win("09:00", "17:00")}});
  const Cal c{def};
  CHECK(c.add("2026-01-01T00:00", hours{8}) == "2026-06-01T17:00:00+08:00");
  CHECK(c.advance("2026-01-01", 0) == "2026-06-01");
  CHECK_THROWS_WITH(c.cal.add(c.at("2026-01-01T00:00"), hours{9}),
                    ContainsSubstring("one-day") && ContainsSubstring("no open time"));
  CHECK_THROWS_WITH(c.cal.add(c.at("2026-01-01T00:00"), hours{24 * 365 * 50}),
                    ContainsSubstring("no open time"));
  CHECK_THROWS_WITH(c.cal.roll_forward(c.at("2026-06-02T00:00")),
                    ContainsSubstring("no open time"));
  CHECK_THROWS_WITH(c.cal.roll_backward(c.at("2040-01-01T00:00")),
                    ContainsSubstring("no open time"));
  CHECK_THROWS_WITH(c.cal.advance(date_of("2026-06-01"), 1), ContainsSubstring("no open time"));
  CHECK_THROWS_WITH(c.cal.add(c.at("2026-06-01T10:00"), sla::parse_duration("eobd+1")),
                    ContainsSubstring("no open time"));
  CHECK(c.between("2020-01-01T00:00", "2030-01-01T00:00") == hours{8});
}

TEST_CASE("instants and dates outside the years 1900-2399 give sla::Error", "[calendar][errors]") {
  const Cal& c = shanghai_office();
  CHECK_THROWS_WITH(c.cal.is_open(c.at("1899-12-31T12:00")), ContainsSubstring("1900-2399"));
  CHECK_THROWS_WITH(c.cal.add(c.at("2400-01-01T12:00"), hours{1}), ContainsSubstring("1900-2399"));
  CHECK_THROWS_WITH(c.cal.is_business_day(date_of("2400-01-03")), ContainsSubstring("1900-2399"));
  CHECK_THROWS_WITH(c.cal.advance(date_of("1899-12-29"), 1), ContainsSubstring("1900-2399"));
  CHECK_THROWS_WITH(c.cal.roll_forward(c.at("2399-12-31T18:00")), ContainsSubstring("2400"));
  CHECK_THROWS_WITH(c.cal.add(c.at("1900-01-01T10:00"), -hours{2}), ContainsSubstring("1899"));
  CHECK_THROWS_AS(c.cal.is_open(sla::Instant{seconds{std::numeric_limits<std::int64_t>::max()}}),
                  sla::Error);
  CHECK_THROWS_AS(c.cal.is_open(sla::Instant{seconds{std::numeric_limits<std::int64_t>::min()}}),
                  sla::Error);
}

TEST_CASE("the first and last supported local days work in zones on either side of UTC",
          "[calendar][errors]") {
  // The UTC year of these instants lies outside 1900-2399 while their local year does not.
  const Cal shanghai{weekdays("Asia/Shanghai")};
  CHECK_FALSE(shanghai.cal.is_open(shanghai.at("1900-01-01T04:00")));
  CHECK(shanghai.roll_forward("1900-01-01T04:00") == "1900-01-01T09:00:00+08:05:43");
  const Cal ny{every_day("America/New_York", {win("20:00", "23:00")})};
  CHECK(ny.cal.is_open(ny.at("2399-12-31T22:00")));
  CHECK(ny.add("2399-12-31T20:00", hours{3}) == "2399-12-31T23:00:00-05:00");
  CHECK_THROWS_WITH(ny.cal.add(ny.at("2399-12-31T20:00"), hours{3}, Landing::next_open),
                    ContainsSubstring("2400"));
}

TEST_CASE("on 1900-01-01 business-day durations and windows need no date before 1900",
          "[calendar][errors]") {
  // 1900-01-01 is a Monday. The calendar starts at its local midnight: an overnight window of
  // 1899-12-31 does not exist.
  const Cal c{every_day("UTC", {win("09:00", "17:00"), win("22:00", "06:00")})};
  CHECK(c.add("1900-01-01T10:00", "1bd") == "1900-01-02T10:00:00+00:00");
  CHECK(c.add("1900-01-01T10:00", "eobd") == "1900-01-02T06:00:00+00:00");
  CHECK(c.add("1900-01-01T10:00", "bd+1@11:00") == "1900-01-02T11:00:00+00:00");
  CHECK_FALSE(c.cal.is_open(c.at("1900-01-01T02:00")));
  CHECK(c.roll_forward("1900-01-01T00:00") == "1900-01-01T09:00:00+00:00");
  CHECK(c.between("1900-01-01T00:00", "1900-01-02T00:00") == hours{10});
  const auto ws = c.cal.windows(c.at("1900-01-01T00:00"), c.at("1900-01-02T00:00"));
  REQUIRE(ws.size() == 2);
  CHECK(c.show(ws[0].open) == "1900-01-01T09:00:00+00:00");
  // Dec 30's overnight window reaches into the range; Dec 31's runs past 2400-01-01 00:00.
  CHECK(c.cal.windows(c.at("2399-12-31T00:00"), c.at("2400-01-01T00:00")).size() == 3);
}

TEST_CASE("business durations too long for the supported years give sla::Error, not overflow",
          "[calendar][errors]") {
  const Cal& c = shanghai_office();
  CHECK_THROWS_WITH(c.cal.add(c.at("2026-01-05T10:00"), seconds::max()),
                    ContainsSubstring("cannot end within the supported years"));
  CHECK_THROWS_WITH(c.cal.add(c.at("2026-01-05T10:00"), seconds::min()),
                    ContainsSubstring("cannot end within the supported years"));
  CHECK_THROWS_AS(c.cal.add(c.at("2026-01-05T10:00"), hours{24 * 366 * 400}), sla::Error);
}
