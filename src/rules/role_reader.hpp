// rules/role_reader.hpp — the `roles:` section: the escalation ladder (docs/semantics.md §3).
//
//   roles:
//     engineer: {escalates_to: service_manager}
//     service_manager: {escalates_to: implementation_manager}
//     implementation_manager: {}            # the top rung (or nothing after the colon)
//
// Role ids are global across files: one defined twice is SLA200 at the second definition.
// Unknown `escalates_to` targets and cycles need every file, so check_policies() reports them.
#pragma once

#include <vector>

#include "rules/policy_source.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads the section `roles` and appends its roles to `roles`.
/// `index`: the ids in `roles` (from earlier files) → their index; kept up to date.
void read_roles(const yaml::Reader& reader, const yaml::MapEntry& section,
                std::vector<RoleSource>& roles, StringMap<std::size_t>& index);

}  // namespace sla::rules
