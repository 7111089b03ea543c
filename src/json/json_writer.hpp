// json/json_writer.hpp — streaming JSON output for the library's results (sla/json.hpp).
//
// Appends compact JSON text to a caller's string and places the commas itself:
//
//   std::string out;
//   JsonWriter w(out);
//   w.begin_object().field("target", "response").field("elapsed_s", 1200).end_object();
//   out == R"({"target":"response","elapsed_s":1200})"
//
// Strings are escaped per RFC 8259: '"' and '\\', control characters (\n, \t, ... or \u00XX).
// Text that is not valid UTF-8 (a Latin-1 file name) gets one U+FFFD, written as UTF-8, per
// ill-formed sequence (Unicode's "maximal subpart" practice), so the output is always valid JSON.
// Misuse (a value where a key belongs, unbalanced ends) is a programming error and throws
// std::logic_error. Writing into a reused string allocates nothing once it has grown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sla::json {

/// Appends `text` as a JSON string literal (quotes included) to `out`.
void append_quoted(std::string& out, std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();

  /// A string value whose characters `append(out)` writes directly — for text that needs no
  /// escaping, such as ISO-8601 times.
  template <class F>
  JsonWriter& plain_string(F&& append) {
    before_value();
    out_ += '"';
    append(out_);
    out_ += '"';
    return *this;
  }

  /// key(name) followed by value(v): one member of the current object.
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

 private:
  struct Level {
    bool is_object;
    bool empty = true;
    bool expecting_value = false;  // objects: a key has been written
  };
  void before_value();
  std::string& out_;
  std::vector<Level> stack_;
};

}  // namespace sla::json
