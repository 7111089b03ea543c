// sla/severity.hpp — a fault severity level (rules/README.md, "severities").
//
// Severities are listed most severe first; that order is their rank (0 = most severe) and is
// what "raise severity by one" moves along. Ids and aliases are global within a RuleSet:
// a ticket may name a severity by id ("sev1") or by any alias ("P1", "一级").
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace sla {

struct Severity {
  std::string id;
  std::string name;  ///< human-readable ("Critical"); defaults to the id
  std::string description;
  std::vector<std::string> aliases;
  int rank = 0;  ///< 0 = most severe

  /// True when `id_or_alias` is this severity's id or one of its aliases: "sev1", "P1" and
  /// "一级" all name the same severity.
  bool answers_to(std::string_view id_or_alias) const {
    return id == id_or_alias ||
           std::find(aliases.begin(), aliases.end(), id_or_alias) != aliases.end();
  }
};

}  // namespace sla
