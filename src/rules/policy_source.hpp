// rules/policy_source.hpp — roles, severities and policies as written in the rules files, before
// the checks that need every file.
//
// A rules file may refer to things defined in any other file of the load: a tier names a
// calendar, `notify` names roles, a goal is keyed by the tiers of its policy and by the
// severities (one global list). So the readers keep what each file says, with the positions of
// everything that refers elsewhere, and check_policies() resolves and checks it all once every
// file is read, building the public model (sla/policy.hpp and friends).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/duration_spec.hpp"
#include "sla/policy.hpp"
#include "sla/role.hpp"
#include "sla/severity.hpp"
#include "yaml/string_map.hpp"

namespace sla::rules {

/// A name that refers to something defined elsewhere (a role, a severity, a calendar, a
/// target), and where it is written.
struct Reference {
  std::string name;
  SourcePosition at;
};

struct RoleSource {
  Role role;
  SourcePosition at;                      ///< the id, as a key of `roles:`
  std::optional<SourcePosition> next_at;  ///< the value of `escalates_to`
};

struct SeveritySource {
  Severity severity;  ///< rank is the position in the one `severities` list
  SourcePosition at;  ///< the id's value (the item when there is no id)
};

struct GoalEntry;

/// A goal as written: one duration, a list (periodic), a map whose keys are tier or severity
/// names — which ones is decided only when the tiers and severities are known — or another
/// target's due instant, `due(x)`.
struct GoalSource {
  enum class Kind { duration, list, map, due_of };
  Kind kind = Kind::duration;
  SourcePosition at;
  std::vector<DurationSpec> durations;      ///< duration: one; list: the sequence
  std::vector<SourcePosition> duration_at;  ///< where each duration is written
  std::vector<GoalEntry> entries;           ///< map
  std::optional<Reference> due_of;          ///< due_of: the target named, where
  bool broken = false;                      ///< a problem inside was reported
};

struct GoalEntry {
  std::string key;
  SourcePosition key_at;
  GoalSource value;
};

/// An escalation level: the trigger and actions are read; the names they use are checked later.
struct EscalationSource {
  EscalationLevel level;
  SourcePosition at;          ///< the level (its list item)
  SourcePosition trigger_at;  ///< the trigger's value
  std::vector<Reference> notify;
  std::optional<Reference> set_severity;
  std::optional<SourcePosition> escalate_at;  ///< the value of `escalate: N`
  std::optional<SourcePosition> clock_at;     ///< the value of `clock:`, when it names a calendar
  bool broken = false;
};

struct TargetSource {
  TargetRule rule;    ///< everything but the goal, whose cells need the tiers and severities
  SourcePosition at;  ///< the id, as a key of `targets:`
  SourcePosition start_at;
  std::vector<SourcePosition> stop_at;     ///< parallel to rule.stop
  std::optional<SourcePosition> clock_at;  ///< the value of `clock:`, when it names a calendar
  std::optional<GoalSource> goal;
  SourcePosition goal_key_at;  ///< the key `goal:`
  std::vector<EscalationSource> escalation;
  std::vector<std::string> ignore_warnings;
  bool broken = false;
};

/// An obligation (sla/obligation.hpp) as read; its calendar is checked once every file is read.
struct ObligationSource {
  Obligation rule;
  SourcePosition at;                          ///< the id, as a key of `obligations:`
  std::optional<SourcePosition> calendar_at;  ///< the value of `calendar:`
  bool broken = false;
};

struct TierSource {
  Tier tier;
  SourcePosition at;  ///< the id, as a key of `tiers:`
  std::optional<SourcePosition> calendar_at;
};

struct PolicySource {
  std::string id;
  SourcePosition at;  ///< the id's value (the item when there is no id)
  std::vector<std::pair<std::string, std::string>> match;
  std::vector<TierSource> tiers;
  std::vector<TargetSource> targets;
  std::vector<ObligationSource> obligations;
  std::vector<std::string> ignore_warnings;
  bool broken = false;
};

/// Everything of this kind that the files of one load say.
struct PolicySources {
  std::vector<RoleSource> roles;
  std::vector<SeveritySource> severities;
  std::optional<SourcePosition> severities_at;  ///< the first `severities:` key
  std::vector<PolicySource> policies;
  /// Ids read so far → index in `roles` / `policies`: a second definition is found in O(1).
  StringMap<std::size_t> role_index, policy_index;
};

}  // namespace sla::rules
