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
