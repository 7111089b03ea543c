#include "sla/diagnostic.hpp"

#include <fmt/format.h>

#include "sla/words.hpp"

namespace sla {
namespace {

std::string where_text(const SourcePosition& p) {
  if (p.line <= 0) return p.file;
  if (p.column <= 0) return fmt::format("{}:{}", p.file, p.line);
  return fmt::format("{}:{}:{}", p.file, p.line, p.column);
}

}  // namespace

std::string Diagnostic::to_string() const {
  std::string out =
      fmt::format("{}: {}: {} [{}]\n", where_text(where), sla::to_string(severity), message, code);
  for (const auto& note : notes)
    out += fmt::format("{}: note: {}\n", where_text(note.where), note.message);
  return out;
}

}  // namespace sla
