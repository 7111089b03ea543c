#include "rules/calendar_reader.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "rules/civil_values.hpp"
#include "rules/codes.hpp"
#include "rules/holiday_reader.hpp"
#include "sla/iso8601.hpp"
#include "sla/time_zone.hpp"
#include "sla/words.hpp"
#include "yaml/codes.hpp"
#include "yaml/suggest.hpp"

namespace sla::rules {
namespace {

const std::vector<std::string_view> kCalendarKeys = {"extends",   "time_zone", "hours",
                                                     "holidays",  "workdays",  "workday_hours",
                                                     "overrides", "covers",    "beyond"};

// `hours: {mon-fri: [...], sat: [...]}`. Each weekday may be named by one key only: a later,
// more specific key silently replacing part of an earlier range is exactly the kind of mistake
// that goes unnoticed, so naming a day twice is SLA107 (with a note at the first key).
void read_hours(const yaml::Reader& reader, const yaml::MapEntry& hours, CalendarSource& calendar) {
  if (!reader.expect_map(hours.value, "'hours'")) return;
  const yaml::MapReader map(reader, hours.value,
                            fmt::format("'hours' of calendar '{}'", calendar.id));
  Weekly<const yaml::MapEntry*> named_by{};
  for (const auto& entry : map.entries()) {
    std::string problem;
    std::optional<std::string> suggestion;
    const auto key = parse_weekday_key(entry.key, problem, suggestion);
    if (!key) {
      std::vector<DiagnosticNote> notes;
      if (suggestion) notes.push_back(yaml::did_you_mean(*suggestion, entry.key_at));
      reader.error(entry.key_at, code::bad_weekday, problem, std::move(notes));
      read_windows(reader, entry.value, fmt::format("'{}'", entry.key));  // report these too
      continue;
    }
    const auto windows = read_windows(reader, entry.value, fmt::format("'{}'", entry.key));
    for (const std::chrono::weekday d : WeekdayKey::days) {
      if (!(*key)[d]) continue;
      if (const yaml::MapEntry* first = named_by[d]) {
        reader.error(entry.key_at, code::weekday_twice,
                     fmt::format("{} is given twice in 'hours': by '{}' and by '{}'", to_string(d),
                                 first->key, entry.key),
                     {{first->key_at, fmt::format("'{}' given here", first->key)}});
        break;  // one report per key is enough
      }
    }
    for (const std::chrono::weekday d : WeekdayKey::days) {
      if (!(*key)[d] || named_by[d] != nullptr) continue;
      named_by[d] = &entry;
      if (windows) calendar.weekly[d] = *windows;
    }
  }
}

void read_holidays(const yaml::Reader& reader, const yaml::MapEntry& holidays,
                   CalendarSource& calendar) {
  if (!reader.expect_list(holidays.value, "'holidays'")) return;
  for (const auto& item : reader.items(holidays.value)) {
    if (auto rule = read_holiday(reader, item)) {
      calendar.holidays.push_back(std::move(*rule));
      calendar.holiday_at.push_back(item.at);
    }
  }
}

// `workdays: [2026-02-14, {date: 2026-02-28, hours: ["09:00-17:00"]}]`
void read_workdays(const yaml::Reader& reader, const yaml::MapEntry& workdays,
                   CalendarSource& calendar) {
  if (!reader.expect_list(workdays.value, "'workdays'")) return;
  std::unordered_map<long long, std::size_t> listed;  // date → index in calendar.workdays
  for (const auto& item : reader.items(workdays.value)) {
    MakeUpDay day;
    SourcePosition date_at = item.at;
    if (item.is_map()) {
      const yaml::MapReader map(reader, item, "a make-up working day", {"date", "hours"});
      const yaml::MapEntry* date = map.require("date");
      if (date == nullptr) continue;
      date_at = date->value.at;
      const auto d = read_date(reader, date->value, "'date'");
      if (const auto* hours = map.find("hours")) {
        day.hours = read_windows(reader, hours->value, "'hours'");
        if (!day.hours) continue;
        if (day.hours->empty()) {  // it would close the date it is meant to open
          reader.error(hours->value.at, code::workday_without_hours,
                       "a make-up working day with 'hours: []' would stay closed (to close a "
                       "date, list it under 'holidays' or give it an override)");
          continue;
        }
      }
      if (!d) continue;
      day.date = *d;
    } else if (item.is_scalar()) {
      const auto d = read_date(reader, item, "a make-up working day");
      if (!d) continue;
      day.date = *d;
    } else {
      reader.wrong_kind(item, "a make-up working day", "a date or {date, hours}");
      continue;
    }
    const auto [first, added] = listed.emplace(
        std::chrono::sys_days{day.date}.time_since_epoch().count(), calendar.workdays.size());
    if (!added) {
      reader.error(date_at, code::date_twice,
                   fmt::format("make-up working day {} is listed twice", format_date(day.date)),
                   {{calendar.workday_at[first->second], "first listed here"}});
      continue;
    }
    calendar.workdays.push_back(std::move(day));
    calendar.workday_at.push_back(date_at);
  }
}

// `overrides: {2026-12-24: ["09:00-13:00"], 2026-12-31: []}` — a date's windows replaced.
void read_overrides(const yaml::Reader& reader, const yaml::MapEntry& overrides,
                    CalendarSource& calendar) {
  if (!reader.expect_map(overrides.value, "'overrides'")) return;
  const yaml::MapReader map(reader, overrides.value,
                            fmt::format("'overrides' of calendar '{}'", calendar.id));
  for (const auto& entry : map.entries()) {
    const auto date = read_date_text(reader, entry.key, entry.key_at);
    const auto windows = read_windows(reader, entry.value, fmt::format("override {}", entry.key));
    if (date && windows) {
      calendar.overrides.push_back({*date, *windows});
      calendar.override_at.push_back(entry.key_at);
    }
  }
}

// `covers: {from: 2024-01-01, to: 2026-12-31}` — the dates the holiday data is known for.
void read_covers(const yaml::Reader& reader, const yaml::MapEntry& covers,
                 CalendarSource& calendar) {
  const auto map = yaml::read_keyed_map(reader, covers, "'covers'", {"from", "to"});
  if (!map) return;
  const yaml::MapEntry* from = map->require("from");
  const yaml::MapEntry* to = map->require("to");
  if (from == nullptr || to == nullptr) return;
  const auto first = read_date(reader, from->value, "'from'");
  const auto last = read_date(reader, to->value, "'to'");
  if (!first || !last) return;
  if (*last < *first) {
    reader.error(to->value.at, code::covers_backwards,
                 fmt::format("'covers' ends ({}) before it starts ({})", format_date(*last),
                             format_date(*first)));
    return;
  }
  calendar.covers = DateRange{*first, *last};
  calendar.covers_at = covers.key_at;
}

// `time_zone`: an IANA name or a UTC offset (sla/time_zone.hpp), SLA104 otherwise.
void read_time_zone(const yaml::Reader& reader, const yaml::MapEntry& zone,
                    CalendarSource& calendar) {
  const auto name = reader.text(zone.value, "'time_zone'");
  if (!name) return;
  if (const Parsed<TimeZone> located = TimeZone::try_locate(*name))
    calendar.time_zone = *name;
  else
    reader.error(zone.value.at, code::unknown_time_zone, located.error);
}

void read_calendar_keys(const yaml::Reader& reader, const yaml::MapReader& map,
                        CalendarSource& calendar) {
  if (const auto* extends = map.find("extends")) {
    calendar.extends = reader.text(extends->value, "'extends'");
    calendar.extends_at = extends->value.at;
  }
  // A calendar stands on its own unless it extends another: then it inherits what it omits.
  const bool standalone = map.find("extends") == nullptr;
  if (const auto* zone = standalone ? map.require("time_zone") : map.find("time_zone"))
    read_time_zone(reader, *zone, calendar);
  if (const auto* hours = standalone ? map.require("hours") : map.find("hours"))
    read_hours(reader, *hours, calendar);
  if (const auto* holidays = map.find("holidays")) read_holidays(reader, *holidays, calendar);
  if (const auto* workdays = map.find("workdays")) read_workdays(reader, *workdays, calendar);
  if (const auto* workday_hours = map.find("workday_hours")) {
    calendar.workday_hours = read_windows(reader, workday_hours->value, "'workday_hours'");
    if (calendar.workday_hours && calendar.workday_hours->empty())
      reader.error(workday_hours->value.at, code::workday_without_hours,
                   "'workday_hours: []' would leave every make-up working day without hours of "
                   "its own closed");
  }
  if (const auto* overrides = map.find("overrides")) read_overrides(reader, *overrides, calendar);
  if (const auto* covers = map.find("covers")) read_covers(reader, *covers, calendar);
  if (const auto* beyond = map.find("beyond")) {
    calendar.beyond = reader.choice<BeyondCoverage>(beyond->value, "'beyond'");
    calendar.beyond_at = beyond->key_at;
  }
}

}  // namespace

CalendarSource read_calendar(const yaml::Reader& reader, const yaml::MapEntry& entry) {
  CalendarSource calendar;
  calendar.id = entry.key;
  calendar.at = entry.key_at;
  const std::size_t errors_before = reader.diagnostics().error_count();
  if (const auto map = yaml::read_keyed_map(
          reader, entry, fmt::format("calendar '{}'", calendar.id), kCalendarKeys))
    read_calendar_keys(reader, *map, calendar);
  // Any problem reported on the way, a value that is not a map included, marks it broken.
  calendar.broken = reader.diagnostics().error_count() != errors_before;
  return calendar;
}

}  // namespace sla::rules
