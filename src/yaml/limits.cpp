#include "yaml/limits.hpp"

namespace sla::limits {

std::string count_text(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
  return digits;
}

std::string size_text(std::uint64_t bytes) {
  constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return count_text(bytes / kMiB) + " MiB";
  return count_text(bytes) + (bytes == 1 ? " byte" : " bytes");
}

}  // namespace sla::limits
