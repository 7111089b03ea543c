// sla add: a time plus a duration on a calendar's clock (docs/semantics.md §2.1, §2.2).

#include "command.hpp"
#include "common.hpp"
#include "emit.hpp"
#include "sla/iso8601.hpp"

namespace sla::cli {

int run_add(const ParsedArgs& args, Io& io) {
  // Values that need no calendar are checked first, so a typo is reported before file errors.
  const DurationSpec duration = parse_duration_value("duration", args.required("duration"));
  const auto landing_text = args.get("landing");
  const Landing landing =
      landing_text ? parse_landing_value("landing", *landing_text) : Landing::close;

  const CalendarContext ctx = load_calendar(args, io);
  const TimeZone& zone = ctx.calendar->time_zone();
  const Instant start = parse_time_value("start", args.required("start"), zone);
  const Instant result = ctx.calendar->add(start, duration, landing);

  return emit(args, io, format_instant(result, zone) + '\n',
              {{"calendar", ctx.calendar->id()},
               {"start", format_instant(start, zone)},
               {"duration", duration.to_string()},
               {"landing", landing_name(landing)},
               {"result", format_instant(result, zone)},
               {"result_utc", format_utc(result)}});
}

}  // namespace sla::cli
