// Calendar arithmetic benchmarks (docs/semantics.md §7: <= 100 ns median for add/between on a
// compiled calendar with holidays, and a 2000 h duration costing at most 2x a 1 h one).
//
// The calendar: Asia/Shanghai, Mon–Fri 09:00–12:00 and 13:00–18:00, the 2026 mainland-China
// public holidays and make-up working days. Start instants are 4096 pseudo-random seconds of
// 2026 (the same set for every benchmark), so branch prediction cannot learn one path.
//
// Run: build with -DSLA_BUILD_BENCH=ON, then
//   ./build/bench/sla_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/iso8601.hpp"

namespace {

using namespace std::chrono;

sla::Date ymd(int y, unsigned m, unsigned d) { return sla::Date{year{y}, month{m}, day{d}}; }

const sla::Calendar& china_office() {
  static const sla::Calendar calendar = [] {
    sla::CalendarDefinition def;
    def.id = "cn-office";
    def.time_zone = "Asia/Shanghai";
    for (const weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday})
      def.weekly[d] = {sla::LocalWindow::from_clock(hours{9}, hours{12}),
                       sla::LocalWindow::from_clock(hours{13}, hours{18})};
    auto range = [&](unsigned m1, unsigned d1, unsigned m2, unsigned d2, const char* name) {
      sla::HolidayRule r;
      r.kind = sla::HolidayRule::Kind::dates;
      r.first = ymd(2026, m1, d1);
      r.last = ymd(2026, m2, d2);
      r.name = name;
      def.holidays.push_back(r);
    };
    range(1, 1, 1, 3, "New Year");
    range(2, 15, 2, 23, "Spring Festival");
    range(4, 4, 4, 6, "Qingming");
    range(5, 1, 5, 5, "Labour Day");
    range(6, 19, 6, 21, "Dragon Boat");
    range(9, 25, 9, 27, "Mid-Autumn");
    range(10, 1, 10, 7, "National Day");
    for (auto [m, d] : {std::pair{1u, 4u}, {2u, 14u}, {2u, 28u}, {5u, 9u}, {9u, 20u}, {10u, 10u}})
      def.workdays.push_back({ymd(2026, m, d), std::nullopt});
    return sla::Calendar::compile(def);
  }();
  return calendar;
}

const std::vector<sla::Instant>& starts() {
  static const std::vector<sla::Instant> values = [] {
    std::mt19937_64 rng(20261122);
    const auto first = sla::parse_instant("2026-01-01T00:00:00+08:00", sla::TimeZone::utc());
    std::uniform_int_distribution<long long> second_of_year(0, 365LL * 86400 - 1);
    std::vector<sla::Instant> v(4096);
    for (auto& t : v) t = first + seconds{second_of_year(rng)};
    return v;
  }();
  return values;
}

void warm_up(const sla::Calendar& cal) {
  // Build the year tables (2025–2028) before timing: the benchmarks measure the steady state.
  for (auto t : starts()) benchmark::DoNotOptimize(cal.add(t, hours{3000}));
}

void calendar_add(benchmark::State& state) {
  const auto& cal = china_office();
  const auto& ts = starts();
  warm_up(cal);
  const seconds d = hours{state.range(0)};
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.add(ts[i], d));
    i = (i + 1) & 4095;
  }
}

void calendar_between(benchmark::State& state) {
  const auto& cal = china_office();
  const auto& ts = starts();
  warm_up(cal);
  // Pairs (start, start + the given business hours), so both ends are realistic deadlines.
  std::vector<sla::Instant> ends(ts.size());
  for (std::size_t k = 0; k < ts.size(); ++k) ends[k] = cal.add(ts[k], hours{state.range(0)});
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.between(ts[i], ends[i]));
    i = (i + 1) & 4095;
  }
}

void calendar_add_business_days(benchmark::State& state) {
  const auto& cal = china_office();
  const auto& ts = starts();
  warm_up(cal);
  const auto d = sla::DurationSpec::business_days(static_cast<int>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.add(ts[i], d));
    i = (i + 1) & 4095;
  }
}

void calendar_compile(benchmark::State& state) {
  // Cost of a cold calendar: compile + building one year table on first use.
  const auto definition = china_office().definition();
  for (auto _ : state) {
    auto cal = sla::Calendar::compile(definition);
    benchmark::DoNotOptimize(cal.add(starts()[0], hours{1}));
  }
}

}  // namespace

BENCHMARK(calendar_add)->Arg(1)->Arg(40)->Arg(2000);
BENCHMARK(calendar_between)->Arg(1)->Arg(40)->Arg(2000);
BENCHMARK(calendar_add_business_days)->Arg(1)->Arg(20);
BENCHMARK(calendar_compile)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
