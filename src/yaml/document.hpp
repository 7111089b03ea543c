// yaml/document.hpp — YAML text to a node tree, with syntax errors as diagnostics.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

#include "yaml/reader.hpp"

namespace sla::yaml {

/// Parses `text` as exactly one YAML document (an empty text gives a null node).
/// A syntax error is one SLA001 at its position ("found ':' where a value was expected"); a
/// second document ("---") is SLA001 at its start. Returns nullopt after either. Never throws.
std::optional<YAML::Node> parse_document(std::string_view text, const Reader& reader);

}  // namespace sla::yaml
