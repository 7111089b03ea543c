#include "yaml/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace sla {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows of the classic dynamic programme (the third for transpositions).
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates) {
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance && d < word.size() && d < candidate.size()) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace sla

namespace sla::yaml {

DiagnosticNote did_you_mean(std::string_view guess, const SourcePosition& at) {
  return {at, fmt::format("did you mean '{}'?", guess)};
}

std::vector<DiagnosticNote> suggest(std::string_view word,
                                    const std::vector<std::string_view>& candidates,
                                    const SourcePosition& at) {
  if (auto guess = closest_match(word, candidates)) return {did_you_mean(*guess, at)};
  return {};
}

std::vector<DiagnosticNote> suggest_or_list(std::string_view word,
                                            const std::vector<std::string_view>& candidates,
                                            const SourcePosition& at) {
  if (auto guess = closest_match(word, candidates)) return {did_you_mean(*guess, at)};
  return {{at, fmt::format("expected one of: {}", fmt::join(candidates, ", "))}};
}

}  // namespace sla::yaml
