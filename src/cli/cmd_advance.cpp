// sla advance: a date moved by N business days, numpy.busday_offset style (SPEC §2.1).
#include <ostream>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "cli/json_writer.hpp"
#include "sla/iso8601.hpp"

namespace sla::cli {

int run_advance(const ParsedArgs& args, Io& io) {
  const Date date = parse_date_value("date", args.required("date"));
  const int days = parse_int_value("days", args.required("days"));
  const auto convention_text = args.get("convention");
  const RollConvention convention = convention_text
                                        ? parse_convention_value("convention", *convention_text)
                                        : RollConvention::following;

  const CalendarContext ctx = load_calendar(args, io);
  const Date result = ctx.calendar->advance(date, days, convention);

  if (!args.has("json")) {
    io.out << format_date(result) << '\n';
    return exit_ok;
  }
  JsonWriter json;
  json.begin_object()
      .field("calendar", ctx.calendar->id())
      .field("date", format_date(date))
      .field("days", days)
      .field("convention", convention_name(convention))
      .field("result", format_date(result))
      .end_object();
  io.out << json.str() << '\n';
  return exit_ok;
}

}  // namespace sla::cli
