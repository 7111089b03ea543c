// rules/policy_warnings.hpp — the SLA3xx warnings: rules that are valid but probably not meant.
//
// Goals are compared only when two durations are of the same kind — business time with
// business time, Nbd with Mbd, Ncd with Mcd, eobd+N with eobd+M, bd+N@T with bd+M@U (by day,
// then time) — because anything else depends on the calendar and the start. A periodic goal is
// compared by its first value.
//   SLA300  for one target and tier, a more severe severity gets a longer goal than a less
//           severe one;
//   SLA301  for one target and severity, a better tier (listed earlier) gets a longer goal than
//           a later tier;
//   SLA302  for one (tier, severity), the targets with the conventional ids `response`,
//           `on_site` and `resolution` are not in the order response ≤ on_site ≤ resolution;
//   SLA303  an escalation that fires as the target starts or before: `at: 0%`, or
//           `before_breach: D` with D at least the goal of some cell (same clock only);
//   SLA304  two levels of one target with the same trigger (`at: 100%` is `at_breach: true`);
//   SLA305  `escalate: N` with N more than the steps of the longest chain of the role ladder;
//   SLA306  `optional` or `on_severity_change: restart` on a target whose goal is due(x) (no
//           effect there).
// `ignore_warnings: [SLA3xx]` on the policy or the target silences a code there.
#pragma once

#include <vector>

#include "rules/policy_source.hpp"
#include "yaml/diagnostic_sink.hpp"

namespace sla::rules {

struct PolicyWarningInput {
  const Policy& policy;
  const PolicySource& source;  ///< its targets are parallel to policy.targets
  /// Per target, where each goal cell's (first) duration is written (parallel to the cells).
  const std::vector<std::vector<SourcePosition>>& cell_at;
  /// Steps of the longest chain of the role ladder; negative when unknown (a cycle).
  int ladder_height = -1;
};

void warn_policy(const PolicyWarningInput& input, yaml::DiagnosticSink& sink);

}  // namespace sla::rules
