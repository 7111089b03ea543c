// yaml/reader.hpp — positioned, diagnosing reads of a parsed YAML document.
//
// Everything a rules file says is read through this layer, so that every problem becomes a
// Diagnostic pointing at the offending text (1-based line:column) instead of an exception or a
// silent default. The rules readers (calendars today; roles, severities, policies next) only
// decide what a key *means*; kinds, duplicates, unknown and missing keys are handled here once.
//
// yaml-cpp 0.7 pitfalls this layer hides: non-const Node::operator[] inserts the key it looks
// for, and duplicate keys are accepted silently (lookup returns the first). So nodes are only
// read through const references, and maps are read by walking their entries — which also keeps
// each key's position, needed to point at a duplicate.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/words.hpp"
#include "yaml/codes.hpp"
#include "yaml/diagnostic_sink.hpp"
#include "yaml/string_map.hpp"

namespace sla::yaml {

/// A YAML value and where it is written. A key written with nothing after it (`name:`) has a
/// null value whose own mark lies on the next token, so such a value takes its key's position.
struct Value {
  YAML::Node node;
  SourcePosition at;

  bool is_map() const { return node.IsMap(); }
  bool is_list() const { return node.IsSequence(); }
  bool is_scalar() const { return node.IsScalar(); }
  bool is_null() const { return !node.IsDefined() || node.IsNull(); }
};

/// "a map", "a list", "a single value" or "nothing" — a node's kind in the words of a message.
std::string_view kind_name(const YAML::Node& node);

/// One file being read: its name as shown in diagnostics and the sink problems go to.
class Reader {
 public:
  Reader(std::string file, DiagnosticSink& sink) : file_(std::move(file)), sink_(&sink) {}

  const std::string& file() const { return file_; }
  DiagnosticSink& diagnostics() const { return *sink_; }

  /// The node's position, 1-based. Nodes without a mark (none here) give the whole file.
  SourcePosition at(const YAML::Node& node) const;
  SourcePosition at(const YAML::Mark& mark) const;

  /// The whole document as a Value at its own position.
  Value root(const YAML::Node& node) const { return {node, at(node)}; }

  void error(const SourcePosition& where, std::string_view code, std::string message,
             std::vector<DiagnosticNote> notes = {}) const {
    sink_->error(where, code, std::move(message), std::move(notes));
  }
  void warning(const SourcePosition& where, std::string_view code, std::string message,
               std::vector<DiagnosticNote> notes = {}) const {
    sink_->warning(where, code, std::move(message), std::move(notes));
  }

  // Kind checks. Each reports SLA005 ("'hours' must be a map, not a list") and returns false
  // when the value has another kind. `what` names the value in the message: "'hours'",
  // "a holiday", "the document"; `expected` may show what is expected ("a map like {id: sev1}").
  bool expect_map(const Value& value, std::string_view what,
                  std::string_view expected = "a map") const;
  bool expect_list(const Value& value, std::string_view what,
                   std::string_view expected = "a list") const;
  bool expect_scalar(const Value& value, std::string_view what) const;

  /// The one wrong-kind message: "{what} must be {expected}, not a list", or "{what} is empty
  /// (expected {expected})" for a value with nothing in it. SLA005 unless a code is given.
  void wrong_kind(const Value& value, std::string_view what, std::string_view expected,
                  std::string_view code = code::wrong_kind) const;

  /// A single value or a list of them, as a list: `stop: resolved` and `stop: [resolved,
  /// cancelled]` alike. Anything else is SLA005 ("'stop' must be a condition or a list of them,
  /// not a map") and nullopt; `one` says what a single value is ("a condition").
  std::optional<std::vector<Value>> one_or_list(const Value& value, std::string_view what,
                                                std::string_view one) const;

  /// The text of a single value (SLA005 otherwise).
  std::optional<std::string> text(const Value& value, std::string_view what) const;

  /// A whole decimal number (SLA006 "'month' must be a whole number, not 'May'").
  std::optional<long long> integer(const Value& value, std::string_view what) const;

  /// A whole number from `lowest` to `highest`; outside, `code` at the value with the message
  /// `out_of_range(n)` ("'escalate' counts steps: 1 to 1000, not 0").
  template <class Message>
  std::optional<int> integer_in(const Value& value, std::string_view what, int lowest, int highest,
                                std::string_view code, Message out_of_range) const {
    const auto n = integer(value, what);
    if (!n) return std::nullopt;
    if (*n < lowest || *n > highest) {
      error(value.at, code, out_of_range(*n));
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }

  /// One of `words`, exactly (SLA006 with "did you mean" or the list of words).
  std::optional<std::string> word(const Value& value, std::string_view what,
                                  const std::vector<std::string_view>& words) const;

  /// A word of an enum's vocabulary (sla/words.hpp), as the enum; SLA006 like word().
  template <HasWords Enum>
  std::optional<Enum> choice(const Value& value, std::string_view what) const {
    const auto w = word(value, what, words<Enum>());
    return w ? parse<Enum>(*w) : std::nullopt;
  }

  /// The items of a list, each at its own position (no check: call expect_list first).
  std::vector<Value> items(const Value& list) const;

 private:
  std::string file_;
  DiagnosticSink* sink_;
};

/// One key of a map: its name, its position and its value.
struct MapEntry {
  std::string key;
  SourcePosition key_at;
  Value value;
};

/// A map read entry by entry, checked once on construction:
///   * a key written twice is SLA003 at the second, with a note at the first (the second is
///     dropped: entries() holds each key once);
///   * a key that is not a single value ("? [a, b]: c", "~: x") is SLA005;
///   * with a non-empty `allowed` set, any other key is SLA002 with "did you mean" or the list of
///     known keys as a note.
/// `context` names the map in messages: "calendar 'cn-office'", "the rules file".
/// The map's own position (Value::at) is where missing keys are reported; pass the key that
/// introduces the map (a calendar's id) to point there instead of at its first entry.
class MapReader {
 public:
  MapReader(const Reader& reader, const Value& map, std::string context,
            std::vector<std::string_view> allowed = {});

  const std::vector<MapEntry>& entries() const { return entries_; }

  /// The entry for `key`, or nullptr.
  const MapEntry* find(std::string_view key) const;

  /// Like find, but reports SLA004 ("calendar 'x' has no 'time_zone'") at the map when absent —
  /// unless an unknown key was already reported with "did you mean '<key>'?": one typo, one error.
  const MapEntry* require(std::string_view key) const;

  /// Reports SLA007 when more than one of `keys` is present (at the second one, a note at the
  /// first): "'day' and 'weekday' cannot be used together in a yearly holiday". Returns true
  /// when at most one is present.
  bool at_most_one_of(const std::vector<std::string_view>& keys) const;

 private:
  const Reader* reader_;
  std::string context_;
  SourcePosition at_;
  std::vector<MapEntry> entries_;
  StringMap<std::size_t> index_;        ///< key → its entry: maps may have 100,000 keys
  std::vector<std::string> suggested_;  ///< keys offered by "did you mean"
};

/// The map the key `entry` introduces (`office: {time_zone: ...}` under `calendars:`), read
/// with the `allowed` keys. Missing keys are reported at the key, where the reader looks for the
/// thing's name, not at its first entry. nullopt, after SLA005, when the value is not a map.
std::optional<MapReader> read_keyed_map(const Reader& reader, const MapEntry& entry,
                                        const std::string& what,
                                        std::vector<std::string_view> allowed);

}  // namespace sla::yaml
