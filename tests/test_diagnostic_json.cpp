// tests/test_diagnostic_json.cpp — to_json(diagnostics) of sla/diagnostic.hpp: the exact text
// (what `sla validate --format json` prints), and that a JSON parser reads every field back.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/rule_set.hpp"

namespace {

using Severity = sla::Diagnostic::Severity;

// Built member by member: GCC 12 at -O3 reports a false "may be used uninitialized" for nested
// braced initializers of these structs.
sla::Diagnostic diagnostic(std::string file, int line, int column, Severity severity,
                           std::string code, std::string message) {
  sla::Diagnostic d;
  d.where.file = std::move(file);
  d.where.line = line;
  d.where.column = column;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

sla::DiagnosticNote note(std::string file, int line, int column, std::string message) {
  sla::DiagnosticNote n;
  n.where.file = std::move(file);
  n.where.line = line;
  n.where.column = column;
  n.message = std::move(message);
  return n;
}

}  // namespace

TEST_CASE("no diagnostics are an empty JSON array", "[diagnostic]") {
  CHECK(sla::to_json({}) == "[]");
}

TEST_CASE("diagnostics are a JSON array with one object per line, members in a fixed order",
          "[diagnostic]") {
  std::vector<sla::Diagnostic> ds;
  ds.push_back(
      diagnostic("r.yaml", 12, 18, Severity::error, "SLA104", "unknown time zone 'Asia/Shangai'"));
  ds.back().notes.push_back(note("r.yaml", 3, 5, "did you mean 'Asia/Shanghai'?"));
  ds.back().notes.push_back(note("z.yaml", 0, 0, "x"));
  ds.push_back(diagnostic("dir/r.yaml", 0, 0, Severity::warning, "SLA300", "a warning"));
  CHECK(sla::to_json(ds) ==
        "[\n"
        R"({"file":"r.yaml","line":12,"column":18,"severity":"error","code":"SLA104",)"
        R"("message":"unknown time zone 'Asia/Shangai'","notes":[)"
        R"({"file":"r.yaml","line":3,"column":5,"message":"did you mean 'Asia/Shanghai'?"},)"
        R"({"file":"z.yaml","line":0,"column":0,"message":"x"}]},)"
        "\n"
        R"({"file":"dir/r.yaml","line":0,"column":0,"severity":"warning","code":"SLA300",)"
        R"("message":"a warning","notes":[]})"
        "\n]");
}

TEST_CASE("diagnostic JSON escapes strings and replaces ill-formed UTF-8 by U+FFFD",
          "[diagnostic]") {
  // A quote, a backslash, control characters, non-ASCII text (kept as UTF-8), a stray byte
  // (\xff) and a cut-off three-byte sequence (\xe2\x82): each ill-formed sequence becomes one
  // U+FFFD, written as UTF-8.
  const std::vector<sla::Diagnostic> ds{
      diagnostic("a\"b\\c\xff.yaml", 1, 2, Severity::error, "SLA001",
                 "line\nbreak\ttab \x01\x1f \xe5\x9b\xbd \xe2\x82!")};
  const std::string text = sla::to_json(ds);
  CHECK(text ==
        "[\n"
        R"({"file":"a\"b\\c)"
        "\xEF\xBF\xBD"
        R"(.yaml","line":1,"column":2,"severity":"error","code":"SLA001",)"
        R"("message":"line\nbreak\ttab \u0001\u001f )"
        "\xe5\x9b\xbd \xEF\xBF\xBD!"
        R"(","notes":[]})"
        "\n]");
  // nlohmann/json refuses ill-formed UTF-8 when parsing, so this also proves the text valid.
  const auto parsed = nlohmann::json::parse(text);
  CHECK(parsed.at(0).at("file") == "a\"b\\c\xEF\xBF\xBD.yaml");
  CHECK(parsed.at(0).at("message") == "line\nbreak\ttab \x01\x1f \xe5\x9b\xbd \xEF\xBF\xBD!");
  CHECK_THROWS_AS(nlohmann::json::parse("[\"\xff\"]"), nlohmann::json::parse_error);
}

TEST_CASE("a JSON parser reads back every field of the loader's diagnostics", "[diagnostic]") {
  const sla::LoadResult loaded = sla::load_rules_from_string(
      "version: 1\ncalendars:\n  office:\n    time_zone: Asia/Shangai\n"
      "    hours: {mon-fri: [\"09:00-12:00\", \"11:00-18:00\"]}\n",
      "office.yaml");
  REQUIRE(loaded.diagnostics.size() == 2);
  const auto parsed = nlohmann::json::parse(sla::to_json(loaded.diagnostics));
  REQUIRE(parsed.size() == loaded.diagnostics.size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    const sla::Diagnostic& d = loaded.diagnostics[i];
    const auto& j = parsed[i];
    CHECK(j.at("file") == d.where.file);
    CHECK(j.at("line") == d.where.line);
    CHECK(j.at("column") == d.where.column);
    CHECK(j.at("severity") == "error");
    CHECK(j.at("code") == d.code);
    CHECK(j.at("message") == d.message);
    REQUIRE(j.at("notes").size() == d.notes.size());
    for (std::size_t k = 0; k < d.notes.size(); ++k) {
      CHECK(j.at("notes")[k].at("line") == d.notes[k].where.line);
      CHECK(j.at("notes")[k].at("message") == d.notes[k].message);
    }
  }
  CHECK(parsed[0].at("code") == "SLA104");
  CHECK(parsed[0].at("line") == 4);
}
