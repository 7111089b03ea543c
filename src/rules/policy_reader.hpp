// rules/policy_reader.hpp — the `policies:` section (docs/semantics.md §3).
//
//   policies:
//     - id: maintenance                      # required, unique across files (SLA220)
//       match: {contract: maintenance}       # optional: attribute → value; first match wins
//       tiers:                               # required, not empty (SLA222); best tier first
//         A: {name: "7x24, on site in 2h", calendar: always}   # calendar required
//         C: {name: "5x8, on site next day", calendar: cn-office}
//       targets: {response: {...}, resolution: {...}}         # see target_reader.hpp
//       obligations: {quarterly_inspection: {...}}            # see obligation_reader.hpp
//       ignore_warnings: [SLA301]            # see ignore_warnings.hpp
//
// Calendars, roles and severities may be defined in other files, so check_policies() resolves
// them once every file is read.
#pragma once

#include "rules/policy_source.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads the section `policies` and appends its policies to `policies` (which holds those of
/// the files read before, for the duplicate check).
/// `index`: the ids in `policies` (from earlier files) → their index; kept up to date.
void read_policies(const yaml::Reader& reader, const yaml::MapEntry& section,
                   std::vector<PolicySource>& policies, StringMap<std::size_t>& index);

}  // namespace sla::rules
