// yaml/string_map.hpp — hash maps keyed by std::string, looked up by std::string_view.
//
// The loader's checks look ids up (a calendar's parent, a tier's calendar, a goal key's tier)
// once per reference; with a linear search that is quadratic in the file, and a file of 100,000
// ids takes minutes. Every such lookup goes through one of these, built once.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sla {

/// Transparent string hashing: look std::string keys up by std::string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <class T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

}  // namespace sla
