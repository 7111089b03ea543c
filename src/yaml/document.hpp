// yaml/document.hpp — YAML text to a node tree, with syntax errors as diagnostics.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

#include "yaml/limits.hpp"
#include "yaml/reader.hpp"

namespace sla::yaml {

/// Parses `text` as exactly one YAML document (an empty text gives a null node).
/// A syntax error is one SLA001 at its position ("found ':' where a value was expected"); a
/// second document ("---") is SLA001 at its start. The limits of yaml/limits.hpp are checked
/// before a tree is built (SLA020, SLA022–SLA025), `node_budget` being what is left of
/// kMaxExpandedNodes (the files including this one hold the rest); `nodes`, when given, is set
/// to the nodes of the document, aliases followed. Returns nullopt after any problem. Never
/// throws.
std::optional<YAML::Node> parse_document(std::string_view text, const Reader& reader,
                                         std::uint64_t node_budget = limits::kMaxExpandedNodes,
                                         std::uint64_t* nodes = nullptr);

}  // namespace sla::yaml
