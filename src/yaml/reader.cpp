#include "yaml/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "yaml/codes.hpp"
#include "yaml/suggest.hpp"

namespace sla::yaml {

std::string_view kind_name(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  return "a single value";
}

SourcePosition Reader::at(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

SourcePosition Reader::at(const YAML::Node& node) const { return at(node.Mark()); }

void Reader::wrong_kind(const Value& value, std::string_view what, std::string_view expected,
                        std::string_view code) const {
  if (value.is_null())
    error(value.at, code, fmt::format("{} is empty (expected {})", what, expected));
  else
    error(value.at, code,
          fmt::format("{} must be {}, not {}", what, expected, kind_name(value.node)));
}

bool Reader::expect_map(const Value& value, std::string_view what,
                        std::string_view expected) const {
  if (value.is_map()) return true;
  wrong_kind(value, what, expected);
  return false;
}

bool Reader::expect_list(const Value& value, std::string_view what,
                         std::string_view expected) const {
  if (value.is_list()) return true;
  wrong_kind(value, what, expected);
  return false;
}

std::optional<std::vector<Value>> Reader::one_or_list(const Value& value, std::string_view what,
                                                      std::string_view one) const {
  if (value.is_list()) return items(value);
  if (value.is_scalar()) return std::vector<Value>{value};
  wrong_kind(value, what, fmt::format("{} or a list of them", one));
  return std::nullopt;
}

bool Reader::expect_scalar(const Value& value, std::string_view what) const {
  if (value.is_scalar()) return true;
  wrong_kind(value, what, "a single value");
  return false;
}

std::optional<std::string> Reader::text(const Value& value, std::string_view what) const {
  if (!expect_scalar(value, what)) return std::nullopt;
  return value.node.Scalar();
}

std::optional<long long> Reader::integer(const Value& value, std::string_view what) const {
  const auto s = text(value, what);
  if (!s) return std::nullopt;
  long long n = 0;
  const char* first = s->data();
  const char* last = s->data() + s->size();
  if (first != last && *first == '+') ++first;
  const auto [end, ec] = std::from_chars(first, last, n);
  if (ec != std::errc{} || end != last || first == last) {
    error(value.at, code::invalid_value,
          fmt::format("{} must be a whole number, not '{}'", what, *s));
    return std::nullopt;
  }
  return n;
}

std::optional<std::string> Reader::word(const Value& value, std::string_view what,
                                        const std::vector<std::string_view>& words) const {
  auto s = text(value, what);
  if (!s) return std::nullopt;
  if (std::find(words.begin(), words.end(), *s) != words.end()) return s;
  error(value.at, code::invalid_value, fmt::format("{} cannot be '{}'", what, *s),
        suggest_or_list(*s, words, value.at));
  return std::nullopt;
}

std::vector<Value> Reader::items(const Value& list) const {
  std::vector<Value> out;
  for (auto it = list.node.begin(); it != list.node.end(); ++it) {
    const YAML::Node item = *it;
    // An empty item ("- " with nothing after it) has no useful mark of its own.
    const SourcePosition where = at(item);
    out.push_back({item, where.line > 0 ? where : list.at});
  }
  return out;
}

MapReader::MapReader(const Reader& reader, const Value& map, std::string context,
                     std::vector<std::string_view> allowed)
    : reader_(&reader), context_(std::move(context)), at_(map.at) {
  if (!map.is_map()) return;
  for (auto it = map.node.begin(); it != map.node.end(); ++it) {
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    const SourcePosition key_at = reader.at(key);
    if (!key.IsScalar()) {
      reader.wrong_kind({key, key_at}, fmt::format("a key in {}", context_), "a single value");
      continue;
    }
    const std::string& name = key.Scalar();
    if (const MapEntry* first = find(name)) {
      reader.error(key_at, code::duplicate_key,
                   fmt::format("'{}' is given twice in {}", name, context_),
                   {{first->key_at, "first given here"}});
      continue;
    }
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::vector<DiagnosticNote> notes;
      if (name == "<<") {
        notes.push_back({key_at, "YAML merge keys ('<<') are not supported"});
      } else {
        notes = suggest_or_list(name, allowed, key_at);
        if (auto guess = closest_match(name, allowed)) suggested_.push_back(*guess);
      }
      reader.error(key_at, code::unknown_key, fmt::format("unknown key '{}' in {}", name, context_),
                   std::move(notes));
      continue;
    }
    SourcePosition value_at = reader.at(value);
    if (value.IsNull() || value_at.line <= 0) value_at = key_at;
    index_.emplace(name, entries_.size());
    entries_.push_back({name, key_at, {value, value_at}});
  }
}

const MapEntry* MapReader::find(std::string_view key) const {
  const auto it = index_.find(key);
  return it == index_.end() ? nullptr : &entries_[it->second];
}

const MapEntry* MapReader::require(std::string_view key) const {
  const MapEntry* entry = find(key);
  const bool suggested = std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end();
  if (entry == nullptr && !suggested)
    reader_->error(at_, code::missing_key, fmt::format("{} has no '{}'", context_, key));
  return entry;
}

bool MapReader::at_most_one_of(const std::vector<std::string_view>& keys) const {
  const MapEntry* first = nullptr;
  bool ok = true;
  for (const auto& entry : entries_) {
    if (std::find(keys.begin(), keys.end(), entry.key) == keys.end()) continue;
    if (first == nullptr) {
      first = &entry;
      continue;
    }
    reader_->error(
        entry.key_at, code::conflicting_keys,
        fmt::format("'{}' and '{}' cannot be used together in {}", first->key, entry.key, context_),
        {{first->key_at, fmt::format("'{}' given here", first->key)}});
    ok = false;
  }
  return ok;
}

std::optional<MapReader> read_keyed_map(const Reader& reader, const MapEntry& entry,
                                        const std::string& what,
                                        std::vector<std::string_view> allowed) {
  if (!reader.expect_map(entry.value, what)) return std::nullopt;
  return MapReader(reader, Value{entry.value.node, entry.key_at}, what, std::move(allowed));
}

}  // namespace sla::yaml
