// cli/json_writer.hpp — the little JSON the CLI prints with --json.
//
// A streaming writer that produces compact JSON text and places the commas itself:
//
//   JsonWriter w;
//   w.begin_object().field("calendar", "cn-office").field("result", 5400).end_object();
//   w.str() == R"({"calendar":"cn-office","result":5400})"
//
// Strings are escaped per RFC 8259: '"' and '\\', control characters (\n, \t, ... or \u00XX).
// Text that is not valid UTF-8 (an argument in Latin-1, say) has each bad byte replaced by
// U+FFFD, so the output is always valid JSON. Misuse (a value where a key belongs, unbalanced
// ends) is a programming error and throws std::logic_error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sla::cli {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();

  /// key(name) followed by value(v): one member of the current object.
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  /// The text written so far; complete once every begin_* has its end_*.
  const std::string& str() const { return out_; }

 private:
  struct Level {
    bool is_object;
    bool empty = true;
    bool expecting_value = false;  // objects: a key has been written
  };
  void before_value();
  std::string out_;
  std::vector<Level> stack_;
};

/// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace sla::cli
