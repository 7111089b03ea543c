#include <fmt/format.h>

#include "rules/rule_set_impl.hpp"
#include "sla/error.hpp"

namespace sla {

const Calendar* RuleSet::find_calendar(std::string_view id) const {
  const auto it = impl_->calendars.find(id);
  return it == impl_->calendars.end() ? nullptr : &it->second;
}

const Calendar& RuleSet::calendar(std::string_view id) const {
  if (const Calendar* c = find_calendar(id)) return *c;
  const auto ids = calendar_ids();
  throw Error(fmt::format(
      "unknown calendar '{}' (the rules define: {})", id,
      ids.empty() ? std::string("no calendars") : fmt::format("{}", fmt::join(ids, ", "))));
}

std::vector<std::string> RuleSet::calendar_ids() const {
  std::vector<std::string> ids;
  ids.reserve(impl_->calendars.size());
  for (const auto& [id, calendar] : impl_->calendars) ids.push_back(id);
  return ids;
}

}  // namespace sla
