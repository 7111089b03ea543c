// tests/test_calendar_check.cpp — check(CalendarDefinition) (sla/calendar_check.hpp): every
// problem compile refuses, placed so that a reader of rule files can point at its text.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/calendar_check.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"

namespace {

using namespace std::chrono;
using Catch::Matchers::ContainsSubstring;
using Problem = sla::CalendarProblem;
using Part = Problem::Part;
using Kind = Problem::Kind;
using Field = Problem::Field;

sla::LocalWindow win(const char* open, const char* close) {
  return sla::LocalWindow::from_clock(sla::parse_time_of_day(open), sla::parse_time_of_day(close));
}

sla::CalendarDefinition office() {
  sla::CalendarDefinition def;
  def.id = "office";
  def.time_zone = "Asia/Shanghai";
  for (const weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday})
    def.weekly[d] = {win("09:00", "12:00"), win("13:00", "18:00")};
  return def;
}

sla::HolidayRule fixed(int month, int day) {
  sla::HolidayRule h;
  h.kind = sla::HolidayRule::Kind::yearly_fixed;
  h.month = month;
  h.day = day;
  return h;
}

// A problem as one line, so that a whole list compares at once and a failure reads well.
std::string line(const Problem& p) {
  std::string out;
  switch (p.part) {
    case Part::calendar:
      out = "calendar";
      break;
    case Part::time_zone:
      out = "time_zone";
      break;
    case Part::weekly:
      out = "weekly " + std::to_string(p.weekday.c_encoding());
      break;
    case Part::workday_hours:
      out = "workday_hours";
      break;
    case Part::workday:
      out = "workday " + std::to_string(p.index);
      break;
    case Part::override_hours:
      out = "override " + std::to_string(p.index);
      break;
    case Part::holiday:
      out = "holiday " + std::to_string(p.index);
      break;
  }
  if (p.kind == Kind::malformed_window || p.kind == Kind::overlapping_windows ||
      p.kind == Kind::touching_windows)
    out += " [" + std::to_string(p.window) + "," + std::to_string(p.other_window) + "]";
  if (p.field != Field::none) out += " field " + std::to_string(static_cast<int>(p.field));
  return out + ": " + p.message;
}

std::vector<std::string> lines(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(line(p));
  return out;
}

}  // namespace

TEST_CASE("a valid definition has no problems", "[calendar][check]") {
  CHECK(sla::check(office()).empty());
  sla::CalendarDefinition def = office();
  def.weekly[Saturday] = {win("22:00", "06:00"), win("09:00", "12:00")};  // crosses midnight
  def.holidays.push_back(fixed(2, 29));  // observed in leap years only, but a valid rule
  CHECK(sla::check(def).empty());
}

TEST_CASE("check finds every problem in the documented order, each with its place",
          "[calendar][check]") {
  sla::CalendarDefinition def = office();
  def.time_zone = "Asia/Shangai";
  def.weekly[Tuesday] = {win("09:00", "12:30"), win("12:00", "18:00")};
  def.weekly[Sunday] = {win("13:00", "18:00"), win("09:00", "13:00")};
  def.workday_hours = sla::DayWindows{sla::LocalWindow{hours{25}, hours{26}}};
  def.workdays.push_back({sla::parse_date("2026-02-14"), std::nullopt});
  def.workdays.push_back({sla::parse_date("2026-02-28"),
                          sla::DayWindows{win("08:00", "12:00"), win("10:00", "11:00")}});
  def.overrides.push_back({sla::parse_date("2026-12-24"), {win("09:00", "13:00")}});
  def.overrides.push_back(
      {sla::parse_date("2026-12-31"), {win("09:00", "10:00"), win("10:00", "11:00")}});
  sla::HolidayRule range;
  range.first = sla::parse_date("2026-10-07");
  range.last = sla::parse_date("2026-10-01");
  def.holidays.push_back(range);
  def.holidays.push_back(fixed(13, 1));
  def.holidays.push_back(fixed(2, 30));
  def.holidays.push_back(fixed(4, 0));
  sla::HolidayRule thanksgiving;
  thanksgiving.kind = sla::HolidayRule::Kind::yearly_weekday;
  thanksgiving.month = 11;
  thanksgiving.weekday = weekday{9};
  thanksgiving.nth = 6;
  def.holidays.push_back(thanksgiving);

  CHECK(lines(sla::check(def)) ==
        std::vector<std::string>{
            "time_zone: unknown time zone 'Asia/Shangai' (expected an IANA name like "
            "'Asia/Shanghai' or an offset like '+08:00')",
            "weekly 2 [1,0]: windows 09:00-12:30 and 12:00-18:00 overlap",
            "weekly 0 [1,0]: windows 09:00-13:00 and 13:00-18:00 touch; write them as one window "
            "09:00-18:00",
            "workday_hours [0,0]: malformed window 25:00-02:00 (open must be 00:00-23:59 and the "
            "window at most 24 hours long)",
            "workday 1 [1,0]: windows 08:00-12:00 and 10:00-11:00 overlap",
            "override 1 [1,0]: windows 09:00-10:00 and 10:00-11:00 touch; write them as one window "
            "09:00-11:00",
            "holiday 0 field 2: holiday range ends (2026-10-01) before it starts (2026-10-07)",
            "holiday 1 field 3: month 13 is out of range (1-12)",
            "holiday 2 field 4: there is no February 30",
            "holiday 3 field 4: day 0 is out of range (1-31)",
            "holiday 4 field 5: weekday 9 is not a weekday (0-6 from Sunday, or 7 for Sunday)",
            "holiday 4 field 6: nth 6 is out of range (1-5, or -1 for the last)",
        });
}

TEST_CASE("a window covering two others is reported against each of them", "[calendar][check]") {
  const sla::DayWindows day = {win("10:00", "11:00"), win("08:00", "18:00"), win("12:00", "13:00")};
  CHECK(lines(sla::check(day)) == std::vector<std::string>{
                                      "calendar [1,0]: windows 08:00-18:00 and 10:00-11:00 overlap",
                                      "calendar [2,1]: windows 08:00-18:00 and 12:00-13:00 overlap",
                                  });
}

TEST_CASE("a calendar that can never open is one problem of the calendar as a whole",
          "[calendar][check]") {
  sla::CalendarDefinition def;
  def.id = "closed";
  def.workdays.push_back({sla::parse_date("2026-05-02"), std::nullopt});  // no hours to use
  def.overrides.push_back({sla::parse_date("2026-05-01"), {}});           // closes, opens nothing
  CHECK(lines(sla::check(def)) ==
        std::vector<std::string>{"calendar: never opens: no weekday has hours and no make-up "
                                 "working day or override adds any"});
  def.workday_hours = sla::DayWindows{win("09:00", "12:00")};  // the make-up day now opens
  CHECK(sla::check(def).empty());
}

TEST_CASE("compile throws the first problem, naming the calendar and the place",
          "[calendar][check]") {
  sla::CalendarDefinition def = office();
  def.weekly[Monday] = {win("09:00", "12:30"), win("12:00", "18:00")};
  def.holidays.push_back(fixed(13, 1));
  CHECK_THROWS_WITH(sla::Calendar::compile(def),
                    "calendar 'office': mon: windows 09:00-12:30 and 12:00-18:00 overlap");
  def.weekly[Monday] = {win("09:00", "18:00")};
  def.holidays.back().name = "Founders Day";
  CHECK_THROWS_WITH(sla::Calendar::compile(def),
                    "calendar 'office': holiday 'Founders Day': month 13 is out of range (1-12)");
  def.holidays.back().name.clear();
  CHECK_THROWS_WITH(sla::Calendar::compile(def),
                    "calendar 'office': holiday #1: month 13 is out of range (1-12)");
  def.holidays.clear();
  def.overrides.push_back(
      {sla::parse_date("2026-12-31"), {win("09:00", "10:00"), win("10:00", "11:00")}});
  CHECK_THROWS_WITH(sla::Calendar::compile(def),
                    ContainsSubstring("calendar 'office': override 2026-12-31: windows"));
  def.overrides.clear();
  def.time_zone = "+25:00";
  CHECK_THROWS_WITH(sla::Calendar::compile(def),
                    ContainsSubstring("calendar 'office': invalid time zone '+25:00'"));
  sla::CalendarDefinition closed;
  closed.id = "closed";
  CHECK_THROWS_WITH(sla::Calendar::compile(closed),
                    "calendar 'closed' never opens: no weekday has hours and no make-up working "
                    "day or override adds any");
}

TEST_CASE("holiday rules are checked alone as in a definition", "[calendar][check]") {
  CHECK(sla::check(fixed(12, 25)).empty());
  const auto problems = sla::check(fixed(6, 31));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].part == Part::holiday);
  CHECK(problems[0].kind == Kind::day_out_of_range);
  CHECK(problems[0].field == Field::day);
  CHECK(problems[0].message == "there is no June 31");
  sla::HolidayRule last_monday;
  last_monday.kind = sla::HolidayRule::Kind::yearly_weekday;
  last_monday.month = 5;
  last_monday.weekday = Monday;
  last_monday.nth = -1;
  CHECK(sla::check(last_monday).empty());
  last_monday.nth = 0;
  CHECK(lines(sla::check(last_monday)) ==
        std::vector<std::string>{
            "holiday 0 field 6: nth 0 is out of range (1-5, or -1 for the last)"});
  sla::HolidayRule since_after_until = fixed(6, 19);
  since_after_until.since_year = 2021;
  since_after_until.until_year = 2020;  // a rule that never applies, but a valid one
  CHECK(sla::check(since_after_until).empty());
}
