// sla/diagnostic.hpp — one problem found in a rules file.
//
// Printed the way compilers print them, positions 1-based:
//   rules/office.yaml:12:18: error: unknown time zone 'Asia/Shangai' [SLA104]
//   rules/office.yaml:3:5: note: did you mean 'Asia/Shanghai'?
// Codes are stable: tools and tests may match on them. rules/README.md lists every code.
#pragma once

#include <string>
#include <vector>

namespace sla {

struct SourcePosition {
  std::string file;
  int line = 0;    ///< 1-based; 0 = the file as a whole
  int column = 0;  ///< 1-based; 0 = the whole line
};

struct DiagnosticNote {
  SourcePosition where;
  std::string message;
};

struct Diagnostic {
  enum class Severity { error, warning };
  SourcePosition where;
  Severity severity = Severity::error;
  std::string code;     ///< "SLA104"
  std::string message;  ///< one line, no trailing period
  std::vector<DiagnosticNote> notes;

  /// "file:line:col: error: message [SLAnnn]" followed by one "file:line:col: note: ..." line
  /// per note, each line ending in '\n'.
  std::string to_string() const;
};

/// `diagnostics` as a JSON array with one object per diagnostic, one object per line — what
/// `sla validate --format json` prints:
///   [
///   {"file":"r.yaml","line":3,"column":5,"severity":"error","code":"SLA104","message":"...",
///    "notes":[{"file":"r.yaml","line":3,"column":5,"message":"did you mean ...?"}]}
///   ]
/// (each object on a single line), or `[]` for none; no trailing newline. Members appear in
/// that order; line and column are numbers (0 as in SourcePosition), severity is "error" or
/// "warning". Text that is not valid UTF-8 (a file name in Latin-1, say) has each ill-formed
/// sequence replaced by U+FFFD, so the result is always valid JSON.
std::string to_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace sla
