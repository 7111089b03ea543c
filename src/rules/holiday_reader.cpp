#include "rules/holiday_reader.hpp"

#include <fmt/format.h>

#include <array>

#include "rules/civil_values.hpp"
#include "rules/codes.hpp"
#include "time/civil_names.hpp"
#include "yaml/codes.hpp"

namespace sla::rules {
namespace {

const std::vector<std::string_view> kHolidayKeys = {"date", "from",     "to",    "yearly",
                                                    "name", "observed", "since", "until"};
const std::vector<std::string_view> kYearlyKeys = {"month", "day", "weekday", "nth"};
const std::vector<std::string_view> kObservances = {"none", "nearest_weekday", "sunday_to_monday",
                                                    "next_weekday"};

Observance observance_of(const std::string& word) {
  if (word == "nearest_weekday") return Observance::nearest_weekday;
  if (word == "sunday_to_monday") return Observance::sunday_to_monday;
  if (word == "next_weekday") return Observance::next_weekday;
  return Observance::none;
}

// {month, day} or {month, weekday, nth} into `rule`; false after reporting a problem.
bool read_yearly(const yaml::Reader& reader, const yaml::MapEntry& entry, HolidayRule& rule) {
  if (!reader.expect_map(entry.value, "'yearly'")) return false;
  const yaml::MapReader map(reader, entry.value, "a yearly holiday rule", kYearlyKeys);
  bool ok = map.at_most_one_of({"day", "weekday"}) && map.at_most_one_of({"day", "nth"});
  bool month_ok = false;
  if (const yaml::MapEntry* month = map.require("month")) {
    if (auto m = reader.integer(month->value, "'month'")) {
      if (*m < 1 || *m > 12) {
        reader.error(month->value.at, code::holiday_out_of_range,
                     fmt::format("month {} is out of range (1-12)", *m));
      } else {
        rule.month = static_cast<unsigned>(*m);
        month_ok = true;
      }
    }
  }
  ok = ok && month_ok;
  const yaml::MapEntry* day = map.find("day");
  const yaml::MapEntry* weekday = map.find("weekday");
  const yaml::MapEntry* nth = map.find("nth");
  if (day != nullptr) {
    rule.kind = HolidayRule::Kind::yearly_fixed;
    const auto d = reader.integer(day->value, "'day'");
    if (!d) return false;
    if (*d < 1 || *d > 31) {
      reader.error(day->value.at, code::holiday_out_of_range,
                   fmt::format("day {} is out of range (1-31)", *d));
      return false;
    }
    rule.day = static_cast<unsigned>(*d);
    // Checked against a leap year: February 29 is a valid rule, observed in leap years only.
    if (month_ok &&
        !Date{std::chrono::year{2000}, std::chrono::month{rule.month}, std::chrono::day{rule.day}}
             .ok()) {
      reader.error(day->value.at, code::holiday_out_of_range,
                   fmt::format("there is no {} {}",
                               detail::month_name(std::chrono::month{rule.month}), rule.day));
      return false;
    }
    return ok;
  }
  if (weekday == nullptr && nth == nullptr) {
    reader.error(entry.value.at, code::missing_key,
                 "a yearly holiday rule needs 'day', or 'weekday' and 'nth' (write {month: 12, "
                 "day: 25} or {month: 11, weekday: thu, nth: 4})");
    return false;
  }
  rule.kind = HolidayRule::Kind::yearly_weekday;
  if (map.require("weekday") == nullptr || map.require("nth") == nullptr) return false;
  if (auto w = read_weekday(reader, weekday->value, "'weekday'"))
    rule.weekday = *w;
  else
    ok = false;
  if (auto n = reader.integer(nth->value, "'nth'")) {
    if (*n == 0 || *n < -1 || *n > 5) {
      reader.error(nth->value.at, code::holiday_out_of_range,
                   fmt::format("nth {} is out of range (1-5, or -1 for the last)", *n));
      ok = false;
    } else {
      rule.nth = static_cast<int>(*n);
    }
  } else {
    ok = false;
  }
  return ok;
}

std::optional<int> read_year(const yaml::Reader& reader, const yaml::MapEntry& entry) {
  const auto y = reader.integer(entry.value, fmt::format("'{}'", entry.key));
  if (!y) return std::nullopt;
  if (*y < 1 || *y > 9999) {
    reader.error(entry.value.at, code::holiday_out_of_range,
                 fmt::format("'{}' year {} is out of range (1-9999)", entry.key, *y));
    return std::nullopt;
  }
  return static_cast<int>(*y);
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
    reader.error(item.at, code::bad_holiday,
                 fmt::format("a holiday must be a date, {{date, name}}, {{from, to, name}} or "
                             "{{yearly: ...}}, not {}",
                             yaml::kind_name(item.node)));
    return std::nullopt;
  }
  const yaml::MapReader map(reader, item, "a holiday", kHolidayKeys);
  bool ok = true;

  // Which shape? Exactly one of: date / from+to / yearly.
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
  if (shape == nullptr) {
    reader.error(item.at, code::bad_holiday,
                 "a holiday needs 'date', 'from' and 'to', or 'yearly'");
    return std::nullopt;
  }
  if (const auto* name = map.find("name")) {
    if (auto text = reader.text(name->value, "'name'"))
      rule.name = *text;
    else
      ok = false;
  }
  const bool yearly = shape->key == "yearly";
  if (!yearly) {
    for (const auto* key : {"observed", "since", "until"}) {
      if (const auto* entry = map.find(key)) {
        reader.error(entry->key_at, code::bad_holiday,
                     fmt::format("'{}' applies to yearly holidays only", key));
        ok = false;
      }
    }
  }
  if (!ok) return std::nullopt;

  if (shape->key == "date") {
    const auto d = read_date(reader, shape->value, "'date'");
    if (!d) return std::nullopt;
    rule.first = rule.last = *d;
    return rule;
  }
  if (!yearly) {
    const yaml::MapEntry* from = map.require("from");
    const yaml::MapEntry* to = map.require("to");
    if (from == nullptr || to == nullptr) return std::nullopt;
    const auto first = read_date(reader, from->value, "'from'");
    const auto last = read_date(reader, to->value, "'to'");
    if (!first || !last) return std::nullopt;
    if (*last < *first) {
      reader.error(to->value.at, code::holiday_out_of_range,
                   fmt::format("holiday range ends ({}) before it starts ({})",
                               to->value.node.Scalar(), from->value.node.Scalar()));
      return std::nullopt;
    }
    rule.first = *first;
    rule.last = *last;
    return rule;
  }

  ok = read_yearly(reader, *shape, rule);
  if (const auto* observed = map.find("observed")) {
    if (auto word = reader.word(observed->value, "'observed'", kObservances))
      rule.observed = observance_of(*word);
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
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace sla::rules
