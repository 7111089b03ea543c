// command.hpp — what a command of the `sla` tool is, and the table of them.
//
// main.cpp knows no command by name: it looks the first word up in commands(), parses the rest
// against the command's OptionSpecs, and calls run(). `sla help` and the usage lines are
// generated from the same table, so a new command is one entry and one file.
//
// Exit status (documented in `sla --help`):
//   0  success;
//   1  the rule files have errors (load_rules diagnostics are printed; `sla validate` found one);
//   2  the command line is wrong (unknown/missing/repeated option, unknown command), a value is
//      wrong (a bad time, date, duration, number, convention, an unknown calendar id), or
//      anything else failed (an sla::Error from the computation, an I/O error).
#pragma once

#include <iosfwd>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "args.hpp"

namespace sla::cli {

enum ExitCode : int { exit_ok = 0, exit_rules_invalid = 1, exit_error = 2 };

struct Io {
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  std::string_view name;
  std::string_view summary;      ///< one line for `sla --help`
  std::string_view description;  ///< the body of `sla help <name>`
  std::vector<OptionSpec> options;
  std::string_view positionals;  ///< e.g. "F..." (validate); empty = none accepted
  int (*run)(const ParsedArgs& args, Io& io);
};

/// Every command, in the order `sla --help` lists them.
std::span<const Command> commands();

/// The rule files were rejected; their diagnostics have been printed. main() exits with 1.
class RulesRejected : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The commands (one file each).
int run_add(const ParsedArgs& args, Io& io);
int run_between(const ParsedArgs& args, Io& io);
int run_roll(const ParsedArgs& args, Io& io);
int run_advance(const ParsedArgs& args, Io& io);
int run_windows(const ParsedArgs& args, Io& io);
int run_validate(const ParsedArgs& args, Io& io);
int run_graph(const ParsedArgs& args, Io& io);
int run_due(const ParsedArgs& args, Io& io);
int run_evaluate(const ParsedArgs& args, Io& io);
int run_test(const ParsedArgs& args, Io& io);

}  // namespace sla::cli
