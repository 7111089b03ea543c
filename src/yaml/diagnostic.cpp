#include "sla/diagnostic.hpp"

#include <fmt/format.h>

#include "sla/words.hpp"
#include "yaml/text_check.hpp"

namespace sla {
namespace {

// File names and messages quote what the files say, which may hold anything: a terminal gets
// control characters escaped, never raw (an ESC would start an escape sequence).
std::string where_text(const SourcePosition& p) {
  const std::string file = yaml::printable(p.file);
  if (p.line <= 0) return file;
  if (p.column <= 0) return fmt::format("{}:{}", file, p.line);
  return fmt::format("{}:{}:{}", file, p.line, p.column);
}

}  // namespace

std::string Diagnostic::to_string() const {
  std::string out = fmt::format("{}: {}: {} [{}]\n", where_text(where), sla::to_string(severity),
                                yaml::printable(message), yaml::printable(code));
  for (const auto& note : notes)
    out += fmt::format("{}: note: {}\n", where_text(note.where), yaml::printable(note.message));
  return out;
}

}  // namespace sla
