#include "rules/civil_values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <tuple>

#include "rules/codes.hpp"
#include "sla/calendar.hpp"
#include "sla/calendar_check.hpp"
#include "sla/iso8601.hpp"
#include "sla/words.hpp"
#include "time/civil_names.hpp"
#include "yaml/codes.hpp"
#include "yaml/suggest.hpp"

namespace sla::rules {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Monday-first index (0 = mon … 6 = sun) of a weekday key, or -1: ranges ("mon-fri") are
// written in this order.
int monday_index(std::string_view key) {
  const auto day = parse<std::chrono::weekday>(key);
  return day ? static_cast<int>(day->iso_encoding()) - 1 : -1;
}

// What the author probably meant by a weekday-like word: "Monday", "MON", "tues" → "mon".
std::optional<std::string> weekday_guess(std::string_view word) {
  const std::string w = lower(word);
  for (const std::chrono::weekday d : WeekdayKey::days) {
    if (w.size() >= 2 && lower(detail::weekday_name(d)).substr(0, w.size()) == w)
      return std::string(to_string(d));
  }
  return yaml::closest_match(w, words<std::chrono::weekday>());
}

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

struct WrittenWindow {
  LocalWindow window;
  SourcePosition at;
  std::string text;
};

// The code for a problem of check(DayWindows) among windows that parsed.
std::string_view window_code(CalendarProblem::Kind kind) {
  return kind == CalendarProblem::Kind::touching_windows      ? code::touching_windows
         : kind == CalendarProblem::Kind::overlapping_windows ? code::overlapping_windows
         : kind == CalendarProblem::Kind::too_many_windows    ? code::too_many_windows
                                                              : code::bad_window;
}

std::optional<LocalWindow> parse_window(const yaml::Reader& reader, const yaml::Value& value,
                                        const std::string& text) {
  const auto dash = text.find('-');
  if (dash == std::string::npos || text.find('-', dash + 1) != std::string::npos) {
    reader.error(value.at, code::bad_window,
                 fmt::format("invalid window '{}' (expected \"HH:MM-HH:MM\", e.g. "
                             "\"09:00-17:00\")",
                             text));
    return std::nullopt;
  }
  const std::string open_text = trim(std::string_view(text).substr(0, dash));
  const std::string close_text = trim(std::string_view(text).substr(dash + 1));
  minutes open{}, close{};
  for (const auto& [part, out] : {std::pair{&open_text, &open}, std::pair{&close_text, &close}}) {
    const Parsed<minutes> time = try_parse_time_of_day(*part);
    if (!time) {
      reader.error(value.at, code::bad_window,
                   fmt::format("invalid time '{}' in window '{}' (expected HH:MM from 00:00 to "
                               "24:00)",
                               *part, text));
      return std::nullopt;
    }
    *out = *time;
  }
  if (open == hours{24}) {
    reader.error(value.at, code::bad_window,
                 fmt::format("window '{}' opens at 24:00; write 00:00 (a window belongs to the "
                             "day it opens on)",
                             text));
    return std::nullopt;
  }
  return LocalWindow::from_clock(open, close);
}

}  // namespace

std::optional<Date> read_date_text(const yaml::Reader& reader, const std::string& text,
                                   const SourcePosition& at) {
  if (const Parsed<Date> date = try_parse_date(text)) {
    const int year = static_cast<int>(date->year());
    if (year >= kFirstCalendarYear && year <= kLastCalendarYear) return *date;
    // A date no calendar computes in would validate and never apply.
    reader.error(at, code::date_unsupported,
                 fmt::format("{} is outside the years calendars compute in ({}-{}), so it would "
                             "never apply",
                             text, kFirstCalendarYear, kLastCalendarYear));
    return std::nullopt;
  }
  // Well-formed but not on the calendar (2026-02-30)? Say which month is too short.
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' &&
      std::from_chars(text.data(), text.data() + 4, y).ptr == text.data() + 4 &&
      std::from_chars(text.data() + 5, text.data() + 7, m).ptr == text.data() + 7 &&
      std::from_chars(text.data() + 8, text.data() + 10, d).ptr == text.data() + 10 && m >= 1 &&
      m <= 12 && d >= 1) {
    const std::chrono::year_month_day_last last{std::chrono::year{y} / std::chrono::month{m} /
                                                std::chrono::last};
    reader.error(at, code::bad_date,
                 fmt::format("{} does not exist: {} {} has {} days", text,
                             detail::month_name(std::chrono::month{m}), y,
                             static_cast<unsigned>(last.day())));
    return std::nullopt;
  }
  reader.error(at, code::bad_date,
               fmt::format("'{}' is not a date (expected YYYY-MM-DD, e.g. 2026-10-01)", text));
  return std::nullopt;
}

std::optional<Date> read_date(const yaml::Reader& reader, const yaml::Value& value,
                              std::string_view what) {
  const auto text = reader.text(value, what);
  if (!text) return std::nullopt;
  return read_date_text(reader, *text, value.at);
}

std::optional<DayWindows> read_windows(const yaml::Reader& reader, const yaml::Value& value,
                                       std::string_view what) {
  if (!reader.expect_list(value, what)) return std::nullopt;
  bool ok = true;
  std::vector<WrittenWindow> written;
  for (const auto& item : reader.items(value)) {
    const auto text = reader.text(item, "a window");
    if (!text) {
      ok = false;
      continue;
    }
    if (auto window = parse_window(reader, item, *text))
      written.push_back({*window, item.at, *text});
    else
      ok = false;
  }
  DayWindows windows;
  for (const auto& w : written) windows.push_back(w.window);
  // Overlapping and touching windows among those that parsed, reported at whichever of the two
  // is written later, with a note at the other.
  for (const CalendarProblem& problem : check(windows)) {
    if (problem.kind == CalendarProblem::Kind::too_many_windows) {
      reader.error(written[problem.window].at, code::too_many_windows,
                   fmt::format("{} has {} windows; a day may have at most {} (this is window {})",
                               what, windows.size(), kMaxWindowsPerDay, problem.window + 1));
      return std::nullopt;
    }
    const WrittenWindow& a = written[problem.window];
    const WrittenWindow& b = written[problem.other_window];
    const bool a_later = std::tie(a.at.line, a.at.column) > std::tie(b.at.line, b.at.column);
    const WrittenWindow& here = a_later ? a : b;
    const WrittenWindow& there = a_later ? b : a;
    reader.error(here.at, window_code(problem.kind), problem.message,
                 {{there.at, fmt::format("'{}' is here", there.text)}});
    ok = false;
  }
  if (!ok) return std::nullopt;
  return windows;
}

std::optional<std::chrono::weekday> read_weekday(const yaml::Reader& reader,
                                                 const yaml::Value& value, std::string_view what) {
  const auto text = reader.text(value, what);
  if (!text) return std::nullopt;
  if (const auto day = parse<std::chrono::weekday>(*text)) return day;
  std::vector<DiagnosticNote> notes;
  if (auto guess = weekday_guess(*text)) notes.push_back(yaml::did_you_mean(*guess, value.at));
  reader.error(
      value.at, code::bad_weekday,
      fmt::format("'{}' is not a weekday (expected mon, tue, wed, thu, fri, sat or sun)", *text),
      std::move(notes));
  return std::nullopt;
}

std::optional<WeekdayKey> parse_weekday_key(std::string_view key, std::string& problem,
                                            std::optional<std::string>& suggestion) {
  WeekdayKey out;
  auto set_range = [&](int first, int last) {
    for (int i = first; i <= last; ++i) out[WeekdayKey::days[static_cast<std::size_t>(i)]] = true;
  };
  if (key == "daily") {
    set_range(0, 6);
    return out;
  }
  const auto dash = key.find('-');
  if (dash == std::string_view::npos) {
    if (const int i = monday_index(key); i >= 0) {
      set_range(i, i);
      return out;
    }
    problem = fmt::format(
        "'{}' is not a weekday key (expected mon..sun, a range like mon-fri, "
        "or daily)",
        key);
    if (lower(key) == "weekdays")
      suggestion = "mon-fri";
    else if (lower(key) == "weekends" || lower(key) == "weekend")
      suggestion = "sat-sun";
    else if (auto g = weekday_guess(key))
      suggestion = *g;
    else if (auto d = yaml::closest_match(key, {"daily"}))
      suggestion = *d;
    return std::nullopt;
  }
  const std::string_view first_text = key.substr(0, dash), last_text = key.substr(dash + 1);
  const int first = monday_index(first_text), last = monday_index(last_text);
  if (first < 0 || last < 0) {
    problem =
        fmt::format("'{}' is not a weekday range (expected two of mon..sun, like mon-fri)", key);
    const auto g1 = first < 0 ? weekday_guess(first_text) : std::string(first_text);
    const auto g2 = last < 0 ? weekday_guess(last_text) : std::string(last_text);
    if (g1 && g2) suggestion = *g1 + "-" + *g2;
    return std::nullopt;
  }
  if (last < first) {
    const std::string tail = first_text == "sun" ? "sun" : fmt::format("{}-sun", first_text);
    const std::string head = last_text == "mon" ? "mon" : fmt::format("mon-{}", last_text);
    problem = fmt::format(
        "weekday range '{}' runs backwards; ranges go from mon to sun (write "
        "'{}' and '{}' as two keys)",
        key, tail, head);
    return std::nullopt;
  }
  set_range(first, last);
  return out;
}

}  // namespace sla::rules
