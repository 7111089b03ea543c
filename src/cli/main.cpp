// sla — the command-line tool (docs/semantics.md §5). main() finds the command in the table, parses
// its options, runs it, and turns every failure into a message on stderr and an exit status (0 ok,
// 1 rule files with errors, 2 anything else; see command.hpp). Nothing escapes: any exception
// becomes "sla: error: ..." and status 2.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "args.hpp"
#include "command.hpp"
#include "help.hpp"
#include "sla/suggest.hpp"

namespace sla::cli {
namespace {

int report_usage_error(const UsageError& e, std::ostream& err) {
  err << "sla: error: " << e.what() << '\n';
  if (const Command* c = find_command(e.command()))
    err << "usage: " << usage_line(*c) << "\nRun 'sla help " << c->name << "' for details.\n";
  else
    err << "Run 'sla --help' for the list of commands.\n";
  return exit_error;
}

int dispatch(const std::vector<std::string>& argv, Io& io) {
  if (argv.empty()) throw UsageError("", "no command given");
  const std::string& first = argv.front();
  const std::span<const std::string> rest(argv.begin() + 1, argv.end());

  if (first == "--help" || first == "-h") {
    print_overview(io.out);
    return exit_ok;
  }
  if (first == "--version") {
    io.out << version_text() << '\n';
    return exit_ok;
  }
  if (first == "help") {
    if (rest.empty()) {
      print_overview(io.out);
      return exit_ok;
    }
    const Command* c = find_command(rest.front());
    if (c == nullptr || rest.size() > 1)
      throw UsageError("", c == nullptr ? fmt::format("unknown command '{}'", rest.front())
                                        : std::string("'sla help' takes one command name"));
    print_command_help(*c, io.out);
    return exit_ok;
  }

  const Command* command = find_command(first);
  if (command == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& c : commands()) names.push_back(c.name);
    std::string message = first.rfind('-', 0) == 0
                              ? fmt::format("expected a command before option '{}'", first)
                              : fmt::format("unknown command '{}'", first);
    if (auto near = closest_match(first, names))
      message += fmt::format(" (did you mean '{}'?)", *near);
    throw UsageError("", message);
  }
  if (wants_help(rest)) {
    print_command_help(*command, io.out);
    return exit_ok;
  }
  const ParsedArgs args =
      parse_args(command->name, rest, command->options, !command->positionals.empty());
  return command->run(args, io);
}

// The whole tool behind main(): never throws, returns the exit status.
int run(const std::vector<std::string>& argv, Io& io) {
  try {
    const int status = dispatch(argv, io);
    io.out.flush();
    if (!io.out) {
      io.err << "sla: error: cannot write the output\n";
      return exit_error;
    }
    return status;
  } catch (const UsageError& e) {
    return report_usage_error(e, io.err);
  } catch (const RulesRejected& e) {
    io.err << "sla: error: " << e.what() << '\n';
    return exit_rules_invalid;
  } catch (
      const std::exception& e) {  // sla::Error (a bad value, a failed computation) and the rest
    io.err << "sla: error: " << e.what() << '\n';
    return exit_error;
  } catch (...) {
    io.err << "sla: error: unexpected failure\n";
    return exit_error;
  }
}

}  // namespace
}  // namespace sla::cli

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    sla::cli::Io io{std::cout, std::cerr};
    return sla::cli::run(args, io);
  } catch (...) {  // only allocation of the argument list can get here
    std::fputs("sla: error: out of memory\n", stderr);
    return sla::cli::exit_error;
  }
}
