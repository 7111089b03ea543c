// rules/rule_set.cpp — what sla/rule_set.hpp declares: the RuleSet's lookups and the entry
// points that load one.
#include <fmt/format.h>

#include "rules/rule_set_impl.hpp"
#include "rules/rules_loader.hpp"
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

const std::vector<Severity>& RuleSet::severities() const { return impl_->severities; }

const Severity* RuleSet::find_severity(std::string_view id_or_alias) const {
  for (const Severity& s : impl_->severities)
    if (s.answers_to(id_or_alias)) return &s;
  return nullptr;
}

const std::vector<Role>& RuleSet::roles() const { return impl_->roles; }

const Role* RuleSet::find_role(std::string_view id) const {
  for (const Role& r : impl_->roles)
    if (r.id == id) return &r;
  return nullptr;
}

const std::vector<Policy>& RuleSet::policies() const { return impl_->policies; }

const Policy* RuleSet::find_policy(std::string_view id) const {
  for (const Policy& p : impl_->policies)
    if (p.id == id) return &p;
  return nullptr;
}

const Policy* RuleSet::match_policy(
    const std::vector<std::pair<std::string, std::string>>& attributes) const {
  for (const Policy& p : impl_->policies) {
    bool all = true;
    for (const auto& [key, value] : p.match) {
      bool found = false;
      for (const auto& [k, v] : attributes) found = found || (k == key && v == value);
      all = all && found;
    }
    if (all) return &p;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Loading. Everything thrown below this point is a bug, but the promise is "diagnostics, never a
// crash": a last-resort catch turns it into one.
namespace {

LoadResult internal_error(const std::string& file, const std::exception& e) {
  Diagnostic d;
  d.where.file = file;
  d.code = "SLA000";
  d.message = fmt::format("internal error while loading: {}", e.what());
  LoadResult result;
  result.diagnostics.push_back(std::move(d));
  return result;
}

}  // namespace

LoadResult load_rules(const std::vector<std::string>& paths) {
  try {
    rules::RulesLoader loader;
    for (const auto& path : paths) loader.load_file(path);
    return loader.finish();
  } catch (const std::exception& e) {
    return internal_error(paths.empty() ? std::string("<rules>") : paths.front(), e);
  }
}

LoadResult load_rules_from_string(std::string_view yaml_text, std::string_view name) {
  try {
    rules::RulesLoader loader;
    loader.load_text(yaml_text, std::string(name));
    return loader.finish();
  } catch (const std::exception& e) {
    return internal_error(std::string(name), e);
  }
}

}  // namespace sla
