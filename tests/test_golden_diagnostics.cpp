// Golden diagnostics: every tests/data/invalid/<case>.yaml is loaded and its diagnostics, as
// `sla validate` prints them, must equal tests/data/invalid/<case>.expected byte for byte.
// Paths are shown relative to tests/data, so the expected files do not depend on the checkout.
//
// To add a case: write <case>.yaml with one defect, run the tests with SLA_UPDATE_GOLDEN=1 to
// write <case>.expected, read that file as a reviewer would, and commit both. Files under
// invalid/included/ are helpers that cases include; they are not cases themselves. A case whose
// name contains "_warn_" holds rules that are valid but warned about: it must load, with
// warnings and no error.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "sla/rule_set.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kData = SLA_TEST_DATA_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string diagnostics_text(const sla::LoadResult& result) {
  std::string out;
  for (const auto& d : result.diagnostics) out += d.to_string();
  // Absolute paths into the data directory become relative ones.
  const std::string prefix = kData + "/";
  for (std::size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A line diff (longest common subsequence): "-" expected only, "+" actual only.
std::string diff(const std::string& expected, const std::string& actual) {
  const auto a = lines_of(expected), b = lines_of(actual);
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i++] + "\n";
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out += "- " + a[i++] + "\n";
    } else {
      out += "+ " + b[j++] + "\n";
    }
  }
  return out;
}

std::vector<fs::path> golden_cases() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(kData + "/invalid"))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

}  // namespace

TEST_CASE("every invalid rules file gives exactly its expected diagnostics", "[rules][golden]") {
  const auto cases = golden_cases();
  REQUIRE(cases.size() >= 85);  // a guard against cases lost by accident
  const bool update = std::getenv("SLA_UPDATE_GOLDEN") != nullptr;
  for (const auto& path : cases) {
    DYNAMIC_SECTION(path.filename().string()) {
      const auto result = sla::load_rules({path.string()});
      const std::string actual = diagnostics_text(result);
      fs::path expected_path = path;
      expected_path.replace_extension(".expected");
      if (update) std::ofstream(expected_path, std::ios::binary) << actual;
      REQUIRE(fs::exists(expected_path));
      const std::string expected = read_text(expected_path);
      INFO("diff of " << expected_path.filename().string() << " (- expected, + actual):\n"
                      << diff(expected, actual));
      const bool same = actual == expected;  // the diff above says how they differ
      CHECK(same);
      const bool any_error =
          std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                      [](auto& d) { return d.severity == sla::Diagnostic::Severity::error; });
      if (path.filename().string().find("_warn_") != std::string::npos) {
        // A warning case: valid rules that are probably not meant. They load, with warnings.
        CHECK(result.ok());
        CHECK_FALSE(any_error);
        CHECK_FALSE(result.diagnostics.empty());
      } else {
        // An invalid file never yields rules, and says so with at least one error.
        CHECK_FALSE(result.ok());
        CHECK(any_error);
      }
    }
  }
}

TEST_CASE("every expected file belongs to a case", "[rules][golden]") {
  for (const auto& entry : fs::directory_iterator(kData + "/invalid")) {
    if (entry.path().extension() != ".expected") continue;
    fs::path yaml = entry.path();
    yaml.replace_extension(".yaml");
    INFO(entry.path().filename().string());
    CHECK(fs::exists(yaml));
  }
}

namespace {

// Loads text that is not a valid rules file: it must come back as diagnostics, never as an
// exception, a hang or rules.
sla::LoadResult load_garbage(const std::string& text) {
  sla::LoadResult result;
  REQUIRE_NOTHROW(result = sla::load_rules_from_string(text, "junk.yaml"));
  CHECK_FALSE(result.ok());
  REQUIRE_FALSE(result.diagnostics.empty());
  for (const auto& d : result.diagnostics) {
    CHECK(d.where.file == "junk.yaml");
    CHECK(d.code.size() == 6);
    CHECK_FALSE(d.message.empty());
  }
  return result;
}

}  // namespace

TEST_CASE("malformed inputs give diagnostics, never a crash", "[rules][golden]") {
  SECTION("an empty text") {
    const auto r = load_garbage("");
    CHECK(r.diagnostics[0].code == "SLA005");
    CHECK(r.diagnostics[0].where.line == 1);
  }
  SECTION("only a comment") {
    CHECK(load_garbage("# nothing here\n").diagnostics[0].code == "SLA005");
  }
  SECTION("a scalar document") { CHECK(load_garbage("42").diagnostics[0].code == "SLA005"); }
  SECTION("a list document") {
    CHECK(load_garbage("- version: 1").diagnostics[0].code == "SLA005");
  }
  SECTION("binary junk with NUL bytes") {
    std::mt19937 random(20260101);
    for (int round = 0; round < 50; ++round) {
      std::string junk(200, '\0');
      for (char& c : junk) c = static_cast<char>(random() % 256);
      INFO("round " << round);
      load_garbage(junk);
    }
  }
  SECTION("deeply nested flow lists") {
    const auto r = load_garbage(std::string(100000, '['));
    CHECK(r.diagnostics[0].code == "SLA022");  // nested past the limit, said so
  }
  SECTION("deeply nested flow maps") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "{a: ";
    CHECK(load_garbage(text).diagnostics[0].code == "SLA022");
  }
  SECTION("deeply nested block maps inside a calendar") {
    std::string text = "version: 1\ncalendars:\n  c:\n    hours:\n";
    for (int i = 0; i < 3000; ++i)
      text += std::string(6 + 2 * i, ' ') + "k" + std::to_string(i) + ":\n";
    load_garbage(text);
  }
  SECTION("tabs, stray quotes and unterminated flows") {
    CHECK(load_garbage("version: 1\n\tcalendars: {}\n").diagnostics[0].code == "SLA001");
    // A quote that never closes: yaml-cpp 0.7 would read the rest of the file into it.
    CHECK(load_garbage("version: \"1\ncalendars: {}\n").diagnostics[0].code == "SLA001");
    CHECK(load_garbage("version: \"1\ncalendars: {}\n").diagnostics[0].message ==
          "invalid YAML: unterminated quote: the string opened here never closes (it runs to the "
          "end of the file)");
    // A quoted value may span lines when it closes: valid YAML with a strange version, and a
    // warning that it took in what reads like a key.
    const auto strange = load_garbage("version: \"1\ncalendars: {}\"\n");
    REQUIRE(strange.diagnostics.size() == 2);
    CHECK(strange.diagnostics[0].code == "SLA032");
    CHECK(strange.diagnostics[1].code == "SLA010");
    CHECK(load_garbage("version: 1\ncalendars: }\n").diagnostics[0].code == "SLA001");
    CHECK(load_garbage("version: \"1").diagnostics[0].code == "SLA001");
    CHECK(load_garbage("version: 1\ncalendars: {a: [}\n").diagnostics[0].code == "SLA001");
  }
  SECTION("anchors, aliases, tags and complex keys in odd places") {
    load_garbage("version: 1\ncalendars: &c {x: *c}\n");
    load_garbage("version: 1\ncalendars: {x: !!binary abc}\n");
    load_garbage("version: 1\ncalendars: {x: {time_zone: UTC, hours: {? [mon]: []}}}\n");
    load_garbage("version: 1\ncalendars: {x: {time_zone: [UTC], hours: {mon: [[]]}}}\n");
    load_garbage("version: [1]\n");
    load_garbage("version: 1\ninclude: [[a]]\n");
    load_garbage("version: 1\ncalendars: {x: {time_zone: UTC, hours: {mon: [\"-\"]}}}\n");
    load_garbage("version: 1\ncalendars: {x: {time_zone: UTC, hours: {mon: [\"00:00-\"]}}}\n");
    load_garbage("version: 1\ncalendars: {x: {time_zone: UTC, hours: {\"-\": []}}}\n");
    load_garbage("version: 1\ncalendars: {x: {time_zone: '', hours: {mon: []}}}\n");
  }
  SECTION("huge numbers where small ones belong") {
    const auto r = load_garbage(
        "version: 1\ncalendars:\n  x:\n    time_zone: UTC\n    hours: {mon: [\"09:00-17:00\"]}\n"
        "    holidays: [{yearly: {month: 99999999999999999999999, day: -5}}]\n");
    CHECK(r.diagnostics[0].code == "SLA006");
  }
}

TEST_CASE("every prefix of a valid file loads or is rejected, never throws", "[rules][golden]") {
  // Truncation at every byte reaches most states of the parser and of the readers.
  const std::string text = read_text(fs::path(kData) / "valid" / "policy_spec_example.yaml");
  REQUIRE(text.size() > 1000);
  std::size_t rejected = 0;
  for (std::size_t n = 0; n <= text.size(); n += 3) {
    sla::LoadResult r;
    REQUIRE_NOTHROW(r = sla::load_rules_from_string(text.substr(0, n), "prefix.yaml"));
    const bool any_error = std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](auto& d) {
      return d.severity == sla::Diagnostic::Severity::error;
    });
    INFO("prefix of " << n << " bytes");
    CHECK(r.ok() != any_error);  // rules exactly when there is no error
    if (!r.ok()) ++rejected;
  }
  CHECK(rejected > 0);
}
