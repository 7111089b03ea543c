// tests/test_calendar_batch.cpp — Calendar::add over arrays gives exactly what add() gives.
//
// The batch keeps the previous element's year table and finds next_open's answer from the
// interval it already has; these tests walk the cases where that could go wrong: results on a
// close (next_open), an overnight window split by the year boundary, steps across years and
// backwards, zero, missing values, and an element the calendar cannot compute.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"

namespace {

using namespace std::chrono;

sla::LocalWindow win(const char* open, const char* close) {
  return sla::LocalWindow::from_clock(sla::parse_time_of_day(open), sla::parse_time_of_day(close));
}

/// New York (DST), a lunch break, an overnight window that runs through New Year's Eve into
/// January 1st, Saturday mornings, a holiday, and one New Year's Eve that closes at midnight.
sla::Calendar calendar() {
  sla::CalendarDefinition def;
  def.id = "batch";
  def.time_zone = "America/New_York";
  for (const weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday})
    def.weekly[d] = {win("09:00", "12:00"), win("13:00", "17:00"), win("22:00", "02:00")};
  def.weekly[Saturday] = {win("10:00", "14:00")};
  sla::HolidayRule july4;
  july4.kind = sla::HolidayRule::Kind::dates;
  july4.first = sla::parse_date("2026-07-03");
  july4.last = july4.first;
  def.holidays = {july4};
  // 2027's last day closes at midnight exactly: a result there is on a close that is the end of
  // the year's table, and next_open must look into the next year (2028-01-03, a Monday).
  def.overrides = {{sla::parse_date("2027-12-31"), {win("18:00", "24:00")}}};
  return sla::Calendar::compile(def);
}

sla::Instant at(const char* text) { return sla::parse_instant(text, sla::TimeZone::utc()); }

}  // namespace

TEST_CASE("a batch add equals add element by element, for both landings") {
  const sla::Calendar cal = calendar();
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<long long> when(
      at("2025-06-01T00:00:00Z").time_since_epoch().count(),
      at("2027-06-01T00:00:00Z").time_since_epoch().count());
  std::uniform_int_distribution<long long> span(-400 * 3600, 400 * 3600);
  std::vector<sla::Instant> starts;
  std::vector<sla::Seconds> durations;
  for (int k = 0; k < 20000; ++k) {
    long long t = when(rng);
    if (k % 3 == 0) t -= t % 3600;  // on the hour: exactly on opens and closes
    starts.push_back(sla::Instant{sla::Seconds{t}});
    durations.push_back(sla::Seconds{k % 7 == 0 ? (span(rng) / 3600) * 3600 : span(rng)});
  }
  durations[5] = sla::Seconds{0};
  // Results exactly on New Year's Eve's overnight window crossing into the next year's table.
  starts.push_back(at("2026-12-31T03:00:00Z"));  // Dec 30, 22:00 EST
  durations.push_back(hours{4});
  starts.push_back(at("2026-12-31T22:00:00Z"));  // Dec 31, 17:00 EST: up to midnight is 2 h
  durations.push_back(hours{2});
  starts.push_back(at("2027-12-31T23:00:00Z"));  // Dec 31, 18:00 EST: 6 h up to midnight
  durations.push_back(hours{6});
  for (const sla::Landing landing : {sla::Landing::close, sla::Landing::next_open}) {
    std::vector<sla::Instant> out(starts.size());
    cal.add(starts, durations, out, landing);
    for (std::size_t i = 0; i < starts.size(); ++i) {
      INFO("element " << i << ", start " << sla::format_instant(starts[i], cal.time_zone())
                      << ", duration " << durations[i].count() << " s");
      REQUIRE(out[i] == cal.add(starts[i], durations[i], landing));
    }
  }
}

TEST_CASE("a batch add passes missing values through and names a failing element") {
  const sla::Calendar cal = calendar();
  std::vector<sla::Instant> starts = {at("2026-03-02T15:00:00Z"), sla::Instant::min(),
                                      at("2026-03-02T15:00:00Z")};
  std::vector<sla::Seconds> durations = {hours{1}, hours{1}, sla::Seconds::min()};
  std::vector<sla::Instant> out(3);
  cal.add(starts, durations, out);
  CHECK(out[0] == at("2026-03-02T16:00:00Z"));
  CHECK(out[1] == sla::Instant::min());
  CHECK(out[2] == sla::Instant::min());

  starts.push_back(at("2399-12-31T12:00:00Z"));
  durations.push_back(hours{24 * 400});
  out.resize(4);
  try {
    cal.add(starts, durations, out);
    FAIL("expected sla::Error");
  } catch (const sla::Error& e) {
    CHECK(std::string(e.what()).rfind("element 3: ", 0) == 0);
  }
  std::vector<sla::Instant> short_out(2);
  CHECK_THROWS_AS(cal.add(starts, durations, short_out), sla::Error);
}
