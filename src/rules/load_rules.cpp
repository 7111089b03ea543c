// The public entry points of sla/rule_set.hpp. Everything thrown below this point is a bug, but
// the promise is "diagnostics, never a crash": a last-resort catch turns it into one.
#include <fmt/format.h>

#include "rules/rules_loader.hpp"
#include "sla/rule_set.hpp"

namespace sla {
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
