// sla windows: every date of a range with its open windows and why it has them, one date a line:
//
//   2026-10-01 Thu closed (holiday: National Day)
//   2026-02-14 Sat 09:00-12:00 13:00-18:00 (make-up workday)
//   2026-11-23 Mon 09:00-12:00 13:00-18:00
//
// Windows are shown as the rules write them, in local clock time of the date that owns them: an
// overnight window reads 22:00-06:00 and a close at the end of the day reads 24:00. On a DST
// day the clock text is the rule's; the instants (--json: open_at / close_at) follow the gap
// and overlap rule of sla/time_zone.hpp.
#include <fmt/format.h>

#include "command.hpp"
#include "common.hpp"
#include "emit.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"
#include "sla/words.hpp"

namespace sla::cli {
namespace {

// The clock reading of `t` on the date `day` owns: "09:00", "06:00" for a close after midnight,
// "24:00" for a close at the very end of the day. Seconds appear only if a window has them.
std::string clock_text(LocalTime t, Date day, bool is_close) {
  using namespace std::chrono;
  const Seconds since_midnight = t - LocalTime{sys_days{day}.time_since_epoch()};
  if (is_close && since_midnight == hours{24}) return "24:00";
  const hh_mm_ss<Seconds> clock{since_midnight % days{1}};
  std::string text = fmt::format("{:02}:{:02}", clock.hours().count(), clock.minutes().count());
  if (clock.seconds().count() != 0) text += fmt::format(":{:02}", clock.seconds().count());
  return text;
}

std::string text_line(const DaySchedule& day) {
  std::string line = fmt::format("{} {}", format_date(day.date), weekday_name(day.date));
  if (day.windows.empty()) line += " closed";
  for (const auto& w : day.windows)
    line += fmt::format(" {}-{}", clock_text(w.local_open, w.day, false),
                        clock_text(w.local_close, w.day, true));
  switch (day.kind) {
    case DayKind::weekly:
      break;
    case DayKind::holiday:
      line += day.name.empty() ? " (holiday)" : fmt::format(" (holiday: {})", day.name);
      break;
    case DayKind::make_up_workday:
      line += " (make-up workday)";
      break;
    case DayKind::override_hours:
      line += " (override)";
      break;
  }
  return line;
}

Json json_day(const DaySchedule& day, const TimeZone& zone) {
  Json windows = Json::array();
  for (const auto& w : day.windows)
    windows.push_back({{"open", clock_text(w.local_open, w.day, false)},
                       {"close", clock_text(w.local_close, w.day, true)},
                       {"open_at", format_instant(w.open, zone)},
                       {"close_at", format_instant(w.close, zone)}});
  return {{"date", format_date(day.date)},
          {"weekday", weekday_name(day.date)},
          {"kind", to_string(day.kind)},
          {"name", day.name},
          {"windows", std::move(windows)}};
}

}  // namespace

int run_windows(const ParsedArgs& args, Io& io) {
  const Date from = parse_date_value("from", args.required("from"));
  const Date to = parse_date_value("to", args.required("to"));
  if (to < from)
    throw Error(fmt::format("--from {} is after --to {} (the range is inclusive: from <= to)",
                            format_date(from), format_date(to)));

  const CalendarContext ctx = load_calendar(args, io);
  // Everything is computed before anything is printed: a failure (a date past the supported
  // years) then leaves no partial output behind.
  std::string text;
  Json days = Json::array();
  const std::chrono::sys_days last{to};
  for (std::chrono::sys_days d{from}; d <= last; d += std::chrono::days{1}) {
    const DaySchedule day = ctx.calendar->schedule(Date{d});
    text += text_line(day) + '\n';
    days.push_back(json_day(day, ctx.calendar->time_zone()));
  }
  return emit(args, io, text,
              {{"calendar", ctx.calendar->id()},
               {"from", format_date(from)},
               {"to", format_date(to)},
               {"days", std::move(days)}});
}

}  // namespace sla::cli
