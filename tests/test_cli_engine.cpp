// `sla due` and `sla evaluate` run as real processes, on rules/maintenance.yaml (the format's
// example agreement: tier A on cn-24x7, tier C on cn-office with the 2026 holidays).
//
// Golden files (tests/data/evaluate/*.expected.*) were checked by hand; the comments below give
// the arithmetic of the values the tests also check one by one.
#include "cli_runner.hpp"

#ifdef SLA_CLI_PATH

#include <nlohmann/json.hpp>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Catch::Matchers::ContainsSubstring;
using sla_test::read_whole_file;
using sla_test::run_cli;
using sla_test::sla_ok;

const std::string kRules = SLA_SOURCE_DIR "/rules/maintenance.yaml";
std::string data(const std::string& name) {
  return std::string(SLA_TEST_DATA_DIR) + "/evaluate/" + name;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("sla due prints each target's deadline and escalation schedule", "[cli][engine]") {
  // The README's example: tier C, sev1 (given by its alias P1), an hour before closing on Thursday
  // 2026-11-19: resolution 8h = Thu 1h + Fri 09–12, 13–17 -> Fri 17:00.
  const std::string out = sla_ok({"due", "--rules", kRules, "--policy", "maintenance", "--tier",
                                  "C", "--severity", "P1", "--created", "2026-11-19T17:00"});
  CHECK(out == read_whole_file(data("due-C-sev1.expected.txt")));
  CHECK_THAT(out, ContainsSubstring("resolution  due 2026-11-20T17:00:00+08:00"));
  const auto json = nlohmann::json::parse(
      sla_ok({"due", "--rules", kRules, "--policy", "maintenance", "--tier", "C", "--severity",
              "P1", "--created", "2026-11-19T17:00", "--json"}));
  CHECK(json.at("severity") == "sev1");
  const auto& targets = json.at("targets");
  REQUIRE(targets.size() == 6);
  CHECK(targets[3].at("id") == "resolution");
  CHECK(targets[3].at("due_utc") == "2026-11-20T09:00:00Z");
  CHECK(targets[3].at("escalations")[3].at("at") == "2026-11-25T17:00:00+08:00");
  CHECK(targets[5].at("start").is_null());  // report waits for met(resolution)
}

TEST_CASE("sla due rejects an unknown policy, tier or severity by name", "[cli][engine]") {
  auto due = [&](const char* policy, const char* tier, const char* severity) {
    return run_cli({"due", "--rules", kRules, "--policy", policy, "--tier", tier, "--severity",
                    severity, "--created", "2026-11-19T17:00"});
  };
  const auto policy = due("maintenence", "C", "sev1");
  CHECK(policy.status == 2);
  CHECK_THAT(policy.err, ContainsSubstring("no policy 'maintenence'"));
  const auto tier = due("maintenance", "B", "sev1");
  CHECK(tier.status == 2);
  CHECK_THAT(tier.err, ContainsSubstring("policy 'maintenance' has no tier 'B' (its tiers: A, C)"));
  const auto severity = due("maintenance", "C", "sev9");
  CHECK(severity.status == 2);
  CHECK_THAT(severity.err, ContainsSubstring("'sev9' is not a severity"));
}

TEST_CASE("sla evaluate --json prints the golden evaluation of the README's ticket",
          "[cli][engine]") {
  const std::string out =
      sla_ok({"evaluate", "--rules", kRules, "--ticket", data("spec-ticket.json"), "--now",
              "2026-11-23T12:00:00+08:00", "--json"});
  CHECK(out == read_whole_file(data("spec-ticket.expected.json")));
  const auto e = nlohmann::json::parse(out);
  CHECK(e.at("severity") == "sev2");  // the event at 11:00
  CHECK(e.at("assignee") == "service_manager");
  CHECK(e.at("next_wakeup") == "2026-11-23T18:00:00+08:00");
  const auto& t = e.at("targets");
  // response counts on cn-24x7: due Fri 19:30, answered Monday 09:20.
  CHECK(t[0].at("state") == "missed");
  CHECK(t[0].at("breached_at") == "2026-11-20T19:30:00+08:00");
  // remote_fix: sev2 = 8h of office time from Fri 19:00 -> Mon 18:00; 3h used by 12:00.
  CHECK(t[1].at("due") == "2026-11-23T18:00:00+08:00");
  CHECK(t[1].at("elapsed_s") == 3 * 3600);
  // resolution: sev2 = 72h = nine office days -> Thu 2026-12-03 18:00.
  CHECK(t[3].at("due") == "2026-12-03T18:00:00+08:00");
  CHECK(t[3].at("escalations")[1].at("fired") == true);
  CHECK(t[3].at("escalations")[1].at("at") == "2026-11-23T09:30:00+08:00");
}

TEST_CASE("sla evaluate reads a ticket's own now, aliases and numeric ids", "[cli][engine]") {
  const std::string out =
      sla_ok({"evaluate", "--rules", kRules, "--ticket", data("paused-ticket.json"), "--json"});
  CHECK(out == read_whole_file(data("paused-ticket.expected.json")));
  const auto e = nlohmann::json::parse(out);
  CHECK(e.at("ticket") == "4711");
  CHECK(e.at("now") == "2026-10-02T12:00:00+08:00");
  // The log's last event goes back in time: reported with its index, ignored.
  REQUIRE(e.at("diagnostics").size() == 1);
  CHECK(e.at("diagnostics")[0].at("code") == "event_out_of_order");
  CHECK(e.at("diagnostics")[0].at("event") == 4);
  // Resolution (A, P2 = sev2, 24h on 7×24) paused 23:00–08:00 with 1h used: breached at Oct 2
  // 07:00, where level 3 raises the ticket to sev1. The due instant then follows the 2h goal
  // (1h before the pause, 1h after: Oct 1 09:00); breached_at stays; after_breach: 24h counts
  // from the due instant: Oct 2 09:00.
  const auto& resolution = e.at("targets")[3];
  CHECK(resolution.at("breached_at") == "2026-10-02T07:00:00+08:00");
  CHECK(resolution.at("due") == "2026-10-01T09:00:00+08:00");
  CHECK(resolution.at("escalations")[3].at("at") == "2026-10-02T09:00:00+08:00");
  CHECK(e.at("severity") == "sev1");
}

TEST_CASE("sla evaluate prints a contract ticket's obligation periods and names a bad event once",
          "[cli][engine]") {
  // The hardware contract from Thu 2026-01-01: quarters from the contract's start; inspected
  // 02-10 and evaluated 03-18, then nothing; the contract ended 10-01, so no fourth quarter
  // starts. The key period named 03-01 for 03-20 had no inspection before its midnight; the
  // second key_period event names no date.
  const std::string out =
      sla_ok({"evaluate", "--rules", SLA_SOURCE_DIR "/rules/hardware-maintenance.obligations.yaml",
              "--ticket", data("contract-ticket.json")});
  CHECK(lines_of(out) ==
        std::vector<std::string>{
            "ticket C-1: policy hardware-maintenance-contract, tier standard, severity -, "
            "assignee -",
            "now 2026-11-30T12:00:00+08:00, next wakeup none",
            "  quarterly_inspection  #1 met       2026-01-01T00:00:00+08:00 .. due "
            "2026-04-01T00:00:00+08:00 met at 2026-02-10T10:00:00+08:00",
            "  quarterly_inspection  #2 missed    2026-04-01T00:00:00+08:00 .. due "
            "2026-07-01T00:00:00+08:00",
            "  quarterly_inspection  #3 missed    2026-07-01T00:00:00+08:00 .. due "
            "2026-10-01T00:00:00+08:00",
            "  system_evaluation     #1 met       2026-01-01T00:00:00+08:00 .. due "
            "2026-04-01T00:00:00+08:00 met at 2026-03-18T09:00:00+08:00",
            "  system_evaluation     #2 missed    2026-04-01T00:00:00+08:00 .. due "
            "2026-07-01T00:00:00+08:00",
            "  system_evaluation     #3 missed    2026-07-01T00:00:00+08:00 .. due "
            "2026-10-01T00:00:00+08:00",
            "  key_period_inspection #1 missed    2026-03-01T09:00:00+08:00 .. due "
            "2026-03-20T00:00:00+08:00",
            "warning: event 3 ('key_period') names no date in 'to': invalid date 'not a date' "
            "(expected an existing date as YYYY-MM-DD); it is ignored"});
}

TEST_CASE("sla evaluate --tickets: one result per line, bad lines named, nothing dropped",
          "[cli][engine]") {
  const std::vector<std::string> args = {"evaluate",
                                         "--rules",
                                         kRules,
                                         "--tickets",
                                         data("stream.jsonl"),
                                         "--now",
                                         "2026-11-23T12:00:00+08:00"};
  const auto r = run_cli(args);
  CHECK(r.status == 1);  // some tickets could not be evaluated
  CHECK(r.err.empty());
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 5);  // 6 lines, one blank
  const auto a = nlohmann::json::parse(lines[0]);
  CHECK(a.at("ticket") == "a");
  CHECK(a.at("ok") == true);
  const auto b = nlohmann::json::parse(lines[1]);
  CHECK(b.at("ok") == false);
  CHECK(b.at("diagnostics")[0].at("code") == "bad_ticket");
  CHECK_THAT(b.at("diagnostics")[0].at("message").get<std::string>(),
             ContainsSubstring("line 2: not valid JSON"));
  const auto c = nlohmann::json::parse(lines[2]);
  CHECK(c.at("diagnostics")[0].at("code") == "unknown_tier");
  const auto d = nlohmann::json::parse(lines[3]);
  CHECK(d.at("diagnostics")[0].at("message") ==
        "line 5: evnts: unknown key (expected one of: id, policy, attributes, tier, severity, "
        "assignee, created, events, now)");
  const auto e = nlohmann::json::parse(lines[4]);
  CHECK(e.at("now") == "2026-11-23T10:00:00+08:00");  // its own now wins over --now
  CHECK(e.at("targets")[3].at("state") == "met");
  // The same bytes whatever the number of threads, and from stdin.
  for (const char* jobs : {"1", "3"}) {
    auto with_jobs = args;
    with_jobs.insert(with_jobs.end(), {"--jobs", jobs});
    CHECK(run_cli(with_jobs).out == r.out);
  }
  const std::string piped = std::filesystem::temp_directory_path() / "sla_stream_stdin.out";
  const std::string command =
      sla_test::shell_quote(SLA_CLI_PATH) + " evaluate --rules " + sla_test::shell_quote(kRules) +
      " --tickets - --now 2026-11-23T12:00:00+08:00 < " +
      sla_test::shell_quote(data("stream.jsonl")) + " > " + sla_test::shell_quote(piped);
  CHECK(std::system(command.c_str()) != 0);  // exit 1: some tickets had errors
  CHECK(read_whole_file(piped) == r.out);
  std::filesystem::remove(piped);
}

TEST_CASE("sla evaluate refuses what it cannot give a meaning", "[cli][engine]") {
  const auto local_now = run_cli({"evaluate", "--rules", kRules, "--ticket",
                                  data("spec-ticket.json"), "--now", "2026-11-23T12:00"});
  CHECK(local_now.status == 2);
  CHECK_THAT(local_now.err, ContainsSubstring("--now: '2026-11-23T12:00' has no UTC offset"));
  const auto both = run_cli({"evaluate", "--rules", kRules, "--ticket", data("spec-ticket.json"),
                             "--tickets", data("stream.jsonl")});
  CHECK(both.status == 2);
  const auto missing = run_cli({"evaluate", "--rules", kRules, "--ticket", data("nope.json")});
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, ContainsSubstring("cannot read"));
  const auto jobs =
      run_cli({"evaluate", "--rules", kRules, "--tickets", data("stream.jsonl"), "--jobs", "0"});
  CHECK(jobs.status == 2);
  CHECK_THAT(jobs.err, ContainsSubstring("--jobs: 0 is out of range"));
}

TEST_CASE("sla test runs policy test files, names each failure, writes JUnit XML",
          "[cli][engine]") {
  const std::string passing = SLA_SOURCE_DIR "/tests/policy/maintenance.test.yaml";
  CHECK(sla_ok({"test", passing}) == passing + ": 10 cases, 10 passed, 0 failed\n");
  // A copy with one wrong expectation.
  const auto dir = std::filesystem::temp_directory_path() / "sla_cli_test_policy";
  std::filesystem::create_directories(dir);
  const std::string failing = (dir / "failing.test.yaml").string();
  {
    std::ofstream out(failing);
    out << "rules: " << kRules << "\ncases:\n"
        << "  - name: wrong due\n"
        << "    ticket: {policy: maintenance, tier: A, severity: sev1, created: "
           "\"2026-11-23T09:00\"}\n"
        << "    now: \"2026-11-23T09:30\"\n"
        << "    expect: {resolution: {due: \"2026-11-23T12:00\"}}\n"
        << "    expect_ticket: {diagnostics: []}\n";
  }
  const std::string junit = (dir / "out.xml").string();
  const auto r = run_cli({"test", passing, failing, "--junit", junit});
  CHECK(r.status == 1);
  CHECK(r.out == passing + ": 10 cases, 10 passed, 0 failed\n" + "FAIL " + failing +
                     ":3:5: wrong due\n  " + failing +
                     ":6:32: resolution.due: expected 2026-11-23T12:00:00+08:00, got "
                     "2026-11-23T11:00:00+08:00\n" +
                     failing + ": 1 case, 0 passed, 1 failed\n" +
                     "2 files, 11 cases: 10 passed, 1 failed\n");
  const std::string xml = read_whole_file(junit);
  CHECK_THAT(xml, ContainsSubstring("<testsuites tests=\"11\" failures=\"1\" errors=\"0\">"));
  CHECK_THAT(xml, ContainsSubstring("<failure message=\"resolution.due: expected"));
  // A file that cannot run fails the run too.
  const auto broken = run_cli({"test", (dir / "missing.test.yaml").string()});
  CHECK(broken.status == 1);
  CHECK_THAT(broken.out, ContainsSubstring("no such file [SLA008]"));
  CHECK(run_cli({"test"}).status == 2);
  std::filesystem::remove_all(dir);
}

#endif  // SLA_CLI_PATH
