#include "json/json_writer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <iterator>
#include <stdexcept>

namespace sla::json {
namespace {

// UTF-8 at s[i] (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
// Returns the length of the well-formed sequence there (> 0), or, when there is none, minus the
// length of its "maximal subpart": the lead byte and the continuation bytes that were still
// possible — which Unicode recommends replacing by one U+FFFD (a cut-off "\xe2\x82" is one).
int utf8_sequence(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  const unsigned b0 = byte(i);
  if (b0 < 0x80) return 1;
  int length = 0;
  unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (in(b0, 0xC2, 0xDF)) {
    length = 2;
  } else if (in(b0, 0xE0, 0xEF)) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (in(b0, 0xF0, 0xF4)) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int k = 1; k < length; ++k) {
    const bool ok = k == 1 ? in(byte(i + 1), lo, hi) : in(byte(i + k), 0x80, 0xBF);
    if (!ok) return -k;
  }
  return length;
}

// Printable ASCII other than '"' and '\\': copied as it is.
bool plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

}  // namespace

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    // Runs of plain characters (every key, id and time) are appended at once.
    size_t run = i;
    while (run < text.size() && plain(static_cast<unsigned char>(text[run]))) ++run;
    if (run > i) {
      out.append(text.data() + i, run - i);
      i = run;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        } else if (const int n = utf8_sequence(text, i); n > 0) {
          out.append(text.substr(i, static_cast<size_t>(n)));
          i += static_cast<size_t>(n);
          continue;
        } else {
          out += "\xEF\xBF\xBD";  // U+FFFD for the ill-formed sequence, as UTF-8
          i += static_cast<size_t>(-n);
          continue;
        }
    }
    ++i;
  }
  out += '"';
}

void JsonWriter::before_value() {
  if (stack_.empty()) return;
  Level& level = stack_.back();
  if (level.is_object) {
    if (!level.expecting_value) throw std::logic_error("JsonWriter: a value needs a key first");
    level.expecting_value = false;
  } else {
    if (!level.empty) out_ += ',';
    level.empty = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  stack_.push_back({true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  if (stack_.empty() || !stack_.back().is_object || stack_.back().expecting_value)
    throw std::logic_error("JsonWriter: end_object without a matching begin_object");
  stack_.pop_back();
  out_ += '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  stack_.push_back({false});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  if (stack_.empty() || stack_.back().is_object)
    throw std::logic_error("JsonWriter: end_array without a matching begin_array");
  stack_.pop_back();
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (stack_.empty() || !stack_.back().is_object || stack_.back().expecting_value)
    throw std::logic_error("JsonWriter: a key outside an object");
  Level& level = stack_.back();
  if (!level.empty) out_ += ',';
  level.empty = false;
  level.expecting_value = true;
  append_quoted(out_, name);
  out_ += ':';
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_quoted(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  char buffer[24];
  out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, number).ptr);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    out_ += "null";  // JSON has no NaN or infinity
    return *this;
  }
  fmt::format_to(std::back_inserter(out_), "{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

}  // namespace sla::json
