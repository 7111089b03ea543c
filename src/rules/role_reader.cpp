#include "rules/role_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/codes.hpp"
#include "rules/ids.hpp"

namespace sla::rules {

void read_roles(const yaml::Reader& reader, const yaml::MapEntry& section,
                std::vector<RoleSource>& roles, StringMap<std::size_t>& index) {
  if (!reader.expect_map(section.value, "'roles'")) return;
  const yaml::MapReader map(reader, section.value, "'roles'");
  for (const auto& entry : map.entries()) {
    RoleSource role;
    role.role.id = entry.key;
    role.at = entry.key_at;
    const std::string what = fmt::format("role '{}'", entry.key);
    // `implementation_manager:` with nothing after it is the top rung, like `{}`.
    if (!entry.value.is_null()) {
      if (!reader.expect_map(entry.value, what)) continue;
      const yaml::MapReader keys(reader, entry.value, what, {"escalates_to"});
      if (const auto* next = keys.find("escalates_to")) {
        role.role.escalates_to = reader.text(next->value, "'escalates_to'");
        if (!role.role.escalates_to) continue;
        role.next_at = next->value.at;
      }
    }
    const auto [first, added] = index.emplace(entry.key, roles.size());
    if (!added) {
      report_redefinition(reader, code::duplicate_role, what, entry.key_at,
                          roles[first->second].at);
      continue;
    }
    roles.push_back(std::move(role));
  }
}

}  // namespace sla::rules
