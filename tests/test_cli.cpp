// The `sla` command-line tool, run as a real process: exact stdout, stderr and exit status.
//
// Rules: tests/data/cli/office.yaml (cn-office: Asia/Shanghai, Mon-Fri 09-12 13-18, National Day
// 2026-10-01..07, make-up Saturdays 2026-02-14 and 2026-10-10, overrides on 12-24 and 12-31;
// ny: New York Mon-Fri 09-17; ny-night: New York daily 01-05; night-shift: UTC Mon-Fri
// 22:00-06:00; always: UTC 00:00-24:00) and london.yaml (a second file).
#include "cli_runner.hpp"

#ifdef SLA_CLI_PATH

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::StartsWith;

using sla_test::CliResult;
using sla_test::run_cli;
using sla_test::sla_ok;

std::string data(const std::string& name) {
  return std::string(SLA_TEST_DATA_DIR) + "/cli/" + name;
}
const std::string kOffice = data("office.yaml");

// `sla <command> --rules office.yaml --calendar <calendar> <rest...>`.
std::vector<std::string> on(const std::string& command, const std::string& calendar,
                            std::vector<std::string> rest) {
  std::vector<std::string> args{command, "--rules", kOffice, "--calendar", calendar};
  args.insert(args.end(), rest.begin(), rest.end());
  return args;
}

}  // namespace

TEST_CASE("sla add prints the deadline in the calendar's zone", "[cli]") {
  // Mon 17:00 + 2h: one hour to the 18:00 close, one from Tue 09:00.
  CHECK(sla_ok(on("add", "cn-office", {"--start", "2026-11-23T17:00", "--duration", "2h"})) ==
        "2026-11-24T10:00:00+08:00\n");
  CHECK(sla_ok(on("add", "cn-office", {"--start=2026-11-23T17:00:00+08:00", "--duration=2h"})) ==
        "2026-11-24T10:00:00+08:00\n");
  // An instant in another offset is the same instant: 09:00Z is 17:00 in Shanghai.
  CHECK(sla_ok(on("add", "cn-office", {"--start", "2026-11-23T09:00:00Z", "--duration", "2h"})) ==
        "2026-11-24T10:00:00+08:00\n");
  // The lunch break does not count.
  CHECK(sla_ok(on("add", "cn-office", {"--start", "2026-11-23T11:30", "--duration", "1h"})) ==
        "2026-11-23T13:30:00+08:00\n");
}

TEST_CASE("sla add takes a negative duration in both option forms", "[cli]") {
  CHECK(sla_ok(on("add", "cn-office", {"--start", "2026-11-24T10:00", "--duration=-2h"})) ==
        "2026-11-23T17:00:00+08:00\n");
  CHECK(sla_ok(on("add", "cn-office", {"--start", "2026-11-24T10:00", "--duration", "-2h"})) ==
        "2026-11-23T17:00:00+08:00\n");
}

TEST_CASE("sla add lands on the close by default and on the next opening with next_open", "[cli]") {
  CHECK(sla_ok(on("add", "cn-office", {"--start", "2026-11-23T17:00", "--duration", "1h"})) ==
        "2026-11-23T18:00:00+08:00\n");
  CHECK(sla_ok(on("add", "cn-office",
                  {"--start", "2026-11-23T17:00", "--duration", "1h", "--landing", "close"})) ==
        "2026-11-23T18:00:00+08:00\n");
  CHECK(sla_ok(on("add", "cn-office",
                  {"--start", "2026-11-23T17:00", "--duration", "1h", "--landing", "next_open"})) ==
        "2026-11-24T09:00:00+08:00\n");
  CHECK(sla_ok(on("add", "cn-office",
                  {"--start", "2026-11-23T17:00", "--duration", "1h", "--landing=next_open"})) ==
        "2026-11-24T09:00:00+08:00\n");
}

TEST_CASE("sla add understands every duration form of the rules", "[cli]") {
  auto add = [](const std::string& start, const std::string& duration) {
    return sla_ok(on("add", "cn-office", {"--start", start, "--duration", duration}));
  };
  CHECK(add("2026-11-21T11:00", "1bd") == "2026-11-24T09:00:00+08:00\n");  // Sat + 1bd = Tue 09:00
  CHECK(add("2026-11-23T15:00", "2bd") == "2026-11-25T15:00:00+08:00\n");
  CHECK(add("2026-11-25T15:00", "-2bd") == "2026-11-23T15:00:00+08:00\n");
  CHECK(add("2026-11-23T10:00", "3cd") == "2026-11-26T10:00:00+08:00\n");
  CHECK(add("2026-11-23T10:00", "eobd") == "2026-11-23T18:00:00+08:00\n");
  CHECK(add("2026-09-30T10:00", "eobd+1") == "2026-10-08T18:00:00+08:00\n");  // over National Day
  CHECK(add("2026-11-23T15:00", "bd+1@10:00") == "2026-11-24T10:00:00+08:00\n");
  CHECK(add("2026-11-23T10:00", "90s") == "2026-11-23T10:01:30+08:00\n");
}

TEST_CASE("sla add follows DST: offsets change and business time is real elapsed time", "[cli]") {
  // New York springs forward on Sun 2026-03-08: Friday is -05:00, Monday -04:00.
  CHECK(sla_ok(on("add", "ny", {"--start", "2026-03-06T16:00", "--duration", "2h"})) ==
        "2026-03-09T10:00:00-04:00\n");
  CHECK(sla_ok(on("add", "ny", {"--start", "2026-03-06T21:00:00Z", "--duration", "2h"})) ==
        "2026-03-09T10:00:00-04:00\n");
  // The 01:00-05:00 window holds 3 h on the spring-forward day and 5 h on the fall-back day.
  CHECK(sla_ok(on("add", "ny-night", {"--start", "2026-03-08T01:00", "--duration", "3h"})) ==
        "2026-03-08T05:00:00-04:00\n");
  CHECK(sla_ok(on("add", "ny-night", {"--start", "2026-11-01T01:00", "--duration", "5h"})) ==
        "2026-11-01T05:00:00-05:00\n");
}

TEST_CASE("sla add --json echoes the inputs and gives the result in both zones", "[cli]") {
  const std::string out = sla_ok(
      on("add", "cn-office", {"--start", "2026-11-23T17:00", "--duration", "1h30m", "--json"}));
  CHECK(out == R"({"calendar":"cn-office","start":"2026-11-23T17:00:00+08:00","duration":"1h30m",)"
               R"("landing":"close","result":"2026-11-24T09:30:00+08:00",)"
               R"("result_utc":"2026-11-24T01:30:00Z"})"
               "\n");
  // It is JSON: a JSON parser reads the same values back.
  const auto parsed = nlohmann::json::parse(out);
  CHECK(parsed.at("result_utc") == "2026-11-24T01:30:00Z");
  CHECK(parsed.at("landing") == "close");

  CHECK(sla_ok(on("add", "ny",
                  {"--start", "2026-03-06T16:00", "--duration=-2h", "--json", "--landing",
                   "next_open"})) ==
        R"({"calendar":"ny","start":"2026-03-06T16:00:00-05:00","duration":"-2h",)"
        R"("landing":"next_open","result":"2026-03-06T14:00:00-05:00",)"
        R"("result_utc":"2026-03-06T19:00:00Z"})"
        "\n");
}

TEST_CASE("sla between prints signed business seconds", "[cli]") {
  CHECK(sla_ok(on("between", "cn-office",
                  {"--from", "2026-11-23T09:00", "--to", "2026-11-24T09:00"})) == "28800\n");
  CHECK(sla_ok(on("between", "cn-office", {"--from=2026-11-24T09:00", "--to=2026-11-23T09:00"})) ==
        "-28800\n");
  // Over National Day: 17:00-18:00 on 09-30 and 09:00-10:00 on 10-08.
  CHECK(sla_ok(on("between", "cn-office",
                  {"--from", "2026-09-30T17:00", "--to", "2026-10-08T10:00"})) == "7200\n");
  CHECK(sla_ok(on("between", "ny-night",
                  {"--from", "2026-03-08T00:00", "--to", "2026-03-08T06:00"})) == "10800\n");
  CHECK(sla_ok(on("between", "ny-night",
                  {"--from", "2026-11-01T00:00", "--to", "2026-11-01T06:00"})) == "18000\n");
  CHECK(sla_ok(on("between", "cn-office",
                  {"--from", "2026-11-23T09:00", "--to", "2026-11-23T18:00:00+08:00", "--json"})) ==
        R"({"calendar":"cn-office","from":"2026-11-23T09:00:00+08:00",)"
        R"("to":"2026-11-23T18:00:00+08:00","result":28800})"
        "\n");
}

TEST_CASE("sla roll moves a closed time to the next opening or the previous close", "[cli]") {
  CHECK(sla_ok(on("roll", "cn-office", {"--at", "2026-11-21T11:00", "--forward"})) ==
        "2026-11-23T09:00:00+08:00\n");
  CHECK(sla_ok(on("roll", "cn-office", {"--backward", "--at=2026-11-21T11:00"})) ==
        "2026-11-20T18:00:00+08:00\n");
  CHECK(sla_ok(on("roll", "cn-office", {"--at", "2026-11-23T12:30", "--forward"})) ==
        "2026-11-23T13:00:00+08:00\n");
  CHECK(sla_ok(on("roll", "cn-office", {"--at", "2026-11-23T12:30", "--backward"})) ==
        "2026-11-23T12:00:00+08:00\n");
  CHECK(sla_ok(on("roll", "cn-office", {"--at", "2026-11-23T10:00", "--backward"})) ==
        "2026-11-23T10:00:00+08:00\n");
  // 02:30 does not exist in New York on 2026-03-08: it is read as 03:00 EDT, inside 01-05.
  CHECK(sla_ok(on("roll", "ny-night", {"--at", "2026-03-08T02:30", "--forward"})) ==
        "2026-03-08T03:00:00-04:00\n");
  CHECK(sla_ok(on("roll", "cn-office", {"--at", "2026-11-21T11:00", "--forward", "--json"})) ==
        R"({"calendar":"cn-office","at":"2026-11-21T11:00:00+08:00","direction":"forward",)"
        R"("result":"2026-11-23T09:00:00+08:00","result_utc":"2026-11-23T01:00:00Z"})"
        "\n");
}

TEST_CASE("sla advance moves dates by business days with numpy's conventions", "[cli]") {
  auto advance = [](std::vector<std::string> rest) {
    return sla_ok(on("advance", "cn-office", rest));
  };
  CHECK(advance({"--date", "2026-11-21", "--days", "1"}) == "2026-11-24\n");  // Sat + 1 = Tue
  CHECK(advance({"--date", "2026-11-21", "--days", "1", "--convention", "preceding"}) ==
        "2026-11-23\n");
  CHECK(advance({"--date", "2026-11-25", "--days", "-3"}) == "2026-11-20\n");
  CHECK(advance({"--date=2026-11-25", "--days=-3"}) == "2026-11-20\n");
  CHECK(advance({"--date", "2026-09-30", "--days", "+1"}) == "2026-10-08\n");  // over National Day
  CHECK(advance({"--date", "2026-10-09", "--days", "1"}) == "2026-10-10\n");   // a make-up Saturday
  CHECK(advance({"--date", "2026-10-31", "--days", "0", "--convention", "following"}) ==
        "2026-11-02\n");
  CHECK(advance({"--date", "2026-10-31", "--days", "0", "--convention=modified_following"}) ==
        "2026-10-30\n");
  CHECK(advance({"--date", "2026-11-21", "--days", "-1", "--json"}) ==
        R"({"calendar":"cn-office","date":"2026-11-21","days":-1,"convention":"following",)"
        R"("result":"2026-11-20"})"
        "\n");
}

TEST_CASE("sla advance with --convention raise fails on a non-business date", "[cli]") {
  const CliResult r = run_cli(
      on("advance", "cn-office", {"--date", "2026-10-01", "--days", "1", "--convention", "raise"}));
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "sla: error: 2026-10-01 is not a business day of calendar 'cn-office'\n");
}

TEST_CASE("a calendar computing past its covers fails with exit 2, or warns with beyond: warn",
          "[cli][coverage]") {
  const std::string rules = data("covered.yaml");
  auto command = [&](const std::string& what, const std::string& calendar,
                     std::vector<std::string> rest) {
    std::vector<std::string> args{what, "--rules", rules, "--calendar", calendar};
    args.insert(args.end(), rest.begin(), rest.end());
    return args;
  };
  const std::string outside =
      "calendar 'covered' knows its holidays for 2026-01-01..2026-12-31 only; 2027-01-01 is "
      "outside (add the 2027 holidays and extend 'covers')";
  // Thursday 2026-12-31 16:00 + 2h ends on the last covered day; + 3h needs Friday 2027-01-01.
  CHECK(sla_ok(command("add", "covered", {"--start", "2026-12-31T16:00", "--duration", "2h"})) ==
        "2026-12-31T18:00:00+08:00\n");
  for (const auto& args :
       {command("add", "covered", {"--start", "2026-12-31T16:00", "--duration", "3h"}),
        command("between", "covered", {"--from", "2026-12-31T09:00", "--to", "2027-01-01T10:00"}),
        command("roll", "covered", {"--at", "2026-12-31T19:00", "--forward"}),
        command("advance", "covered", {"--date", "2026-12-31", "--days", "1"}),
        command("windows", "covered", {"--from", "2026-12-31", "--to", "2027-01-01"})}) {
    const CliResult r = run_cli(args);
    INFO(args[0]);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "sla: error: " + outside + "\n");
  }
  const CliResult warned =
      run_cli(command("add", "covered-warn", {"--start", "2026-12-31T16:00", "--duration", "3h"}));
  CHECK(warned.status == 0);
  CHECK(warned.out == "2027-01-01T10:00:00+08:00\n");
  CHECK(warned.err ==
        "sla: warning: calendar 'covered-warn' knows its holidays for 2026-01-01..2026-12-31 "
        "only; 2027-01-01 is outside (add the 2027 holidays and extend 'covers'); computed from "
        "the weekly hours and the yearly rules alone\n");
}

TEST_CASE("sla windows prints every date of the range with its windows and why", "[cli]") {
  CHECK(sla_ok(on("windows", "cn-office", {"--from", "2026-09-30", "--to", "2026-10-11"})) ==
        "2026-09-30 Wed 09:00-12:00 13:00-18:00\n"
        "2026-10-01 Thu closed (holiday: National Day)\n"
        "2026-10-02 Fri closed (holiday: National Day)\n"
        "2026-10-03 Sat closed (holiday: National Day)\n"
        "2026-10-04 Sun closed (holiday: National Day)\n"
        "2026-10-05 Mon closed (holiday: National Day)\n"
        "2026-10-06 Tue closed (holiday: National Day)\n"
        "2026-10-07 Wed closed (holiday: National Day)\n"
        "2026-10-08 Thu 09:00-12:00 13:00-18:00\n"
        "2026-10-09 Fri 09:00-12:00 13:00-18:00\n"
        "2026-10-10 Sat 09:00-12:00 13:00-18:00 (make-up workday)\n"
        "2026-10-11 Sun closed\n");
  CHECK(sla_ok(on("windows", "cn-office", {"--from=2026-02-14", "--to=2026-02-14"})) ==
        "2026-02-14 Sat 09:00-12:00 13:00-18:00 (make-up workday)\n");
  CHECK(sla_ok(on("windows", "cn-office", {"--from", "2026-01-01", "--to", "2026-01-01"})) ==
        "2026-01-01 Thu closed (holiday)\n");
  CHECK(sla_ok(on("windows", "cn-office", {"--from", "2026-12-24", "--to", "2026-12-24"})) ==
        "2026-12-24 Thu 09:00-13:00 (override)\n");
  CHECK(sla_ok(on("windows", "cn-office", {"--from", "2026-12-31", "--to", "2026-12-31"})) ==
        "2026-12-31 Thu closed (override)\n");
}

TEST_CASE("sla windows shows overnight closes as clock time and a day's end as 24:00", "[cli]") {
  CHECK(sla_ok(on("windows", "night-shift", {"--from", "2026-11-20", "--to", "2026-11-21"})) ==
        "2026-11-20 Fri 22:00-06:00\n"
        "2026-11-21 Sat closed\n");
  CHECK(sla_ok(on("windows", "always", {"--from", "2026-11-21", "--to", "2026-11-21"})) ==
        "2026-11-21 Sat 00:00-24:00\n");
}

TEST_CASE("sla windows --json lists each day with clock times and instants", "[cli]") {
  CHECK(sla_ok(on("windows", "night-shift",
                  {"--from", "2026-11-20", "--to", "2026-11-21", "--json"})) ==
        R"({"calendar":"night-shift","from":"2026-11-20","to":"2026-11-21","days":[)"
        R"({"date":"2026-11-20","weekday":"Fri","kind":"weekly","name":"","windows":[)"
        R"({"open":"22:00","close":"06:00","open_at":"2026-11-20T22:00:00+00:00",)"
        R"("close_at":"2026-11-21T06:00:00+00:00"}]},)"
        R"({"date":"2026-11-21","weekday":"Sat","kind":"weekly","name":"","windows":[]}]})"
        "\n");
  CHECK(sla_ok(
            on("windows", "cn-office", {"--from", "2026-10-01", "--to", "2026-10-01", "--json"})) ==
        R"({"calendar":"cn-office","from":"2026-10-01","to":"2026-10-01","days":[)"
        R"({"date":"2026-10-01","weekday":"Thu","kind":"holiday","name":"National Day",)"
        R"("windows":[]}]})"
        "\n");
}

TEST_CASE("sla loads several rule files given by repeated --rules", "[cli]") {
  CHECK(sla_ok({"add", "--rules", kOffice, "--rules", data("london.yaml"), "--calendar", "london",
                "--start", "2026-03-27T16:00", "--duration", "2h"}) ==
        "2026-03-30T10:00:00+01:00\n");  // Europe/London goes to summer time on 2026-03-29
  CHECK(sla_ok({"between", fmt::format("--rules={}", data("london.yaml")), "--rules=" + kOffice,
                "--calendar", "cn-office", "--from", "2026-11-23T09:00", "--to",
                "2026-11-23T10:00"}) == "3600\n");
}

TEST_CASE("sla validate prints nothing and exits 0 for good files", "[cli]") {
  CHECK(sla_ok({"validate", kOffice, data("london.yaml")}).empty());
  CHECK(sla_ok({"validate", "--format", "json", kOffice}) == "[]\n");
}

TEST_CASE("sla validate prints every diagnostic and exits 1 for a broken file", "[cli]") {
  const std::string broken = data("broken.yaml");
  const CliResult text = run_cli({"validate", broken});
  CHECK(text.status == 1);
  CHECK(text.err.empty());
  CHECK_THAT(text.out, StartsWith(broken + ":5:"));
  CHECK_THAT(text.out, ContainsSubstring("Asia/Shangai"));
  CHECK_THAT(text.out, ContainsSubstring(broken + ":6:"));

  const CliResult json = run_cli({"validate", "--format=json", broken});
  CHECK(json.status == 1);
  REQUIRE_THAT(json.out, StartsWith("[\n{\"file\":"));
  const auto parsed = nlohmann::json::parse(json.out);
  REQUIRE(parsed.is_array());
  REQUIRE(parsed.size() == 2);
  CHECK(parsed[0].at("file") == broken);
  CHECK(parsed[0].at("line") == 5);
  CHECK(parsed[0].at("severity") == "error");
  CHECK_THAT(parsed[0].at("code").get<std::string>(), StartsWith("SLA"));
  CHECK_THAT(parsed[0].at("message").get<std::string>(), ContainsSubstring("Asia/Shangai"));
  CHECK(parsed[0].at("notes").is_array());
  CHECK(parsed[1].at("line") == 6);
  // --json is the same as --format json.
  CHECK(run_cli({"validate", "--json", broken}).out == json.out);
}

TEST_CASE("a command on rules with errors prints their diagnostics and exits 1", "[cli]") {
  const std::string broken = data("broken.yaml");
  const CliResult r = run_cli({"add", "--rules", broken, "--calendar", "office", "--start",
                               "2026-11-23T09:00", "--duration", "1h", "--json"});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, StartsWith(broken + ":5:"));
  CHECK_THAT(r.err, ContainsSubstring("sla: error: the rule files have 2 errors\n"));

  // A file that cannot be read is a diagnostic of the loader too.
  const CliResult missing = run_cli({"windows", "--rules", data("no-such-file.yaml"), "--calendar",
                                     "x", "--from", "2026-01-01", "--to", "2026-01-01"});
  CHECK(missing.status == 1);
  CHECK(missing.out.empty());
  CHECK_THAT(missing.err, ContainsSubstring("no-such-file.yaml"));
}

TEST_CASE("sla rejects bad values naming them, with exit status 2", "[cli]") {
  struct Case {
    std::vector<std::string> args;
    std::string message;  // the whole of stderr
  };
  const Case cases[] = {
      {on("add", "cn-office", {"--start", "2026-13-01T09:00", "--duration", "1h"}),
       "sla: error: --start: invalid time '2026-13-01T09:00': the date is malformed or does not "
       "exist (expected ISO-8601 like '2026-11-20T19:00:00+08:00', or without offset for local "
       "time)\n"},
      {on("add", "nope", {"--start", "2026-11-23T09:00", "--duration", "1h"}),
       "sla: error: --calendar: unknown calendar 'nope' (known: always, cn-office, night-shift, "
       "ny, ny-night)\n"},
      {on("add", "cn-office", {"--start", "2026-11-23T09:00", "--duration", "2d"}),
       "sla: error: --duration: invalid duration '2d': a bare 'd' is ambiguous: write '2bd' for "
       "business days or '2cd' for calendar days\n"},
      {on("add", "cn-office",
          {"--start", "2026-11-23T09:00", "--duration", "1h", "--landing", "open"}),
       "sla: error: --landing: invalid value 'open' (expected close or next_open)\n"},
      {on("advance", "cn-office", {"--date", "2026-02-30", "--days", "1"}),
       "sla: error: --date: invalid date '2026-02-30' (expected an existing date as YYYY-MM-DD)\n"},
      {on("advance", "cn-office", {"--date", "2026-02-02", "--days", "1.5"}),
       "sla: error: --days: invalid number '1.5' (expected a whole number such as 3 or -3)\n"},
      {on("advance", "cn-office", {"--date", "2026-02-02", "--days", "99999999999"}),
       "sla: error: --days: number '99999999999' is out of range\n"},
      {on("advance", "cn-office",
          {"--date", "2026-02-02", "--days", "1", "--convention", "sideways"}),
       "sla: error: --convention: invalid convention 'sideways' (expected following, preceding, "
       "modified_following, modified_preceding or raise)\n"},
      {on("windows", "cn-office", {"--from", "2026-10-07", "--to", "2026-10-01"}),
       "sla: error: --from 2026-10-07 is after --to 2026-10-01 (the range is inclusive: from <= "
       "to)\n"},
      {on("between", "cn-office", {"--from", "2026-11-23T09:00", "--to", "2026-11-23T09:00.5"}),
       "sla: error: --to: invalid time '2026-11-23T09:00.5': fractional seconds are not supported "
       "(expected ISO-8601 like '2026-11-20T19:00:00+08:00', or without offset for local time)\n"},
      {{"validate", "--format", "xml", kOffice},
       "sla: error: --format: invalid value 'xml' (expected text or json)\n"},
  };
  for (const auto& c : cases) {
    const CliResult r = run_cli(c.args);
    INFO("args: " << c.args[0] << " ... " << c.args.back());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.message);
  }
  // With --json the error still goes to stderr as text, and stdout stays empty.
  const CliResult json =
      run_cli(on("add", "cn-office", {"--start", "x", "--duration", "1h", "--json"}));
  CHECK(json.status == 2);
  CHECK(json.out.empty());
  CHECK_THAT(json.err, StartsWith("sla: error: --start: invalid time 'x'"));
}

TEST_CASE("sla rejects a wrong command line with the usage, exit status 2", "[cli]") {
  const std::string add_usage =
      "usage: sla add --rules F --calendar ID --start T --duration D [--landing close|next_open] "
      "[--json]\nRun 'sla help add' for details.\n";
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {on("add", "cn-office", {"--strat", "2026-11-23T09:00", "--duration", "1h"}),
       "sla: error: unknown option '--strat' for 'sla add' (did you mean '--start'?)\n" +
           add_usage},
      {on("add", "cn-office", {"--start", "2026-11-23T09:00"}),
       "sla: error: missing required option '--duration'\n" + add_usage},
      {on("add", "cn-office",
          {"--start", "2026-11-23T09:00", "--start", "2026-11-23T10:00", "--duration", "1h"}),
       "sla: error: option '--start' given more than once\n" + add_usage},
      {on("add", "cn-office", {"--duration", "1h", "--start"}),
       "sla: error: option '--start' needs a value (T)\n" + add_usage},
      {on("add", "cn-office", {"--start", "--duration", "1h"}),
       "sla: error: option '--start' needs a value (T)\n" + add_usage},
      {on("add", "cn-office", {"--start", "2026-11-23T09:00", "--duration", "1h", "--json=yes"}),
       "sla: error: option '--json' takes no value (got '--json=yes')\n" + add_usage},
      {on("add", "cn-office", {"--start", "2026-11-23T09:00", "--duration", "1h", "extra"}),
       "sla: error: unexpected argument 'extra' for 'sla add'\n" + add_usage},
      {on("add", "cn-office", {"--start", "2026-11-23T09:00", "--duration", "1h", "-x"}),
       "sla: error: unknown option '-x' for 'sla add'\n" + add_usage},
      {on("roll", "cn-office", {"--at", "2026-11-23T09:00"}),
       "sla: error: missing option: one of '--forward', '--backward' is required\n"
       "usage: sla roll --rules F --calendar ID --at T (--forward|--backward) [--json]\n"
       "Run 'sla help roll' for details.\n"},
      {on("roll", "cn-office", {"--at", "2026-11-23T09:00", "--forward", "--backward"}),
       "sla: error: options '--forward' and '--backward' cannot be combined\n"
       "usage: sla roll --rules F --calendar ID --at T (--forward|--backward) [--json]\n"
       "Run 'sla help roll' for details.\n"},
      {{"ad", "--rules", kOffice},
       "sla: error: unknown command 'ad' (did you mean 'add'?)\n"
       "Run 'sla --help' for the list of commands.\n"},
      {{"frobnicate"},
       "sla: error: unknown command 'frobnicate'\nRun 'sla --help' for the list of commands.\n"},
      {{}, "sla: error: no command given\nRun 'sla --help' for the list of commands.\n"},
      {{"--rules", kOffice},
       "sla: error: expected a command before option '--rules'\n"
       "Run 'sla --help' for the list of commands.\n"},
      {{"validate"},
       "sla: error: no rule files given\n"
       "usage: sla validate [--rules F] [--format text|json] [--json] F...\n"
       "Run 'sla help validate' for details.\n"},
  };
  for (const auto& c : cases) {
    const CliResult r = run_cli(c.args);
    INFO("args: " << (c.args.empty() ? std::string("(none)") : c.args.back()));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.err);
  }
}

TEST_CASE("sla --help, help <command> and --version print to stdout and exit 0", "[cli]") {
  const std::string overview = sla_ok({"--help"});
  CHECK_THAT(overview, StartsWith("sla 0.1.0 - "));
  for (const char* name : {"add", "between", "roll", "advance", "windows", "validate"})
    CHECK_THAT(overview, ContainsSubstring(std::string("\n  ") + name + " "));
  CHECK_THAT(overview, ContainsSubstring("  1  the rule files have errors"));
  CHECK_THAT(overview, ContainsSubstring("  2  a usage error"));
  CHECK(sla_ok({"help"}) == overview);

  const std::string add_help = sla_ok({"help", "add"});
  CHECK_THAT(add_help, StartsWith("usage: sla add --rules F --calendar ID --start T --duration D "
                                  "[--landing close|next_open] [--json]\n"));
  CHECK_THAT(add_help, ContainsSubstring("  --landing close|next_open"));
  CHECK(sla_ok({"add", "--help"}) == add_help);
  CHECK(sla_ok({"add", "--start", "x", "-h"}) == add_help);
  CHECK(sla_ok({"--version"}) == "sla 0.1.0\n");
}

TEST_CASE("sla --json escapes strings and keeps the output valid UTF-8", "[cli]") {
  // A file name with a quote, a backslash and a byte that is not UTF-8: validate reports that it
  // cannot be read, and the JSON carries the name escaped, the bad byte as U+FFFD (written as
  // UTF-8, like every other non-ASCII character).
  const std::string odd = data("no \"such\\file\xff.yaml");
  const CliResult r = run_cli({"validate", "--json", odd});
  CHECK(r.status == 1);
  CHECK_THAT(r.out, StartsWith("[\n{\"file\":\""));
  CHECK_THAT(r.out, ContainsSubstring("/cli/no \\\"such\\\\file\xEF\xBF\xBD.yaml\""));
  CHECK(r.out.find('\xff') == std::string::npos);
  // nlohmann/json rejects ill-formed UTF-8, so parsing proves the output valid.
  const auto parsed = nlohmann::json::parse(r.out);
  CHECK(parsed.at(0).at("file") == data("no \"such\\file\xEF\xBF\xBD.yaml"));
}

TEST_CASE("sla windows --json keeps UTF-8 names; a rules file that is not UTF-8 is refused",
          "[cli]") {
  // Holiday names as a rules file may carry them: Chinese text, an escaped quote; and, in a
  // second file, Latin-1 bytes (an 'é' as \xe9) that are not UTF-8. The files are written here
  // so that the repository keeps no ill-formed text.
  const auto path =
      std::filesystem::temp_directory_path() / fmt::format("sla_cli_names_{}.yaml", ::getpid());
  const std::string head =
      "version: 1\ncalendars:\n  cn:\n    time_zone: Asia/Shanghai\n"
      "    hours: {mon-fri: [\"09:00-18:00\"]}\n"
      "    holidays: [{date: 2026-10-01, name: \"\xe5\x9b\xbd\xe5\xba\x86\"},";
  const std::vector<std::string> args = {"windows",    "--rules", path.string(), "--calendar",
                                         "cn",         "--from",  "2026-10-01",  "--to",
                                         "2026-10-02", "--json"};
  std::ofstream(path, std::ios::binary)
      << head << " {date: 2026-10-02, name: \"caf\xc3\xa9 \\\"x\\\"\"}]\n";
  const CliResult r = run_cli(args);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"({"calendar":"cn","from":"2026-10-01","to":"2026-10-02","days":[)"
                 R"({"date":"2026-10-01","weekday":"Thu","kind":"holiday","name":")"
                 "\xe5\x9b\xbd\xe5\xba\x86"
                 R"(","windows":[]},)"
                 R"({"date":"2026-10-02","weekday":"Fri","kind":"holiday","name":"caf)"
                 "\xc3\xa9"
                 R"( \"x\"","windows":[]}]})"
                 "\n");
  const auto parsed = nlohmann::json::parse(r.out);  // refuses ill-formed UTF-8
  CHECK(parsed.at("days").at(0).at("name") == "\xe5\x9b\xbd\xe5\xba\x86");
  CHECK(parsed.at("days").at(1).at("name") == "caf\xc3\xa9 \"x\"");

  // Latin-1: the byte is named where it is, not carried into names (and later messages).
  std::ofstream(path, std::ios::binary) << head << " {date: 2026-10-02, name: \"caf\xe9\"}]\n";
  const CliResult latin1 = run_cli(args);
  std::filesystem::remove(path);
  CHECK(latin1.status == 1);
  CHECK(latin1.out.empty());
  CHECK(latin1.err.find(path.string() + ":6:") != std::string::npos);
  CHECK(latin1.err.find("byte 0xE9 is not UTF-8 text") != std::string::npos);
  CHECK(latin1.err.find("[SLA025]") != std::string::npos);
}

#endif  // SLA_CLI_PATH
