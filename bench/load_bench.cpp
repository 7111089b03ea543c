// Load-time benchmarks (issue 10): rules files of 1,000, 10,000 and 100,000 calendars and
// policies, loaded with sla::load_rules, to show that loading grows linearly with the rules
// (Google Benchmark fits the complexity: look for "BigO" near 1.00 N).
//
// The files are written once per size into the temporary directory, never checked in:
//   root.yaml      includes the parts below (each part stays within the node limit)
//   calendars-K    50,000 calendars at most: c<i>: {time_zone: Asia/Shanghai, hours: {...}},
//                  every tenth extending c0, which has the 2026 holidays
//   policies-K     10,000 policies at most, each with two tiers on c<i> and c0, and targets
//                  response (by severity) and resolution (by tier and severity, escalations)
// Counters: `items` are calendars + policies; `peak_rss_MB` is the process's peak so far (the
// sizes run in increasing order, so it is the largest load's peak).
//
// Run: build with -DSLA_BUILD_BENCH=ON, then
//   ./build/bench/sla_bench --benchmark_filter=load
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "sla/rule_set.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kCalendarsPerFile = 50'000;
constexpr int kPoliciesPerFile = 10'000;

// Text joined by appending (GCC 12 warns wrongly about "literal" + std::string, -Wrestrict).
template <class... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

std::string calendar(int i) {
  const std::string id = cat("c", std::to_string(i));
  if (i == 0)
    return "  c0:\n    time_zone: Asia/Shanghai\n"
           "    hours: {mon-fri: [\"09:00-12:00\", \"13:00-18:00\"]}\n"
           "    holidays: [{from: 2026-01-01, to: 2026-01-03}, {from: 2026-02-15, to: "
           "2026-02-23}, {from: 2026-10-01, to: 2026-10-07}, {yearly: {month: 5, day: 1}}]\n"
           "    workdays: [2026-02-14, 2026-02-28]\n";
  if (i % 10 == 0) return cat("  ", id, ": {extends: c0, hours: {sat: [\"10:00-12:00\"]}}\n");
  return cat("  ", id, ": {time_zone: Asia/Shanghai, hours: {mon-fri: [\"09:00-18:00\"]}}\n");
}

std::string policy(int i, int calendars) {
  const std::string n = std::to_string(i);
  return cat("  - id: p", n, "\n    match: {contract: k", n, "}\n    tiers: {A: {calendar: c",
             std::to_string(i % calendars), "}, C: {calendar: c0}}\n") +
         std::string(
             "    targets:\n"
             "      response: {start: created, stop: responded, goal: {sev1: 30m, sev2: 2h}}\n"
             "      resolution:\n        start: created\n        stop: resolved\n"
             "        goal: {A: {sev1: 4h, sev2: 8h}, C: {sev1: 8h, sev2: 3bd}}\n"
             "        escalation: [{at: 50%, notify: engineer}, {at_breach: true, escalate: 1}]\n");
}

// The root file of a load of `n` calendars and `n` policies, written once.
std::string rules_of(int n) {
  static std::map<int, std::string> written;
  if (const auto it = written.find(n); it != written.end()) return it->second;
  const fs::path dir = fs::temp_directory_path() /
                       cat("sla_load_bench_", std::to_string(::getpid()), "_", std::to_string(n));
  fs::create_directories(dir);
  std::string root =
      "version: 1\nroles:\n  engineer: {escalates_to: manager}\n  manager: {}\n"
      "severities: [{id: sev1}, {id: sev2}]\ninclude:\n";
  for (int first = 0; first < n; first += kCalendarsPerFile) {
    const std::string name = cat("calendars-", std::to_string(first / kCalendarsPerFile), ".yaml");
    std::ofstream out(dir / name);
    out << "version: 1\ncalendars:\n";
    for (int i = first; i < std::min(n, first + kCalendarsPerFile); ++i) out << calendar(i);
    root += cat("  - ", name, "\n");
  }
  for (int first = 0; first < n; first += kPoliciesPerFile) {
    const std::string name = cat("policies-", std::to_string(first / kPoliciesPerFile), ".yaml");
    std::ofstream out(dir / name);
    out << "version: 1\npolicies:\n";
    for (int i = first; i < std::min(n, first + kPoliciesPerFile); ++i) out << policy(i, n);
    root += cat("  - ", name, "\n");
  }
  std::ofstream(dir / "root.yaml") << root;
  return written[n] = (dir / "root.yaml").string();
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kB on Linux
}

void load(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::string root = rules_of(n);
  for (auto _ : state) {
    sla::LoadResult result = sla::load_rules({root});
    if (!result.ok()) {
      const std::string why = cat(
          "the generated rules do not load: ",
          result.diagnostics.empty() ? std::string("?") : result.diagnostics.front().to_string());
      state.SkipWithError(why.c_str());
      break;
    }
    benchmark::DoNotOptimize(result);
  }
  state.SetComplexityN(n);
  state.counters["items"] = 2.0 * n;
  state.counters["peak_rss_MB"] = peak_rss_mb();
  state.counters["us_per_item"] = benchmark::Counter(
      2.0 * n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK(load)
    ->Name("load_calendars_and_policies")
    ->RangeMultiplier(10)
    ->Range(1000, 100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
