// sla/policy_test.hpp — policy test files: the deadlines a ticket must get, stated case by case,
// run the way unit tests are (`sla test FILE...`, docs/semantics.md §6).
//
//   rules: ../../rules/maintenance.yaml          # or a list; relative to the test file
//   cases:
//     - name: sev1 on tier C reported an hour before closing is due next afternoon
//       ticket: {policy: maintenance, tier: C, severity: sev1,
//                created: "2026-11-19T17:00:00+08:00"}
//       events: [{at: "2026-11-19T17:20:00+08:00", type: responded}]
//       now: "2026-11-20T12:00:00+08:00"
//       expect:
//         resolution: {due: "2026-11-20T17:00:00+08:00", state: running}
//         response: {state: met}
//         updates: [{state: missed}, {state: running}]     # a list: cycle by cycle
//       expect_ticket: {severity: sev1, assignee: engineer}
//
// Every expectation is compared with the engine's evaluation (sla/engine.hpp) at `now`; each
// mismatch is a failure at the expected value's line and column, saying expected and actual.
// rules/README.md ("Policy tests") lists every key. Problems of the file itself (YAML, unknown
// keys, a rules file that does not load) are diagnostics, as for rules files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"

namespace sla {

struct PolicyTestFailure {
  SourcePosition where;  ///< the expectation that failed
  std::string message;   ///< "resolution.due: expected 2026-11-20T17:00:00+08:00, got ..."
};

struct PolicyTestCase {
  std::string name;
  SourcePosition where;  ///< the case (its list item)
  std::vector<PolicyTestFailure> failures;

  bool passed() const { return failures.empty(); }
};

struct PolicyTestReport {
  std::string file;
  /// Problems of the test file and of the rules it loads. With an error, `cases` holds only
  /// the cases that could be read and run.
  std::vector<Diagnostic> diagnostics;
  std::vector<PolicyTestCase> cases;

  /// No error diagnostic and every case passed.
  bool passed() const {
    for (const auto& d : diagnostics)
      if (d.severity == Diagnostic::Severity::error) return false;
    for (const auto& c : cases)
      if (!c.passed()) return false;
    return true;
  }
};

/// Reads and runs one policy test file. Never throws for problems in the file.
PolicyTestReport run_policy_tests(const std::string& path);

/// The same for text; `name` names it in messages and anchors a relative `rules:` path.
PolicyTestReport run_policy_tests_from_string(std::string_view text, std::string_view name);

}  // namespace sla
