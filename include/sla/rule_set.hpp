// sla/rule_set.hpp — rules loaded from YAML files (docs/semantics.md §3).
//
// load_rules() reads one or more files (and what they `include`), reports *every* problem it
// finds as a Diagnostic, and returns a RuleSet only when there is no error. A RuleSet is an
// immutable value: share it across threads freely; hot reload = load a new one and swap.
//
// Loaded: `version`, `include`, `calendars`, `roles`, `severities` and `policies` (with tiers,
// targets, goals expanded per (tier, severity), and escalations). rules/README.md documents the
// format and every diagnostic code.
//
// Files. Includes are relative to the including file; a file reached twice is read once; ids
// are global across all files. Diagnostics name files as given (an included file as the
// including file's directory joined with the include text), so output does not depend on the
// working directory. They are sorted by file (in reading order), line and column, and capped at
// 100 plus one "too many problems" line.
//
// Untrusted files. Only regular files are read (a FIFO or /dev/zero is a diagnostic, read
// from never), and only so much: 16 MiB a file, 64 MiB a load, 32 files in a chain of includes,
// 64 levels of nesting, a million nodes with aliases followed, 4,096 bytes a value, a million
// calendar entries and goal values once `extends` and goals are expanded (rules/README.md,
// "Limits", gives each limit's code). Within them a load takes time in proportion to its input;
// the worst a file can cost is about half a GB while yaml-cpp holds its tree.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/diagnostic.hpp"
#include "sla/policy.hpp"
#include "sla/role.hpp"
#include "sla/severity.hpp"

namespace sla {

class RuleSet {
 public:
  /// The calendar with this id, or nullptr.
  const Calendar* find_calendar(std::string_view id) const;

  /// Like find_calendar, but throws sla::Error naming the id (and the known ids) when absent.
  const Calendar& calendar(std::string_view id) const;

  /// All calendar ids, sorted.
  std::vector<std::string> calendar_ids() const;

  /// Severities, most severe first (Severity::rank is the index).
  const std::vector<Severity>& severities() const;

  /// The severity with this id or alias, or nullptr.
  const Severity* find_severity(std::string_view id_or_alias) const;

  /// The role ladder, in file order.
  const std::vector<Role>& roles() const;
  const Role* find_role(std::string_view id) const;

  /// Policies, in file order (the order `match` is tried in).
  const std::vector<Policy>& policies() const;
  const Policy* find_policy(std::string_view id) const;

  /// The first policy whose `match` attributes all equal those given (a policy without `match`
  /// matches everything), or nullptr. `attributes` are (name, value) pairs.
  const Policy* match_policy(
      const std::vector<std::pair<std::string, std::string>>& attributes) const;

  struct Impl;

 private:
  friend class RuleSetBuilder;
  explicit RuleSet(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

struct LoadResult {
  std::vector<Diagnostic> diagnostics;  ///< errors and warnings, in file order
  std::optional<RuleSet> rules;         ///< set when no diagnostic is an error

  bool ok() const { return rules.has_value(); }
};

/// Loads rule files. Never throws for problems in the files (they become diagnostics); a file
/// that cannot be read is a diagnostic too.
LoadResult load_rules(const std::vector<std::string>& paths);

/// Loads rules from text (tests, embedding); `name` is used as the file name in diagnostics,
/// and relative includes are resolved against its directory.
LoadResult load_rules_from_string(std::string_view yaml_text, std::string_view name = "<string>");

}  // namespace sla
