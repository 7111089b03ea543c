// tests/test_calendar_threads.cpp — one Calendar shared by many threads without locks.
//
// A compiled Calendar builds its per-year tables lazily and publishes them atomically
// (src/calendar/calendar_impl.hpp). Eight threads start together on a calendar nobody has
// queried yet, each walking the years 1950–2300 in its own shuffled order, so most tables are
// requested by several threads at once; every answer must equal the one a single thread gets
// from an independently compiled copy.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <latch>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"

namespace {

using namespace std::chrono;

sla::LocalWindow win(const char* open, const char* close) {
  return sla::LocalWindow::from_clock(sla::parse_time_of_day(open), sla::parse_time_of_day(close));
}

/// New York, lunch break and an overnight shift, US-style holiday rules, exceptions.
sla::CalendarDefinition busy_calendar() {
  sla::CalendarDefinition def;
  def.id = "threads";
  def.time_zone = "America/New_York";
  for (const weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday})
    def.weekly[d] = {win("01:00", "05:00"), win("09:00", "12:00"), win("13:00", "17:00"),
                     win("22:00", "02:00")};
  def.weekly[Saturday] = {win("10:00", "14:00")};
  sla::HolidayRule christmas;
  christmas.kind = sla::HolidayRule::Kind::yearly_fixed;
  christmas.month = 12;
  christmas.day = 25;
  christmas.observed = sla::Observance::nearest_weekday;
  sla::HolidayRule thanksgiving;
  thanksgiving.kind = sla::HolidayRule::Kind::yearly_weekday;
  thanksgiving.month = 11;
  thanksgiving.weekday = Thursday;
  thanksgiving.nth = 4;
  sla::HolidayRule memorial = thanksgiving;
  memorial.month = 5;
  memorial.weekday = Monday;
  memorial.nth = -1;
  def.holidays = {christmas, thanksgiving, memorial};
  def.workdays.push_back({sla::parse_date("2026-11-28"), std::nullopt});
  def.overrides.push_back({sla::parse_date("2026-12-24"), {win("09:00", "12:00")}});
  return def;
}

struct Query {
  sla::Instant t, u;
  sla::Seconds d;
  sla::Date date;
  int n;
};

struct Answer {
  std::int64_t add_close, add_next_open, add_negative, between, roll_forward, roll_backward;
  bool open, business_day;
  std::int64_t advance_days, eobd;
  friend bool operator==(const Answer&, const Answer&) = default;
};

Answer answer(const sla::Calendar& cal, const Query& q) {
  auto s = [](sla::Instant i) { return i.time_since_epoch().count(); };
  const auto eobd = sla::DurationSpec::end_of_business_day(q.n);
  return {s(cal.add(q.t, q.d)),
          s(cal.add(q.t, q.d, sla::Landing::next_open)),
          s(cal.add(q.t, -q.d)),
          cal.between(q.t, q.u).count(),
          s(cal.roll_forward(q.t)),
          s(cal.roll_backward(q.t)),
          cal.is_open(q.t),
          cal.is_business_day(q.date),
          sys_days{cal.advance(q.date, q.n - 3, sla::RollConvention::modified_following)}
              .time_since_epoch()
              .count(),
          s(cal.add(q.t, eobd))};
}

}  // namespace

TEST_CASE("eight threads on one freshly compiled calendar agree with single-threaded answers",
          "[calendar][threads]") {
  const sla::CalendarDefinition def = busy_calendar();
  const auto zone = sla::TimeZone::locate(def.time_zone);

  // Queries spread over 1950–2300: a few per year so that every year table is wanted.
  std::mt19937_64 rng(2300);
  std::vector<Query> queries;
  for (int y = 1950; y <= 2300; ++y) {
    for (int k = 0; k < 6; ++k) {
      const sys_days first{year{y} / January / 1};
      const auto day_of_year = days{std::uniform_int_distribution<int>(0, 364)(rng)};
      const seconds time_of_day{std::uniform_int_distribution<int>(0, 86399)(rng)};
      const sla::Instant t =
          zone.to_instant(sla::LocalTime{(first + day_of_year).time_since_epoch()} + time_of_day);
      const seconds d{std::uniform_int_distribution<long long>(0, 600LL * 3600)(rng)};
      const seconds span{
          std::uniform_int_distribution<long long>(-90LL * 86400, 90LL * 86400)(rng)};
      queries.push_back({t, t + span, d, sla::Date{first + day_of_year},
                         std::uniform_int_distribution<int>(0, 6)(rng)});
    }
  }

  // Expected answers from a separate compile of the same definition, on this thread only.
  const sla::Calendar reference = sla::Calendar::compile(def);
  std::vector<Answer> expected;
  expected.reserve(queries.size());
  for (const Query& q : queries) expected.push_back(answer(reference, q));

  // Several rounds, each on a calendar nobody has queried yet. Half the threads walk the
  // queries in the same (chronological) order, so they ask for each year table at the same
  // moment; the other half walk them shuffled or backwards.
  constexpr int kThreads = 8;
  constexpr int kRounds = 6;
  std::atomic<long> checked{0}, mismatches{0}, errors{0};
  for (int round = 0; round < kRounds; ++round) {
    const sla::Calendar shared = sla::Calendar::compile(def);
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        const sla::Calendar cal = shared;  // copies share the compiled tables
        std::vector<std::size_t> order(queries.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        if (i >= kThreads / 2) {
          std::shuffle(order.begin(), order.end(),
                       std::mt19937_64(static_cast<unsigned>(i + round)));
          if (i % 2 == 1) std::reverse(order.begin(), order.end());
        }
        start.arrive_and_wait();
        for (const std::size_t k : order) {
          try {
            if (!(answer(cal, queries[k]) == expected[k])) ++mismatches;
          } catch (const sla::Error&) {
            ++errors;
          }
          ++checked;
        }
      });
    }
    for (auto& t : threads) t.join();
  }

  CHECK(checked == static_cast<long>(kRounds * kThreads * queries.size()));
  CHECK(mismatches == 0);
  CHECK(errors == 0);
  const sla::Calendar shared = sla::Calendar::compile(def);
  // A spot check that the answers are real: Thanksgiving 2026 is closed, the next day open.
  CHECK_FALSE(shared.is_business_day(sla::parse_date("2026-11-26")));
  CHECK(shared.is_business_day(sla::parse_date("2026-11-27")));
  CHECK(sla::format_instant(shared.add(sla::parse_instant("2026-11-25T16:00", zone), hours{2}),
                            zone) == "2026-11-25T23:00:00-05:00");
}
