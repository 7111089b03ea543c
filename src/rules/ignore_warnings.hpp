// rules/ignore_warnings.hpp — `ignore_warnings: [SLA300]` on a policy or a target.
//
// An extension of the rules format (additive): the SLA3xx warnings flag rules that are valid but
// probably not meant — a major fault given a longer restore time than a minor one, say. When an
// agreement means exactly that, the policy or the target says so and the warning is not
// reported there. Only the SLA3xx codes can be named; anything else is SLA223.
#pragma once

#include <string>
#include <vector>

#include "yaml/reader.hpp"

namespace sla::rules {

/// The codes listed (each known warning code; unknown ones are reported and left out).
std::vector<std::string> read_ignore_warnings(const yaml::Reader& reader, const yaml::Value& value);

}  // namespace sla::rules
