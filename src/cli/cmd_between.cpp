// sla between: the business seconds B(from, to), negative when to < from (docs/semantics.md §2.1).

#include <string>

#include "command.hpp"
#include "common.hpp"
#include "emit.hpp"
#include "sla/iso8601.hpp"

namespace sla::cli {

int run_between(const ParsedArgs& args, Io& io) {
  const CalendarContext ctx = load_calendar(args, io);
  const TimeZone& zone = ctx.calendar->time_zone();
  const Instant from = parse_time_value("from", args.required("from"), zone);
  const Instant to = parse_time_value("to", args.required("to"), zone);
  const long long seconds = ctx.calendar->between(from, to).count();

  return emit(args, io, std::to_string(seconds) + '\n',
              {{"calendar", ctx.calendar->id()},
               {"from", format_instant(from, zone)},
               {"to", format_instant(to, zone)},
               {"result", seconds}});
}

}  // namespace sla::cli
