#include "args.hpp"

#include "sla/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace sla::cli {
namespace {

const OptionSpec* find_spec(std::span<const OptionSpec> specs, std::string_view name) {
  for (const auto& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> option_names(std::span<const OptionSpec> specs) {
  std::vector<std::string> names;
  for (const auto& s : specs) names.push_back("--" + std::string(s.name));
  return names;
}

// The likely intended option or command (sla/suggest.hpp, the rules loader's "did you mean").
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& names) {
  return closest_match(word, std::vector<std::string_view>(names.begin(), names.end()));
}

std::string unknown_option_message(std::string_view command, std::string_view word,
                                   std::span<const OptionSpec> specs) {
  std::string message = fmt::format("unknown option '{}' for 'sla {}'", word, command);
  const std::string_view flag = word.substr(0, word.find('='));
  if (auto near = closest(flag, option_names(specs)))
    message += fmt::format(" (did you mean '{}'?)", *near);
  return message;
}

}  // namespace

std::optional<std::string> ParsedArgs::get(std::string_view name) const {
  const auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.front();
}

const std::string& ParsedArgs::required(std::string_view name) const {
  const auto it = values_.find(name);
  if (it == values_.end() || it->second.empty())
    throw std::logic_error(fmt::format("option --{} was declared required but is absent", name));
  return it->second.front();
}

std::vector<std::string> ParsedArgs::all(std::string_view name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

ParsedArgs parse_args(std::string_view command, std::span<const std::string> args,
                      std::span<const OptionSpec> specs, bool allow_positionals) {
  const std::string cmd(command);
  ParsedArgs parsed;
  bool options_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    const bool is_option = !options_ended && word.size() > 1 && word[0] == '-';
    if (!options_ended && word == "--") {
      options_ended = true;
      continue;
    }
    if (!is_option) {
      if (!allow_positionals)
        throw UsageError(cmd, fmt::format("unexpected argument '{}' for 'sla {}'", word, command));
      parsed.positionals_.push_back(word);
      continue;
    }
    if (word[1] != '-') throw UsageError(cmd, unknown_option_message(command, word, specs));

    const size_t eq = word.find('=');
    const std::string name = word.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const OptionSpec* spec = find_spec(specs, name);
    if (spec == nullptr) throw UsageError(cmd, unknown_option_message(command, word, specs));

    std::string value;
    if (spec->value_name.empty()) {
      if (eq != std::string::npos)
        throw UsageError(cmd, fmt::format("option '--{}' takes no value (got '{}')", name, word));
    } else if (eq != std::string::npos) {
      value = word.substr(eq + 1);
    } else if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
      value = args[++i];
    } else {
      throw UsageError(cmd,
                       fmt::format("option '--{}' needs a value ({})", name, spec->value_name));
    }

    auto& slot = parsed.values_[name];
    if (!slot.empty() && !spec->repeatable)
      throw UsageError(cmd, fmt::format("option '--{}' given more than once", name));
    slot.push_back(std::move(value));
  }

  // Required options, then one-of groups (each group reported once, in declaration order).
  for (const auto& s : specs)
    if (s.required && s.one_of.empty() && !parsed.has(s.name))
      throw UsageError(cmd, fmt::format("missing required option '--{}'", s.name));
  std::vector<std::string_view> groups_seen;
  for (const auto& s : specs) {
    if (s.one_of.empty() ||
        std::find(groups_seen.begin(), groups_seen.end(), s.one_of) != groups_seen.end())
      continue;
    groups_seen.push_back(s.one_of);
    std::vector<std::string> members, given;
    for (const auto& m : specs) {
      if (m.one_of != s.one_of) continue;
      members.push_back("--" + std::string(m.name));
      if (parsed.has(m.name)) given.push_back(members.back());
    }
    if (given.empty())
      throw UsageError(
          cmd, fmt::format("missing option: one of '{}' is required", fmt::join(members, "', '")));
    if (given.size() > 1)
      throw UsageError(cmd,
                       fmt::format("options '{}' cannot be combined", fmt::join(given, "' and '")));
  }
  return parsed;
}

bool wants_help(std::span<const std::string> args) {
  for (const auto& word : args) {
    if (word == "--") return false;
    if (word == "--help" || word == "-h") return true;
  }
  return false;
}

}  // namespace sla::cli
