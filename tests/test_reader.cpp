// tests/test_reader.cpp — the reader idioms written once (src/yaml/reader, src/yaml/suggest,
// src/rules/ids): wrong-kind messages, one-or-list, enum words, "did you mean", cycles, and the
// names a severity answers to.
#include <catch2/catch_test_macros.hpp>

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "rules/ids.hpp"
#include "sla/severity.hpp"
#include "sla/words.hpp"
#include "yaml/diagnostic_sink.hpp"
#include "yaml/reader.hpp"
#include "yaml/suggest.hpp"

namespace {

// A document read from `text`, and everything the reader reported, as printed.
struct Fixture {
  sla::yaml::DiagnosticSink sink;
  sla::yaml::Reader reader{"r.yaml", sink};
  sla::yaml::Value root;

  explicit Fixture(const std::string& text) : root(reader.root(YAML::Load(text))) {}

  std::string reported() {
    std::string out;
    for (const auto& d : sink.finish({"r.yaml"})) out += d.to_string();
    return out;
  }
};

}  // namespace

TEST_CASE("one_or_list reads a single value and a list alike and refuses anything else",
          "[reader]") {
  Fixture one("resolved");
  const auto single = one.reader.one_or_list(one.root, "'stop'", "a condition");
  REQUIRE(single);
  REQUIRE(single->size() == 1);
  CHECK(single->front().node.Scalar() == "resolved");

  Fixture list("[resolved, cancelled]");
  const auto both = list.reader.one_or_list(list.root, "'stop'", "a condition");
  REQUIRE(both);
  CHECK(both->size() == 2);
  CHECK(list.reported().empty());

  Fixture map("{a: b}");
  CHECK_FALSE(map.reader.one_or_list(map.root, "'stop'", "a condition"));
  CHECK(map.reported() ==
        "r.yaml:1:1: error: 'stop' must be a condition or a list of them, not a map [SLA005]\n");
}

TEST_CASE("wrong_kind says what was expected, also for an empty value, under any code",
          "[reader]") {
  Fixture list("[1, 2]");
  list.reader.wrong_kind(list.root, "a severity", "a map like {id: sev1}");
  CHECK(list.reported() ==
        "r.yaml:1:1: error: a severity must be a map like {id: sev1}, not a list [SLA005]\n");
  Fixture empty("~");
  empty.reader.wrong_kind({empty.root.node, {"r.yaml", 2, 3}}, "a holiday", "a date", "SLA108");
  CHECK(empty.reported() == "r.yaml:2:3: error: a holiday is empty (expected a date) [SLA108]\n");
}

TEST_CASE("choice reads a word of an enum's vocabulary or suggests the closest", "[reader]") {
  Fixture good("restart");
  CHECK(good.reader.choice<sla::OnSeverityChange>(good.root, "'on_severity_change'") ==
        sla::OnSeverityChange::restart);
  Fixture typo("recompte");
  CHECK_FALSE(typo.reader.choice<sla::OnSeverityChange>(typo.root, "'on_severity_change'"));
  CHECK(typo.reported() ==
        "r.yaml:1:1: error: 'on_severity_change' cannot be 'recompte' [SLA006]\n"
        "r.yaml:1:1: note: did you mean 'recompute'?\n");
  Fixture far("sometimes");
  CHECK_FALSE(far.reader.choice<sla::Observance>(far.root, "'observed'"));
  CHECK(far.reported() ==
        "r.yaml:1:1: error: 'observed' cannot be 'sometimes' [SLA006]\n"
        "r.yaml:1:1: note: expected one of: none, nearest_weekday, sunday_to_monday, "
        "next_weekday\n");
}

TEST_CASE("suggest gives one note for a likely typo and none otherwise", "[reader]") {
  const sla::SourcePosition at{"r.yaml", 3, 7};
  const auto notes = sla::yaml::suggest("enginer", {"engineer", "manager"}, at);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].message == "did you mean 'engineer'?");
  CHECK(notes[0].where.line == 3);
  CHECK(notes[0].where.column == 7);
  CHECK(sla::yaml::suggest("director", {"engineer", "manager"}, at).empty());
  const auto listed = sla::yaml::suggest_or_list("director", {"engineer", "manager"}, at);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].message == "expected one of: engineer, manager");
  CHECK(sla::yaml::did_you_mean("met(x)", at).message == "did you mean 'met(x)'?");
}

TEST_CASE("a cycle is spelt out back to where it starts", "[reader]") {
  CHECK(sla::rules::cycle_text({"a", "b", "c"}) == "a -> b -> c -> a");
  CHECK(sla::rules::cycle_text({"self"}) == "self -> self");
  CHECK(sla::rules::cycle_text({}).empty());
}

TEST_CASE("a second definition is reported at itself with a note at the first", "[reader]") {
  Fixture f("x");
  sla::rules::report_redefinition(f.reader, "SLA200", "role 'engineer'", {"r.yaml", 5, 3},
                                  {"r.yaml", 2, 3});
  CHECK(f.reported() ==
        "r.yaml:5:3: error: role 'engineer' is already defined [SLA200]\n"
        "r.yaml:2:3: note: first defined here\n");
}

TEST_CASE("a severity answers to its id and its aliases, and severity_names lists them all",
          "[reader]") {
  sla::Severity sev1{"sev1", "Critical", "", {"P1", "一级"}, 0};
  CHECK(sev1.answers_to("sev1"));
  CHECK(sev1.answers_to("P1"));
  CHECK(sev1.answers_to("一级"));
  CHECK_FALSE(sev1.answers_to("Critical"));  // the display name is not a name to use
  CHECK_FALSE(sev1.answers_to("p1"));
  CHECK_FALSE(sev1.answers_to(""));
  const sla::Severity sev2{"sev2", "Major", "", {}, 1};
  CHECK(sla::rules::severity_names({sev1, sev2}) ==
        std::vector<std::string_view>{"sev1", "P1", "一级", "sev2"});
}

TEST_CASE("integer_in reads a whole number in its range and reports one outside with the code",
          "[reader]") {
  auto steps = [](const std::string& text, std::string& reported) {
    Fixture f(text);
    const auto n = f.reader.integer_in(f.root, "'escalate'", 1, 1000, "SLA254", [](long long v) {
      return "'escalate' counts steps: 1 to 1000, not " + std::to_string(v);
    });
    reported = f.reported();
    return n;
  };
  std::string reported;
  CHECK(steps("1000", reported) == 1000);
  CHECK(steps("+1", reported) == 1);
  CHECK(reported.empty());
  CHECK_FALSE(steps("0", reported));
  CHECK(reported == "r.yaml:1:1: error: 'escalate' counts steps: 1 to 1000, not 0 [SLA254]\n");
  CHECK_FALSE(steps("99999999999", reported));
  CHECK(reported ==
        "r.yaml:1:1: error: 'escalate' counts steps: 1 to 1000, not 99999999999 [SLA254]\n");
  CHECK_FALSE(steps("two", reported));
  CHECK(reported == "r.yaml:1:1: error: 'escalate' must be a whole number, not 'two' [SLA006]\n");
}

TEST_CASE("read_keyed_map reports missing keys at the key that introduces the map", "[reader]") {
  Fixture f("office:\n  hours: {}\n  timezone: UTC\n");
  const sla::yaml::MapReader top(f.reader, f.root, "'calendars'");
  REQUIRE(top.entries().size() == 1);
  const auto office = sla::yaml::read_keyed_map(f.reader, top.entries()[0], "calendar 'office'",
                                                {"hours", "time_zone"});
  REQUIRE(office);
  CHECK(office->find("hours") != nullptr);
  CHECK(office->require("time_zone") == nullptr);  // suggested for 'timezone': one error only
  CHECK(office->require("extends") == nullptr);
  CHECK(f.reported() ==
        "r.yaml:1:1: error: calendar 'office' has no 'extends' [SLA004]\n"
        "r.yaml:3:3: error: unknown key 'timezone' in calendar 'office' [SLA002]\n"
        "r.yaml:3:3: note: did you mean 'time_zone'?\n");

  Fixture list("office: [1, 2]\n");
  const sla::yaml::MapReader calendars(list.reader, list.root, "'calendars'");
  CHECK_FALSE(sla::yaml::read_keyed_map(list.reader, calendars.entries()[0], "calendar 'office'",
                                        {"hours"}));
  CHECK(list.reported() ==
        "r.yaml:1:9: error: calendar 'office' must be a map, not a list [SLA005]\n");
}
