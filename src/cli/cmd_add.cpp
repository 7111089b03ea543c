// sla add: a time plus a duration on a calendar's clock (SPEC §2.1, §2.2).
#include <ostream>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "cli/json_writer.hpp"
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

  if (!args.has("json")) {
    io.out << format_instant(result, zone) << '\n';
    return exit_ok;
  }
  JsonWriter json;
  json.begin_object()
      .field("calendar", ctx.calendar->id())
      .field("start", format_instant(start, zone))
      .field("duration", duration.to_string())
      .field("landing", landing_name(landing))
      .field("result", format_instant(result, zone))
      .field("result_utc", format_utc(result))
      .end_object();
  io.out << json.str() << '\n';
  return exit_ok;
}

}  // namespace sla::cli
