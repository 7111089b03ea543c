#include "yaml/document.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <string>
#include <vector>

#include "yaml/codes.hpp"
#include "yaml/limits.hpp"
#include "yaml/text_check.hpp"

namespace sla::yaml {
namespace {

// A problem the probe found: where, which code, what.
struct Finding {
  std::size_t offset = 0;
  std::string_view code;
  std::string message;
};

// Thrown by the probe to stop yaml-cpp's parser at the first limit crossed: the rest of the
// document is not parsed (its nesting could be what exhausts the stack).
struct StopProbe {};

// One pass of yaml-cpp's event parser over a document, building nothing. It records where the
// document and its first node start (what Node::Mark() gives), and checks what the node tree
// would only show too late, or never:
//   * nesting, before yaml-cpp's recursive parser goes deeper (limits::kMaxNesting);
//   * the nodes the readers will walk, each alias counted as the nodes it repeats
//     (limits::kMaxExpandedNodes) — an anchor used 1,000 times is read 1,000 times; and no
//     alias inside the node it names (yaml-cpp would build a node containing itself);
//   * each value's length (limits::kMaxValueBytes) and control characters that escapes put in
//     it ("\0", "\e");
//   * quoted values whose closing quote never comes: yaml-cpp 0.7 takes the rest of the file
//     into the value when it ends in a line break.
class Probe final : public YAML::EventHandler {
 public:
  Probe(std::string_view text, std::uint64_t budget) : text_(text), budget_(budget) {}

  YAML::Mark start;
  YAML::Mark node;
  std::optional<Finding> finding;
  std::vector<Finding> warnings;  ///< quoted values that took in lines of YAML

  /// Nodes so far, each alias counted as the nodes it repeats.
  std::uint64_t expanded() const { return expanded_; }

  void OnDocumentStart(const YAML::Mark& mark) override { start = node = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    first(mark);
    leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    first(mark);
    if (anchor < open_.size() && open_[anchor])
      stop(mark.pos, code::yaml_syntax,
           fmt::format("invalid YAML: alias {} is used inside the node it names, which would "
                       "contain itself",
                       alias_name(mark)));
    const std::uint64_t repeated = anchor < size_.size() ? size_[anchor] : 1;
    add(mark, repeated, true);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    first(mark);
    check_value(mark, value);
    leaf(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    std::uint64_t nodes = 1;  ///< the collection itself and what it holds, aliases expanded
    YAML::anchor_t anchor = 0;
  };

  void first(const YAML::Mark& mark) {
    if (!seen_) node = mark;
    seen_ = true;
  }

  [[noreturn]] void stop(int offset, std::string_view code, std::string message) {
    finding = Finding{static_cast<std::size_t>(std::max(offset, 0)), code, std::move(message)};
    throw StopProbe{};
  }

  std::string alias_name(const YAML::Mark& mark) const {
    const auto at = static_cast<std::size_t>(std::max(mark.pos, 0));
    std::size_t end = at;
    while (end < text_.size() && end - at < 64 && text_[end] != ' ' && text_[end] != ',' &&
           text_[end] != ']' && text_[end] != '}' && text_[end] != '\n' && text_[end] != '\r')
      ++end;
    return std::string(text_.substr(at, end - at));
  }

  void remember(YAML::anchor_t anchor, std::uint64_t nodes) {
    if (anchor == 0) return;
    if (size_.size() <= anchor) size_.resize(anchor + 1, 1);
    size_[anchor] = nodes;
  }

  // `nodes` more in the enclosing collection, and in the whole file.
  void add(const YAML::Mark& mark, std::uint64_t nodes, bool alias) {
    if (!stack_.empty()) stack_.back().nodes += nodes;
    count(mark, nodes, alias);
  }

  void count(const YAML::Mark& mark, std::uint64_t nodes, bool alias) {
    expanded_ += nodes;
    if (expanded_ <= budget_) return;
    const std::string limit =
        budget_ == limits::kMaxExpandedNodes
            ? fmt::format("more than {} values", limits::count_text(budget_))
            : fmt::format("more than {} values (what the files including it leave of {})",
                          limits::count_text(budget_),
                          limits::count_text(limits::kMaxExpandedNodes));
    stop(mark.pos, code::too_many_nodes,
         alias ? fmt::format("the file holds {} once its aliases are followed: the readers would "
                             "walk this alias, {}, as the {} values it repeats",
                             limit, alias_name(mark), limits::count_text(nodes))
               : fmt::format("the file holds {} (maps, lists and single values, aliases counted "
                             "as what they repeat); split it into files",
                             limit));
  }

  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    remember(anchor, 1);
    add(mark, 1, false);
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    first(mark);
    if (static_cast<int>(stack_.size()) >= limits::kMaxNesting)
      stop(mark.pos, code::nesting_too_deep,
           fmt::format("maps and lists are nested more than {} deep here (rules nest about six "
                       "deep)",
                       limits::kMaxNesting));
    count(mark, 1, false);
    stack_.push_back({1, anchor});
    if (anchor != 0) {
      if (open_.size() <= anchor) open_.resize(anchor + 1, false);
      open_[anchor] = true;
    }
  }

  // The collection's nodes were counted in the file as they came; its parent gets them now.
  void close() {
    const Frame frame = stack_.back();
    stack_.pop_back();
    if (frame.anchor != 0) open_[frame.anchor] = false;
    remember(frame.anchor, frame.nodes);
    if (!stack_.empty()) stack_.back().nodes += frame.nodes;
  }

  void check_value(const YAML::Mark& mark, const std::string& value) {
    if (value.size() > limits::kMaxValueBytes)
      stop(mark.pos, code::value_too_long,
           fmt::format("a value of {} (a single value may hold at most {})",
                       limits::size_text(value.size()), limits::size_text(limits::kMaxValueBytes)));
    if (const auto control = control_character(value))
      stop(mark.pos, code::bad_text,
           fmt::format("a value holds {} (written as an escape such as \"\\0\" or \"\\e\"): "
                       "rules text holds printable characters, tabs and line breaks only",
                       control->message));
    if (mark.pos < 0) return;
    const std::size_t at = node_start(text_, static_cast<std::size_t>(mark.pos));
    if (at >= text_.size() || (text_[at] != '"' && text_[at] != '\'')) return;
    const auto end = quote_end(text_, at);
    if (!end)
      stop(static_cast<int>(at), code::yaml_syntax,
           "invalid YAML: unterminated quote: the string opened here never closes (it runs to the "
           "end of the file)");
    // (Locating a warning costs a pass over the text: no more are kept than a report shows.)
    if (warnings.size() < DiagnosticSink::kDefaultLimit)
      if (const auto swallowed = swallowed_keys(text_, at, *end))
        warnings.push_back({swallowed->offset, code::quote_takes_in_keys, swallowed->message});
  }

  std::string_view text_;
  std::uint64_t budget_;
  bool seen_ = false;
  std::vector<Frame> stack_;
  std::uint64_t expanded_ = 0;       ///< every node so far, aliases expanded
  std::vector<std::uint64_t> size_;  ///< by anchor: the nodes it stands for
  std::vector<bool> open_;           ///< by anchor: its node is being read
};

void report(const Reader& reader, std::string_view text, const Finding& finding) {
  const LineColumn at = line_column(text, finding.offset);
  reader.error({reader.file(), at.line, at.column}, finding.code, finding.message);
}

}  // namespace

std::optional<YAML::Node> parse_document(std::string_view text, const Reader& reader,
                                         std::uint64_t node_budget, std::uint64_t* nodes) {
  if (text.size() > limits::kMaxFileBytes) {
    reader.error(
        {reader.file(), 0, 0}, code::too_large,
        fmt::format("the text holds {}; a rules file may hold at most {}",
                    limits::size_text(text.size()), limits::size_text(limits::kMaxFileBytes)));
    return std::nullopt;
  }
  if (const auto problem = check_text(text)) {
    report(reader, text, {problem->offset, code::bad_text, problem->message});
    return std::nullopt;
  }
  std::optional<Probe> probe;
  try {
    // yaml-cpp 0.7's LoadAll loops forever, allocating, on a token it cannot place in a block
    // (a stray ',': jbeder/yaml-cpp#1040, fixed upstream by #1319): the parser then reports an
    // empty document at that token again and again. So the documents are probed first, at most
    // three: a document starting where the previous one started is that token.
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    std::vector<YAML::Mark> starts;
    YAML::Mark second_node;
    std::uint64_t first_document_nodes = 0;
    std::vector<Finding> warnings;
    while (starts.size() < 3) {
      probe.emplace(text, node_budget);
      if (!parser.HandleNextDocument(*probe)) break;
      if (!starts.empty() && probe->start.pos == starts.back().pos) {
        const YAML::Mark& at = probe->start;
        const char c = at.pos >= 0 && static_cast<std::size_t>(at.pos) < text.size()
                           ? text[static_cast<std::size_t>(at.pos)]
                           : '?';
        reader.error(reader.at(at), code::yaml_syntax,
                     fmt::format("invalid YAML: unexpected '{}'", c));
        return std::nullopt;
      }
      if (starts.size() == 1) second_node = probe->node;
      if (starts.empty()) {
        first_document_nodes = probe->expanded();
        warnings = std::move(probe->warnings);
      }
      starts.push_back(probe->start);
    }
    if (nodes != nullptr) *nodes = starts.empty() ? 0 : first_document_nodes;
    if (starts.empty()) return YAML::Node{};
    if (starts.size() > 1) {
      reader.error(reader.at(second_node), code::yaml_syntax,
                   "a rules file holds one YAML document; this is a second one (remove the '---' "
                   "or split the file)");
      return std::nullopt;
    }
    for (const Finding& w : warnings) {
      const LineColumn at = line_column(text, w.offset);
      reader.warning({reader.file(), at.line, at.column}, w.code, w.message);
    }
    return YAML::Load(std::string(text));
  } catch (const StopProbe&) {
    report(reader, text, *probe->finding);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    // yaml-cpp's own messages are short lowercase phrases ("end of sequence flow not found");
    // where the text shows the cause (a tab, a long key, an open quote) that is said instead.
    if (e.mark.pos >= 0) {
      if (const auto cause =
              explain_syntax_error(text, static_cast<std::size_t>(e.mark.pos), e.msg)) {
        report(reader, text,
               {cause->offset, code::yaml_syntax, fmt::format("invalid YAML: {}", cause->message)});
        return std::nullopt;
      }
    }
    SourcePosition where = reader.at(e.mark);
    if (where.line <= 0) where = {reader.file(), 1, 1};
    std::vector<DiagnosticNote> notes;
    if (e.mark.pos >= 0) {
      if (const auto quote = open_quote_before(text, static_cast<std::size_t>(e.mark.pos))) {
        const LineColumn at = line_column(text, quote->offset);
        notes.push_back({{reader.file(), at.line, at.column}, quote->message});
      }
    }
    reader.error(where, code::yaml_syntax, fmt::format("invalid YAML: {}", e.msg),
                 std::move(notes));
    return std::nullopt;
  } catch (const std::exception& e) {
    reader.error({reader.file(), 1, 1}, code::yaml_syntax,
                 fmt::format("invalid YAML: {}", e.what()));
    return std::nullopt;
  }
}

}  // namespace sla::yaml
