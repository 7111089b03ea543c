#include "yaml/document.hpp"

#include <fmt/format.h>

#include <string>

#include "yaml/codes.hpp"

namespace sla::yaml {

std::optional<YAML::Node> parse_document(std::string_view text, const Reader& reader) {
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    // yaml-cpp's own messages are short lowercase phrases ("end of sequence flow not found").
    SourcePosition where = reader.at(e.mark);
    if (where.line <= 0) where = {reader.file(), 1, 1};
    reader.error(where, code::yaml_syntax, fmt::format("invalid YAML: {}", e.msg));
    return std::nullopt;
  } catch (const std::exception& e) {
    reader.error({reader.file(), 1, 1}, code::yaml_syntax,
                 fmt::format("invalid YAML: {}", e.what()));
    return std::nullopt;
  }
  if (documents.empty()) return YAML::Node{};
  if (documents.size() > 1) {
    reader.error(reader.at(documents[1]), code::yaml_syntax,
                 "a rules file holds one YAML document; this is a second one (remove the '---' "
                 "or split the file)");
    return std::nullopt;
  }
  return documents.front();
}

}  // namespace sla::yaml
