// to_json(diagnostics) of sla/diagnostic.hpp: the JSON of `sla validate --format json`, here so
// that every client (the CLI, the Python binding) prints the same bytes.
#include <nlohmann/json.hpp>

#include "sla/diagnostic.hpp"

namespace sla {
namespace {

// ordered_json keeps members in the order written (nlohmann::json would sort them).
using Json = nlohmann::ordered_json;

Json position_members(const SourcePosition& where) {
  return {{"file", where.file}, {"line", where.line}, {"column", where.column}};
}

Json diagnostic_object(const Diagnostic& d) {
  Json object = position_members(d.where);
  object["severity"] = d.severity == Diagnostic::Severity::error ? "error" : "warning";
  object["code"] = d.code;
  object["message"] = d.message;
  Json notes = Json::array();
  for (const auto& note : d.notes) {
    Json n = position_members(note.where);
    n["message"] = note.message;
    notes.push_back(std::move(n));
  }
  object["notes"] = std::move(notes);
  return object;
}

}  // namespace

std::string to_json(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    // Compact, UTF-8 kept as is, ill-formed UTF-8 replaced by U+FFFD instead of throwing.
    out += diagnostic_object(diagnostics[i]).dump(-1, ' ', false, Json::error_handler_t::replace);
    out += i + 1 < diagnostics.size() ? ",\n" : "\n";
  }
  return out + "]";
}

}  // namespace sla
