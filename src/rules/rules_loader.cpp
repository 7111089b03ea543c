#include "rules/rules_loader.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "rules/calendar_linker.hpp"
#include "rules/calendar_reader.hpp"
#include "rules/codes.hpp"
#include "rules/ids.hpp"
#include "rules/policy_checks.hpp"
#include "rules/policy_reader.hpp"
#include "rules/role_reader.hpp"
#include "rules/rule_set_impl.hpp"
#include "rules/severity_reader.hpp"
#include "yaml/codes.hpp"
#include "yaml/document.hpp"
#include "yaml/file_text.hpp"
#include "yaml/limits.hpp"

namespace sla::rules {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string_view> kTopLevelKeys = {"version", "include",    "calendars",
                                                     "roles",   "severities", "policies"};

// What makes two paths the same file: the canonical path when it can be had.
std::string identity_of(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  if (ec) p = fs::absolute(fs::path(path), ec).lexically_normal();
  return p.string();
}

}  // namespace

void RulesLoader::load_file(const std::string& path) {
  const std::string identity = identity_of(path);
  if (loaded_.count(identity) != 0) return;
  files_.push_back(path);
  const yaml::FileText text = yaml::read_file_text(path, file_budget());
  if (!text) {
    sink_.error({path, 0, 0}, text.too_large ? code::too_large : code::unreadable_file,
                fmt::format("cannot read '{}': {}", path, unreadable_text(text)));
    return;
  }
  read_text(*text, path, identity);
}

void RulesLoader::load_text(std::string_view text, const std::string& name) {
  files_.push_back(name);
  if (text.size() > file_budget()) {
    sink_.error({name, 0, 0}, code::too_large,
                fmt::format("cannot read '{}': it holds {}; {}", name,
                            limits::size_text(text.size()), size_limit_text()));
    return;
  }
  read_text(text, name, identity_of(name));
}

std::size_t RulesLoader::file_budget() const {
  return std::min(limits::kMaxFileBytes,
                  limits::kMaxLoadBytes - std::min(limits::kMaxLoadBytes, bytes_read_));
}

// The size limit the next file is held to: its own, or what is left of the load's.
std::string RulesLoader::size_limit_text() const {
  if (file_budget() < limits::kMaxFileBytes)
    return fmt::format("the files of one load may hold {} together, and {} of it is used",
                       limits::size_text(limits::kMaxLoadBytes), limits::size_text(bytes_read_));
  return fmt::format("a rules file may hold at most {}", limits::size_text(limits::kMaxFileBytes));
}

std::string RulesLoader::unreadable_text(const yaml::FileText& text) const {
  return text.too_large ? fmt::format("it is larger than allowed ({})", size_limit_text())
                        : text.error;
}

void RulesLoader::read_text(std::string_view text, const std::string& name,
                            const std::string& identity) {
  loaded_.insert(identity);
  bytes_read_ += text.size();
  // The trees of the files on the stack are all held while this one is read: they share the
  // node limit.
  std::uint64_t held = 0;
  for (const Frame& frame : stack_) held += frame.nodes;
  stack_.push_back({identity, name, {}, 0});
  const yaml::Reader reader(name, sink_);
  const std::uint64_t budget =
      limits::kMaxExpandedNodes - std::min(held, limits::kMaxExpandedNodes);
  if (const auto root = yaml::parse_document(text, reader, budget, &stack_.back().nodes))
    read_document(reader, *root);
  stack_.pop_back();
}

void RulesLoader::read_document(const yaml::Reader& reader, const YAML::Node& root) {
  yaml::Value document = reader.root(root);
  if (document.is_null()) {
    reader.error({reader.file(), 1, 1}, code::wrong_kind,
                 "the file is empty (a rules file is a map starting with 'version: 1')");
    return;
  }
  if (document.at.line <= 0) document.at = {reader.file(), 1, 1};
  if (!reader.expect_map(document, "a rules file")) return;
  const yaml::MapReader top(reader, document, "the rules file", kTopLevelKeys);

  // The version decides how everything else reads: after a version this loader does not know,
  // the rest of the file is not looked at (its problems would be noise).
  if (const auto* version = top.require("version")) {
    const auto text = reader.text(version->value, "'version'");
    if (!text) return;
    if (*text != "1") {
      reader.error(
          version->value.at, code::unsupported_version,
          fmt::format("unsupported rules version '{}' (this sla-engine reads version 1)", *text));
      return;
    }
  }
  // Included files come first, so an id defined both there and here is reported here, at the
  // second definition, where the author is looking.
  if (const auto* include = top.find("include")) read_includes(reader, *include);
  if (const auto* calendars = top.find("calendars")) read_calendars(reader, *calendars);
  if (const auto* roles = top.find("roles"))
    read_roles(reader, *roles, policies_.roles, policies_.role_index);
  if (const auto* severities = top.find("severities"))
    read_severities(reader, *severities, policies_);
  if (const auto* policies = top.find("policies"))
    read_policies(reader, *policies, policies_.policies, policies_.policy_index);
}

void RulesLoader::read_includes(const yaml::Reader& reader, const yaml::MapEntry& include) {
  const auto targets = reader.one_or_list(include.value, "'include'", "a file name");
  if (!targets) return;
  for (const auto& target : *targets)
    if (auto path = reader.text(target, "an include")) include_file(reader, *path, target.at);
}

void RulesLoader::include_file(const yaml::Reader& reader, const std::string& target,
                               const SourcePosition& at) {
  const std::string name = yaml::relative_to(reader.file(), target);
  const std::string identity = identity_of(name);
  for (std::size_t i = 0; i < stack_.size(); ++i) {
    if (stack_[i].identity != identity) continue;
    // The chain stack_[i] → … → this file → stack_[i] again.
    std::vector<std::string_view> names;
    std::vector<DiagnosticNote> notes;
    for (std::size_t k = i; k < stack_.size(); ++k) {
      names.push_back(stack_[k].name);
      if (k + 1 < stack_.size())
        notes.push_back({stack_[k].include_at, fmt::format("'{}' includes '{}' here",
                                                           stack_[k].name, stack_[k + 1].name)});
    }
    reader.error(at, code::include_cycle, fmt::format("include cycle: {}", cycle_text(names)),
                 std::move(notes));
    return;
  }
  if (loaded_.count(identity) != 0) return;  // already read through another include
  // Includes are read depth first, each file's own sections after what it includes: a chain
  // is a stack of open files, so its length is limited rather than the stack.
  if (stack_.size() >= limits::kMaxIncludeDepth) {
    reader.error(
        at, code::include_too_deep,
        fmt::format("cannot include '{}': it would be file {} of one chain of includes "
                    "(at most {} files may include each other in a row)",
                    name, stack_.size() + 1, limits::kMaxIncludeDepth),
        {{stack_[0].include_at, fmt::format("the chain starts with '{}' including '{}' here",
                                            stack_[0].name, stack_[1].name)}});
    return;
  }
  const yaml::FileText text = yaml::read_file_text(name, file_budget());
  if (!text) {
    reader.error(at, text.too_large ? code::too_large : code::include_missing,
                 fmt::format("cannot include '{}': {}", name, unreadable_text(text)));
    return;
  }
  files_.push_back(name);
  stack_.back().include_at = at;
  read_text(*text, name, identity);
}

void RulesLoader::read_calendars(const yaml::Reader& reader, const yaml::MapEntry& calendars) {
  if (!reader.expect_map(calendars.value, "'calendars'")) return;
  const yaml::MapReader map(reader, calendars.value, "'calendars'");
  for (const auto& entry : map.entries()) {
    CalendarSource calendar = read_calendar(reader, entry);
    const auto [first, added] = calendar_index_.emplace(calendar.id, calendars_.size());
    if (!added) {
      report_redefinition(reader, code::duplicate_calendar,
                          fmt::format("calendar '{}'", calendar.id), entry.key_at,
                          calendars_[first->second].at);
      continue;
    }
    calendars_.push_back(std::move(calendar));
  }
}

LoadResult RulesLoader::finish() {
  auto impl = std::make_shared<RuleSet::Impl>();
  impl->calendars = link_calendars(calendars_, sink_);
  // Every calendar defined counts as known, also one with errors: it is reported once, there.
  std::vector<std::string_view> calendar_ids;
  for (const auto& calendar : calendars_) calendar_ids.push_back(calendar.id);
  CheckedPolicies checked = check_policies(policies_, calendar_ids, sink_);
  impl->severities = std::move(checked.severities);
  impl->roles = std::move(checked.roles);
  impl->policies = std::move(checked.policies);
  LoadResult result;
  const bool ok = !sink_.has_errors();
  result.diagnostics = sink_.finish(files_);
  if (ok) result.rules = RuleSetBuilder::build(std::move(impl));
  return result;
}

}  // namespace sla::rules
