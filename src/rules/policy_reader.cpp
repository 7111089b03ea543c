#include "rules/policy_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/codes.hpp"
#include "rules/ids.hpp"
#include "rules/ignore_warnings.hpp"
#include "rules/obligation_reader.hpp"
#include "rules/target_reader.hpp"
#include "yaml/codes.hpp"

namespace sla::rules {
namespace {

const std::vector<std::string_view> kPolicyKeys = {"id",      "match",       "tiers",
                                                   "targets", "obligations", "ignore_warnings"};
const std::vector<std::string_view> kTierKeys = {"name", "calendar"};

// "policy 'maintenance'", as messages name it.
std::string label(const PolicySource& policy) {
  return policy.id.empty() ? std::string("the policy without an id")
                           : fmt::format("policy '{}'", policy.id);
}

void read_match(const yaml::Reader& reader, const yaml::MapEntry& match, PolicySource& policy) {
  if (!reader.expect_map(match.value, "'match'")) return;
  const yaml::MapReader map(reader, match.value, fmt::format("'match' of {}", label(policy)));
  for (const auto& entry : map.entries())
    if (auto value = reader.text(entry.value, fmt::format("'{}' in 'match'", entry.key)))
      policy.match.emplace_back(entry.key, *value);
}

void read_tiers(const yaml::Reader& reader, const yaml::MapEntry& tiers, PolicySource& policy) {
  if (!reader.expect_map(tiers.value, "'tiers'")) return;
  const yaml::MapReader map(reader, tiers.value, fmt::format("'tiers' of {}", label(policy)));
  if (map.entries().empty() && tiers.value.node.size() == 0) {
    reader.error(tiers.value.at, code::no_tiers,
                 fmt::format("{} has no tiers (a tier names the calendar its business clocks "
                             "run on: {{A: {{name: 7x24, calendar: always}}}})",
                             label(policy)));
    return;
  }
  for (const auto& entry : map.entries()) {
    TierSource tier;
    tier.tier.id = entry.key;
    tier.at = entry.key_at;
    if (const auto keys =
            yaml::read_keyed_map(reader, entry, fmt::format("tier '{}'", entry.key), kTierKeys)) {
      if (const auto* name = keys->find("name"))
        tier.tier.name = reader.text(name->value, "'name'").value_or("");
      if (const auto* calendar = keys->require("calendar")) {
        if (auto id = reader.text(calendar->value, "'calendar'")) {
          tier.tier.calendar = *id;
          tier.calendar_at = calendar->value.at;
        }
      }
    }
    if (tier.tier.name.empty()) tier.tier.name = tier.tier.id;
    // A tier with a problem is kept: goals keyed by it should not be reported as well.
    policy.tiers.push_back(std::move(tier));
  }
}

void read_targets(const yaml::Reader& reader, const yaml::MapEntry& targets, PolicySource& policy) {
  if (!reader.expect_map(targets.value, "'targets'")) return;
  const yaml::MapReader map(reader, targets.value, fmt::format("'targets' of {}", label(policy)));
  for (const auto& entry : map.entries()) policy.targets.push_back(read_target(reader, entry));
}

void read_obligations(const yaml::Reader& reader, const yaml::MapEntry& obligations,
                      PolicySource& policy) {
  if (!reader.expect_map(obligations.value, "'obligations'")) return;
  const yaml::MapReader map(reader, obligations.value,
                            fmt::format("'obligations' of {}", label(policy)));
  for (const auto& entry : map.entries())
    policy.obligations.push_back(read_obligation(reader, entry));
}

}  // namespace

void read_policies(const yaml::Reader& reader, const yaml::MapEntry& section,
                   std::vector<PolicySource>& policies, StringMap<std::size_t>& index) {
  if (!reader.expect_list(section.value, "'policies'")) return;
  for (const auto& item : reader.items(section.value)) {
    if (!reader.expect_map(item, "a policy", "a map with 'id', 'tiers' and 'targets'")) continue;
    const std::size_t errors_before = reader.diagnostics().error_count();
    const yaml::MapReader map(reader, item, "a policy", kPolicyKeys);
    PolicySource policy;
    policy.at = item.at;
    const auto* id = map.require("id");
    if (id != nullptr) {
      if (auto text = reader.text(id->value, "'id'")) {
        policy.id = *text;
        policy.at = id->value.at;
      }
    }
    const auto known = policy.id.empty() ? index.end() : index.find(policy.id);
    const bool again = known != index.end();
    if (again)
      report_redefinition(reader, code::duplicate_policy, label(policy), policy.at,
                          policies[known->second].at);
    if (const auto* match = map.find("match")) read_match(reader, *match, policy);
    if (const auto* tiers = map.require("tiers")) read_tiers(reader, *tiers, policy);
    if (const auto* targets = map.find("targets")) read_targets(reader, *targets, policy);
    if (const auto* obligations = map.find("obligations"))
      read_obligations(reader, *obligations, policy);
    if (const auto* ignore = map.find("ignore_warnings"))
      policy.ignore_warnings = read_ignore_warnings(reader, ignore->value);
    policy.broken = reader.diagnostics().error_count() != errors_before;
    // A policy with the id of an earlier one is read (its own problems are reported) but not
    // kept, so that uses of the id keep meaning the first.
    if (again) continue;
    if (!policy.id.empty()) index.emplace(policy.id, policies.size());
    policies.push_back(std::move(policy));
  }
}

}  // namespace sla::rules
