// help.hpp — usage lines and help pages, rendered from the command table.
#pragma once

#include <iosfwd>
#include <string>

#include "command.hpp"

namespace sla::cli {

/// "sla <version>".
std::string version_text();

/// "sla add --rules F --calendar ID ... [--json]": one line, no trailing newline.
std::string usage_line(const Command& command);

/// `sla --help`: the commands, the conventions shared by all, the exit status.
void print_overview(std::ostream& out);

/// `sla help <command>`: the usage line, what it does, every option.
void print_command_help(const Command& command, std::ostream& out);

/// The command named `name`, or nullptr.
const Command* find_command(std::string_view name);

}  // namespace sla::cli
