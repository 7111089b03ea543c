// rules/severity_reader.hpp — the `severities:` section (docs/semantics.md §3).
//
//   severities:                    # most severe first: the order is the rank (0 = most severe)
//     - {id: sev1, name: Critical, aliases: [P1, 一级], description: Service down}
//     - {id: sev2, name: Major}
//
// Ids and aliases share one name space: a name used twice — as two ids, two aliases, or an id
// and an alias — is SLA210 at the later use, with a note at the first. The rules have one
// severity scale, so one `severities` list: a second one (in any file) is SLA211.
#pragma once

#include "rules/policy_source.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reads the section `severities` into `sources` (its severities and severities_at).
void read_severities(const yaml::Reader& reader, const yaml::MapEntry& section,
                     PolicySources& sources);

}  // namespace sla::rules
