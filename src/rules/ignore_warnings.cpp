#include "rules/ignore_warnings.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/codes.hpp"

namespace sla::rules {

std::vector<std::string> read_ignore_warnings(const yaml::Reader& reader,
                                              const yaml::Value& value) {
  std::vector<std::string> codes;
  if (!reader.expect_list(value, "'ignore_warnings'")) return codes;
  const std::vector<std::string_view> known(std::begin(code::kPolicyWarnings),
                                            std::end(code::kPolicyWarnings));
  for (const auto& item : reader.items(value)) {
    const auto text = reader.text(item, "a warning code");
    if (!text) continue;
    if (std::find(known.begin(), known.end(), *text) != known.end()) {
      // Each code once: the list is searched for every warning of the policy.
      if (std::find(codes.begin(), codes.end(), *text) == codes.end()) codes.push_back(*text);
      continue;
    }
    // Codes differ by a digit or two, so "did you mean" would guess at random: list them all.
    std::vector<DiagnosticNote> notes = {
        {item.at, fmt::format("the warnings are: {}", fmt::join(known, ", "))}};
    reader.error(item.at, code::unknown_warning_code,
                 fmt::format("'ignore_warnings' lists '{}', which is not a warning code of "
                             "policies (errors cannot be ignored)",
                             *text),
                 std::move(notes));
  }
  return codes;
}

}  // namespace sla::rules
