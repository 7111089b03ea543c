// common.hpp — what the calendar commands share: loading the rules, reading option values,
// writing times.
//
// Reading a value never guesses: a value that cannot be given a meaning throws sla::Error whose
// message starts with the option ("--start: invalid time '2026-13-01' ...") so the user sees
// which argument to fix. main() prints it and exits with 2.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "args.hpp"
#include "command.hpp"
#include "sla/calendar.hpp"
#include "sla/duration_spec.hpp"
#include "sla/error.hpp"
#include "sla/rule_set.hpp"
#include "sla/time.hpp"

namespace sla::cli {

/// The rules of --rules (every occurrence) and the calendar named by --calendar.
struct CalendarContext {
  RuleSet rules;
  const Calendar* calendar;  ///< owned by `rules`
};

/// Loads the --rules files. Diagnostics (warnings too) go to io.err; when any is an error,
/// throws RulesRejected.
RuleSet load_rule_set(const ParsedArgs& args, Io& io);

/// load_rule_set, then the --calendar. An unknown id throws sla::Error listing the known ids.
CalendarContext load_calendar(const ParsedArgs& args, Io& io);

/// The error for an id that the rules do not define, for option --`kind`:
/// "--calendar: unknown calendar 'nope' (known: a, b)" or "(the rules define no calendars)".
Error unknown_id(std::string_view kind, std::string_view kinds, std::string_view id,
                 const std::vector<std::string>& known);

/// Prints `diagnostics` as compilers do; returns the number of errors among them.
int print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& out);

/// An ISO-8601 time: with an offset it is an instant, without one a local time in `zone`.
Instant parse_time_value(std::string_view option, const std::string& text, const TimeZone& zone);
Date parse_date_value(std::string_view option, const std::string& text);
DurationSpec parse_duration_value(std::string_view option, const std::string& text);
/// A whole number such as 3, -3 or +3 that fits an int.
int parse_int_value(std::string_view option, const std::string& text);
Landing parse_landing_value(std::string_view option, const std::string& text);
RollConvention parse_convention_value(std::string_view option, const std::string& text);

std::string_view landing_name(Landing landing);
std::string_view convention_name(RollConvention convention);

/// "2026-11-23T17:00:00Z": the instant in UTC.
std::string format_utc(Instant instant);

/// "Mon" .. "Sun".
std::string_view weekday_name(Date date);

}  // namespace sla::cli
