// sla test: runs policy test files (docs/semantics.md §6, rules/README.md "Policy tests").
//
//   sla test tests/policy/*.test.yaml [--junit out.xml]
//
// Prints each failing case with the file:line:col of every failing expectation (expected vs
// actual), the problems of files that cannot run, and a summary line. --junit writes the
// results as JUnit XML for CI systems. Exit status: 0 when every case of every file passed, 1
// otherwise (a failure, or a file or rules file with errors), 2 for a bad command line.
#include <fmt/format.h>

#include <fstream>
#include <ostream>

#include "command.hpp"
#include "common.hpp"
#include "sla/error.hpp"
#include "sla/policy_test.hpp"

namespace sla::cli {
namespace {

std::string position(const SourcePosition& at) {
  return fmt::format("{}:{}:{}", at.file, at.line, at.column);
}

// Text for an XML attribute or element: the five entities, and characters XML 1.0 cannot hold
// (control characters other than tab and line breaks) as U+FFFD.
std::string xml(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += "\xEF\xBF\xBD";
        else
          out += c;
    }
  }
  return out;
}

void write_junit(const std::string& path, const std::vector<PolicyTestReport>& reports) {
  std::size_t tests = 0, failures = 0, errors = 0;
  std::string suites;
  for (const auto& r : reports) {
    std::size_t file_failures = 0, file_errors = 0;
    std::string cases;
    for (const auto& c : r.cases) {
      cases +=
          fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n", xml(r.file), xml(c.name));
      if (!c.passed()) {
        ++file_failures;
        std::string details;
        for (const auto& f : c.failures) details += position(f.where) + ": " + f.message + "\n";
        cases += fmt::format("      <failure message=\"{}\">{}</failure>\n",
                             xml(c.failures.front().message), xml(details));
      }
      cases += "    </testcase>\n";
    }
    std::string problems;
    for (const auto& d : r.diagnostics)
      if (d.severity == Diagnostic::Severity::error) problems += d.to_string();
    if (!problems.empty()) {
      ++file_errors;
      cases += fmt::format(
          "    <testcase classname=\"{}\" name=\"(the file)\">\n      <error message=\"the "
          "file cannot run\">{}</error>\n    </testcase>\n",
          xml(r.file), xml(problems));
    }
    const std::size_t file_tests = r.cases.size() + (problems.empty() ? 0 : 1);
    suites += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}  </testsuite>\n",
        xml(r.file), file_tests, file_failures, file_errors, cases);
    tests += file_tests;
    failures += file_failures;
    errors += file_errors;
  }
  std::ofstream out(path, std::ios::binary);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << fmt::format("<testsuites tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", tests, failures,
                     errors)
      << suites << "</testsuites>\n";
  if (!out) throw Error(fmt::format("--junit: cannot write '{}'", path));
}

}  // namespace

int run_test(const ParsedArgs& args, Io& io) {
  if (args.positionals().empty()) throw UsageError("test", "no policy test files given");
  std::vector<PolicyTestReport> reports;
  std::size_t cases = 0, failed = 0, broken_files = 0;
  for (const auto& file : args.positionals()) {
    PolicyTestReport report = run_policy_tests(file);
    print_diagnostics(report.diagnostics, io.out);
    bool file_broken = false;
    for (const auto& d : report.diagnostics)
      file_broken = file_broken || d.severity == Diagnostic::Severity::error;
    std::size_t file_failed = 0;
    for (const auto& c : report.cases) {
      if (c.passed()) continue;
      ++file_failed;
      io.out << fmt::format("FAIL {}: {}\n", position(c.where), c.name);
      for (const auto& f : c.failures)
        io.out << fmt::format("  {}: {}\n", position(f.where), f.message);
    }
    io.out << fmt::format("{}: {} case{}, {} passed, {} failed{}\n", file, report.cases.size(),
                          report.cases.size() == 1 ? "" : "s", report.cases.size() - file_failed,
                          file_failed, file_broken ? " (the file has errors)" : "");
    cases += report.cases.size();
    failed += file_failed;
    broken_files += file_broken ? 1 : 0;
    reports.push_back(std::move(report));
  }
  if (const auto junit = args.get("junit")) write_junit(*junit, reports);
  if (args.positionals().size() > 1)
    io.out << fmt::format("{} files, {} cases: {} passed, {} failed{}\n", args.positionals().size(),
                          cases, cases - failed, failed,
                          broken_files != 0 ? fmt::format(", {} file{} with errors", broken_files,
                                                          broken_files == 1 ? "" : "s")
                                            : std::string());
  return failed == 0 && broken_files == 0 ? exit_ok : exit_rules_invalid;
}

}  // namespace sla::cli
