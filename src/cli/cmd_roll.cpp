// sla roll: a time moved to the calendar's next open instant (--forward) or previous close
// (--backward); a time already inside a window stays (SPEC §2.1).
#include <ostream>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "cli/json_writer.hpp"
#include "sla/iso8601.hpp"

namespace sla::cli {

int run_roll(const ParsedArgs& args, Io& io) {
  const CalendarContext ctx = load_calendar(args, io);
  const TimeZone& zone = ctx.calendar->time_zone();
  const Instant at = parse_time_value("at", args.required("at"), zone);
  const bool forward = args.has("forward");  // the parser guarantees exactly one direction
  const Instant result = forward ? ctx.calendar->roll_forward(at) : ctx.calendar->roll_backward(at);

  if (!args.has("json")) {
    io.out << format_instant(result, zone) << '\n';
    return exit_ok;
  }
  JsonWriter json;
  json.begin_object()
      .field("calendar", ctx.calendar->id())
      .field("at", format_instant(at, zone))
      .field("direction", forward ? "forward" : "backward")
      .field("result", format_instant(result, zone))
      .field("result_utc", format_utc(result))
      .end_object();
  io.out << json.str() << '\n';
  return exit_ok;
}

}  // namespace sla::cli
