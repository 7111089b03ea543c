// yaml/diagnostic_sink.hpp — the sink every reader reports into.
//
// Loading reports *every* problem, the way a compiler does, rather than stopping at the first.
// A DiagnosticSink collects them; after 100 diagnostics it keeps counting errors but stores no
// more, and finish() ends the list with one "too many errors" line [SLA009], so a file of
// garbage cannot flood a terminal. Each diagnostic keeps at most 20 notes and a message of about
// 1 KiB (yaml/limits.hpp): the middle of a longer one is left out, and says so.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"

namespace sla::yaml {

class DiagnosticSink {
 public:
  static constexpr std::size_t kDefaultLimit = 100;

  explicit DiagnosticSink(std::size_t limit = kDefaultLimit) : limit_(limit) {}

  void add(Diagnostic diagnostic);

  void error(SourcePosition where, std::string_view code, std::string message,
             std::vector<DiagnosticNote> notes = {});
  void warning(SourcePosition where, std::string_view code, std::string message,
               std::vector<DiagnosticNote> notes = {});

  /// No more diagnostics are stored (only counted): a caller may skip work that only a stored
  /// diagnostic would show, such as searching thousands of ids for "did you mean".
  bool full() const { return stored_.size() >= limit_; }

  /// Errors reported so far, including those not stored because of the limit.
  std::size_t error_count() const { return errors_; }
  bool has_errors() const { return errors_ > 0; }

  /// The diagnostics ordered by file (in the order of `files`; files not listed come last, in
  /// name order), then line, then column — report order breaks ties. Ends with the
  /// "too many errors" line when some were dropped. Leaves the sink empty.
  std::vector<Diagnostic> finish(const std::vector<std::string>& files);

 private:
  std::size_t limit_;
  std::size_t errors_ = 0;
  std::size_t dropped_ = 0;
  std::size_t dropped_errors_ = 0;
  SourcePosition first_dropped_;
  std::vector<Diagnostic> stored_;
};

}  // namespace sla::yaml
