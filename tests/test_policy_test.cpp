// Policy test files (sla/policy_test.hpp): what passes, what fails and where, and every way a
// test file can be broken.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "sla/policy_test.hpp"

namespace {

const std::string kName = SLA_SOURCE_DIR "/tests/policy/inline.test.yaml";

sla::PolicyTestReport run(const std::string& text) {
  return sla::run_policy_tests_from_string(text, kName);
}

std::string lines(const std::vector<sla::Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += d.to_string();
  return out;
}

const std::string kHead = "rules: ../../rules/maintenance.yaml\ncases:\n";

}  // namespace

TEST_CASE("A passing case and a failing case, with the failure at the expected value") {
  const auto r = run(kHead + R"(
  - name: passes
    ticket: {policy: maintenance, tier: A, severity: sev1, created: "2026-11-23T09:00"}
    events: [{at: "2026-11-23T09:05", type: responded}]
    now: "2026-11-23T09:30"
    expect: {resolution: {due: "2026-11-23T11:00", state: running}}
  - name: fails
    ticket: {policy: maintenance, tier: A, severity: sev1, created: "2026-11-23T09:00"}
    events: [{at: "2026-11-23T09:05", type: responded}]
    now: "2026-11-23T09:30"
    expect:
      resolution: {due: "2026-11-23T12:00", state: met}
      resolutoin: {state: met}
)");
  CHECK(lines(r.diagnostics).empty());
  REQUIRE(r.cases.size() == 2);
  CHECK(r.cases[0].name == "passes");
  CHECK(r.cases[0].passed());
  CHECK(r.cases[1].where.line == 9);
  REQUIRE(r.cases[1].failures.size() == 3);
  CHECK(r.cases[1].failures[0].where.line == 14);
  CHECK(r.cases[1].failures[0].where.column == 25);
  CHECK(r.cases[1].failures[0].message ==
        "resolution.due: expected 2026-11-23T12:00:00+08:00, got 2026-11-23T11:00:00+08:00");
  CHECK(r.cases[1].failures[1].message == "resolution.state: expected met, got running");
  CHECK(r.cases[1].failures[2].message ==
        "policy 'maintenance' has no target 'resolutoin' (did you mean 'resolution'?)");
  CHECK_FALSE(r.passed());
}

TEST_CASE("An evaluation diagnostic nobody expected fails the case; expected ones pass") {
  const std::string ticket = R"(
    ticket: {policy: maintenance, tier: A, severity: sev1, created: "2026-11-23T09:00"}
    events: [{at: "2026-11-23T09:05", type: responded}, {at: "2026-11-23T09:01", type: resolved}]
    now: "2026-11-23T09:30"
)";
  const auto r = run(kHead + "  - name: unexpected" + ticket + "  - name: expected" + ticket +
                     "    expect_ticket: {diagnostics: [event_out_of_order]}\n");
  REQUIRE(r.cases.size() == 2);
  REQUIRE(r.cases[0].failures.size() == 1);
  CHECK(r.cases[0].failures[0].message.rfind("the evaluation reports a warning: event 1", 0) == 0);
  CHECK(r.cases[1].passed());
}

TEST_CASE("Broken test files are diagnostics with positions, and their cases do not run") {
  CHECK(lines(run("rules: [").diagnostics).find("error: invalid YAML") != std::string::npos);
  CHECK(lines(run("cases: []\n").diagnostics) ==
        kName + ":1:1: error: the policy test file has no 'rules' [SLA004]\n");
  // The test file's problems first, then those of the rules it loads.
  CHECK(lines(run("rules: nope.yaml\ncases: []\n").diagnostics) ==
        kName +
            ":1:8: error: the rules under test do not load (their errors are listed) "
            "[SLA400]\n" SLA_SOURCE_DIR
            "/tests/policy/nope.yaml: error: cannot read '" SLA_SOURCE_DIR
            "/tests/policy/nope.yaml': no such file [SLA008]\n");
  const auto empty = run("rules: ../../rules/maintenance.yaml\ncases: []\n");
  CHECK(lines(empty.diagnostics) == kName + ":2:8: error: the file has no cases to run [SLA402]\n");
  const auto bad = run(kHead + R"(
  - name: bad values
    ticket: {policy: maintenance, tier: A, severity: sev1, created: "2026-11-31T09:00"}
    now: "2026-11-23T09:30"
    expect: {resolution: {state: late}}
  - name: unknown keys
    tikcet: {}
    now: "2026-11-23T09:30"
)");
  CHECK(bad.cases.empty());
  CHECK(lines(bad.diagnostics) ==
        kName +
            ":5:69: error: invalid time '2026-11-31T09:00': the date is malformed or does "
            "not exist (expected ISO-8601 like '2026-11-20T19:00:00+08:00', or without "
            "offset for local time) [SLA401]\n" +
            kName + ":9:5: error: unknown key 'tikcet' in a case [SLA002]\n" + kName +
            ":9:5: note: did you mean 'ticket'?\n");
}

TEST_CASE("Expectations name obligations: a list checks periods in order, a map the last or one") {
  const auto r = run(R"(rules: ../data/obligations/contract.yaml
cases:
  - name: passes
    ticket: {policy: contract, tier: B, created: "2026-02-10T10:00"}
    events: [{at: "2026-03-20T10:00", type: inspection_done}]
    now: "2026-08-10T12:00"
    expect:
      quarterly_inspection:
        - {state: met, start: "2026-02-10T10:00", due: "2026-04-01T00:00",
           met_at: "2026-03-20T10:00", breached_at: null}
        - {state: missed, breached_at: "2026-07-01T00:00"}
      system_evaluation: {period: 1, state: missed}
      key_period_inspection: []
    expect_ticket: {next_wakeup: "2026-10-01T00:00", severity: null}
  - name: fails
    ticket: {policy: contract, tier: B, created: "2026-02-10T10:00"}
    now: "2026-08-10T12:00"
    expect:
      quarterly_inspection: {state: met, due: "2026-10-01T00:00"}
      system_evaluation: [{state: missed}, {state: running}, {state: running}]
      key_period_inspection: {state: met}
      quartely_inspection: {state: met}
)");
  CHECK(lines(r.diagnostics).empty());
  REQUIRE(r.cases.size() == 2);
  CHECK(r.cases[0].passed());
  std::vector<std::string> messages;
  for (const auto& f : r.cases[1].failures) messages.push_back(f.message);
  CHECK(messages ==
        std::vector<std::string>{
            "quarterly_inspection.state: expected met, got running",
            "system_evaluation: expected a period 3, but 2 periods reported",
            "key_period_inspection: expected a period, but none is reported at now",
            "policy 'contract' has no target or obligation 'quartely_inspection' (did you mean "
            "'quarterly_inspection'?)"});
  CHECK(r.cases[1].failures[0].where.line == 19);
  CHECK(r.cases[1].failures[0].where.column == 37);
}

TEST_CASE("An obligation expectation with an unknown key or a period in a list is a diagnostic") {
  const auto r = run(R"(rules: ../data/obligations/contract.yaml
cases:
  - name: broken
    ticket: {policy: contract, tier: B, created: "2026-02-10T10:00"}
    now: "2026-08-10T12:00"
    expect:
      quarterly_inspection: [{period: 2, state: met}]
      system_evaluation: {cycle: 1}
)");
  CHECK(r.cases.empty());
  CHECK(lines(r.diagnostics) == SLA_SOURCE_DIR
        "/tests/policy/inline.test.yaml:7:31: error: 'period' picks a period of an "
        "obligation given as a map; in a list, each item is a period already "
        "[SLA006]\n" SLA_SOURCE_DIR
        "/tests/policy/inline.test.yaml:8:27: error: unknown key 'cycle' in the expectation of "
        "'system_evaluation' [SLA002]\n" SLA_SOURCE_DIR
        "/tests/policy/inline.test.yaml:8:27: note: expected one of: period, state, start, due, "
        "met_at, breached_at\n");
}

TEST_CASE("A case whose expectation cannot be read does not run; periods and cycles count from 1") {
  // Each case alone in its file: a value the reader refuses ('zz', a list for a state), or a
  // period or cycle of 0 or -1, is a diagnostic of the file and the case is not counted as
  // passed (it used to pass silently, or fail as if 0 were a period that could exist).
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"quarterly_inspection: {period: zz, state: met}",
       ":7:38: error: 'period' must be a whole number, not 'zz' [SLA006]\n"},
      {"quarterly_inspection: {period: 0, state: met}",
       ":7:38: error: 'period' counts from 1 (the first period), not 0 [SLA006]\n"},
      {"quarterly_inspection: {period: -1}",
       ":7:38: error: 'period' counts from 1 (the first period), not -1 [SLA006]\n"},
      {"quarterly_inspection: {state: [met]}",
       ":7:37: error: 'state' must be a single value, not a list [SLA005]\n"},
  };
  for (const auto& [expect, diagnostic] : cases) {
    INFO(expect);
    const auto r = run(R"(rules: ../data/obligations/contract.yaml
cases:
  - name: unreadable
    ticket: {policy: contract, tier: B, created: "2026-02-10T10:00"}
    now: "2026-08-10T12:00"
    expect:
      )" + expect + "\n");
    CHECK(r.cases.empty());
    CHECK(lines(r.diagnostics) == SLA_SOURCE_DIR "/tests/policy/inline.test.yaml" + diagnostic);
  }
}
