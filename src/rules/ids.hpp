// rules/ids.hpp — ids across the files of one load: a second definition of one, the names a
// severity answers to, and a cycle of references spelt out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sla/severity.hpp"
#include "yaml/reader.hpp"

namespace sla::rules {

/// Reports `what` (a calendar, role or policy id, "calendar 'office'") defined a second time:
/// `code` at `at` "calendar 'office' is already defined", with the note "first defined here" at
/// `first`.
void report_redefinition(const yaml::Reader& reader, std::string_view code, std::string_view what,
                         const SourcePosition& at, const SourcePosition& first);

/// Every name of every severity (ids and aliases), in rank order: the candidates of "did you
/// mean" for a name that should be a severity.
std::vector<std::string_view> severity_names(const std::vector<Severity>& severities);

/// "a -> b -> c -> a": a cycle of references, back to where it starts. A long cycle is shown by
/// its first eight and last two names: "r0 -> ... -> r7 -> ... (19,990 more) -> r19998 -> r19999
/// -> r0".
std::string cycle_text(const std::vector<std::string_view>& names);

}  // namespace sla::rules
