// yaml/suggest.hpp — "did you mean 'time_zone'?" for misspelt keys and names.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"

namespace sla::yaml {

/// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
/// two neighbours each cost 1 ("timezone" → "time_zone" is 1, "hosts" → "hours" is 2).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a
/// third of the word's length away (at least 1, at most 3 edits), and not the whole word.
/// Ties go to the candidate listed first.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

/// The note "did you mean '<guess>'?" at `at`.
DiagnosticNote did_you_mean(std::string_view guess, const SourcePosition& at);

/// "did you mean" for the closest of `candidates`, as the notes of a diagnostic: one note when
/// `word` is a likely typo of one of them, none otherwise.
std::vector<DiagnosticNote> suggest(std::string_view word,
                                    const std::vector<std::string_view>& candidates,
                                    const SourcePosition& at);

/// Like suggest, but without a likely typo the note lists every candidate ("expected one of: a,
/// b, c"): for closed sets of words that fit on a line (keys, enum words).
std::vector<DiagnosticNote> suggest_or_list(std::string_view word,
                                            const std::vector<std::string_view>& candidates,
                                            const SourcePosition& at);

}  // namespace sla::yaml
