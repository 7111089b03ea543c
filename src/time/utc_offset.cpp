#include "time/utc_offset.hpp"

#include <chrono>

namespace sla::detail {
namespace {

// Two decimal digits at text[i], i advanced past them.
bool two_digits(std::string_view text, std::size_t& i, int& out) {
  if (i + 2 > text.size()) return false;
  const char a = text[i], b = text[i + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return false;
  out = (a - '0') * 10 + (b - '0');
  i += 2;
  return true;
}

}  // namespace

Parsed<Seconds> parse_utc_offset(std::string_view text) {
  using P = Parsed<Seconds>;
  std::size_t i = 0;
  Seconds offset{0};
  if (!text.empty() && (text[0] == 'Z' || text[0] == 'z')) {
    i = 1;
  } else {
    if (text.empty() || (text[0] != '+' && text[0] != '-'))
      return P::failure("the UTC offset is malformed");
    i = 1;
    int h = 0, m = 0, s = 0;
    if (!two_digits(text, i, h)) return P::failure("the UTC offset is malformed");
    if (i < text.size()) {
      const bool colon = text[i] == ':';
      if (colon) ++i;
      if (!two_digits(text, i, m)) return P::failure("the UTC offset is malformed");
      if (colon && i < text.size() && text[i] == ':') {
        ++i;
        if (!two_digits(text, i, s)) return P::failure("the UTC offset is malformed");
      }
    }
    if (h > 18 || m > 59 || s > 59) return P::failure("the UTC offset is out of range");
    offset = std::chrono::hours{h} + std::chrono::minutes{m} + Seconds{s};
    if (text[0] == '-') offset = -offset;
  }
  if (i != text.size()) return P::failure("unexpected text after the UTC offset");
  return P::success(offset);
}

}  // namespace sla::detail
