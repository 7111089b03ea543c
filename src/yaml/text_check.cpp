#include "yaml/text_check.hpp"

#include <fmt/format.h>

#include <array>

#include "yaml/limits.hpp"

namespace sla::yaml {
namespace {

constexpr std::size_t kMaxKeyLength = 1024;  // YAML 1.2 §7.4.2: an implicit key's limit

// The C0 names as the Unicode standard abbreviates them.
constexpr std::array<std::string_view, 32> kC0 = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
    "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
    "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};

std::string character_name(char32_t c) {
  if (c < 0x20) return fmt::format("U+{:04X} ({})", static_cast<unsigned>(c), kC0[c]);
  if (c == 0x7f) return "U+007F (DEL)";
  return fmt::format("U+{:04X}", static_cast<unsigned>(c));
}

bool is_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
}

// Decodes one UTF-8 sequence at `i`; the length, or 0 when the bytes are not UTF-8 (overlong
// forms and surrogates included).
std::size_t decode(std::string_view s, std::size_t i, char32_t& out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    out = b0;
    return 1;
  }
  std::size_t length = 0;
  char32_t lowest = 0;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    length = 2, out = b0 & 0x1f, lowest = 0x80;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3, out = b0 & 0x0f, lowest = 0x800;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4, out = b0 & 0x07, lowest = 0x10000;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    out = (out << 6) | (byte(i + k) & 0x3f);
  }
  if (out < lowest || out > 0x10ffff || (out >= 0xd800 && out <= 0xdfff)) return 0;
  return length;
}

bool blank(char c) { return c == ' ' || c == '\t'; }

std::size_t line_start(std::string_view text, std::size_t offset) {
  const std::size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// A tab among the leading blanks of the line starting at `start`: its offset.
std::optional<std::size_t> indenting_tab(std::string_view text, std::size_t start) {
  for (std::size_t i = start; i < text.size() && blank(text[i]); ++i)
    if (text[i] == '\t') return i;
  return std::nullopt;
}

// The first quoted scalar that never closes, found by a small lexer that knows where a quoted
// scalar may start (a line's first token, after "- ", "? ", ": ", '[', '{', ','), comments
// and block scalars. Used only to explain an error yaml-cpp already found.
struct QuoteScan {
  std::optional<std::size_t> unclosed;    ///< a quote that never closes
  std::optional<std::size_t> multi_line;  ///< the last quote before `until` closing on a later line
};

QuoteScan scan_quotes(std::string_view text, std::size_t until) {
  QuoteScan out;
  std::size_t i = 0;
  bool value_start = true;
  bool line_begins = true;
  std::size_t line_indent = 0;                        // of the line being read
  std::size_t block_indent = std::string_view::npos;  // inside a block scalar deeper than this
  auto skip_line = [&] {
    const std::size_t nl = text.find('\n', i);
    i = nl == std::string_view::npos ? text.size() : nl;
  };
  while (i < text.size()) {
    if (line_begins) {
      line_begins = false;
      line_indent = 0;
      while (i + line_indent < text.size() && text[i + line_indent] == ' ') ++line_indent;
      const bool empty = i + line_indent >= text.size() || text[i + line_indent] == '\n';
      if (block_indent != std::string_view::npos) {
        if (empty || line_indent > block_indent) {
          skip_line();
          continue;
        }
        block_indent = std::string_view::npos;
      }
    }
    const char c = text[i];
    const bool before_blank = i + 1 >= text.size() || blank(text[i + 1]) || text[i + 1] == '\n';
    if (c == '\n') {
      value_start = line_begins = true;
      ++i;
    } else if (blank(c) || c == '\r') {
      ++i;
    } else if (c == '#' && (i == 0 || blank(text[i - 1]) || text[i - 1] == '\n')) {
      skip_line();
    } else if (value_start && (c == '"' || c == '\'')) {
      const auto end = quote_end(text, i);
      if (!end) {
        out.unclosed = i;
        return out;
      }
      if (i <= until && text.substr(i, *end - i).find('\n') != std::string_view::npos)
        out.multi_line = i;
      i = *end;
      value_start = false;
    } else if (value_start && (c == '|' || c == '>')) {
      block_indent = line_indent;
      skip_line();
    } else if (c == '[' || c == '{' || c == ',') {
      value_start = true;
      ++i;
    } else if ((c == '-' || c == '?' || c == ':') && before_blank) {
      value_start = true;
      ++i;
    } else if (value_start && (c == '&' || c == '!')) {
      while (i < text.size() && !blank(text[i]) && text[i] != '\n') ++i;
    } else {
      value_start = false;
      ++i;
    }
  }
  return out;
}

}  // namespace

std::optional<TextProblem> swallowed_keys(std::string_view text, std::size_t quote,
                                          std::size_t end) {
  const auto is_key_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  };
  for (std::size_t nl = text.find('\n', quote); nl != std::string_view::npos && nl < end;
       nl = text.find('\n', nl + 1)) {
    std::size_t i = nl + 1;
    while (i < end && blank(text[i])) ++i;
    if (i + 1 < end && text[i] == '-' && text[i + 1] == ' ') i += 2;  // a list item
    const std::size_t key = i;
    while (i < end && is_key_char(text[i])) ++i;
    if (i == key || i >= end || text[i] != ':') continue;
    if (i + 1 < end && !blank(text[i + 1]) && text[i + 1] != '\n' && text[i + 1] != '\r') continue;
    const LineColumn from = line_column(text, quote), to = line_column(text, end - 1);
    const std::size_t eol = std::min(text.find('\n', nl + 1), end);
    std::string_view line = text.substr(nl + 1, eol - (nl + 1));
    while (!line.empty() && blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || blank(line.back()))) line.remove_suffix(1);
    if (line.size() > 40) line = line.substr(0, 40);
    return TextProblem{quote,
                       fmt::format("this quoted value runs from line {} to line {} and takes "
                                   "in '{}' (line {}): is its closing quote missing?",
                                   from.line, to.line, line, line_column(text, key).line)};
  }
  return std::nullopt;
}

std::optional<TextProblem> open_quote_before(std::string_view text, std::size_t offset) {
  const auto quote = scan_quotes(text, offset).multi_line;
  if (!quote) return std::nullopt;
  const auto end = quote_end(text, *quote);
  const LineColumn from = line_column(text, *quote), to = line_column(text, *end - 1);
  return TextProblem{*quote, fmt::format("the quoted value opened here runs from line {} to line "
                                         "{}: is a closing quote missing?",
                                         from.line, to.line)};
}

LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn at;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

std::optional<TextProblem> check_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode(text, i, c);
    if (length == 0)
      return TextProblem{
          i, fmt::format("byte 0x{:02X} is not UTF-8 text (rules files are UTF-8; was this one "
                         "saved in another encoding?)",
                         static_cast<unsigned char>(text[i]))};
    if (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))
      return TextProblem{i,
                         "this line ends in a carriage return alone (CR-only line endings, as on "
                         "classic Mac OS): YAML would read the whole file as one line; save it "
                         "with LF or CR LF line endings"};
    if (is_control(c))
      return TextProblem{i, fmt::format("control character {} in the text: rules files hold "
                                        "printable text, tabs and line breaks only",
                                        character_name(c))};
    i += length;
  }
  return std::nullopt;
}

std::optional<TextProblem> control_character(std::string_view value) {
  for (std::size_t i = 0; i < value.size();) {
    char32_t c = 0;
    const std::size_t length = decode(value, i, c);
    if (length == 0) return TextProblem{i, "a byte that is not UTF-8"};
    if (is_control(c) || c == '\r') return TextProblem{i, character_name(c)};
    i += length;
  }
  return std::nullopt;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode(text, i, c);
    if (length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (c == '\t' || c == '\n' || c == '\r' || is_control(c))
      out += c == '\t'   ? std::string("\\t")
             : c == '\n' ? std::string("\\n")
             : c == '\r' ? std::string("\\r")
             : c < 0x80  ? fmt::format("\\x{:02x}", static_cast<unsigned>(c))
                         : fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    else
      out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string clipped(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  // A continuation byte (10xxxxxx) is inside a character: move the cut off it.
  const auto boundary = [&](std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xc0) == 0x80)
      --at;
    return at;
  };
  const std::size_t keep = limit / 2;
  const std::size_t head = boundary(keep);
  const std::size_t tail = boundary(text.size() - keep);
  return fmt::format("{}… ({} bytes left out) …{}", text.substr(0, head), tail - head,
                     text.substr(tail));
}

std::optional<std::size_t> quote_end(std::string_view text, std::size_t quote) {
  const char q = text[quote];
  for (std::size_t i = quote + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') {
      ++i;  // the escaped character, whatever it is
    } else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside a single-quoted scalar
        continue;
      }
      return i + 1;
    }
  }
  return std::nullopt;
}

std::size_t node_start(std::string_view text, std::size_t mark) {
  std::size_t i = mark;
  while (i < text.size() && (text[i] == '&' || text[i] == '!')) {
    while (i < text.size() && !blank(text[i]) && text[i] != '\n' && text[i] != '\r') ++i;
    while (i < text.size() && (blank(text[i]) || text[i] == '\n' || text[i] == '\r')) ++i;
  }
  return i;
}

std::optional<TextProblem> explain_syntax_error(std::string_view text, std::size_t offset,
                                                std::string_view message) {
  offset = std::min(offset, text.size());
  // A tab where YAML wants indentation: on the line of the error or the line before it.
  const std::size_t line = line_start(text, offset);
  std::optional<std::size_t> tab = indenting_tab(text, line);
  if (!tab && line > 0) tab = indenting_tab(text, line_start(text, line - 1));
  if (tab)
    return TextProblem{*tab,
                       "a tab indents this line: YAML indents with spaces only (replace the tab "
                       "with spaces)"};
  // A key runs on one line up to its ':', at most 1,024 characters.
  if (message == "illegal map value" && offset < text.size() && text[offset] == ':') {
    std::size_t key = line;
    while (key < offset && (blank(text[key]) || text[key] == '-')) ++key;
    if (offset - key > kMaxKeyLength)
      return TextProblem{
          key, fmt::format("key too long: {} characters before its ':'; YAML reads at most {} "
                           "characters as a key",
                           limits::count_text(offset - key), limits::count_text(kMaxKeyLength))};
  }
  if (message.find("EOF") != std::string_view::npos || message.find("not found") != message.npos) {
    if (const auto quote = scan_quotes(text, offset).unclosed; quote && *quote <= offset)
      return TextProblem{*quote,
                         "unterminated quote: the string opened here never closes (it runs to the "
                         "end of the file)"};
  }
  if (message == "bad file")  // yaml-cpp's depth guard (it names no cause)
    return TextProblem{offset, "maps and lists are nested too deeply here"};
  return std::nullopt;
}

}  // namespace sla::yaml
