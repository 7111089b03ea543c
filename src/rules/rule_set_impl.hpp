// rules/rule_set_impl.hpp — what a RuleSet holds, and the one way to make one.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sla/rule_set.hpp"

namespace sla {

struct RuleSet::Impl {
  std::map<std::string, Calendar, std::less<>> calendars;  ///< by id (sorted)
  std::vector<Severity> severities;                        ///< most severe first
  std::vector<Role> roles;                                 ///< file order
  std::vector<Policy> policies;                            ///< file order
};

/// Wraps a finished Impl; only the loader builds rule sets.
class RuleSetBuilder {
 public:
  static RuleSet build(std::shared_ptr<const RuleSet::Impl> impl) {
    return RuleSet(std::move(impl));
  }
};

}  // namespace sla
