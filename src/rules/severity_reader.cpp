#include "rules/severity_reader.hpp"

#include <fmt/format.h>

#include "rules/codes.hpp"
#include "rules/ids.hpp"
#include "yaml/codes.hpp"

namespace sla::rules {
namespace {

const std::vector<std::string_view> kSeverityKeys = {"id", "name", "aliases", "description"};

// A name of the severity scale, and which severity it names.
struct ScaleName {
  std::string name;
  SourcePosition at;
  std::string severity;  ///< the id of the severity it belongs to
  bool is_alias = false;
};

// Reports `name` (an id or an alias of `severity`) when the scale already has it; true if new.
bool unique_name(const yaml::Reader& reader, std::vector<ScaleName>& names,
                 StringMap<std::size_t>& index, ScaleName candidate) {
  if (const auto it = index.find(candidate.name); it != index.end()) {
    const ScaleName& first = names[it->second];
    if (!candidate.is_alias && !first.is_alias) {
      report_redefinition(reader, code::duplicate_severity,
                          fmt::format("severity '{}'", candidate.name), candidate.at, first.at);
      return false;
    }
    const std::string used = first.is_alias
                                 ? fmt::format("an alias of severity '{}'", first.severity)
                                 : fmt::format("the id of severity '{}'", first.severity);
    const std::string message =
        candidate.is_alias ? fmt::format("alias '{}' of severity '{}' is already {}",
                                         candidate.name, candidate.severity, used)
                           : fmt::format("severity id '{}' is already {}", candidate.name, used);
    reader.error(candidate.at, code::duplicate_severity, message,
                 {{first.at, first.is_alias ? fmt::format("'{}' given here", first.name)
                                            : std::string("first defined here")}});
    return false;
  }
  index.emplace(candidate.name, names.size());
  names.push_back(std::move(candidate));
  return true;
}

std::optional<std::string> optional_text(const yaml::Reader& reader, const yaml::MapReader& map,
                                         std::string_view key) {
  const auto* entry = map.find(key);
  if (entry == nullptr) return std::nullopt;
  return reader.text(entry->value, fmt::format("'{}'", key));
}

}  // namespace

void read_severities(const yaml::Reader& reader, const yaml::MapEntry& section,
                     PolicySources& sources) {
  if (sources.severities_at) {
    reader.error(section.key_at, code::severities_twice,
                 "the severities are already listed: the rules have one severity scale, in one "
                 "'severities' list (most severe first)",
                 {{*sources.severities_at, "first listed here"}});
    return;
  }
  sources.severities_at = section.key_at;
  if (!reader.expect_list(section.value, "'severities'")) return;
  std::vector<ScaleName> names;
  StringMap<std::size_t> index;  // name → its entry in `names`
  for (const auto& item : reader.items(section.value)) {
    if (!reader.expect_map(item, "a severity", "a map like {id: sev1, name: Critical}")) continue;
    const yaml::MapReader map(reader, item, "a severity", kSeverityKeys);
    SeveritySource source;
    source.at = item.at;
    const auto* id = map.require("id");
    if (id == nullptr) continue;
    const auto id_text = reader.text(id->value, "'id'");
    if (!id_text) continue;
    if (id_text->empty()) {
      reader.error(id->value.at, code::invalid_value, "a severity id cannot be empty");
      continue;
    }
    source.severity.id = *id_text;
    source.at = id->value.at;
    bool ok = unique_name(reader, names, index, {*id_text, id->value.at, *id_text, false});
    source.severity.name = optional_text(reader, map, "name").value_or(*id_text);
    source.severity.description = optional_text(reader, map, "description").value_or("");
    if (const auto* aliases = map.find("aliases")) {
      if (reader.expect_list(aliases->value, "'aliases'")) {
        for (const auto& alias : reader.items(aliases->value)) {
          const auto text = reader.text(alias, "an alias");
          if (!text) continue;
          if (!unique_name(reader, names, index, {*text, alias.at, *id_text, true})) continue;
          source.severity.aliases.push_back(*text);
        }
      }
    }
    // A severity whose id clashes is left out, so that its aliases and later uses do not
    // report the same clash again.
    if (!ok) continue;
    source.severity.rank = static_cast<int>(sources.severities.size());
    sources.severities.push_back(std::move(source));
  }
}

}  // namespace sla::rules
