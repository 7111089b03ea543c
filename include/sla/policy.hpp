// sla/policy.hpp — one service agreement: which tickets it covers, its tiers, its targets (per
// fault) and its obligations (per contract: inspections per quarter, sla/obligation.hpp).
//
// A ticket is governed by the policy it names, or by the first policy (in file order) whose
// `match` attributes all equal the ticket's attributes. Tiers (A/B/C, 7×24, 5×8 …) name the
// calendar their business clocks run on.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sla/obligation.hpp"
#include "sla/target_rule.hpp"

namespace sla {

struct Tier {
  std::string id;
  std::string name;
  std::string calendar;  ///< calendar id of the tier's business clock
};

struct Policy {
  std::string id;
  std::vector<std::pair<std::string, std::string>> match;  ///< attribute → required value
  std::vector<Tier> tiers;
  std::vector<TargetRule> targets;      ///< in file order
  std::vector<Obligation> obligations;  ///< in file order

  const Tier* find_tier(std::string_view tier_id) const {
    for (const Tier& t : tiers)
      if (t.id == tier_id) return &t;
    return nullptr;
  }
  const TargetRule* find_target(std::string_view target_id) const {
    for (const TargetRule& t : targets)
      if (t.id == target_id) return &t;
    return nullptr;
  }
  const Obligation* find_obligation(std::string_view obligation_id) const {
    for (const Obligation& o : obligations)
      if (o.id == obligation_id) return &o;
    return nullptr;
  }
};

}  // namespace sla
