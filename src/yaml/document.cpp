#include "yaml/document.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <string>

#include "yaml/codes.hpp"

namespace sla::yaml {
namespace {

// Where the parser says a document starts, and where its first node is (what Node::Mark()
// gives). Builds nothing.
class DocumentProbe final : public YAML::EventHandler {
 public:
  YAML::Mark start;
  YAML::Mark node;

  void OnDocumentStart(const YAML::Mark& mark) override { start = node = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { first(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { first(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    first(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    first(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    first(mark);
  }
  void OnMapEnd() override {}

 private:
  void first(const YAML::Mark& mark) {
    if (!seen_) node = mark;
    seen_ = true;
  }
  bool seen_ = false;
};

}  // namespace

std::optional<YAML::Node> parse_document(std::string_view text, const Reader& reader) {
  try {
    // yaml-cpp 0.7's LoadAll loops forever, allocating, on a token it cannot place in a block
    // (a stray ',': jbeder/yaml-cpp#1040, fixed upstream by #1319): the parser then reports an
    // empty document at that token again and again. So the documents are probed first, at most
    // three: a document starting where the previous one started is that token.
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    DocumentProbe probes[3];
    std::size_t count = 0;
    while (count < 3 && parser.HandleNextDocument(probes[count])) {
      if (count > 0 && probes[count].start.pos == probes[count - 1].start.pos) {
        const YAML::Mark& at = probes[count].start;
        const char c = at.pos >= 0 && static_cast<std::size_t>(at.pos) < text.size()
                           ? text[static_cast<std::size_t>(at.pos)]
                           : '?';
        reader.error(reader.at(at), code::yaml_syntax,
                     fmt::format("invalid YAML: unexpected '{}'", c));
        return std::nullopt;
      }
      ++count;
    }
    if (count == 0) return YAML::Node{};
    if (count > 1) {
      reader.error(reader.at(probes[1].node), code::yaml_syntax,
                   "a rules file holds one YAML document; this is a second one (remove the '---' "
                   "or split the file)");
      return std::nullopt;
    }
    return YAML::Load(std::string(text));
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
}

}  // namespace sla::yaml
