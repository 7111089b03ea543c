// sla between: the business seconds B(from, to), negative when to < from (SPEC §2.1).
#include <ostream>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "cli/json_writer.hpp"
#include "sla/iso8601.hpp"

namespace sla::cli {

int run_between(const ParsedArgs& args, Io& io) {
  const CalendarContext ctx = load_calendar(args, io);
  const TimeZone& zone = ctx.calendar->time_zone();
  const Instant from = parse_time_value("from", args.required("from"), zone);
  const Instant to = parse_time_value("to", args.required("to"), zone);
  const long long seconds = ctx.calendar->between(from, to).count();

  if (!args.has("json")) {
    io.out << seconds << '\n';
    return exit_ok;
  }
  JsonWriter json;
  json.begin_object()
      .field("calendar", ctx.calendar->id())
      .field("from", format_instant(from, zone))
      .field("to", format_instant(to, zone))
      .field("result", seconds)
      .end_object();
  io.out << json.str() << '\n';
  return exit_ok;
}

}  // namespace sla::cli
