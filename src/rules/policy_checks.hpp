// rules/policy_checks.hpp — roles, severities and policies from every file, resolved and checked
// into the public model.
//
// Runs after every file is read (a tier may name a calendar of another file, `notify` a role of
// another file). Errors:
//   * `escalates_to` and `notify` naming no role (SLA201), `set_severity` no severity (SLA213),
//     a tier or a clock no calendar (SLA221), met(x) / breached(x) no target of the policy
//     (SLA231) — each with "did you mean";
//   * policies with targets but no severities (SLA212);
//   * goals that do not fit the tiers and severities (SLA242–SLA246, see goal_expander.hpp);
//   * cycles in the role ladder (SLA260) and in the targets' start dependencies (SLA261: target
//     A starting on met(B) or breached(B) is an edge A → B), spelled out with one note per edge;
//   * `escalate` in a policy while no role escalates to another (SLA262).
// Then the warnings of policy_warnings.hpp.
#pragma once

#include <string_view>
#include <vector>

#include "rules/policy_source.hpp"
#include "yaml/diagnostic_sink.hpp"

namespace sla::rules {

struct CheckedPolicies {
  std::vector<Severity> severities;  ///< most severe first
  std::vector<Role> roles;           ///< in reading order
  std::vector<Policy> policies;      ///< in reading order
};

/// `calendar_ids`: every calendar defined (also those with errors, so that a broken calendar is
/// not reported again as unknown).
CheckedPolicies check_policies(const PolicySources& sources,
                               const std::vector<std::string_view>& calendar_ids,
                               yaml::DiagnosticSink& sink);

}  // namespace sla::rules
