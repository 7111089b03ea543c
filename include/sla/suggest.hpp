// sla/suggest.hpp — "did you mean 'time_zone'?": the likely intended word for a typo.
//
// The rules loader suggests it for misspelt keys and names, the CLI for misspelt commands and
// options; clients (a web form, the Python binding) can offer the same suggestions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla {

/// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
/// two neighbours each cost 1 ("timezone" → "time_zone" is 1, "hosts" → "hours" is 2).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a
/// third of the word's length away (at least 1, at most 3 edits), and not the whole word.
/// Ties go to the candidate listed first.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

}  // namespace sla
