#include "help.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "sla/version.hpp"

namespace sla::cli {
namespace {

constexpr size_t kColumns = 100;

std::string option_usage(const OptionSpec& o) {
  return o.value_name.empty() ? fmt::format("--{}", o.name)
                              : fmt::format("--{} {}", o.name, o.value_name);
}

}  // namespace

std::string version_text() { return "sla " SLA_VERSION_STRING; }

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
      if (std::find(groups_done.begin(), groups_done.end(), o.one_of) != groups_done.end())
        continue;
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
         "precision. A local time in a DST gap means the instant the gap ends; an ambiguous\n"
         "one (fall-back) its earlier instant. --json prints one JSON object instead\n"
         "(validate: an array). Warnings in rule files are printed on stderr and do not\n"
         "change the exit status.\n"
         "\n"
         "exit status:\n"
         "  0  success\n"
         "  1  the rule files have errors (their diagnostics are printed: on stderr, or on\n"
         "     stdout for validate)\n"
         "  2  a usage error, a bad value (time, date, duration, number, calendar or policy\n"
         "     id), or any other failure; the message is on stderr\n"
         "\n"
         "Run 'sla help <command>' for the options of a command.\n";
}

void print_command_help(const Command& command, std::ostream& out) {
  out << "usage: " << usage_line(command) << "\n\n" << command.description << "\n\noptions:\n";
  std::vector<std::pair<std::string, std::string_view>> rows;
  for (const auto& o : command.options) rows.emplace_back(option_usage(o), o.help);
  rows.emplace_back("-h, --help", "show this help");
  size_t width = 0;
  for (const auto& [usage, help] : rows) width = std::max(width, usage.size());
  // Help text is wrapped at word boundaries to keep lines within 100 columns.
  const size_t indent = 2 + width + 2, room = kColumns > indent + 20 ? kColumns - indent : 20;
  for (const auto& [usage, help] : rows) {
    std::string line = fmt::format("  {:<{}}  ", usage, width);
    size_t used = 0;
    for (size_t pos = 0; pos < help.size();) {
      const size_t end = std::min(help.find(' ', pos), help.size());
      const std::string_view word = help.substr(pos, end - pos);
      if (used > 0 && used + 1 + word.size() > room) {
        line += fmt::format("\n{:{}}", "", indent);
        used = 0;
      } else if (used > 0) {
        line += ' ';
        ++used;
      }
      line += word;
      used += word.size();
      pos = end + 1;
    }
    out << line << '\n';
  }
}

}  // namespace sla::cli
