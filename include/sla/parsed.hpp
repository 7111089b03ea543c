// sla/parsed.hpp — the result of reading text: the value, or what is wrong with the text.
//
// Every parser of sla-engine comes in two forms with one message:
//
//   try_parse_x(text)   returns a Parsed<X>; never throws for bad text
//   parse_x(text)       returns the X, or throws sla::Error with the same message
//
// Readers that must go on after a problem (the rules loader reports every problem of a file as a
// positioned diagnostic) use the first; a program reading one value it cannot do without may use
// the second. Messages quote the text and say what was expected:
//
//   const sla::Parsed<sla::Date> d = sla::try_parse_date("2026-02-30");
//   if (!d) std::cerr << d.error << '\n';
//   // invalid date '2026-02-30' (expected an existing date as YYYY-MM-DD)
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "sla/error.hpp"

namespace sla {

template <class T>
struct Parsed {
  std::optional<T> value;  ///< set on success
  std::string error;       ///< empty on success; else one line quoting the text, no final period

  static Parsed success(T v) { return {std::move(v), {}}; }
  static Parsed failure(std::string why) { return {std::nullopt, std::move(why)}; }

  explicit operator bool() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }

  /// The value, or throws sla::Error(error).
  T value_or_throw() const {
    if (!value) throw Error(error);
    return *value;
  }
};

}  // namespace sla
