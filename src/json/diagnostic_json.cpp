// to_json(diagnostics) of sla/diagnostic.hpp: the JSON of `sla validate --format json`, here so
// that every client (the CLI, the Python binding) prints the same bytes. One object per line:
//   [
//   {"file":"r.yaml","line":3,"column":5,"severity":"error","code":"SLA104","message":"...",
//    "notes":[{"file":"r.yaml","line":3,"column":5,"message":"did you mean ...?"}]}
//   ]
#include "json/json_writer.hpp"
#include "sla/diagnostic.hpp"

namespace sla {
namespace {

void write_position(json::JsonWriter& w, const SourcePosition& where) {
  w.field("file", where.file).field("line", where.line).field("column", where.column);
}

void write_diagnostic(std::string& out, const Diagnostic& d) {
  json::JsonWriter w(out);
  w.begin_object();
  write_position(w, d.where);
  w.field("severity", d.severity == Diagnostic::Severity::error ? "error" : "warning")
      .field("code", d.code)
      .field("message", d.message)
      .key("notes")
      .begin_array();
  for (const auto& note : d.notes) {
    w.begin_object();
    write_position(w, note.where);
    w.field("message", note.message).end_object();
  }
  w.end_array().end_object();
}

}  // namespace

std::string to_json(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    write_diagnostic(out, diagnostics[i]);
    out += i + 1 < diagnostics.size() ? ",\n" : "\n";
  }
  return out + "]";
}

}  // namespace sla
