#include "rules/holiday_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <climits>

#include "rules/civil_values.hpp"
#include "rules/codes.hpp"
#include "sla/calendar.hpp"
#include "sla/calendar_check.hpp"
#include "sla/iso8601.hpp"
#include "sla/words.hpp"
#include "yaml/codes.hpp"
#include "yaml/limits.hpp"

namespace sla::rules {
namespace {

using Field = CalendarProblem::Field;

// The longest holiday range, in days.
constexpr long long kMaxHolidayDays = 366;

const std::vector<std::string_view> kHolidayKeys = {"date", "from",     "to",    "yearly",
                                                    "name", "observed", "since", "until"};
const std::vector<std::string_view> kYearlyKeys = {"month", "day", "weekday", "nth"};

// Where the values a holiday rule is made of are written: check() names a field, the report
// points at its text.
struct HolidayPlaces {
  SourcePosition item;  ///< where a field not written (or not a value) is reported
  std::array<SourcePosition, static_cast<std::size_t>(Field::nth) + 1> of{};

  const SourcePosition& at(Field field) const {
    const SourcePosition& p = of[static_cast<std::size_t>(field)];
    return p.line > 0 ? p : item;
  }
  void set(Field field, const SourcePosition& at) { of[static_cast<std::size_t>(field)] = at; }
};

// A whole number for a field of the rule, and where it is written; whether it is in the
// field's range is check()'s to say. A number too large for any field is reported here.
std::optional<int> read_number(const yaml::Reader& reader, const yaml::MapEntry& entry, Field field,
                               HolidayPlaces& places) {
  const auto n = reader.integer_in(
      entry.value, fmt::format("'{}'", entry.key), INT_MIN, INT_MAX, code::holiday_out_of_range,
      [&](long long v) { return fmt::format("{} {} is out of range", entry.key, v); });
  if (n) places.set(field, entry.value.at);
  return n;
}

// Which shape the holiday `item` has: exactly one of date / from+to / yearly. Reports a second
// shape key (SLA108, note at the first) and clears `ok`; nullptr, reported, when there is none.
const yaml::MapEntry* holiday_shape(const yaml::Reader& reader, const yaml::Value& item,
                                    const yaml::MapReader& map, bool& ok) {
  const yaml::MapEntry* shape = nullptr;
  for (const auto& entry : map.entries()) {
    const bool is_shape_key =
        entry.key == "date" || entry.key == "from" || entry.key == "to" || entry.key == "yearly";
    if (!is_shape_key) continue;
    const bool same_shape = shape != nullptr && ((shape->key == "from" && entry.key == "to") ||
                                                 (shape->key == "to" && entry.key == "from"));
    if (shape == nullptr) {
      shape = &entry;
    } else if (!same_shape) {
      reader.error(entry.key_at, code::bad_holiday,
                   fmt::format("a holiday is one date, a range (from/to) or a yearly rule; "
                               "'{}' cannot be combined with '{}'",
                               entry.key, shape->key),
                   {{shape->key_at, fmt::format("'{}' given here", shape->key)}});
      ok = false;
    }
  }
  if (shape == nullptr)
    reader.error(item.at, code::bad_holiday,
                 "a holiday needs 'date', 'from' and 'to', or 'yearly'");
  return shape;
}

// `from` and `to` into `rule`; false after a problem (a missing key, a date that is no date).
bool read_range(const yaml::Reader& reader, const yaml::MapReader& map, HolidayRule& rule,
                HolidayPlaces& places) {
  const yaml::MapEntry* from = map.require("from");
  const yaml::MapEntry* to = map.require("to");
  if (from == nullptr || to == nullptr) return false;
  const auto first = read_date(reader, from->value, "'from'");
  const auto last = read_date(reader, to->value, "'to'");
  if (!first || !last) return false;
  rule.first = *first;
  rule.last = *last;
  places.set(Field::first, from->value.at);
  places.set(Field::last, to->value.at);
  // A holiday closes days, not eras: a range over years would leave the calendar closed for
  // them (every search through it fails), and is far likelier a typo in a year.
  const auto days = (std::chrono::sys_days{rule.last} - std::chrono::sys_days{rule.first}).count();
  if (days + 1 > kMaxHolidayDays) {
    reader.error(
        to->value.at, code::holiday_too_long,
        fmt::format("holiday range {} to {} is {} days long; a range may be at most {} "
                    "days (one year)",
                    format_date(rule.first), format_date(rule.last),
                    limits::count_text(static_cast<std::uint64_t>(days + 1)), kMaxHolidayDays));
    return false;
  }
  return true;
}

// {month, day}: the numbers as written; check() says whether such a day exists.
bool read_fixed_day(const yaml::Reader& reader, const yaml::MapEntry& day, HolidayRule& rule,
                    HolidayPlaces& places) {
  rule.kind = HolidayRule::Kind::yearly_fixed;
  const auto d = read_number(reader, day, Field::day, places);
  if (d) rule.day = *d;
  return d.has_value();
}

// {month, weekday, nth}: both keys are needed.
bool read_nth_weekday(const yaml::Reader& reader, const yaml::MapReader& map, HolidayRule& rule,
                      HolidayPlaces& places) {
  rule.kind = HolidayRule::Kind::yearly_weekday;
  const yaml::MapEntry* weekday = map.require("weekday");
  const yaml::MapEntry* nth = weekday != nullptr ? map.require("nth") : nullptr;
  if (weekday == nullptr || nth == nullptr) return false;
  bool ok = true;
  if (auto w = read_weekday(reader, weekday->value, "'weekday'"))
    rule.weekday = *w;
  else
    ok = false;
  if (auto n = read_number(reader, *nth, Field::nth, places))
    rule.nth = *n;
  else
    ok = false;
  return ok;
}

// `yearly: {month, day}` or `yearly: {month, weekday, nth}` into `rule`; false after a problem
// in what is written. Whether the numbers are in range is check()'s to say.
bool read_yearly(const yaml::Reader& reader, const yaml::MapEntry& entry, HolidayRule& rule,
                 HolidayPlaces& places) {
  rule.kind = HolidayRule::Kind::yearly_fixed;
  if (!reader.expect_map(entry.value, "'yearly'")) return false;
  const yaml::MapReader map(reader, entry.value, "a yearly holiday rule", kYearlyKeys);
  bool ok = map.at_most_one_of({"day", "weekday"}) && map.at_most_one_of({"day", "nth"});
  if (const yaml::MapEntry* month = map.require("month")) {
    if (auto m = read_number(reader, *month, Field::month, places))
      rule.month = *m;
    else
      ok = false;
  } else {
    ok = false;
  }
  if (const yaml::MapEntry* day = map.find("day"))
    return read_fixed_day(reader, *day, rule, places) && ok;
  if (map.find("weekday") == nullptr && map.find("nth") == nullptr) {
    reader.error(entry.value.at, code::missing_key,
                 "a yearly holiday rule needs 'day', or 'weekday' and 'nth' (write {month: 12, "
                 "day: 25} or {month: 11, weekday: thu, nth: 4})");
    return false;
  }
  return read_nth_weekday(reader, map, rule, places) && ok;
}

// `since` or `until`: a year of the rules format (1-9999). The calendar takes any year; a rule
// file naming year 0 or 10000 has a typo, and one that starts after the years calendars compute
// in, or ends before them, would never apply (SLA029).
std::optional<int> read_year(const yaml::Reader& reader, const yaml::MapEntry& entry) {
  const auto year =
      reader.integer_in(entry.value, fmt::format("'{}'", entry.key), 1, 9999,
                        code::holiday_out_of_range, [&](long long y) {
                          return fmt::format("'{}' year {} is out of range (1-9999)", entry.key, y);
                        });
  if (!year) return year;
  const bool since = entry.key == "since";
  if (since ? *year > kLastCalendarYear : *year < kFirstCalendarYear) {
    reader.error(entry.value.at, code::date_unsupported,
                 fmt::format("'{}: {}' {} the years calendars compute in ({}-{}), so the rule "
                             "would never apply",
                             entry.key, *year, since ? "starts after" : "ends before",
                             kFirstCalendarYear, kLastCalendarYear));
    return std::nullopt;
  }
  return year;
}

// `observed`, `since` and `until` of a yearly rule. A rule whose `until` is before its `since`
// never applies: in a rules file that is a mistake (SLA109 at `until`).
bool read_yearly_options(const yaml::Reader& reader, const yaml::MapReader& map,
                         HolidayRule& rule) {
  bool ok = true;
  if (const auto* observed = map.find("observed")) {
    if (auto how = reader.choice<Observance>(observed->value, "'observed'"))
      rule.observed = *how;
    else
      ok = false;
  }
  const auto* since = map.find("since");
  const auto* until = map.find("until");
  if (since != nullptr) {
    rule.since_year = read_year(reader, *since);
    ok = ok && rule.since_year.has_value();
  }
  if (until != nullptr) {
    rule.until_year = read_year(reader, *until);
    ok = ok && rule.until_year.has_value();
  }
  if (rule.since_year && rule.until_year && *rule.until_year < *rule.since_year) {
    reader.error(
        until->value.at, code::holiday_out_of_range,
        fmt::format("'until' {} is before 'since' {}", *rule.until_year, *rule.since_year));
    ok = false;
  }
  return ok;
}

// `name`, and no key that only a yearly rule may have on another shape; false after a problem.
bool read_name_and_scope(const yaml::Reader& reader, const yaml::MapReader& map, bool yearly,
                         HolidayRule& rule) {
  bool ok = true;
  if (const auto* name = map.find("name")) {
    if (auto text = reader.text(name->value, "'name'"))
      rule.name = *text;
    else
      ok = false;
  }
  if (yearly) return ok;
  for (const auto* key : {"observed", "since", "until"}) {
    if (const auto* entry = map.find(key)) {
      reader.error(entry->key_at, code::bad_holiday,
                   fmt::format("'{}' applies to yearly holidays only", key));
      ok = false;
    }
  }
  return ok;
}

// Reports what check() finds wrong with the rule (SLA109) at the field's text; true when nothing.
bool report_problems(const yaml::Reader& reader, const HolidayRule& rule,
                     const HolidayPlaces& places) {
  const std::vector<CalendarProblem> problems = check(rule);
  for (const CalendarProblem& problem : problems)
    reader.error(places.at(problem.field), code::holiday_out_of_range, problem.message);
  return problems.empty();
}

}  // namespace

std::optional<HolidayRule> read_holiday(const yaml::Reader& reader, const yaml::Value& item) {
  HolidayRule rule;
  if (item.is_scalar()) {
    const auto d = read_date(reader, item, "a holiday");
    if (!d) return std::nullopt;
    rule.first = rule.last = *d;
    return rule;
  }
  if (!item.is_map()) {
    reader.wrong_kind(item, "a holiday", "a date, {date, name}, {from, to, name} or {yearly: ...}",
                      code::bad_holiday);
    return std::nullopt;
  }
  const yaml::MapReader map(reader, item, "a holiday", kHolidayKeys);
  bool ok = true;
  const yaml::MapEntry* shape = holiday_shape(reader, item, map, ok);
  if (shape == nullptr) return std::nullopt;
  const bool yearly = shape->key == "yearly";
  ok = read_name_and_scope(reader, map, yearly, rule) && ok;
  if (!ok) return std::nullopt;

  HolidayPlaces places{item.at};
  if (shape->key == "date") {
    const auto d = read_date(reader, shape->value, "'date'");
    if (!d) return std::nullopt;
    rule.first = rule.last = *d;
    return rule;
  }
  if (!yearly) {
    if (!read_range(reader, map, rule, places)) return std::nullopt;
  } else {
    ok = read_yearly(reader, *shape, rule, places);
    ok = read_yearly_options(reader, map, rule) && ok;
  }
  ok = report_problems(reader, rule, places) && ok;
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace sla::rules
