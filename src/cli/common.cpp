#include "common.hpp"

#include <fmt/format.h>

#include <charconv>
#include <ostream>

#include "sla/error.hpp"
#include "sla/iso8601.hpp"
#include "sla/words.hpp"

namespace sla::cli {
namespace {

// The parsed value, or sla::Error with the library's message behind the option's name.
template <class T>
T value_of(std::string_view option, Parsed<T> parsed) {
  if (!parsed) throw Error(fmt::format("--{}: {}", option, parsed.error));
  return std::move(*parsed.value);
}

}  // namespace

int print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& out) {
  int errors = 0;
  for (const auto& d : diagnostics) {
    out << d.to_string();
    if (d.severity == Diagnostic::Severity::error) ++errors;
  }
  return errors;
}

RuleSet load_rule_set(const ParsedArgs& args, Io& io) {
  LoadResult loaded = load_rules(args.all("rules"));
  const int errors = print_diagnostics(loaded.diagnostics, io.err);
  if (!loaded.rules) {
    throw RulesRejected(errors == 0 ? std::string("the rule files could not be loaded")
                                    : fmt::format("the rule files have {} error{}", errors,
                                                  errors == 1 ? "" : "s"));
  }
  return std::move(*loaded.rules);
}

CalendarContext load_calendar(const ParsedArgs& args, Io& io) {
  RuleSet rules = load_rule_set(args, io);
  const std::string& id = args.required("calendar");
  const Calendar* calendar = rules.find_calendar(id);
  if (calendar == nullptr) throw unknown_id("calendar", "calendars", id, rules.calendar_ids());
  return {std::move(rules), calendar};
}

Error unknown_id(std::string_view kind, std::string_view kinds, std::string_view id,
                 const std::vector<std::string>& known) {
  return Error(fmt::format("--{}: unknown {} '{}' ({})", kind, kind, id,
                           known.empty() ? fmt::format("the rules define no {}", kinds)
                                         : fmt::format("known: {}", fmt::join(known, ", "))));
}

Instant parse_time_value(std::string_view option, const std::string& text, const TimeZone& zone) {
  return value_of(option, try_parse_instant(text, zone));
}

Date parse_date_value(std::string_view option, const std::string& text) {
  return value_of(option, try_parse_date(text));
}

DurationSpec parse_duration_value(std::string_view option, const std::string& text) {
  return value_of(option, try_parse_duration(text));
}

int parse_int_value(std::string_view option, const std::string& text) {
  // from_chars reads an optional '-' only; a leading '+' is accepted here as well ("+3").
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  const bool plus_then_minus = digits.size() != text.size() && !digits.empty() && digits[0] == '-';
  int value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || plus_then_minus || ec == std::errc::invalid_argument ||
      end != digits.data() + digits.size())
    throw Error(fmt::format("--{}: invalid number '{}' (expected a whole number such as 3 or -3)",
                            option, text));
  if (ec == std::errc::result_out_of_range)
    throw Error(fmt::format("--{}: number '{}' is out of range", option, text));
  return value;
}

namespace {

// "a, b or c": the words of an enum, for "expected ..." in a message.
template <class Enum>
std::string one_of() {
  const auto all = words<Enum>();
  return fmt::format("{} or {}", fmt::join(all.begin(), all.end() - 1, ", "), all.back());
}

}  // namespace

Landing parse_landing_value(std::string_view option, const std::string& text) {
  if (const auto landing = parse<Landing>(text)) return *landing;
  throw Error(
      fmt::format("--{}: invalid value '{}' (expected {})", option, text, one_of<Landing>()));
}

RollConvention parse_convention_value(std::string_view option, const std::string& text) {
  if (const auto convention = parse<RollConvention>(text)) return *convention;
  throw Error(fmt::format("--{}: invalid convention '{}' (expected {})", option, text,
                          one_of<RollConvention>()));
}

std::string_view landing_name(Landing landing) { return to_string(landing); }

std::string_view convention_name(RollConvention convention) { return to_string(convention); }

std::string format_utc(Instant instant) {
  return format_local(LocalTime{instant.time_since_epoch()}) + "Z";
}

std::string_view weekday_name(Date date) {
  static constexpr std::string_view names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return names[std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding()];
}

}  // namespace sla::cli
