// rules/rules_loader.hpp — one load: files, their includes, their sections, then the checks
// across files, into a LoadResult.
//
// File names in diagnostics are the paths as given to load_rules, and included files are
// named by joining the including file's directory with the include text ("rules/main.yaml"
// including "calendars/cn.yaml" is "rules/calendars/cn.yaml"), so output is stable however the
// loader is invoked. A file reached twice (two files include it, or it is given and included)
// is read once; ids are global across every file.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/calendar_source.hpp"
#include "rules/policy_source.hpp"
#include "sla/rule_set.hpp"
#include "yaml/diagnostic_sink.hpp"
#include "yaml/file_text.hpp"
#include "yaml/reader.hpp"
#include "yaml/string_map.hpp"

namespace sla::rules {

class RulesLoader {
 public:
  /// A file given by the caller (SLA008 when it cannot be read).
  void load_file(const std::string& path);

  /// Text given by the caller; `name` names it in diagnostics and anchors relative includes.
  void load_text(std::string_view text, const std::string& name);

  /// Links what was read and returns the diagnostics, and the rules when there is no error.
  LoadResult finish();

 private:
  // A file being read, with the include that leads to the next file on the stack.
  struct Frame {
    std::string identity;  ///< canonical path: what "the same file" means
    std::string name;      ///< as shown in diagnostics
    SourcePosition include_at;
    std::uint64_t nodes = 0;  ///< of its tree, held until it is read (yaml/limits.hpp)
  };

  void read_text(std::string_view text, const std::string& name, const std::string& identity);
  void read_document(const yaml::Reader& reader, const YAML::Node& root);
  void read_includes(const yaml::Reader& reader, const yaml::MapEntry& include);
  void include_file(const yaml::Reader& reader, const std::string& target,
                    const SourcePosition& at);
  void read_calendars(const yaml::Reader& reader, const yaml::MapEntry& calendars);
  /// The most the next file may hold: its own limit, or what is left of the load's.
  std::size_t file_budget() const;
  std::string size_limit_text() const;
  std::string unreadable_text(const yaml::FileText& text) const;

  yaml::DiagnosticSink sink_;
  std::vector<std::string> files_;  ///< names in the order first met (orders diagnostics)
  std::set<std::string> loaded_;    ///< identities of files read or being read
  std::vector<Frame> stack_;        ///< the include chain being read
  std::size_t bytes_read_ = 0;      ///< of every file read so far (yaml/limits.hpp)
  std::vector<CalendarSource> calendars_;
  StringMap<std::size_t> calendar_index_;  ///< id → index in calendars_
  PolicySources policies_;                 ///< roles, severities and policies of every file
};

}  // namespace sla::rules
