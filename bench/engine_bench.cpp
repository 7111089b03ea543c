// Engine benchmarks (docs/semantics.md §7: 1 million tickets × 5 targets with escalations in <= 5 s
// on one core, i.e. >= 200,000 tickets/s).
//
// Rules: rules/maintenance.yaml — 6 targets (response on 7×24, remote fix, an on-site visit that
// starts on the remote fix's breach, resolution with pause/resume and 4 escalation levels,
// periodic updates, a report that starts when the resolution is met), tiers on cn-24x7 and
// cn-office with the 2024–2026 holidays. Tickets: 65,536 pseudo-random tickets created between
// 2025-01-01 and 2026-08-23, well inside the holidays' `covers` (tier,
// severity, 0–8 events: response, pauses, updates, a severity change, arrival, resolution),
// each evaluated at a random instant up to 12 days after its creation. engine_evaluate runs
// 1,000,000 evaluations; items/s is tickets per second.
#include <benchmark/benchmark.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "sla/engine.hpp"
#include "sla/iso8601.hpp"
#include "sla/json.hpp"
#include "sla/rule_set.hpp"

namespace {

using namespace std::chrono;

const sla::Engine& maintenance_engine() {
  static const sla::Engine engine = [] {
    auto loaded = sla::load_rules({SLA_SOURCE_DIR "/rules/maintenance.yaml"});
    if (!loaded.ok()) throw std::runtime_error("rules/maintenance.yaml does not load");
    return sla::Engine(*loaded.rules);
  }();
  return engine;
}

struct Case {
  sla::Ticket ticket;
  sla::Instant now;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::mt19937_64 rng(20261130);
    const auto year_start = sla::parse_instant("2025-01-01T00:00:00+08:00", sla::TimeZone::utc());
    auto uniform = [&](long long lo, long long hi) {
      return std::uniform_int_distribution<long long>(lo, hi)(rng);
    };
    std::vector<Case> v(65536);
    for (auto& c : v) {
      sla::Ticket& t = c.ticket;
      t.id = "T-";
      t.id += std::to_string(uniform(1, 1000000));  // (+ on a literal trips GCC 12 -Wrestrict)
      t.policy = "maintenance";
      t.tier = uniform(0, 1) ? "A" : "C";
      t.severity = "sev";
      t.severity += std::to_string(uniform(1, 3));
      t.created = year_start + seconds{uniform(0, 600LL * 86400)};
      sla::Instant at = t.created;
      auto event = [&](const char* type, long long max_gap, std::string to = {}) {
        at += seconds{uniform(60, max_gap)};
        t.events.push_back({at, type, std::move(to)});
      };
      if (uniform(0, 9) < 9) event("responded", 3600);
      if (uniform(0, 3) == 0) event("customer_updated", 1800);
      if (uniform(0, 4) == 0) {
        event("waiting_customer", 4 * 3600);
        event("customer_replied", 2 * 86400);
      }
      if (uniform(0, 9) == 0) {
        std::string to = "sev";
        to += std::to_string(uniform(1, 3));
        event("severity", 6 * 3600, to);
      }
      if (uniform(0, 3) == 0) event("customer_updated", 3 * 3600);
      if (uniform(0, 2) == 0) event("engineer_arrived", 86400);
      if (uniform(0, 3) != 0) event("resolved", 3 * 86400);
      c.now = t.created + seconds{uniform(0, 12LL * 86400)};
    }
    // A ticket the engine refuses (a deadline past the calendar's covers, ...) would be timed
    // as a cheap early exit: every case must evaluate.
    sla::Evaluation result;
    for (const auto& c : v) {
      maintenance_engine().evaluate(c.ticket, c.now, result);
      if (!result.ok())
        throw std::runtime_error("a benchmark ticket does not evaluate: " + c.ticket.id);
    }
    return v;
  }();
  return all;
}

void engine_evaluate(benchmark::State& state) {
  const sla::Engine& engine = maintenance_engine();
  const auto& all = cases();
  sla::Evaluation result;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = all[i++ & (all.size() - 1)];
    engine.evaluate(c.ticket, c.now, result);
    benchmark::DoNotOptimize(result.next_wakeup);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(engine_evaluate)->Iterations(1000000)->Unit(benchmark::kMillisecond);

// The same with the JSON result of every ticket written (what `sla evaluate --tickets` does
// after reading a line).
void engine_evaluate_to_json(benchmark::State& state) {
  const sla::Engine& engine = maintenance_engine();
  const auto& all = cases();
  sla::Evaluation result;
  std::string out;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = all[i++ & (all.size() - 1)];
    engine.evaluate(c.ticket, c.now, result);
    out.clear();
    sla::append_json(result, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(engine_evaluate_to_json)->Iterations(200000)->Unit(benchmark::kMillisecond);

}  // namespace
