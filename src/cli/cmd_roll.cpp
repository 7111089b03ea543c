// sla roll: a time moved to the calendar's next open instant (--forward) or previous close
// (--backward); a time already inside a window stays (docs/semantics.md §2.1).

#include "command.hpp"
#include "common.hpp"
#include "emit.hpp"
#include "sla/iso8601.hpp"

namespace sla::cli {

int run_roll(const ParsedArgs& args, Io& io) {
  const CalendarContext ctx = load_calendar(args, io);
  const TimeZone& zone = ctx.calendar->time_zone();
  const Instant at = parse_time_value("at", args.required("at"), zone);
  const bool forward = args.has("forward");  // the parser guarantees exactly one direction
  const Instant result = forward ? ctx.calendar->roll_forward(at) : ctx.calendar->roll_backward(at);

  return emit(args, io, format_instant(result, zone) + '\n',
              {{"calendar", ctx.calendar->id()},
               {"at", format_instant(at, zone)},
               {"direction", forward ? "forward" : "backward"},
               {"result", format_instant(result, zone)},
               {"result_utc", format_utc(result)}});
}

}  // namespace sla::cli
