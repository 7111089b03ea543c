// yaml/suggest.hpp — "did you mean 'time_zone'?" for misspelt keys and names.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/suggest.hpp"

namespace sla::yaml {

using sla::closest_match;
using sla::edit_distance;

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
