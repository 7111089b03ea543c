#include "rules/ids.hpp"

#include <fmt/format.h>

#include "yaml/limits.hpp"

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
  constexpr std::size_t kHead = 8, kTail = 2;
  if (names.size() <= kHead + kTail + 1)
    return fmt::format("{} -> {}", fmt::join(names, " -> "), names.front());
  // A cycle of thousands is shown by its ends; the notes point at its first links.
  return fmt::format("{} -> ... ({} more) -> {} -> {}",
                     fmt::join(names.begin(), names.begin() + kHead, " -> "),
                     limits::count_text(names.size() - kHead - kTail),
                     fmt::join(names.end() - kTail, names.end(), " -> "), names.front());
}

}  // namespace sla::rules
