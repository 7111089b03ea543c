#include "rules/ids.hpp"

#include <fmt/format.h>

namespace sla::rules {

void report_redefinition(const yaml::Reader& reader, std::string_view code, std::string_view what,
                         const SourcePosition& at, const SourcePosition& first) {
  reader.error(at, code, fmt::format("{} is already defined", what),
               {{first, "first defined here"}});
}

std::vector<std::string_view> severity_names(const std::vector<Severity>& severities) {
  std::vector<std::string_view> names;
  for (const Severity& s : severities) {
    names.push_back(s.id);
    names.insert(names.end(), s.aliases.begin(), s.aliases.end());
  }
  return names;
}

std::string cycle_text(const std::vector<std::string_view>& names) {
  if (names.empty()) return {};
  return fmt::format("{} -> {}", fmt::join(names, " -> "), names.front());
}

}  // namespace sla::rules
