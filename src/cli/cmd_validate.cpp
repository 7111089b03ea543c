// sla validate: loads rule files and prints every diagnostic, for people and for CI.
//
// Text (default): compiler style, "file:line:col: error: message [SLAnnn]" plus note lines.
// JSON (--format json, or --json): the library's to_json (sla/diagnostic.hpp), an array with one
// object per diagnostic, one per line.
// Diagnostics are this command's result, so they go to stdout (the other commands print a
// rejected file's diagnostics to stderr). Clean files print nothing (text) or [] (JSON).
// Exit status: 1 when any diagnostic is an error, else 0 (warnings alone pass).
// Each FILE is validated as its own rule set (see run_validate below).
#include <fmt/format.h>

#include <ostream>

#include "command.hpp"
#include "common.hpp"
#include "sla/diagnostic.hpp"
#include "sla/error.hpp"
#include "sla/rule_set.hpp"

namespace sla::cli {

int run_validate(const ParsedArgs& args, Io& io) {
  if (args.positionals().empty() && args.all("rules").empty())
    throw UsageError("validate", "no rule files given");

  bool as_json = args.has("json");
  if (const auto format = args.get("format")) {
    if (*format != "text" && *format != "json")
      throw Error(fmt::format("--format: invalid value '{}' (expected text or json)", *format));
    if (as_json && *format == "text")
      throw UsageError("validate", "options '--json' and '--format text' contradict each other");
    as_json = *format == "json";
  }

  // Each file given is the root of its own rule set (with what it includes): agreements kept in
  // separate files may reuse ids such as `sev1` without clashing. `--rules` files, like the other
  // commands' `--rules`, are loaded together as one rule set.
  LoadResult loaded;
  bool all_ok = true;
  auto check = [&](const std::vector<std::string>& roots) {
    LoadResult one = load_rules(roots);
    all_ok = all_ok && one.ok();
    for (auto& d : one.diagnostics) loaded.diagnostics.push_back(std::move(d));
  };
  for (const auto& f : args.positionals()) check({f});
  if (const auto together = args.all("rules"); !together.empty()) check(together);
  int errors = 0;
  for (const auto& d : loaded.diagnostics)
    if (d.severity == Diagnostic::Severity::error) ++errors;

  if (!as_json) {
    print_diagnostics(loaded.diagnostics, io.out);
  } else {
    io.out << to_json(loaded.diagnostics) << '\n';
  }
  // A result without rules but also without an error diagnostic would be a loader bug; it must
  // still fail the check.
  return errors > 0 || !all_ok ? exit_rules_invalid : exit_ok;
}

}  // namespace sla::cli
