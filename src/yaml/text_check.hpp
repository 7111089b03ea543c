// yaml/text_check.hpp — what is wrong with a rules file's text before and beyond YAML.
//
// yaml-cpp 0.7 reads bytes: it takes invalid UTF-8 and control characters into values (where a
// NUL later cuts a message short and an escape sequence reaches the terminal), reads a file
// with CR-only line endings as one line, and answers a tab, an over-long key or an unclosed
// quote with "illegal map value" or "end of map not found" somewhere after the mistake. These
// functions find such mistakes in the text itself and say what they are, where they are.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sla::yaml {

/// A problem at a byte offset of the text.
struct TextProblem {
  std::size_t offset = 0;
  std::string message;
};

/// 1-based line and column (in bytes, as yaml-cpp counts them) of a byte offset.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column(std::string_view text, std::size_t offset);

/// The first of: a byte sequence that is not UTF-8 ("byte 0xFF is not UTF-8 text"), a control
/// character other than tab, LF and CR ("control character U+001B (ESC)"), a CR not followed by
/// LF (CR-only line endings). A UTF-8 byte-order mark at the start is fine.
std::optional<TextProblem> check_text(std::string_view text);

/// The first control character in a value (which double-quoted escapes such as "\0" or "\e"
/// can produce from clean text): its offset in `value` and its name, "U+0000 (NUL)".
std::optional<TextProblem> control_character(std::string_view value);

/// `text` as a terminal may show it: control characters, C1 controls (which terminals take as
/// escape sequences) and bytes that are not UTF-8 become escapes ("\x1b", "\u009b",
/// "\xff"); everything else, backslashes included, is kept.
std::string printable(std::string_view text);

/// `text` cut to at most about `limit` bytes by leaving out its middle, on UTF-8 character
/// boundaries: "invalid window 'xxxx… (10,485,760 bytes left out) …xxxx' (expected ...)".
std::string clipped(std::string text, std::size_t limit);

/// Where the quoted scalar opening at `quote` (a '"' or '\'') closes: the offset just past its
/// closing quote, or nullopt when the text ends first.
std::optional<std::size_t> quote_end(std::string_view text, std::size_t quote);

/// The offset of the first character of a node written at `mark`, past any anchor (&a) and tag
/// (!t, !!str) written before it: where a quoted scalar's opening quote is.
std::size_t node_start(std::string_view text, std::size_t mark);

/// yaml-cpp's syntax error `message` at `offset`, said precisely when the text shows its cause:
/// a tab in the indentation of that line or the line before, a key over YAML's 1,024 characters,
/// a quote that never closes, or nesting past yaml-cpp's own depth guard. nullopt when none
/// applies (yaml-cpp's own words are then the best there is).
std::optional<TextProblem> explain_syntax_error(std::string_view text, std::size_t offset,
                                                std::string_view message);

/// A quoted value from `quote` to `end` (just past its closing quote) that runs over several
/// lines, one of which reads like YAML of its own — "  - id: sev2", "hours: {...}" — is most likely
/// a closing quote forgotten on its first line, with the lines up to the next quote taken into
/// it: valid YAML that silently drops those keys. The problem is at `quote`; nullopt otherwise.
std::optional<TextProblem> swallowed_keys(std::string_view text, std::size_t quote,
                                          std::size_t end);

/// A note for a syntax error at `offset`: the last quoted value before it that runs over more
/// than one line, which often means an earlier value lost its closing quote and took in the
/// lines after it. nullopt when there is none.
std::optional<TextProblem> open_quote_before(std::string_view text, std::size_t offset);

}  // namespace sla::yaml
