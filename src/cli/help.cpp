#include "cli/help.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

// The version comes from CMake when it defines SLA_VERSION; until then, the project's version.
#ifndef SLA_VERSION
#define SLA_VERSION "0.1.0"
#endif

namespace sla::cli {
namespace {

std::string option_usage(const OptionSpec& o) {
  return o.value_name.empty() ? fmt::format("--{}", o.name)
                              : fmt::format("--{} {}", o.name, o.value_name);
}

}  // namespace

std::string version_text() { return "sla " SLA_VERSION; }

const Command* find_command(std::string_view name) {
  for (const auto& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

std::string usage_line(const Command& command) {
  std::string line = fmt::format("sla {}", command.name);
  std::vector<std::string_view> groups_done;
  for (const auto& o : command.options) {
    if (!o.one_of.empty()) {
      // A one-of group is written once, where its first member is declared: (--a|--b).
      if (std::find(groups_done.begin(), groups_done.end(), o.one_of) != groups_done.end()) continue;
      groups_done.push_back(o.one_of);
      std::vector<std::string> members;
      for (const auto& m : command.options)
        if (m.one_of == o.one_of) members.push_back(option_usage(m));
      line += fmt::format(" ({})", fmt::join(members, "|"));
    } else if (o.required) {
      line += fmt::format(" {}", option_usage(o));
    } else {
      line += fmt::format(" [{}]", option_usage(o));
    }
  }
  if (!command.positionals.empty()) line += fmt::format(" {}", command.positionals);
  return line;
}

void print_overview(std::ostream& out) {
  out << version_text() << " - service-level deadlines on business-hours calendars\n\n"
      << "usage: sla <command> [options]\n"
      << "       sla help <command> | sla --help | sla --version\n\n"
      << "commands:\n";
  for (const auto& c : commands()) out << fmt::format("  {:<10} {}\n", c.name, c.summary);
  out << "\n"
         "Options are written --flag value or --flag=value; negative values need nothing\n"
         "special (--duration -2h, --days=-3). Times are ISO-8601: with an offset\n"
         "(2026-11-20T19:00:00+08:00) they are instants, without one (2026-11-20T19:00) local\n"
         "times in the calendar's zone. Times are printed with the calendar's offset, seconds\n"
         "precision. --json prints one JSON object instead (validate: an array).\n"
         "\n"
         "exit status:\n"
         "  0  success\n"
         "  1  the rule files have errors (their diagnostics are printed: on stderr, or on\n"
         "     stdout for validate)\n"
         "  2  a usage error, a bad value (time, date, duration, number, calendar id), or any\n"
         "     other failure; the message is on stderr\n"
         "\n"
         "Run 'sla help <command>' for the options of a command.\n";
}

void print_command_help(const Command& command, std::ostream& out) {
  out << "usage: " << usage_line(command) << "\n\n" << command.description << "\n\noptions:\n";
  for (const auto& o : command.options)
    out << fmt::format("  {:<30} {}\n", option_usage(o), o.help);
  out << fmt::format("  {:<30} {}\n", "-h, --help", "show this help");
}

}  // namespace sla::cli
