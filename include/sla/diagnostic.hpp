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

}  // namespace sla
