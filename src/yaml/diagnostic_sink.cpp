#include "yaml/diagnostic_sink.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "yaml/codes.hpp"
#include "yaml/limits.hpp"
#include "yaml/text_check.hpp"

namespace sla::yaml {

void DiagnosticSink::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Diagnostic::Severity::error) ++errors_;
  if (stored_.size() >= limit_) {
    if (dropped_++ == 0) first_dropped_ = diagnostic.where;
    if (diagnostic.severity == Diagnostic::Severity::error) ++dropped_errors_;
    return;
  }
  // A message quoting a 10 MB value, or a cycle of 20,000 roles spelt out link by link, is
  // kept readable: long messages lose their middle, long lists of notes their tail.
  diagnostic.message = clipped(std::move(diagnostic.message), limits::kMaxMessageBytes);
  auto& notes = diagnostic.notes;
  if (notes.size() > limits::kMaxNotes) {
    const std::size_t left_out = notes.size() - (limits::kMaxNotes - 1);
    notes.resize(limits::kMaxNotes - 1);
    notes.push_back({notes.back().where, fmt::format("... and {} more notes like these, not shown",
                                                     limits::count_text(left_out))});
  }
  for (auto& note : notes)
    note.message = clipped(std::move(note.message), limits::kMaxMessageBytes);
  stored_.push_back(std::move(diagnostic));
}

void DiagnosticSink::error(SourcePosition where, std::string_view code, std::string message,
                           std::vector<DiagnosticNote> notes) {
  add(Diagnostic{std::move(where), Diagnostic::Severity::error, std::string(code),
                 std::move(message), std::move(notes)});
}

void DiagnosticSink::warning(SourcePosition where, std::string_view code, std::string message,
                             std::vector<DiagnosticNote> notes) {
  add(Diagnostic{std::move(where), Diagnostic::Severity::warning, std::string(code),
                 std::move(message), std::move(notes)});
}

std::vector<Diagnostic> DiagnosticSink::finish(const std::vector<std::string>& files) {
  auto file_rank = [&](const std::string& file) {
    const auto it = std::find(files.begin(), files.end(), file);
    return static_cast<std::size_t>(it - files.begin());
  };
  std::vector<Diagnostic> out = std::move(stored_);
  stored_.clear();
  std::stable_sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const auto ra = file_rank(a.where.file), rb = file_rank(b.where.file);
    return std::tie(ra, a.where.file, a.where.line, a.where.column) <
           std::tie(rb, b.where.file, b.where.line, b.where.column);
  });
  if (dropped_ > 0) {
    // Warnings left out do not make the report an error.
    out.push_back(Diagnostic{
        first_dropped_,
        dropped_errors_ > 0 ? Diagnostic::Severity::error : Diagnostic::Severity::warning,
        std::string(code::too_many_errors),
        fmt::format("too many problems: {} more not shown (fix the ones "
                    "above and run again)",
                    dropped_),
        {}});
  }
  dropped_ = dropped_errors_ = 0;
  return out;
}

}  // namespace sla::yaml
