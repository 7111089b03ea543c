// yaml/limits.hpp — how much a rules load will read and expand, and no more.
//
// Rules files come from administrators, scripts and customers. A file may be careless or
// hostile; either way loading must end quickly, in bounded memory, with diagnostics. Every
// limit below is checked where the text or the model first reaches it and has its own code
// (rules/README.md, "Limits"), pointing at the place that crosses it; nothing is cut silently.
//
// The numbers are far above what real agreements need (a large service desk has tens of
// calendars and policies, files of kilobytes) and low enough that the worst a file can do is
// cost seconds and a few hundred MB: loading is linear in the input once it is within them.
//
//   limit                                   value       code    checked by
//   bytes of one file                       16 MiB      SLA020  read_file_text, parse_document
//   bytes of all files of one load          64 MiB      SLA020  RulesLoader
//   files in one chain of includes          32          SLA021  RulesLoader
//   nesting of maps and lists               64 levels   SLA022  parse_document
//   values of the files read at once        1,000,000   SLA023  parse_document
//   bytes of one value (an id, a name)      4,096       SLA024  parse_document
//   calendar entries after `extends`        1,000,000   SLA027  link_calendars
//   goal values after expansion             1,000,000   SLA028  check_policies
//   windows of one day                      48          SLA026  sla/calendar_check.hpp
//   a duration in a goal or a trigger       36,600 days SLA240, SLA255 (duration_limit.hpp)
//   diagnostics shown                       100         SLA009  DiagnosticSink
//   notes of one diagnostic                 20          -       DiagnosticSink
//   bytes of one message                    1,024       -       DiagnosticSink
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sla::limits {

/// One rules file (or one text given to load_rules_from_string), in bytes.
inline constexpr std::size_t kMaxFileBytes = std::size_t{16} << 20;
/// Every file of one load together, in bytes (each file counts once, however often included).
inline constexpr std::size_t kMaxLoadBytes = std::size_t{64} << 20;
/// Files in one chain of includes, the file given first included: a includes b includes c is 3.
inline constexpr std::size_t kMaxIncludeDepth = 32;
/// Maps and lists inside each other. Rules nest about six deep (policies → targets → goal).
inline constexpr int kMaxNesting = 64;
/// Nodes (maps, lists, values) of one file counted as if every alias were written out — what
/// the readers will walk — together with those of the files that include it (their trees are
/// held while it is read). yaml-cpp 0.7 spends about 470 bytes on a node, so this is also what
/// bounds memory: a file of a million nodes is 3 to 8 MB of YAML and about 470 MB of tree.
inline constexpr std::uint64_t kMaxExpandedNodes = 1'000'000;
/// One value: an id, a name, a time, a description.
inline constexpr std::size_t kMaxValueBytes = 4096;
/// Holidays, make-up working days and overrides of every calendar, counting what each inherits
/// through `extends` (a parent's 100 holidays count again in each of its children).
inline constexpr std::uint64_t kMaxCalendarEntries = 1'000'000;
/// Durations in every goal once expanded: each (tier, severity) cell of each target holds its
/// own list, so `goal: [a, b, c]` in a policy of 4 tiers and 5 severities is 60 values.
inline constexpr std::uint64_t kMaxGoalValues = 1'000'000;
/// The longest duration a goal or an escalation may state, in days (about 100 years; business
/// time counts 24 hours a day here, so at most 878,400h). Calendars compute within 1900-2399:
/// "99999999h" or "bd+99999999@10:00" can never be computed, and would validate only to fail on
/// every ticket.
inline constexpr long long kMaxDurationDays = 36'600;

/// Notes kept on one diagnostic (a cycle of 20,000 roles is spelt out by its first links).
inline constexpr std::size_t kMaxNotes = 20;
/// One diagnostic's message, in bytes: a long value quoted in it is shown by its two ends.
inline constexpr std::size_t kMaxMessageBytes = 1024;

/// "4,000,000": a count as messages state it.
std::string count_text(std::uint64_t n);

/// "16 MiB", "4,096 bytes": a size as messages state it.
std::string size_text(std::uint64_t bytes);

}  // namespace sla::limits
