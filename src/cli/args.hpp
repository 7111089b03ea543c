// args.hpp — reading a command's options from argv.
//
// Every option is long: "--flag value" or "--flag=value". An option that takes a value always
// consumes the next argument, so negative values need no quoting tricks: "--duration -2h",
// "--days -3" and "--duration=-2h" all work. The one exception is an argument that starts with
// "--": it is never taken as a value (no value of ours starts with "--"), so "--start --json"
// says that --start lacks its value instead of silently eating the flag.
//
// Misuse is a UsageError (exit status 2, with the command's usage line): an unknown option (with
// a "did you mean" when one is close), a repeated option that is not repeatable, a missing
// required option, a value given to a flag, a flag of a one-of group given twice or not at all,
// and stray positional arguments.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sla::cli {

/// One option of a command, as the table in commands.cpp declares it.
struct OptionSpec {
  std::string_view name;        ///< without the dashes: "start"
  std::string_view value_name;  ///< "T", "close|next_open"; empty = a flag without a value
  std::string_view help;        ///< one line for `sla help <command>`
  bool required = false;
  bool repeatable = false;
  /// Options sharing a non-empty group are alternatives of which exactly one must be given
  /// (roll's --forward / --backward); `required` is ignored for them.
  std::string_view one_of = {};
};

/// The command line is wrong (as opposed to a value that is wrong): exit status 2 with a usage
/// hint for `command` (empty = the top-level usage).
class UsageError : public std::runtime_error {
 public:
  UsageError(std::string command, const std::string& message)
      : std::runtime_error(message), command_(std::move(command)) {}
  const std::string& command() const { return command_; }

 private:
  std::string command_;
};

/// The options and positional arguments of one command line, checked against its specs.
class ParsedArgs {
 public:
  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }

  /// The value of a non-repeatable option that takes one; nullopt when absent.
  std::optional<std::string> get(std::string_view name) const;

  /// The value of a required option (the parser has made sure it is there).
  const std::string& required(std::string_view name) const;

  /// Every value of a repeatable option, in command-line order (empty when absent).
  std::vector<std::string> all(std::string_view name) const;

  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  friend ParsedArgs parse_args(std::string_view, std::span<const std::string>,
                               std::span<const OptionSpec>, bool);
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
  std::vector<std::string> positionals_;
};

/// Parses `args` (the words after the command name) for `command`. Throws UsageError.
ParsedArgs parse_args(std::string_view command, std::span<const std::string> args,
                      std::span<const OptionSpec> specs, bool allow_positionals);

/// True when `args` asks for help (-h or --help before any "--").
bool wants_help(std::span<const std::string> args);

}  // namespace sla::cli
