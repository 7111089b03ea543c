// sla/severity.hpp — a fault severity level (SPEC §3 `severities:`).
//
// Severities are listed most severe first; that order is their rank (0 = most severe) and is
// what "raise severity by one" moves along. Ids and aliases are global within a RuleSet:
// a ticket may name a severity by id ("sev1") or by any alias ("P1", "一级").
#pragma once

#include <string>
#include <vector>

namespace sla {

struct Severity {
  std::string id;
  std::string name;         ///< human-readable ("Critical"); defaults to the id
  std::string description;
  std::vector<std::string> aliases;
  int rank = 0;             ///< 0 = most severe
};

}  // namespace sla
